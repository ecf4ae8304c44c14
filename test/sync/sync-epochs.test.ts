// Bulk and incremental sync from git epochs, against Debian's public-inbox serving the first
// commits of the nvdimm corpus epoch (through the fault proxy, which also counts requests):
// first sync = import of the same commits; a no-op sync asks only for the manifest; appended
import { sqlOf } from '../../ingest/store/sqlite-store-fs.ts';
// commits and a new epoch are imported exactly; --since; git failures retried with spacing;
// kill -9 mid-import and mid-clone, then rerun, give the undisturbed store.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../../ingest/import/import-sources.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import { sinceSeconds } from '../../ingest/sync/sync-config.ts';
import { dumpStore, type StoreDump } from '../../ingest/store/dump-store-fs.ts';
import { tempDir } from '../../ingest/test-support/mail-builder.ts';
import { gaps, startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { appendCommits, createInbox, indexInbox, missing, openCorpus, startHttpd, type Corpus, type Httpd, type Inbox } from './public-inbox-fs.ts';
import { cli, writeConfig } from './run-cli.ts';

const ROOT = join(import.meta.dirname, '../..');

/** Commits of epoch 0 at first, appended to it later, and of the new epoch 1. */
const FIRST = 1100;
const APPENDED = 200;
const EPOCH1 = 200;

describe.skipIf(missing)(`sync from a real public-inbox's git epochs${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let corpus: Corpus;
  let inbox: Inbox;
  let httpd: Httpd;
  let proxy: FaultProxy;
  let config: string;

  /** The store `patchlore import` makes of the server's epochs as they are now. */
  async function reference(): Promise<StoreDump> {
    const dir = tempDir();
    const store = openStore(join(dir.dir, 'ref.sqlite'));
    try {
      const epochs = readdirSync(join(inbox.dir, 'git')).filter((n) => /^\d+\.git$/.test(n)).sort().map((n) => join(inbox.dir, 'git', n));
      await importSources(store, epochs, { list: 'nvdimm', mboxFormat: 'auto', workers: 1 });
      return dumpStore(store);
    } finally {
      store.close();
      dir.cleanup();
    }
  }

  function dumpOf(db: string): StoreDump {
    const s = openStore(db, { readonly: true });
    try {
      return dumpStore(s);
    } finally {
      s.close();
    }
  }

  const sync = (db: string, cache: string, ...more: string[]) => cli('sync', 'nvdimm', '--db', db, '--config', config, '--cache', cache, '--json', ...more);

  beforeAll(async () => {
    tmp = tempDir('patchlore-sync-epochs-');
    corpus = openCorpus(tmp.dir);
    inbox = createInbox(join(tmp.dir, 'pi'), 'nvdimm', 'basic');
    appendCommits(inbox, 0, corpus, corpus.commits.slice(0, FIRST));
    indexInbox(inbox);
    httpd = await startHttpd(inbox.config);
    proxy = await startFaultProxy(httpd.url);
    config = writeConfig(tmp.dir, { base: proxy.url });
  }, 300_000);

  afterAll(async () => {
    await proxy?.close();
    await httpd?.stop();
    tmp?.cleanup();
  });

  const db = () => join(tmp.dir, 'main.sqlite');
  const cache = () => join(tmp.dir, 'main-cache');

  it('first sync clones the epoch and stores exactly what importing the same commits stores', async () => {
    proxy.records.length = 0;
    const r = await sync(db(), cache());
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    expect(j).toMatchObject({ read: FIRST, unparsed: 0 });
    expect(j.read).toBe(j.stored + j.duplicates + j.unparsed);
    expect(j.fetched.epochs).toMatchObject([{ list: 'nvdimm', epoch: 0, action: 'cloned', newCommits: FIRST, url: `${proxy.url}/nvdimm/0` }]);
    expect(j.fetched).toMatchObject({ requests: 1, retries: 0, git: { operations: 1, retries: 0 }, problems: [], limitReached: false });
    expect(dumpOf(db())).toEqual(await reference());
    // The manifest, then git's smart HTTP; every request says who is asking.
    expect(proxy.records[0]).toMatchObject({ method: 'GET', url: '/nvdimm/manifest.js.gz' });
    expect(proxy.records.slice(1).every((x) => x.url.startsWith('/nvdimm/0/'))).toBe(true);
    expect(proxy.records[0]!.headers['user-agent']).toBe('patchlore/0.1.0');
    expect(proxy.records.every((x) => String(x.headers['user-agent']).startsWith('patchlore/0.1.0'))).toBe(true);
  });

  it('a second sync asks for the manifest only and imports nothing', async () => {
    proxy.records.length = 0;
    const r = await sync(db(), cache());
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.json()).toMatchObject({ read: 0, stored: 0, fetched: { requests: 1, git: { operations: 0 }, epochs: [{ epoch: 0, action: 'unchanged' }] } });
    expect(proxy.records.map((x) => `${x.method} ${x.url}`)).toEqual(['GET /nvdimm/manifest.js.gz']);
  });

  it('after commits are appended to the served epoch, a sync imports exactly those', async () => {
    appendCommits(inbox, 0, corpus, corpus.commits.slice(FIRST, FIRST + APPENDED));
    indexInbox(inbox);
    const r = await sync(db(), cache());
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    expect(j.read).toBe(APPENDED);
    expect(j.fetched.epochs).toMatchObject([{ epoch: 0, action: 'fetched', newCommits: APPENDED }]);
    expect(dumpOf(db())).toEqual(await reference());
  });

  it('a new epoch is cloned and imported; the unchanged one is not touched', async () => {
    appendCommits(inbox, 1, corpus, corpus.commits.slice(FIRST + APPENDED, FIRST + APPENDED + EPOCH1));
    indexInbox(inbox);
    proxy.records.length = 0;
    const r = await sync(db(), cache());
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    expect(j.read).toBe(EPOCH1);
    expect(j.fetched.epochs).toMatchObject([
      { epoch: 0, action: 'unchanged' },
      { epoch: 1, action: 'cloned', newCommits: EPOCH1 },
    ]);
    expect(proxy.records.some((x) => x.url.startsWith('/nvdimm/0/'))).toBe(false);
    expect(dumpOf(db())).toEqual(await reference());
  });

  it('kill -9 in the middle of the import, then a rerun: the same store as an undisturbed sync', async () => {
    const killedDb = join(tmp.dir, 'killed.sqlite');
    const killedCache = join(tmp.dir, 'killed-cache');
    const total = FIRST + APPENDED + EPOCH1;
    // --jobs 0 parses on one thread: slow enough to be caught between two batches.
    const child = spawn(process.execPath, [join(ROOT, 'bin/patchlore.mjs'), 'sync', 'nvdimm', '--db', killedDb, '--config', config, '--cache', killedCache, '--jobs', '0'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    let atKill = -1;
    for (let i = 0; i < 3000 && atKill < 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      if (!existsSync(killedDb)) continue;
      let n = 0;
      try {
        const s = openStore(killedDb, { readonly: true });
        n = (sqlOf(s).prepare('SELECT count(*) AS n FROM raw').get() as { n: number }).n;
        s.close();
      } catch {
        continue; // the schema is being created
      }
      if (n > 0) {
        child.kill('SIGKILL');
        atKill = n;
      }
    }
    await exited;
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(total);
    const r = await sync(killedDb, killedCache);
    expect(r.code, r.err + r.out).toBe(0);
    // The rerun continued from the last batch committed, not from the start.
    expect(r.json().read).toBeLessThan(total);
    expect(r.json().fetched.git.operations).toBe(0);
    expect(dumpOf(killedDb)).toEqual(dumpOf(db()));
  });

  it('kill -9 in the middle of a clone, then a rerun: the partial clone is redone, the same store', async () => {
    const killedDb = join(tmp.dir, 'killed2.sqlite');
    const killedCache = join(tmp.dir, 'killed2-cache');
    proxy.rules.push({ method: 'POST', url: /\/nvdimm\/0\/git-upload-pack$/, times: Infinity, fault: { kind: 'throttle', bytesPerSecond: 400_000 } });
    const before = proxy.bytesSent;
    const child = spawn(process.execPath, [join(ROOT, 'bin/patchlore.mjs'), 'sync', 'nvdimm', '--db', killedDb, '--config', config, '--cache', killedCache], { stdio: 'ignore' });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    for (let i = 0; i < 3000 && proxy.bytesSent - before < 300_000; i++) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    proxy.rules.length = 0;
    const mirrors = join(killedCache, 'mirrors', new URL(proxy.url).host.replace(/[^\w.-]+/g, '_'), 'nvdimm', 'git');
    const partial = () => readdirSync(mirrors).filter((n) => n.startsWith('0.git.tmp-'));
    expect(partial()).toEqual([`0.git.tmp-${child.pid}`]);
    expect(existsSync(join(mirrors, '0.git'))).toBe(false);
    const r = await sync(killedDb, killedCache);
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.json().fetched.epochs).toMatchObject([{ epoch: 0, action: 'cloned' }, { epoch: 1, action: 'cloned' }]);
    expect(partial()).toEqual([]);
    expect(dumpOf(killedDb)).toEqual(dumpOf(db()));
  });

  it('retries git after 503s and a connection reset mid-pack, spaced by the backoff, and loses nothing', async () => {
    const d = join(tmp.dir, 'faults.sqlite');
    const c = join(tmp.dir, 'faults-cache');
    proxy.records.length = 0;
    proxy.rules.push(
      { method: 'GET', url: /^\/nvdimm\/0\/info\/refs/, times: 2, fault: { kind: 'status', status: 503 } },
      { method: 'POST', url: /^\/nvdimm\/1\/git-upload-pack$/, times: 2, fault: { kind: 'reset', afterBytes: 20_000 } },
    );
    const r = await sync(d, c);
    proxy.rules.length = 0;
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.json().fetched.git).toMatchObject({ operations: 5, retries: 3 });
    expect(r.err).toMatch(/nvdimm epoch 0 .*returned error: 503; retry 1 of 3 in \d/);
    const refs0 = proxy.records.filter((x) => x.url.startsWith('/nvdimm/0/info/refs'));
    expect(refs0.map((x) => x.action)).toEqual(['status', 'status', 'pass']);
    // backoffMs 50 doubles: at least 50 ms, then 100 ms between the attempts.
    const g = gaps(refs0);
    expect(g[0]).toBeGreaterThanOrEqual(50);
    expect(g[1]).toBeGreaterThanOrEqual(100);
    // git re-sends a cut-off pack request once by itself; the second cut fails the clone, and
    // patchlore runs it again.
    const packs1 = proxy.records.filter((x) => x.url === '/nvdimm/1/git-upload-pack').map((x) => x.action);
    expect(packs1.filter((a) => a === 'reset')).toHaveLength(2);
    expect(packs1[packs1.length - 1]).toBe('pass');
    expect(r.err).toMatch(/nvdimm epoch 1 .*; retry 1 of 3 in/);
    expect(dumpOf(d)).toEqual(dumpOf(db()));
  });

  it('falls back to git when the manifest is an HTML page, and says so', async () => {
    proxy.rules.push({ url: /manifest\.js\.gz$/, times: 1, fault: { kind: 'html' } });
    const r = await sync(db(), cache());
    proxy.rules.length = 0;
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    expect(j.fetched.problems).toMatchObject([{ code: 'http/not-mbox', severity: 'warning', message: expect.stringContaining('got an HTML page') }]);
    // Both mirrored epochs fetched (nothing new), epoch 2 probed and found absent.
    expect(j.fetched.epochs).toMatchObject([
      { epoch: 0, action: 'fetched', newCommits: 0 },
      { epoch: 1, action: 'fetched', newCommits: 0 },
    ]);
    expect(j.read).toBe(0);
  });

  it('with --since, skips epochs whose mail is older and clones the newest shallow; without, deepens', async () => {
    const d = join(tmp.dir, 'since.sqlite');
    const c = join(tmp.dir, 'since-cache');
    const epoch1 = corpus.commits.slice(FIRST + APPENDED, FIRST + APPENDED + EPOCH1);
    const since = new Date(epoch1[100]!.time * 1000).toISOString().slice(0, 10);
    // Epoch 0's newest mail predates the since-date.
    expect(corpus.commits[FIRST + APPENDED - 1]!.time).toBeLessThan(sinceSeconds(since));
    const expected = epoch1.filter((x) => x.time >= sinceSeconds(since)).length;
    const r = await sync(d, c, '--since', since);
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    expect(j.fetched.epochs).toMatchObject([
      { epoch: 0, action: 'skipped' },
      { epoch: 1, action: 'cloned', newCommits: expected },
    ]);
    expect(j.read).toBe(expected);
    const all = await sync(d, c);
    expect(all.code, all.err).toBe(0);
    expect(all.json().fetched.epochs).toMatchObject([
      { epoch: 0, action: 'cloned', newCommits: FIRST + APPENDED },
      { epoch: 1, action: 'deepened', newCommits: EPOCH1 - expected },
    ]);
    expect(dumpOf(d)).toEqual(dumpOf(db()));
  });

  it('kill -9 just after a shallow mirror was deepened, then a rerun: the older mail is still imported', async () => {
    const d = join(tmp.dir, 'since-killed.sqlite');
    const c = join(tmp.dir, 'since-killed-cache');
    const epoch1 = corpus.commits.slice(FIRST + APPENDED, FIRST + APPENDED + EPOCH1);
    const since = new Date(epoch1[100]!.time * 1000).toISOString().slice(0, 10);
    expect((await sync(d, c, '--since', since)).code).toBe(0);
    const shallow = join(c, 'mirrors', new URL(proxy.url).host.replace(/[^\w.-]+/g, '_'), 'nvdimm', 'git', '1.git', 'shallow');
    expect(existsSync(shallow)).toBe(true);
    const child = spawn(process.execPath, [join(ROOT, 'bin/patchlore.mjs'), 'sync', 'nvdimm', '--db', d, '--config', config, '--cache', c], { stdio: 'ignore' });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    let gone = false;
    for (let i = 0; i < 12_000 && !gone; i++) {
      await new Promise((r) => setTimeout(r, 5));
      gone = !existsSync(shallow);
    }
    child.kill('SIGKILL');
    await exited;
    expect(gone).toBe(true);
    const r = await sync(d, c);
    expect(r.code, r.err + r.out).toBe(0);
    expect(dumpOf(d)).toEqual(dumpOf(db()));
  });

  it('reports a list the server does not have, after one manifest request and one probe', async () => {
    proxy.records.length = 0;
    const r = await cli('sync', 'nosuchlist', '--db', join(tmp.dir, 'none.sqlite'), '--config', config, '--cache', join(tmp.dir, 'none-cache'), '--json');
    expect(r.code).toBe(1);
    expect(r.json().fetched.problems).toMatchObject([{ code: 'http/not-found', severity: 'error', message: expect.stringContaining('no list "nosuchlist"') }]);
    expect(proxy.records.map((x) => x.url)).toEqual(['/nosuchlist/manifest.js.gz', '/nosuchlist/0/info/refs?service=git-upload-pack']);
  });
});
