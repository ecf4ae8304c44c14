// A stand-in for archive sites in tests: an HTTP server on 127.0.0.1 that answers each request
// with what a route function gives (a file, a body, a redirect) or 404, and records every request
// (path and query). Pages are served from the corpus's web-archives/ under the URL shapes of the
// sites that wrote them; `patchlore add --page-base HOST=URL` sends a site's requests here. Every
// server started is closed by close() (call it in afterAll).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/** What to answer one request with. */
export type SiteAnswer =
  | { kind: 'file'; path: string; type: string }
  | { kind: 'body'; body: string | Buffer; type: string }
  | { kind: 'redirect'; location: string };

export interface PageSites {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Paths (with query) requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serve `route` on 127.0.0.1. */
export async function startPageSites(route: (pathAndQuery: string) => SiteAnswer | null): Promise<PageSites> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    let answer: SiteAnswer | null = null;
    try {
      answer = route(path);
    } catch {
      answer = null;
    }
    if (!answer) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not Found</body></html>');
      return;
    }
    if (answer.kind === 'redirect') {
      res.writeHead(302, { location: answer.location }).end();
      return;
    }
    let body: Buffer;
    try {
      body = answer.kind === 'file' ? readFileSync(answer.path) : Buffer.from(answer.body);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': answer.type, 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const a = server.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
