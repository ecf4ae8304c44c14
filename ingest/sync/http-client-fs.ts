// patchlore's polite HTTP client (undici) for public-inbox servers, and the gate its git
// operations pass through. One request at a time, with a pause between requests; timeouts on
// connecting, on the headers and between body bytes; retries with exponential backoff (honouring
// Retry-After) on connection errors, timeouts, cut-off or truncated bodies, 429 and 5xx; no retry
// on other 4xx; mirrors tried in order when a server keeps failing; an on-disk cache answering
// conditional requests (ETag/Last-Modified) and, for a while, repeated ones; a per-run request
// limit. Bodies are downloaded to the cache and checked (gzip complete, not an HTML page) before
// anyone reads them: a failed download is a Diagnostic (a FetchCode), never a partial file to
// import. Also serves Patchwork's REST API (JSON bodies, pages linked by the Link header).
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import { Agent, request } from 'undici';
import { BODY_HEAD_BYTES, checkBody, type BodyKind } from './check-body.ts';
import { EnvironmentError } from '../environment-error.ts';
import type { GitFailure } from './git-failure.ts';
import { HttpCache, type CacheEntry, type CacheMeta } from './http-cache-fs.ts';
import { retryDecision, type AttemptOutcome } from './retry-policy.ts';
import type { Diagnostic, FetchCode } from '../types.ts';
import type { HttpSettings } from './sync-types.ts';

/** Redirects followed for one request (public-inbox redirects a Message-ID once or twice). */
const MAX_REDIRECTS = 5;
/** Bytes of a decompressed body checked against what it should hold. */
const INNER_HEAD_BYTES = 64;
/** Bytes of an error answer's body kept for the message. */
const ERROR_BODY_BYTES = 300;

/** One resource to fetch. */
export interface HttpRequest {
  /** The resource on the primary server, then on each mirror, tried in this order. */
  urls: string[];
  method?: 'GET' | 'POST';
  /** application/x-www-form-urlencoded body of a POST. */
  body?: string;
  /** What the body must be. */
  expect: BodyKind;
  /** For gzip bodies: what the decompressed content must start like. */
  inner?: 'mbox' | 'json';
  /** revalidate: always ask, conditionally when cached; ttl: reuse a cached body younger than
   *  the cache TTL without asking, else as revalidate; none: always download. */
  cache: 'revalidate' | 'ttl' | 'none';
  /** Reported with retries and progress, e.g. "thread <id>". */
  label: string;
  /** Called as body bytes arrive (total 0 when unknown). */
  onBytes?: (received: number, total: number) => void;
}

/** How a fetch ended. */
export type HttpResult =
  | {
      kind: 'ok';
      url: string;
      /** The body, in the cache. */
      file: string;
      bytes: number;
      source: 'network' | 'not-modified' | 'cache';
      /** The answer's Link header (RFC 8288; a paginated API's next page), null when none. */
      link: string | null;
      /** Failures on servers tried before the one that answered (severity 'warning'). */
      warnings: Diagnostic[];
    }
  | {
      /** 404 or 410: the server answered that it has no such thing. Not retried. */
      kind: 'not-found';
      url: string;
      status: number;
      /** The start of the answer's body, e.g. public-inbox's "No results found". */
      text: string;
      attempts: number;
      warnings: Diagnostic[];
    }
  | { kind: 'failed'; problem: Diagnostic; warnings: Diagnostic[] };

/** Counters of one run, for the `fetched` report. */
export interface HttpStats {
  requests: number;
  retries: number;
  notModified: number;
  cacheHits: number;
  bytes: number;
  gitOperations: number;
  gitRetries: number;
}

/** Where the client reports. */
export interface HttpClientHooks {
  /** One line for the user (retries, fallbacks). */
  log(line: string): void;
  /** Called before every request is sent (tests and benchmarks count with it). */
  onRequest?(method: string, url: string): void;
}

