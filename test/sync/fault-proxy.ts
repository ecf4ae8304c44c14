// A small HTTP proxy that sits between patchlore and a real server (public-inbox-httpd,
// Patchwork) and misbehaves on purpose: answers 503 (with or without Retry-After), resets the
// connection mid-body, stalls past the client's timeout, ends a gzip body early but cleanly,
// serves an HTML page instead of mail, redirects, throttles. Rules match requests by method and URL and fire a number of times; every
// request is recorded (arrival time, method, URL, headers, what was done) so tests can check
// pacing, retries and that a 4xx was asked once. Listens on 127.0.0.1 only.
import { createHash } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** What to do instead of (or to) the real answer. */
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'reset'; afterBytes: number }
  | { kind: 'stall'; afterBytes: number; ms: number }
  | { kind: 'truncate'; keepBytes: number }
  | { kind: 'html' }
  | { kind: 'hang'; ms: number }
  | { kind: 'throttle'; bytesPerSecond: number }
  /** Answer with a redirect to where `location` says (given the request path and query). */
  | { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: (url: string) => string };

export interface FaultRule {
  method?: string;
  /** Matched against the request path and query. */
  url: RegExp;
  /** How many matching requests get the fault (Infinity for all). */
  times: number;
  fault: Fault;
}

/** One request as the proxy saw it. */
export interface ProxyRecord {
  /** Arrival time, ms since the epoch (Date.now()). */
  t: number;
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** The fault applied, or 'pass'. */
  action: string;
  /** Status sent (0 when the connection was cut before headers). */
  status: number;
}

export interface FaultProxy {
  /** http://127.0.0.1:PORT, a base URL standing in for the server. */
  url: string;
  records: ProxyRecord[];
  rules: FaultRule[];
  /** Bytes of upstream bodies passed to clients so far. */
  bytesSent: number;
  /** Serve ETags and answer If-None-Match with 304 for GETs matching this (a CDN in front). */
  etags: RegExp | null;
  close(): Promise<void>;
}

const HTML_PAGE = '<!doctype html><html><head><title>Making sure you&#39;re not a bot!</title></head><body>Please enable JavaScript.</body></html>\n';

/** Start a proxy in front of `upstream` (a base URL such as http://127.0.0.1:1234). With
 *  `preserveHost` the upstream sees the client's Host header (so a server that builds absolute
 *  URLs from it, as Django does, writes the proxy's), else its own. */
