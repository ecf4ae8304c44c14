// The HTTP client against a tiny local server: cache and conditional requests, redirects,
// mirrors, limits, body checks. Faults against a real public-inbox: test/sync/.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/mail-builder.ts';
import { EnvironmentError } from '../environment-error.ts';
import { HttpCache } from './http-cache-fs.ts';
import { HttpClient } from './http-client-fs.ts';
import type { HttpSettings } from './sync-types.ts';

const SETTINGS: HttpSettings = {
  userAgent: 'patchlore/0.1.0',
  delayMs: 0,
  timeoutMs: 2000,
  retries: 2,
  backoffMs: 10,
  maxBackoffMs: 100,
  maxRetryAfterMs: 1000,
  maxRequests: 100,
  cacheTtlMs: 60_000,
};

const MBOX = 'From mboxrd@z Thu Jan  1 00:00:00 1970\nMessage-ID: <a@b>\nSubject: x\n\nbody\n';
const GZ = gzipSync(MBOX);

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base = '';
let handler: Handler = (_q, res) => res.end();
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let tmp: ReturnType<typeof tempDir>;
let client: HttpClient;
const log: string[] = [];
function newClient(s: Partial<HttpSettings> = {}): HttpClient {
  return new HttpClient({ ...SETTINGS, ...s }, tmp.dir, { log: (l) => log.push(l) });
}
beforeEach(async () => {
  seen.length = 0;
  log.length = 0;
  tmp?.cleanup();
  tmp = tempDir();
  await client?.close();
  client = newClient();
});
afterAll(async () => {
  await client?.close();
  tmp?.cleanup();
});

