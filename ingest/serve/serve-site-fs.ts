// A static file server for a built site, on the loopback interface by default: the pages with
// the site's Content-Security-Policy as a real header, percent-decoded paths (so /m/<msgid>/
// finds the directory named after the ID), and nothing served from outside the site directory.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Map a request path to a file inside `root`, or null when it would leave it. */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

export async function serveSite(dir: string, opts: { host?: string; port?: number } = {}): Promise<RunningServer> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    void (async () => {
      const headers = {
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      };
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
        return;
      }
      let file = resolveRequestPath(root, req.url ?? '/');
      if (!file) {
        res.writeHead(400, headers).end('bad path\n');
        return;
      }
      let st = await stat(file).catch(() => null);
      if (st?.isDirectory()) {
        if (!(req.url ?? '/').split('?')[0]!.endsWith('/')) {
          res.writeHead(301, { ...headers, Location: (req.url ?? '/').replace(/^([^?]*)/, '$1/') }).end();
          return;
        }
        file = join(file, 'index.html');
        st = await stat(file).catch(() => null);
      }
      if (!st?.isFile()) {
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': st.size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    })().catch((err: Error) => {
      res.destroy(err);
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return {
    url: `http://${host}:${port}/`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
