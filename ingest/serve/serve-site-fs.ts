// A static file server for a built site, on the loopback interface by default: the pages with
// the site's Content-Security-Policy as a real header, percent-decoded paths (so /m/<msgid>/
// finds the directory named after the ID), and nothing served from outside the site directory.
// Text (pages, scripts, styles, the search index) is sent gzip-compressed to clients that accept
// it, as the static hosts the search budgets assume do: a precompressed sibling `FILE.gz` when
// the build left one, else compressed once and kept in a bounded cache.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';

const gzip = promisify(gzipCallback);

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

/** Types worth compressing (images other than SVG are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.txt']);
/** Smaller files go as they are: gzip's header and a round of deflate cost more than they save
 *  (the figure nginx's gzip_min_length examples and most CDNs use is about 1 KB). */
export const MIN_GZIP_BYTES = 1024;
/** Compressed bytes kept in memory; the oldest go first past this. A search query touches a few
 *  hundred KB, the whole nvdimm index is about 30 MB compressed. */
export const GZIP_CACHE_BYTES = 64 * 1024 * 1024;

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

/** Whether the request's Accept-Encoding allows gzip (RFC 9110 12.5.3: "gzip" or "*", not with
 *  q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let star = false;
  for (const part of value.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const allowed = !q || Number(q.slice(2)) > 0;
    if (coding === 'gzip' || coding === 'x-gzip') return allowed;
    if (coding === '*') star = allowed;
  }
  return star;
}

/** Compressed files by path, with the size and time of the file they were made from; oldest
 *  first (a Map keeps insertion order). */
class GzipCache {
  private readonly entries = new Map<string, { size: number; mtimeMs: number; body: Buffer }>();
  private bytes = 0;
  constructor(private readonly limit: number) {}

  async get(file: string, size: number, mtimeMs: number): Promise<Buffer> {
    const hit = this.entries.get(file);
    if (hit && hit.size === size && hit.mtimeMs === mtimeMs) return hit.body;
    const body = await gzip(await readFile(file), { level: 6 });
    if (hit) {
      this.entries.delete(file);
      this.bytes -= hit.body.length;
    }
    if (body.length <= this.limit) {
      this.entries.set(file, { size, mtimeMs, body });
      this.bytes += body.length;
      for (const [k, v] of this.entries) {
        if (this.bytes <= this.limit) break;
        this.entries.delete(k);
        this.bytes -= v.body.length;
      }
    }
    return body;
  }
}

/** The compressed body of a file: its precompressed sibling when that is at least as new. */
async function compressed(file: string, size: number, mtimeMs: number, cache: GzipCache): Promise<{ body: Buffer } | { path: string; size: number }> {
  const pre = await stat(`${file}.gz`).catch(() => null);
  if (pre?.isFile() && pre.mtimeMs >= mtimeMs) return { path: `${file}.gz`, size: pre.size };
  return { body: await cache.get(file, size, mtimeMs) };
}

export async function serveSite(dir: string, opts: { host?: string; port?: number; gzipCacheBytes?: number } = {}): Promise<RunningServer> {
  const root = resolve(dir);
  const cache = new GzipCache(opts.gzipCacheBytes ?? GZIP_CACHE_BYTES);
  const handle = async (req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> => {
    const headers: Record<string, string | number> = {
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
    const ext = extname(file);
    headers['Content-Type'] = TYPES[ext] ?? 'application/octet-stream';
    if (COMPRESSIBLE.has(ext)) {
      // Caches must keep the two encodings apart.
      headers['Vary'] = 'Accept-Encoding';
      if (st.size >= MIN_GZIP_BYTES && acceptsGzip(req.headers['accept-encoding'])) {
        const gz = await compressed(file, st.size, st.mtimeMs, cache);
        headers['Content-Encoding'] = 'gzip';
        if ('body' in gz) {
          res.writeHead(200, { ...headers, 'Content-Length': gz.body.length }).end(req.method === 'HEAD' ? undefined : gz.body);
        } else {
          res.writeHead(200, { ...headers, 'Content-Length': gz.size });
          if (req.method === 'HEAD') res.end();
          else createReadStream(gz.path).pipe(res);
        }
        return;
      }
    }
    res.writeHead(200, { ...headers, 'Content-Length': st.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
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