export async function startFaultProxy(upstream: string, opts: { preserveHost?: boolean } = {}): Promise<FaultProxy> {
  const up = new URL(upstream);
  const proxy: FaultProxy = { url: '', records: [], rules: [], bytesSent: 0, etags: null, close: async () => undefined };
  const sockets = new Set<import('node:net').Socket>();

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const rec: ProxyRecord = { t: Date.now(), method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, action: 'pass', status: 0 };
    proxy.records.push(rec);
    const rule = proxy.rules.find((r) => r.times > 0 && (!r.method || r.method === rec.method) && r.url.test(rec.url));
    const fault = rule?.fault ?? null;
    // A fault that cuts a body (reset, stall, truncate) fires, and counts, only when the body is
    // longer than where it cuts: git's small ref listings pass and the rule stays armed.
    const fire = (): void => {
      rule!.times--;
      rec.action = fault!.kind;
    };
    if (fault && fault.kind !== 'reset' && fault.kind !== 'stall' && fault.kind !== 'truncate') fire();
    if (fault?.kind === 'status') {
      req.resume();
      rec.status = fault.status;
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}) });
      res.end(`${fault.status} injected by the fault proxy\n`);
      return;
    }
    if (fault?.kind === 'hang') {
      // Accept the request, never answer; drop the connection later.
      req.resume();
      setTimeout(() => res.socket?.destroy(), fault.ms).unref();
      return;
    }
    if (fault?.kind === 'redirect') {
      req.resume();
      rec.status = fault.status;
      res.writeHead(fault.status, { location: fault.location(rec.url), 'content-length': '0' });
      res.end();
      return;
    }
    if (fault?.kind === 'html') {
      req.resume();
      rec.status = 200;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(HTML_PAGE);
      return;
    }
    const headers = opts.preserveHost ? { ...req.headers } : { ...req.headers, host: up.host };
    const upReq = request({ host: up.hostname, port: up.port, method: req.method, path: req.url, headers }, (upRes) => {
      const status = upRes.statusCode ?? 502;
      const h = { ...upRes.headers };
      const cdn = proxy.etags && rec.method === 'GET' && status === 200 && proxy.etags.test(rec.url);
      if (fault || cdn) {
        // The body is rewritten or cut: its length is not the upstream's any more.
        delete h['content-length'];
        delete h['transfer-encoding'];
      }
      if (cdn) {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          const body = Buffer.concat(chunks);
          const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
          if (req.headers['if-none-match'] === etag) {
            rec.status = 304;
            res.writeHead(304, { etag });
            res.end();
            return;
          }
          rec.status = 200;
          res.writeHead(200, { ...h, etag, 'content-length': String(body.length) });
          proxy.bytesSent += body.length;
          res.end(body);
        });
        return;
      }
      rec.status = status;
      if (!fault) {
        res.writeHead(status, h);
        upRes.on('data', (c: Buffer) => {
          proxy.bytesSent += c.length;
          res.write(c);
        });
        upRes.on('end', () => res.end());
        return;
      }
      if (fault.kind === 'truncate') {
        const chunks: Buffer[] = [];
        upRes.on('data', (c: Buffer) => chunks.push(c));
        upRes.on('end', () => {
          const body = Buffer.concat(chunks);
          const cut = body.length > fault.keepBytes ? body.subarray(0, fault.keepBytes) : body;
          if (cut !== body) fire();
          res.writeHead(status, { ...h, 'content-length': String(cut.length) });
          proxy.bytesSent += cut.length;
          res.end(cut);
        });
        return;
      }
      res.writeHead(status, h);
      let sent = 0;
      let cut = false;
      const limit = fault.kind === 'reset' || fault.kind === 'stall' ? fault.afterBytes : Infinity;
      const queue: Buffer[] = [];
      let draining = false;
      const drain = async (): Promise<void> => {
        if (draining) return;
        draining = true;
        while (queue.length && !cut) {
          const c = queue.shift()!;
          if (fault.kind === 'throttle') {
            for (let i = 0; i < c.length && !res.destroyed; i += 1024) {
              const piece = c.subarray(i, i + 1024);
              res.write(piece);
              proxy.bytesSent += piece.length;
              await new Promise((r) => setTimeout(r, (piece.length / fault.bytesPerSecond) * 1000));
            }
            continue;
          }
          const room = limit - sent;
          const piece = c.subarray(0, Math.max(0, room));
          if (piece.length) {
            res.write(piece);
            sent += piece.length;
            proxy.bytesSent += piece.length;
          }
          if (sent >= limit && c.length > piece.length) {
            cut = true;
            fire();
            upRes.destroy();
            if (fault.kind === 'reset') res.socket?.destroy();
            else if (fault.kind === 'stall') setTimeout(() => res.socket?.destroy(), fault.ms).unref();
          }
        }
        draining = false;
        if (upEnded && queue.length === 0 && !cut) res.end();
      };
      let upEnded = false;
      upRes.on('data', (c: Buffer) => {
        queue.push(c);
        void drain();
      });
      upRes.on('end', () => {
        upEnded = true;
        void drain();
      });
    });
    upReq.on('error', () => {
      rec.status = 502;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('upstream unreachable\n');
    });
    req.pipe(upReq);
  };

  const server: Server = createServer(handle);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  proxy.url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  proxy.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return proxy;
}

/** Gaps in ms between consecutive records. */
export function gaps(records: ProxyRecord[]): number[] {
  return records.slice(1).map((r, i) => r.t - records[i]!.t);
}
