// Targeted pulls over HTTP against Debian's public-inbox (indexed -L full: phrase search needs positions)
// serving a subset of the nvdimm corpus: the first commits, every "fs/dax" subject, and the v9
// "fs/dax: Fix ZONE_DEVICE page reference counts" thread. Through the fault proxy: 503 bursts
// (with and without Retry-After), resets mid-body, stalls past the timeout, truncated gzip, an
// HTML page instead of mail, a 404, mirrors, pacing and the request limit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../../ingest/import/import-sources.ts';
import { openStore, sqlOf } from '../../ingest/store/sqlite-store-fs.ts';
import { isStale } from '../../ingest/test-support/stale.ts';
import { findThread } from '../../ingest/thread/thread-queries.ts';
import type { Store } from '../../ingest/store/store-port.ts';
import { dumpStore } from '../../ingest/store/dump-store-fs.ts';
import { tempDir } from '../../ingest/test-support/mail-builder.ts';
import { gaps, startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { appendCommits, CORPUS, createInbox, indexInbox, missing, openCorpus, startHttpd, type Httpd, type Inbox } from './public-inbox-fs.ts';
import { cli, writeConfig } from './run-cli.ts';

/** The v9 cover letter of "fs/dax: Fix ZONE_DEVICE page reference counts". */
const COVER = 'cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple@nvidia.com';
const QUERY = 's:"fs/dax" d:2024-01-01..';
/** Commits from the start of the list in the served subset. */
const HEAD = 400;

/** Commits of the v9 thread: every message reached from the cover through In-Reply-To. */
function threadCommits(): Set<string> {
  const rows = readFileSync(join(CORPUS, 'nvdimm/full/all.index.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const ids = new Set([`<${COVER}>`]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) if (ids.has(r[5]!) && !ids.has(r[4]!)) grew = Boolean(ids.add(r[4]!));
  }
  return new Set(rows.filter((r) => ids.has(r[4]!)).map((r) => r[1]!));
}

describe.skipIf(missing)(`pulls over HTTP from a real public-inbox${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let inbox: Inbox;
  let httpd: Httpd;
  let proxy: FaultProxy;
  let config: string;
  let ref: Store;
  let n = 0;

  beforeAll(async () => {
    tmp = tempDir('patchlore-sync-http-');
    const corpus = openCorpus(tmp.dir);
    const thread = threadCommits();
    const chosen = corpus.commits.filter((c, i) => i < HEAD || /\bfs\W+dax\b/i.test(c.message) || thread.has(c.sha));
    inbox = createInbox(join(tmp.dir, 'pi'), 'nvdimm', 'full');
    appendCommits(inbox, 0, corpus, chosen);
    indexInbox(inbox);
    httpd = await startHttpd(inbox.config);
    proxy = await startFaultProxy(httpd.url);
    config = writeConfig(tmp.dir, { base: proxy.url, lists: ['nvdimm'] });
    ref = openStore(join(tmp.dir, 'ref.sqlite'));
    await importSources(ref, [inbox.epoch(0)], { list: 'nvdimm', mboxFormat: 'auto', workers: 1 });
  }, 300_000);

  afterAll(async () => {
    ref?.close();
    await proxy?.close();
    await httpd?.stop();
    tmp?.cleanup();
  });

  /** A fresh store and cache per test unless given. */
  function fresh(): { db: string; cache: string } {
    n++;
    return { db: join(tmp.dir, `s${n}.sqlite`), cache: join(tmp.dir, `c${n}`) };
  }
  const run = (where: { db: string; cache: string }, ...args: string[]) => cli('sync', '--db', where.db, '--config', config, '--cache', where.cache, '--json', ...args);
  const withStore = <T>(db: string, f: (s: Store) => T): T => {
    const s = openStore(db, { readonly: true });
    try {
      return f(s);
    } finally {
      s.close();
    }
  };
  const ids = (s: Store): string[] => (sqlOf(s).prepare('SELECT key FROM messages ORDER BY key').all() as Array<{ key: string }>).map((r) => r.key);
  const refThread = () => findThread(ref, COVER)!;

  it('sync --thread of the v9 cover into an empty store yields that thread, nothing else', async () => {
    const w = fresh();
    proxy.records.length = 0;
    const r = await run(w, '--thread', COVER, '--list', 'nvdimm');
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    const expected = refThread();
    expect(expected.messages.filter((m) => !m.ghost).length).toBeGreaterThan(20);
    expect(j.read).toBe(j.stored + j.duplicates + j.unparsed);
    expect(j.stored).toBe(expected.messages.filter((m) => !m.ghost).length);
    expect(j.fetched).toMatchObject({ requests: 1, retries: 0, downloads: [{ kind: 'thread', subject: COVER, source: 'network', messages: j.read }], problems: [] });
    expect(withStore(w.db, (s) => findThread(s, COVER))).toEqual(expected);
    expect(proxy.records.map((x) => `${x.method} ${x.url}`)).toEqual([`GET /nvdimm/${COVER}/t.mbox.gz`]);
  });

  it('takes the thread from a pasted lore URL, a /r/ link with --list, and a cached copy the second time', async () => {
    const w = fresh();
    const r1 = await run(w, `${proxy.url}/nvdimm/${COVER}/T/#u`);
    expect(r1.code, r1.err + r1.out).toBe(0);
    expect(withStore(w.db, (s) => findThread(s, COVER))).toEqual(refThread());
    proxy.records.length = 0;
    const r2 = await run(w, `${proxy.url}/r/${COVER}`, '--list', 'nvdimm');
    expect(r2.code, r2.err + r2.out).toBe(0);
    expect(r2.json()).toMatchObject({ stored: 0, fetched: { requests: 0, cacheHits: 1, downloads: [{ source: 'cache' }] } });
    expect(proxy.records).toEqual([]);
    const r3 = await run(w, `<${COVER}>`, '--list', 'nvdimm', '--refresh');
    expect(r3.json()).toMatchObject({ stored: 0, fetched: { requests: 1, cacheHits: 0 } });
  });

  it('sync --message pulls one message (raw)', async () => {
    const w = fresh();
    const r = await run(w, '--message', COVER, '--list', 'nvdimm');
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.json()).toMatchObject({ read: 1, stored: 1 });
    expect(withStore(w.db, ids)).toEqual([COVER]);
  });

  it('sync --query yields the hits, and only the hits', async () => {
    const w = fresh();
    proxy.records.length = 0;
    const r = await run(w, '--query', QUERY);
    expect(r.code, r.err + r.out).toBe(0);
    const since = Date.parse('2024-01-01T00:00:00Z');
    const expected = (sqlOf(ref).prepare('SELECT key, subject, date FROM messages ORDER BY key').all() as Array<{ key: string; subject: string; date: number | null }>)
      .filter((m) => /\bfs\W+dax\b/i.test(m.subject) && (m.date ?? 0) >= since)
      .map((m) => m.key);
    expect(expected.length).toBeGreaterThan(100);
    expect(withStore(w.db, ids), r.err).toEqual(expected);
    // The hits only: public-inbox's "results only" button, not "full threads".
    expect(proxy.records).toMatchObject([{ method: 'POST', url: '/nvdimm/?q=s%3A%22fs%2Fdax%22+d%3A2024-01-01..&x=m' }]);
  });

  it('sync --query --threads pulls every hit\'s whole thread', async () => {
    const w = fresh();
    const r = await run(w, '--query', 's:"Fix ZONE_DEVICE page reference counts" d:2025-02-28..2025-03-01', '--threads');
    expect(r.code, r.err + r.out).toBe(0);
    const got = withStore(w.db, ids);
    const thread = refThread().messages.filter((m) => !m.ghost).map((m) => m.messageId);
    // Replies outside the date range came along with their thread.
    expect(got).toEqual(expect.arrayContaining(thread));
    const hitsOnly = await run(fresh(), '--query', 's:"Fix ZONE_DEVICE page reference counts" d:2025-02-28..2025-03-01');
    expect(hitsOnly.json().read).toBeLessThan(r.json().read);
  });

  it('a search without hits imports nothing and is not an error', async () => {
    const r = await run(fresh(), '--query', 's:zzqqxxnothing');
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.json()).toMatchObject({ read: 0, fetched: { downloads: [{ kind: 'query', source: 'none', messages: 0 }], problems: [] } });
  });

  it('sync --recent pulls the feed\'s messages not in the store, then only revalidates the feed', async () => {
    const w = fresh();
    proxy.etags = /new\.atom$/;
    try {
      const r = await run(w, '--recent', 'nvdimm');
      expect(r.code, r.err + r.out).toBe(0);
      const j = r.json();
      const feedIds = [...readFileSync(j.fetched.downloads[0].file, 'utf8').matchAll(/<link\s+href="[^"]*\/nvdimm\/([^"/]+)\/"/g)].map((m) => decodeURIComponent(m[1]!));
      expect(feedIds).toHaveLength(25);
      expect(withStore(w.db, ids)).toEqual([...new Set(feedIds)].sort());
      expect(j.fetched.requests).toBe(1 + new Set(feedIds).size);
      proxy.records.length = 0;
      const again = await run(w, '--recent', 'nvdimm');
      expect(again.json()).toMatchObject({ read: 0, fetched: { requests: 1, notModified: 1 } });
      expect(proxy.records).toMatchObject([{ url: '/nvdimm/new.atom', status: 304, headers: { 'if-none-match': expect.stringMatching(/^"/) } }]);
    } finally {
      proxy.etags = null;
    }
  });

  it('links series and extracts the discussion once, after the last download, as one import of the downloads would', async () => {
    const w = fresh();
    const r = await run(w, '--thread', COVER, '--recent', 'nvdimm');
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    const files = (j.fetched.downloads as Array<{ kind: string; file: string }>).filter((d) => d.kind === 'thread' || d.kind === 'message').map((d) => d.file);
    expect(files.length).toBeGreaterThan(2);
    const one = openStore(join(tmp.dir, `one${n}.sqlite`));
    try {
      await importSources(one, files, { list: 'nvdimm', mboxFormat: 'auto', workers: 1 });
      const tables = ['postings', 'revisions', 'posting_patches', 'posting_trailers', 'discussed_threads', 'statements', 'quote_sources', 'verdicts', 'message_links'];
      const rows = (s: Store) => Object.fromEntries(tables.map((t) => [t, sqlOf(s).prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]));
      const expected = rows(one);
      expect(expected.postings!.length).toBeGreaterThan(0);
      expect(expected.discussed_threads!.length).toBeGreaterThan(0);
      withStore(w.db, (s) => {
        expect(isStale(s, 'series')).toBe(false);
        expect(isStale(s, 'discussion')).toBe(false);
        expect(dumpStore(s)).toEqual(dumpStore(one));
        expect(rows(s)).toEqual(expected);
      });
    } finally {
      one.close();
    }
  });

  it('reports a message the server does not have after one request, and exits 1', async () => {
    proxy.records.length = 0;
    const r = await run(fresh(), '--message', 'no-such-message@example.org', '--list', 'nvdimm');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ read: 0, fetched: { problems: [{ code: 'http/not-found', severity: 'error', attempts: 1, message: expect.stringContaining('<no-such-message@example.org> is not in nvdimm') }] } });
    expect(proxy.records).toHaveLength(1);
    const human = await cli('sync', '--db', join(tmp.dir, 'h.sqlite'), '--config', config, '--message', 'no-such-message@example.org', '--list', 'nvdimm');
    expect(human.out).toContain('error: http/not-found: message <no-such-message@example.org> is not in nvdimm');
    expect(human.out).toContain('if it went to another list, name that list with --list LIST');
  });

  describe('under injected faults: nothing lost, nothing duplicated, retries spaced as configured', () => {
    const thread = `/nvdimm/${COVER}/t.mbox.gz`;
    const attempts = () => proxy.records.filter((x) => x.url === thread);
    async function pullThread(...extra: string[]) {
      const w = fresh();
      proxy.records.length = 0;
      const r = await run(w, '--thread', COVER, '--list', 'nvdimm', ...extra);
      proxy.rules.length = 0;
      return { r, w };
    }
    const complete = (db: string) => expect(withStore(db, (s) => findThread(s, COVER))).toEqual(refThread());

    it('a burst of 503s: retried with doubling delays (backoffMs 50: ≥50, ≥100, ≥200 ms apart)', async () => {
      proxy.rules.push({ url: /t\.mbox\.gz$/, times: 3, fault: { kind: 'status', status: 503 } });
      const { r, w } = await pullThread();
      expect(r.code, r.err + r.out).toBe(0);
      expect(attempts().map((a) => a.status)).toEqual([503, 503, 503, 200]);
      const g = gaps(attempts());
      expect(g[0]).toBeGreaterThanOrEqual(50);
      expect(g[1]).toBeGreaterThanOrEqual(100);
      expect(g[2]).toBeGreaterThanOrEqual(200);
      expect(r.json().fetched).toMatchObject({ requests: 4, retries: 3 });
      complete(w.db);
    });

    it('a 503 with Retry-After: 1 is retried no sooner than a second later', async () => {
      proxy.rules.push({ url: /t\.mbox\.gz$/, times: 1, fault: { kind: 'status', status: 503, retryAfter: '1' } });
      const { r, w } = await pullThread();
      expect(r.code, r.err + r.out).toBe(0);
      expect(gaps(attempts())[0]).toBeGreaterThanOrEqual(1000);
      complete(w.db);
    });

    it('a Retry-After longer than patchlore waits ends the pull with "try later", not a hammering', async () => {
      proxy.rules.push({ url: /t\.mbox\.gz$/, times: 1, fault: { kind: 'status', status: 503, retryAfter: '3600' } });
      const { r, w } = await pullThread();
      expect(r.code).toBe(1);
      expect(r.json().fetched.problems).toMatchObject([{ code: 'http/retry-after', attempts: 1, hint: 'the server is busy: try again later' }]);
      expect(attempts()).toHaveLength(1);
      expect(withStore(w.db, ids)).toEqual([]);
    });

    it('a connection reset mid-body is retried and the thread arrives whole', async () => {
      proxy.rules.push({ url: /t\.mbox\.gz$/, times: 1, fault: { kind: 'reset', afterBytes: 4000 } });
      const { r, w } = await pullThread();
      expect(r.code, r.err + r.out).toBe(0);
      expect(attempts().map((a) => a.action)).toEqual(['reset', 'pass']);
      expect(r.err).toMatch(/connection reset or closed by the server.*; retry 1 of 3/);
      complete(w.db);
    });

    it('a body that stalls past the timeout, and a server that never answers, are retried', async () => {
      const stalled = writeConfig(tmp.dir, { base: proxy.url, http: { timeoutMs: 1000 } }, 'stall.json');
      proxy.rules.push({ url: /t\.mbox\.gz$/, times: 1, fault: { kind: 'stall', afterBytes: 2000, ms: 10_000 } }, { url: /t\.mbox\.gz$/, times: 1, fault: { kind: 'hang', ms: 10_000 } });
      const w = fresh();
      proxy.records.length = 0;
      const r = await cli('sync', '--db', w.db, '--config', stalled, '--cache', w.cache, '--json', '--thread', COVER, '--list', 'nvdimm');
      proxy.rules.length = 0;
      expect(r.code, r.err + r.out).toBe(0);
      expect(attempts().map((a) => a.action)).toEqual(['stall', 'hang', 'pass']);
      expect(r.err).toContain('the body stalled past the timeout');
      expect(r.err).toContain('no answer within the timeout');
      // Each failed attempt waited out the timeout before the retry.
      const g = gaps(attempts());
      expect(g[0]).toBeGreaterThanOrEqual(1000);
      expect(g[1]).toBeGreaterThanOrEqual(1000);
      complete(w.db);
    });

    it('a truncated gzip is detected and downloaded again, never half-imported', async () => {
      proxy.rules.push({ url: /t\.mbox\.gz$/, times: 1, fault: { kind: 'truncate', keepBytes: 10_000 } });
      const { r, w } = await pullThread();
      expect(r.code, r.err + r.out).toBe(0);
      expect(attempts().map((a) => a.action)).toEqual(['truncate', 'pass']);
      expect(r.json()).toMatchObject({ unparsed: 0 });
      complete(w.db);
    });

    it('a gzip truncated every time fails with http/truncated and imports nothing', async () => {
      proxy.rules.push({ url: /t\.mbox\.gz$/, times: Infinity, fault: { kind: 'truncate', keepBytes: 10_000 } });
      const { r, w } = await pullThread();
      expect(r.code).toBe(1);
      expect(r.json()).toMatchObject({ read: 0, fetched: { problems: [{ code: 'http/truncated', attempts: 4 }] } });
      expect(withStore(w.db, dumpStore)).toMatchObject({ messages: [], unparsed: [] });
    });

    it('an HTML page instead of the mbox is reported, not retried, not imported', async () => {
      proxy.rules.push({ url: /t\.mbox\.gz$/, times: 1, fault: { kind: 'html' } });
      const { r, w } = await pullThread();
      expect(r.code).toBe(1);
      expect(r.json().fetched.problems).toMatchObject([{ code: 'http/not-mbox', attempts: 1, message: expect.stringContaining('got an HTML page (text/html; charset=utf-8') }]);
      expect(attempts()).toHaveLength(1);
      expect(withStore(w.db, ids)).toEqual([]);
    });

    it('a server that keeps failing is left for a mirror, with a warning', async () => {
      const down = await startFaultProxy(httpd.url);
      down.rules.push({ url: /./, times: Infinity, fault: { kind: 'status', status: 502 } });
      try {
        const cfg = writeConfig(tmp.dir, { base: down.url, mirrors: [proxy.url], http: { retries: 1 } }, 'mirror.json');
        const w = fresh();
        const r = await cli('sync', '--db', w.db, '--config', cfg, '--cache', w.cache, '--json', '--thread', COVER, '--list', 'nvdimm');
        expect(r.code, r.err + r.out).toBe(0);
        expect(down.records).toHaveLength(2);
        expect(r.json().fetched.problems).toMatchObject([{ code: 'http/server-error', severity: 'warning', url: `${down.url}${thread}` }]);
        expect(r.json().fetched.downloads).toMatchObject([{ url: `${proxy.url}${thread}` }]);
        complete(w.db);
      } finally {
        await down.close();
      }
    });
  });

  it('makes one request at a time, paced (delayMs 150), with its User-Agent', async () => {
    const paced = writeConfig(tmp.dir, { base: proxy.url, http: { delayMs: 150 } }, 'paced.json');
    const w = fresh();
    proxy.records.length = 0;
    const r = await cli('sync', '--db', w.db, '--config', paced, '--cache', w.cache, '--json', '--list', 'nvdimm', '--thread', COVER, '--message', COVER, '--query', QUERY, '--recent');
    expect(r.code, r.err + r.out).toBe(0);
    expect(proxy.records.map((x) => x.method + ' ' + x.url.replace(/\?.*/, '?…'))).toEqual([`GET /nvdimm/${COVER}/t.mbox.gz`, `GET /nvdimm/${COVER}/raw`, 'POST /nvdimm/?…', 'GET /nvdimm/new.atom']);
    for (const g of gaps(proxy.records)) expect(g).toBeGreaterThanOrEqual(150);
    expect(new Set(proxy.records.map((x) => x.headers['user-agent']))).toEqual(new Set(['patchlore/0.1.0']));
  });

  it('stops at the request limit and says what was not synced', async () => {
    const w = fresh();
    proxy.records.length = 0;
    const r = await run(w, '--max-requests', '2', '--list', 'nvdimm', '--thread', COVER, '--message', COVER, '--query', QUERY, '--recent');
    expect(r.code).toBe(1);
    const j = r.json();
    expect(proxy.records).toHaveLength(2);
    expect(j.fetched).toMatchObject({ requests: 2, limitReached: true });
    expect(j.fetched.problems).toMatchObject([
      { code: 'http/limit', message: expect.stringContaining('limit of 2 requests') },
      { code: 'http/limit', message: 'not synced because the request limit was reached: nvdimm feed' },
    ]);
  });
});