type Attempt =
  | { kind: 'ok'; status: number; finalUrl: string; etag: string | null; lastModified: string | null; contentType: string | null; link: string | null; bytes: number }
  | { kind: 'not-modified' }
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'not-found'; status: number; text: string }
  | { kind: 'retryable'; outcome: AttemptOutcome; detail: string }
  | { kind: 'bad'; code: FetchCode; detail: string };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function headerOf(h: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = h[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** A short reason for a failed connection or body read. */
function networkReason(err: unknown, received: number | null): string {
  const e = err as Error & { code?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const what =
    code === 'UND_ERR_HEADERS_TIMEOUT'
      ? 'no answer within the timeout'
      : code === 'UND_ERR_BODY_TIMEOUT'
        ? 'the body stalled past the timeout'
        : code === 'UND_ERR_CONNECT_TIMEOUT'
          ? 'connecting timed out'
          : code === 'ECONNREFUSED'
            ? 'connection refused'
            : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
              ? 'connection reset or closed by the server'
              : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
                ? 'host name not found'
                : (e.cause?.message ?? e.message ?? String(err));
  return received === null ? what : `${what} after ${received} body bytes`;
}

/** The polite client. One per sync run; close() it at the end. */
export class HttpClient {
  readonly stats: HttpStats = { requests: 0, retries: 0, notModified: 0, cacheHits: 0, bytes: 0, gitOperations: 0, gitRetries: 0 };
  /** Set once the request limit stopped a request. */
  limitReached = false;
  private readonly agent: Agent;
  private readonly cache: HttpCache;
  private queue: Promise<unknown> = Promise.resolve();
  /** When the last request finished (ms), for the pause before the next. */
  private lastEnd = 0;

  constructor(
    private readonly settings: HttpSettings,
    cacheDir: string,
    private readonly hooks: HttpClientHooks,
  ) {
    this.cache = new HttpCache(cacheDir);
    const t = settings.timeoutMs;
    this.agent = new Agent({ connect: { timeout: t }, headersTimeout: t, bodyTimeout: t, keepAliveTimeout: 4000, connections: 1, pipelining: 1 });
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }

  /** Run `fn` when every earlier request is done: one request at a time. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Wait until `ms` (at least the configured pause) after the end of the last request. */
  private async pace(ms: number): Promise<void> {
    if (this.lastEnd === 0) return;
    const until = this.lastEnd + Math.max(ms, this.settings.delayMs);
    // Timers may fire a millisecond early; the pause is a promise to the server, so re-check.
    for (let now = Date.now(); now < until; now = Date.now()) await sleep(until - now);
  }

  /** Count a request (or git operation) about to be made; false when the run's limit is
   *  reached. */
  private take(kind: 'http' | 'git'): boolean {
    if (this.used >= this.settings.maxRequests) {
      this.limitReached = true;
      return false;
    }
    if (kind === 'http') this.stats.requests++;
    else this.stats.gitOperations++;
    return true;
  }

  private limitProblem(url: string, attempts: number): Diagnostic {
    return {
      code: 'http/limit',
      message: `stopped before ${url}: this run reached its limit of ${this.settings.maxRequests} requests`,
      source: url,
      hint: `run the command again to continue, or raise the limit with --max-requests N (or "sync": {"http": {"maxRequests": N}} in patchlore.config.json)`,
      attempts,
      severity: 'error',
    };
  }

  /** Fetch a resource, trying each URL in turn (see HttpRequest). Never throws for network or
   *  server failures: they come back as a Diagnostic. Throws an EnvironmentError when the cache
   *  cannot be written. */
  fetch(req: HttpRequest): Promise<HttpResult> {
    return this.serial(() => this.fetchNow(req));
  }

  private async fetchNow(req: HttpRequest): Promise<HttpResult> {
    const method = req.method ?? 'GET';
    const primary = req.urls[0]!;
    const entry = this.cache.entry(`${method} ${primary}\n${req.body ?? ''}`, primary);
    const cached = req.cache === 'none' ? null : await this.cache.read(entry);
    if (cached && req.cache === 'ttl' && Date.now() - cached.fetchedAt < this.settings.cacheTtlMs) {
      this.stats.cacheHits++;
      return { kind: 'ok', url: cached.finalUrl, file: entry.body, bytes: cached.bytes, source: 'cache', link: cached.link ?? null, warnings: [] };
    }
    const warnings: Diagnostic[] = [];
    let last: HttpResult | null = null;
    for (const [i, url] of req.urls.entries()) {
      if (i > 0) this.hooks.log(`${req.label}: trying mirror ${url}`);
      const r = await this.fetchFrom(url, req, method, entry, cached);
      if (r.kind === 'ok' || r.kind === 'not-found') return { ...r, warnings };
      last = r;
      if (r.problem.code === 'http/limit') break;
      if (i < req.urls.length - 1) warnings.push({ ...r.problem, severity: 'warning', hint: `a mirror was tried next; ${r.problem.hint}` });
    }
    return { ...(last as Extract<HttpResult, { kind: 'failed' }>), warnings };
  }

  /** Fetch from one server, with retries and redirects. */
  private async fetchFrom(url: string, req: HttpRequest, method0: string, entry: CacheEntry, cached: CacheMeta | null): Promise<HttpResult> {
    let target = url;
    let method = method0;
    let body = req.body;
    let attempts = 0;
    let retries = 0;
    let redirects = 0;
    let delay = 0;
    for (;;) {
      await this.pace(delay);
      if (!this.take('http')) return { kind: 'failed', problem: this.limitProblem(target, attempts), warnings: [] };
      attempts++;
      this.hooks.onRequest?.(method, target);
      let a: Attempt;
      try {
        a = await this.attempt(target, method, body, req, entry, cached);
      } finally {
        this.lastEnd = Date.now();
      }
      switch (a.kind) {
        case 'ok': {
          const meta: CacheMeta = {
            url: req.urls[0]!,
            finalUrl: a.finalUrl,
            method: method0,
            status: a.status,
            etag: a.etag,
            lastModified: a.lastModified,
            contentType: a.contentType,
            link: a.link,
            fetchedAt: Date.now(),
            bytes: a.bytes,
          };
          await this.cache.commit(entry, await this.cache.tmpFor(entry), meta);
          return { kind: 'ok', url: target, file: entry.body, bytes: a.bytes, source: 'network', link: a.link, warnings: [] };
        }
        case 'not-modified': {
          this.stats.notModified++;
          const meta = { ...cached!, fetchedAt: Date.now() };
          await this.cache.writeMeta(entry, meta);
          return { kind: 'ok', url: target, file: entry.body, bytes: meta.bytes, source: 'not-modified', link: meta.link ?? null, warnings: [] };
        }
        case 'redirect': {
          if (++redirects > MAX_REDIRECTS) {
            return { kind: 'failed', problem: this.problem('http/refused', `more than ${MAX_REDIRECTS} redirects`, target, attempts, 'check the URL in a browser'), warnings: [] };
          }
          target = new URL(a.location, target).href;
          if (a.status === 303 || ((a.status === 301 || a.status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
          }
          delay = 0;
          continue;
        }
        case 'not-found':
          return { kind: 'not-found', url: target, status: a.status, text: a.text, attempts, warnings: [] };
        case 'bad':
          return { kind: 'failed', problem: this.problem(a.code, a.detail, target, attempts, hintFor(a.code)), warnings: [] };
        case 'retryable': {
          const d = retryDecision(a.outcome, retries, this.settings);
          if (!d.retry) {
            const code: FetchCode = d.retryAfterTooLong
              ? 'http/retry-after'
              : a.outcome.kind === 'status'
                ? a.outcome.status >= 500 || a.outcome.status === 429
                  ? a.outcome.status === 501 || a.outcome.status === 505
                    ? 'http/refused'
                    : 'http/server-error'
                  : 'http/refused'
                : a.outcome.kind === 'truncated'
                  ? 'http/truncated'
                  : 'http/network';
            const detail = d.reason === a.detail || d.reason.startsWith(a.detail) ? d.reason : `${a.detail}; ${d.reason}`;
            return { kind: 'failed', problem: this.problem(code, detail, target, attempts, hintFor(code)), warnings: [] };
          }
          retries++;
          this.stats.retries++;
          this.hooks.log(`${req.label}: ${method} ${target}: ${a.detail}; retry ${retries} of ${this.settings.retries} in ${(d.delayMs / 1000).toFixed(1)} s`);
          delay = d.delayMs;
          continue;
        }
      }
    }
  }

  private problem(code: FetchCode, detail: string, url: string, attempts: number, hint: string): Diagnostic {
    return { code, message: detail, source: url, hint, attempts, severity: 'error' };
  }

  /** One request: send, read the answer, download and check a body. */
  private async attempt(url: string, method: string, body: string | undefined, req: HttpRequest, entry: CacheEntry, cached: CacheMeta | null): Promise<Attempt> {
    // A REST API (Django REST framework) picks its renderer by Accept: ask for JSON by name.
    const headers: Record<string, string> = { 'user-agent': this.settings.userAgent, accept: req.expect === 'json' ? 'application/json' : '*/*' };
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (cached && method === 'GET') {
      if (cached.etag) headers['if-none-match'] = cached.etag;
      if (cached.lastModified) headers['if-modified-since'] = cached.lastModified;
    }
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(url, { method: method as 'GET' | 'POST', headers, body: body ?? (method === 'POST' ? '' : undefined), dispatcher: this.agent });
    } catch (err) {
      return { kind: 'retryable', outcome: { kind: 'network', reason: networkReason(err, null) }, detail: networkReason(err, null) };
    }
    const status = res.statusCode;
    const h = res.headers as Record<string, string | string[] | undefined>;
    if (status === 304 && cached) {
      await res.body.dump().catch(() => undefined);
      return { kind: 'not-modified' };
    }
    if (status >= 300 && status < 400 && status !== 304 && headerOf(h, 'location')) {
      await res.body.dump().catch(() => undefined);
      return { kind: 'redirect', location: headerOf(h, 'location')!, status };
    }
    if (status < 200 || status >= 300) {
      let text = '';
      try {
        text = (await res.body.text()).slice(0, ERROR_BODY_BYTES).trim();
      } catch {
        // the status says enough
      }
      if (status === 404 || status === 410) return { kind: 'not-found', status, text };
      const detail = `HTTP ${status}${text && !text.startsWith('<') ? ` (${text.split('\n')[0]!.slice(0, 100)})` : ''}`;
      return { kind: 'retryable', outcome: { kind: 'status', status, retryAfter: headerOf(h, 'retry-after') }, detail };
    }

    const tmp = await this.cache.tmpFor(entry);
    const total = Number(headerOf(h, 'content-length') ?? 0) || 0;
    const out = createWriteStream(tmp);
    // A failure to write the cache is this machine's, not the network's: it is not retried.
    let diskError: Error | null = null;
    out.on('error', (e) => (diskError = e));
    let received = 0;
    const head: Buffer[] = [];
    let headBytes = 0;
    try {
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        received += chunk.length;
        this.stats.bytes += chunk.length;
        if (headBytes < BODY_HEAD_BYTES) {
          head.push(chunk.subarray(0, BODY_HEAD_BYTES - headBytes));
          headBytes += Math.min(chunk.length, BODY_HEAD_BYTES - headBytes);
        }
        if (!out.write(chunk)) await once(out, 'drain');
        req.onBytes?.(received, total);
      }
      out.end();
      await once(out, 'close');
      if (diskError) throw diskError;
    } catch (err) {
      out.destroy();
      await rm(tmp, { force: true });
      if (diskError) throw new EnvironmentError(`cannot write the sync cache file ${tmp}: ${(diskError as Error).message}`, { cause: diskError });
      const reason = networkReason(err, received);
      return { kind: 'retryable', outcome: { kind: 'network', reason }, detail: reason };
    }
    const contentType = headerOf(h, 'content-type');
    const wrong = checkBody(Buffer.concat(head), contentType, req.expect);
    if (wrong) {
      await rm(tmp, { force: true });
      return { kind: 'bad', code: req.expect === 'json' ? 'http/not-json' : 'http/not-mbox', detail: wrong };
    }
    if (req.expect === 'gzip') {
      const g = await inspectGzip(tmp);
      if (g.error !== null) {
        await rm(tmp, { force: true });
        const reason = `the gzip stream ends early or is corrupt after ${received} bytes (${g.error})`;
        return { kind: 'retryable', outcome: { kind: 'truncated', reason }, detail: reason };
      }
      const innerWrong = req.inner ? checkInner(g.head, req.inner) : null;
      if (innerWrong) {
        await rm(tmp, { force: true });
        return { kind: 'bad', code: req.inner === 'json' ? 'manifest/malformed' : 'http/not-mbox', detail: innerWrong };
      }
    }
    return {
      kind: 'ok',
      status,
      finalUrl: url,
      etag: headerOf(h, 'etag'),
      lastModified: headerOf(h, 'last-modified'),
      contentType,
      // Several Link headers are one list (RFC 9110 5.3).
      link: Array.isArray(h.link) ? h.link.join(', ') : (h.link ?? null),
      bytes: received,
    };
  }

  /**
   * Run one git network operation (clone or fetch) in turn with HTTP requests, paced like them,
   * counted towards the limit, and retried like them when it fails for a transient reason.
   * `run` returns git's stderr on failure; `classify` says what it means.
   */
  git(
    label: string,
    run: () => Promise<{ ok: true } | { ok: false; stderr: string }>,
    classify: (stderr: string) => GitFailure,
  ): Promise<{ ok: true; attempts: number } | { ok: false; failure: GitFailure; attempts: number; limit: boolean; detail: string }> {
    return this.serial(async () => {
      let attempts = 0;
      let retries = 0;
      let delay = 0;
      for (;;) {
        await this.pace(delay);
        // git's own HTTP requests are not seen here; the operation counts as one request.
        if (!this.take('git')) return { ok: false, failure: { kind: 'fatal', reason: 'request limit reached' }, attempts, limit: true, detail: 'request limit reached' };
        attempts++;
        let r: { ok: true } | { ok: false; stderr: string };
        try {
          r = await run();
        } finally {
          this.lastEnd = Date.now();
        }
        if (r.ok) return { ok: true, attempts };
        const failure = classify(r.stderr);
        if (failure.kind !== 'retry') return { ok: false, failure, attempts, limit: false, detail: failure.reason };
        const d = retryDecision(failure.outcome, retries, this.settings);
        if (!d.retry) return { ok: false, failure, attempts, limit: false, detail: d.reason.startsWith(failure.reason) ? d.reason : `${failure.reason}; ${d.reason}` };
        retries++;
        this.stats.gitRetries++;
        this.hooks.log(`${label}: ${failure.reason}; retry ${retries} of ${this.settings.retries} in ${(d.delayMs / 1000).toFixed(1)} s`);
        delay = d.delayMs;
      }
    });
  }

  /** Requests made so far, git operations included (what the limit counts). */
  get used(): number {
    return this.stats.requests + this.stats.gitOperations;
  }
}

function hintFor(code: FetchCode): string {
  switch (code) {
    case 'http/not-mbox':
      return 'open the URL in a browser to see the page; try again later or add a mirror ("sync": {"mirrors": [...]} in patchlore.config.json)';
    case 'http/not-json':
      return 'open the URL in a browser to see the page: the base URL may not be a Patchwork server, or a proxy may be answering for it';
    case 'http/retry-after':
      return 'the server is busy: try again later';
    case 'http/server-error':
    case 'http/network':
    case 'http/truncated':
      return 'the server or the network is failing: run the command again later (what was imported stays), or add a mirror';
    case 'manifest/malformed':
      return 'the server may not be public-inbox, or the base URL may be wrong';
    default:
      return 'check the URL; a 4xx other than 404 means the server refuses the request';
  }
}

/** Gunzip a whole file to check it is complete; returns the first decompressed bytes. */
async function inspectGzip(path: string): Promise<{ error: string | null; head: Buffer }> {
  const gunzip = createGunzip();
  const chunks: Buffer[] = [];
  let kept = 0;
  try {
    const input = createReadStream(path);
    input.on('error', (e) => gunzip.destroy(e));
    input.pipe(gunzip);
    for await (const c of gunzip as AsyncIterable<Buffer>) {
      if (kept < INNER_HEAD_BYTES) {
        chunks.push(c.subarray(0, INNER_HEAD_BYTES - kept));
        kept += Math.min(c.length, INNER_HEAD_BYTES - kept);
      }
    }
    return { error: null, head: Buffer.concat(chunks) };
  } catch (err) {
    return { error: (err as Error).message, head: Buffer.concat(chunks) };
  }
}

/** Does decompressed content start as expected? null when it does. */
function checkInner(head: Buffer, inner: 'mbox' | 'json'): string | null {
  const text = head.toString('latin1');
  if (inner === 'json') return /^\s*[{[]/.test(text) ? null : `expected a JSON manifest inside the gzip file, found ${JSON.stringify(text.slice(0, 40))}`;
  if (head.length === 0) return null; // an empty mbox: no messages
  return /^From /.test(text) ? null : `expected an mbox inside the gzip file (starting "From "), found ${JSON.stringify(text.slice(0, 40))}`;
}