describe('HttpClient', () => {
  it('sends its User-Agent, saves the body, and revalidates with the validators it got', async () => {
    handler = (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'application/gzip', etag: '"v1"', 'last-modified': 'Mon, 14 Feb 2022 17:01:52 GMT' });
        res.end(GZ);
      }
    };
    const first = await client.fetch({ urls: [`${base}/l/manifest.js.gz`], expect: 'gzip', cache: 'revalidate', label: 't' });
    expect(first).toMatchObject({ kind: 'ok', source: 'network', bytes: GZ.length });
    expect(readFileSync((first as { file: string }).file)).toEqual(GZ);
    const second = await client.fetch({ urls: [`${base}/l/manifest.js.gz`], expect: 'gzip', cache: 'revalidate', label: 't' });
    expect(second).toMatchObject({ kind: 'ok', source: 'not-modified', bytes: GZ.length });
    expect(seen.map((s) => s.headers['user-agent'])).toEqual(['patchlore/0.1.0', 'patchlore/0.1.0']);
    expect(seen[1]!.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Mon, 14 Feb 2022 17:01:52 GMT' });
    expect(client.stats).toMatchObject({ requests: 2, notModified: 1 });
  });

  it('reuses a download younger than the cache TTL without asking, and asks again after it', async () => {
    handler = (_q, res) => res.end(GZ);
    const req = { urls: [`${base}/l/x/t.mbox.gz`], expect: 'gzip' as const, cache: 'ttl' as const, label: 't' };
    await client.fetch(req);
    expect(await client.fetch(req)).toMatchObject({ kind: 'ok', source: 'cache' });
    expect(seen).toHaveLength(1);
    const expired = newClient({ cacheTtlMs: 0 });
    expect(await expired.fetch(req)).toMatchObject({ kind: 'ok', source: 'network' });
    await expired.close();
    expect(seen).toHaveLength(2);
  });

  it('follows redirects (a POST answered 303 becomes a GET)', async () => {
    handler = (req, res) => {
      if (req.url === '/r/a@b') res.writeHead(301, { location: '/all/a@b/raw' }).end();
      else if (req.url === '/all/a@b/raw') res.writeHead(200, { 'content-type': 'text/plain' }).end(MBOX);
      else if (req.url === '/post') res.writeHead(303, { location: `${base}/all/a@b/raw` }).end();
      else res.writeHead(500).end();
    };
    expect(await client.fetch({ urls: [`${base}/r/a@b`], expect: 'mbox', cache: 'none', label: 't' })).toMatchObject({ kind: 'ok', url: `${base}/all/a@b/raw` });
    expect(await client.fetch({ urls: [`${base}/post`], method: 'POST', body: 'x=1', expect: 'mbox', cache: 'none', label: 't' })).toMatchObject({ kind: 'ok' });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['GET /r/a@b', 'GET /all/a@b/raw', 'POST /post', 'GET /all/a@b/raw']);
  });

  it('asks an API for JSON and hands back its Link header, also from the cache; refuses an HTML page as not JSON', async () => {
    const link = '<http://127.0.0.1:1/api/1.3/patches/?page=2>; rel="next"';
    handler = (req, res) => {
      if (req.url === '/html') res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Server Error (500)</title>');
      else res.writeHead(200, { 'content-type': 'application/json', link: [link, '<http://127.0.0.1:1/api/1.3/patches/?page=9>; rel="last"'] }).end('[{"id":1}]');
    };
    const req = { urls: [`${base}/api/1.3/patches/`], expect: 'json' as const, cache: 'ttl' as const, label: 't' };
    expect(await client.fetch(req)).toMatchObject({ kind: 'ok', source: 'network', link: `${link}, <http://127.0.0.1:1/api/1.3/patches/?page=9>; rel="last"` });
    expect(await client.fetch(req)).toMatchObject({ kind: 'ok', source: 'cache', link: expect.stringContaining('rel="next"') });
    expect(seen[0]!.headers.accept).toBe('application/json');
    const html = await client.fetch({ urls: [`${base}/html`], expect: 'json', cache: 'none', label: 't' });
    expect(html).toMatchObject({ kind: 'failed', problem: { code: 'http/not-json', attempts: 1, message: expect.stringMatching(/^expected a JSON document, got an HTML page/) } });
  });

  it('returns 404 as an answer after one request', async () => {
    handler = (_q, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('No results found\n');
    expect(await client.fetch({ urls: [`${base}/l/?q=zz&x=m`], method: 'POST', expect: 'gzip', cache: 'none', label: 't' })).toMatchObject({ kind: 'not-found', status: 404, text: 'No results found', attempts: 1 });
    expect(seen).toHaveLength(1);
  });

  it('falls back to a mirror when the server keeps failing, and reports the failure as a warning', async () => {
    handler = (req, res) => (req.url!.startsWith('/primary') ? res.writeHead(503).end() : res.end(GZ));
    const r = await client.fetch({ urls: [`${base}/primary/t.mbox.gz`, `${base}/mirror/t.mbox.gz`], expect: 'gzip', cache: 'none', label: 'thread' });
    expect(r).toMatchObject({ kind: 'ok', url: `${base}/mirror/t.mbox.gz`, warnings: [{ code: 'http/server-error', severity: 'warning', attempts: 3 }] });
    expect(seen.map((s) => s.url)).toEqual(['/primary/t.mbox.gz', '/primary/t.mbox.gz', '/primary/t.mbox.gz', '/mirror/t.mbox.gz']);
    expect(log).toEqual([
      `thread: GET ${base}/primary/t.mbox.gz: HTTP 503; retry 1 of 2 in 0.0 s`,
      `thread: GET ${base}/primary/t.mbox.gz: HTTP 503; retry 2 of 2 in 0.0 s`,
      `thread: trying mirror ${base}/mirror/t.mbox.gz`,
    ]);
  });

  it('refuses an HTML page and a gzip without an mbox inside, without retrying', async () => {
    handler = (req, res) => (req.url === '/html' ? res.writeHead(200, { 'content-type': 'text/html' }).end('<html>bot check</html>') : res.end(gzipSync('<html>x</html>')));
    const html = await client.fetch({ urls: [`${base}/html`], expect: 'gzip', inner: 'mbox', cache: 'none', label: 't' });
    expect(html).toMatchObject({ kind: 'failed', problem: { code: 'http/not-mbox', attempts: 1, message: expect.stringContaining('got an HTML page') } });
    const inner = await client.fetch({ urls: [`${base}/inner`], expect: 'gzip', inner: 'mbox', cache: 'none', label: 't' });
    expect(inner).toMatchObject({ kind: 'failed', problem: { code: 'http/not-mbox', message: 'expected an mbox inside the gzip file (starting "From "), found "<html>x</html>"' } });
    expect(seen).toHaveLength(2);
  });

  it('retries a truncated gzip and gives up with http/truncated, keeping nothing', async () => {
    handler = (_q, res) => res.writeHead(200, { 'content-type': 'application/gzip' }).end(GZ.subarray(0, GZ.length - 6));
    const r = await client.fetch({ urls: [`${base}/t.mbox.gz`], expect: 'gzip', cache: 'none', label: 't' });
    expect(r).toMatchObject({ kind: 'failed', problem: { code: 'http/truncated', attempts: 3, message: expect.stringContaining('the gzip stream ends early') } });
  });

  it('stops at the request limit, git operations included', async () => {
    const limited = newClient({ maxRequests: 2 });
    handler = (_q, res) => res.end(MBOX);
    const req = { urls: [`${base}/raw`], expect: 'mbox' as const, cache: 'none' as const, label: 't' };
    expect(await limited.fetch(req)).toMatchObject({ kind: 'ok' });
    expect(await limited.git('g', async () => ({ ok: true }), () => ({ kind: 'fatal', reason: '' }))).toMatchObject({ ok: true });
    const r = await limited.fetch(req);
    expect(r).toMatchObject({ kind: 'failed', problem: { code: 'http/limit', message: expect.stringContaining('limit of 2 requests') } });
    expect(limited.limitReached).toBe(true);
    expect(limited.stats).toMatchObject({ requests: 1, gitOperations: 1 });
    await limited.close();
  });

  it('retries a git operation like a request and stops on what is not transient', async () => {
    const results = [{ ok: false as const, stderr: 'fatal: early EOF' }, { ok: true as const }];
    const r = await client.git('epoch', async () => results.shift()!, (e) => (e.includes('early EOF') ? { kind: 'retry', outcome: { kind: 'network', reason: 'early EOF' }, reason: 'early EOF' } : { kind: 'fatal', reason: e }));
    expect(r).toEqual({ ok: true, attempts: 2 });
    expect(client.stats).toMatchObject({ gitOperations: 2, gitRetries: 1 });
    const nf = await client.git('epoch', async () => ({ ok: false, stderr: 'not found' }), () => ({ kind: 'not-found', reason: 'not found' }));
    expect(nf).toMatchObject({ ok: false, attempts: 1, failure: { kind: 'not-found' } });
  });
});

describe('HttpClient on a cache it cannot write', () => {
  // /dev/full answers every write with ENOSPC: a full disk without filling one.
  it.skipIf(!existsSync('/dev/full'))('throws an EnvironmentError at once instead of retrying as if the network had failed', async () => {
    handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/gzip' });
      res.end(GZ);
    };
    const url = `${base}/l/x/t.mbox.gz`;
    const part = `${new HttpCache(tmp.dir).entry(`GET ${url}\n`, url).body}.part`;
    mkdirSync(dirname(part), { recursive: true });
    symlinkSync('/dev/full', part);
    const r = client.fetch({ urls: [url], expect: 'gzip', inner: 'mbox', cache: 'none', label: 't' });
    await expect(r).rejects.toBeInstanceOf(EnvironmentError);
    await expect(r).rejects.toThrow(/^cannot write the sync cache file .*\.part: ENOSPC/);
    expect(seen).toHaveLength(1);
  });
});
