import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlOf } from '../store/sqlite-store-fs.ts';
import type { Store } from '../store/store-port.ts';
import { dumpStore } from '../store/dump-store-fs.ts';
import { mail, mbox, tempDir, tempStore } from '../test-support/mail-builder.ts';
import { isStale } from '../test-support/stale.ts';
import { deriveAll, emptySummary, importSources, type ImportOptions } from './import-sources.ts';

const OPTS: ImportOptions = { list: '', mboxFormat: 'auto', workers: 0 };
const run = (store: Store, inputs: string[], opts: Partial<ImportOptions> = {}) => importSources(store, inputs, { ...OPTS, ...opts });

let tmp: ReturnType<typeof tempDir>;
const stores: Store[] = [];
const newStore = (name: string): Store => {
  const s = tempStore(tmp.dir, name);
  stores.push(s);
  return s;
};
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  tmp.cleanup();
});

const LIST = 'nvdimm.lists.linux.dev';
const root = mail({ id: 'a@x', subject: '[PATCH 0/2] thing', listId: LIST, date: 'Mon, 1 Jan 2024 10:00:00 +0000' });
const reply = mail({ id: 'b@x', subject: 'Re: [PATCH 0/2] thing', inReplyTo: 'a@x', references: ['a@x'], listId: LIST, date: 'Mon, 1 Jan 2024 11:00:00 +0000' });
const nested = mail({ id: 'c@x', subject: 'Re: [PATCH 0/2] thing', inReplyTo: 'b@x', references: ['a@x', 'b@x'], listId: LIST, date: 'Mon, 1 Jan 2024 12:00:00 +0000' });
const redelivered = `Received: from relay2; Tue, 2 Jan 2024 00:00:00 +0000\n${reply}`;
const imposter = mail({ id: 'c@x', subject: 'an unrelated message reusing c@x', listId: LIST, date: 'Mon, 1 Jan 2024 09:00:00 +0000' });
const noId = mail({ id: null, subject: 'no id', listId: LIST, date: 'Mon, 1 Jan 2024 13:00:00 +0000' });

describe('importSources', () => {
  it('counts every message read as stored, duplicate or unparsed', async () => {
    const file = tmp.file('list.mbox', 'junk before the first From line\n\n' + mbox([root, reply, nested, root, redelivered, imposter, noId]));
    const store = newStore('s.sqlite');
    const s = await run(store, [file]);
    expect({ read: s.read, stored: s.stored, duplicates: s.duplicates, identical: s.identical, unparsed: s.unparsed, imposters: s.imposters }).toEqual({
      read: 8,
      stored: 5,
      duplicates: 2,
      identical: 1,
      unparsed: 1,
      imposters: 1,
    });
    expect(s.read).toBe(s.stored + s.duplicates + s.unparsed);
    const codes = s.diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['mbox/preamble', 'mail/no-headers', 'store/imposter', 'mid/missing']));
    const unparsed = s.diagnostics.find((d) => d.code === 'mail/no-headers')!;
    expect(unparsed.source).toBe(file);
    expect(unparsed.locator).toBe('@0');
    // The imposter is the earlier-dated variant, so it keeps the plain ID; the reply is re-keyed.
    const keys = (sqlOf(store).prepare('SELECT key, subject FROM messages WHERE message_id = ? ORDER BY key').all('c@x') as Array<{ key: string; subject: string }>).map((r) => r.subject);
    expect(keys).toEqual(['an unrelated message reusing c@x', 'Re: [PATCH 0/2] thing']);
  });

  it('changes nothing when the same input is imported again', async () => {
    const file = tmp.file('list.mbox', mbox([root, reply, nested, imposter, noId]));
    const store = newStore('s.sqlite');
    await run(store, [file]);
    const before = dumpStore(store);
    const rawBefore = sqlOf(store).prepare('SELECT count(*) AS n FROM raw').get();
    const again = await run(store, [file]);
    expect(again).toMatchObject({ read: 5, stored: 0, duplicates: 5, unparsed: 0 });
    expect(dumpStore(store)).toEqual(before);
    expect(sqlOf(store).prepare('SELECT count(*) AS n FROM raw').get()).toEqual(rawBefore);
    expect(sqlOf(store).prepare('SELECT count(*) AS n FROM sightings').get()).toEqual({ n: 5 });
  });

  it('gives the same store for a file imported whole or in two halves, in either order', async () => {
    const all = [root, reply, nested, redelivered, imposter, noId];
    const whole = tmp.file('whole.mbox', mbox(all));
    const first = tmp.file('first.mbox', mbox(all.slice(0, 3)));
    const second = tmp.file('second.mbox', mbox(all.slice(3)));
    const a = newStore('a.sqlite');
    const b = newStore('b.sqlite');
    const c = newStore('c.sqlite');
    await run(a, [whole]);
    await run(b, [first]);
    await run(b, [second]);
    await run(c, [second]);
    await run(c, [first]);
    expect(dumpStore(b)).toEqual(dumpStore(a));
    expect(dumpStore(c)).toEqual(dumpStore(a));
  });

  it('turns ghosts into messages and merges threads when the missing mail arrives', async () => {
    const store = newStore('s.sqlite');
    // Two replies whose common ancestor is not here yet: two threads, each under a ghost.
    const r1 = mail({ id: 'r1@x', references: ['a@x', 'b@x'], inReplyTo: 'b@x', listId: LIST });
    const r2 = mail({ id: 'r2@x', references: ['z@x'], inReplyTo: 'z@x', listId: LIST });
    await run(store, [tmp.file('replies.mbox', mbox([r1, r2]))]);
    expect(sqlOf(store).prepare('SELECT count(*) AS n FROM threads').get()).toEqual({ n: 2 });
    const ghosts = sqlOf(store).prepare('SELECT id FROM nodes WHERE ghost = 1 AND shown = 1 ORDER BY id').all();
    expect(ghosts).toEqual([{ id: 'a@x' }, { id: 'b@x' }, { id: 'z@x' }]);
    // z turns out to be a reply to b: one thread now.
    const z = mail({ id: 'z@x', references: ['a@x', 'b@x'], inReplyTo: 'b@x', listId: LIST });
    await run(store, [tmp.file('late.mbox', mbox([root, reply, z]))]);
    expect(sqlOf(store).prepare('SELECT count(*) AS n FROM threads').get()).toEqual({ n: 1 });
    expect(sqlOf(store).prepare('SELECT count(*) AS n FROM nodes WHERE ghost = 1').get()).toEqual({ n: 0 });
    const all = newStore('all.sqlite');
    await run(all, [tmp.file('all.mbox', mbox([r1, r2, root, reply, z]))]);
    expect(dumpStore(store)).toEqual(dumpStore(all));
  });

  it('completes threading left undone by an interrupted import', async () => {
    const store = newStore('s.sqlite');
    await run(store, [tmp.file('l.mbox', mbox([root, reply, nested]))]);
    const done = dumpStore(store);
    // A kill between storing a batch and threading it leaves messages without a thread.
    // (The batch's transaction moved the mail generation on, so the threads are stale.)
    sqlOf(store).exec('UPDATE messages SET thread_id = NULL, parent = NULL, depth = NULL, ord = NULL; DELETE FROM nodes; DELETE FROM threads; DELETE FROM thread_lists;');
    store.transaction(() => store.derived.bumpGeneration());
    expect(store.threads.unthreadedCount()).toBe(3);
    await run(store, []);
    expect(dumpStore(store)).toEqual(done);
  });

  it('leaves series and discussion stale with derive: false, for one deriveAll to bring up to date', async () => {
    const patch = (n: number) =>
      mail({ id: `p${n}@x`, subject: `[PATCH ${n}/2] thing`, inReplyTo: 'a@x', references: ['a@x'], listId: LIST, date: `Mon, 1 Jan 2024 10:0${n}:00 +0000`, body: `diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1 @@\n-${n}\n+${n + 1}\n` });
    const review = mail({ id: 'r@x', subject: 'Re: [PATCH 1/2] thing', inReplyTo: 'p1@x', references: ['a@x', 'p1@x'], listId: LIST, date: 'Mon, 1 Jan 2024 12:00:00 +0000', body: '> -1\nLooks good.\n\nReviewed-by: R <r@x>\n' });
    const files = [tmp.file('one.mbox', mbox([root, patch(1)])), tmp.file('two.mbox', mbox([patch(2), review]))];
    const derived = newStore('derived.sqlite');
    for (const f of files) await run(derived, [f]);
    const deferred = newStore('deferred.sqlite');
    const total = emptySummary();
    for (const f of files) {
      const s = await run(deferred, [f], { derive: false });
      expect(s.timings).toMatchObject({ seriesMs: 0, discussionMs: 0 });
      total.stored += s.stored;
    }
    expect(total.stored).toBe(4);
    expect(dumpStore(deferred)).toEqual(dumpStore(derived));
    expect(isStale(deferred, 'series')).toBe(true);
    expect(isStale(deferred, 'discussion')).toBe(true);
    const tables = ['postings', 'revisions', 'posting_patches', 'posting_trailers', 'discussed_threads', 'statements', 'quote_sources', 'verdicts', 'message_links'];
    const rows = (s: Store) => Object.fromEntries(tables.map((t) => [t, sqlOf(s).prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]));
    expect((sqlOf(deferred).prepare('SELECT count(*) AS n FROM postings').get() as { n: number }).n).toBe(0);
    await deriveAll(deferred, { workers: 0 }, total);
    expect(isStale(deferred, 'series')).toBe(false);
    expect(isStale(deferred, 'discussion')).toBe(false);
    expect(rows(deferred)).toEqual(rows(derived));
    expect((sqlOf(derived).prepare('SELECT count(*) AS n FROM postings').get() as { n: number }).n).toBeGreaterThan(0);
    expect(total.timings!.seriesMs).toBeGreaterThan(0);
  });

  it('records every list a message was seen on', async () => {
    const store = newStore('s.sqlite');
    const file = tmp.file('l.mbox', mbox([root]));
    await run(store, [file], { list: 'linux-mm' });
    await run(store, [file], { list: 'nvdimm' });
    expect(sqlOf(store).prepare('SELECT list FROM message_lists ORDER BY list').all()).toEqual([{ list: 'linux-mm' }, { list: 'nvdimm' }]);
    expect(sqlOf(store).prepare('SELECT list FROM thread_lists ORDER BY list').all()).toEqual([{ list: 'linux-mm' }, { list: 'nvdimm' }]);
    const other = newStore('o.sqlite');
    await run(other, [file]);
    expect(sqlOf(other).prepare('SELECT list FROM message_lists').all()).toEqual([{ list: 'nvdimm' }]);
  });

  it('keeps the last message of a truncated gzip raw instead of importing it as complete', async () => {
    const gz = gzipSync(Buffer.from(mbox([root, reply, nested])));
    const file = tmp.file('cut.mbox.gz', gz.subarray(0, gz.length - 20));
    const store = newStore('s.sqlite');
    const s = await run(store, [file]);
    expect(s.read).toBe(s.stored + s.duplicates + s.unparsed);
    expect(s.unparsed).toBe(1);
    const cut = s.diagnostics.find((d) => d.code === 'mbox/truncated')!;
    expect(cut.message).toMatch(/gzip stream ends early/);
    expect(sqlOf(store).prepare('SELECT unparsed_code AS code FROM copies WHERE message IS NULL').all()).toEqual([{ code: 'mbox/truncated' }]);
  });

  it('reads maildirs, single messages, gzip and directories of them alike', async () => {
    const md = join(tmp.dir, 'Maildir');
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(md, sub), { recursive: true });
    writeFileSync(join(md, 'cur', '1700000001.1.host:2,S'), root);
    writeFileSync(join(md, 'new', '1700000002.2.host'), reply);
    writeFileSync(join(md, 'tmp', 'partial'), 'half a mess');
    const dir = join(tmp.dir, 'inbox');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, '0001-thing.patch'), nested);
    writeFileSync(join(dir, 'sub', 'more.mbox.gz'), gzipSync(mbox([noId])));
    const store = newStore('s.sqlite');
    const s = await run(store, [md, dir]);
    expect(s).toMatchObject({ read: 4, stored: 4, unparsed: 0 });
    const expected = newStore('e.sqlite');
    await run(expected, [tmp.file('all.mbox', mbox([root, reply, nested, noId]))]);
    expect(dumpStore(store)).toEqual(dumpStore(expected));
  });

  it('reads a public-inbox v2 epoch in commit order and only new commits the next time', async () => {
    const epoch = join(tmp.dir, 'epoch.git');
    execFileSync('git', ['init', '-q', '--bare', epoch]);
    const commit = (file: 'm' | 'd', content: string) => {
      const blob = execFileSync('git', ['--git-dir', epoch, 'hash-object', '-w', '--stdin'], { input: content }).toString().trim();
      const tree = execFileSync('git', ['--git-dir', epoch, 'mktree'], { input: `100644 blob ${blob}\t${file}\n` }).toString().trim();
      const parent = (() => {
        try {
          return ['-p', execFileSync('git', ['--git-dir', epoch, 'rev-parse', '-q', '--verify', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()];
        } catch {
          return [];
        }
      })();
      const env = { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@b', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@b' };
      const c = execFileSync('git', ['--git-dir', epoch, 'commit-tree', tree, ...parent, '-m', 'x'], { env }).toString().trim();
      execFileSync('git', ['--git-dir', epoch, 'update-ref', 'HEAD', c]);
    };
    for (const m of [root, reply, nested]) commit('m', m);
    const store = newStore('s.sqlite');
    const first = await run(store, [epoch]);
    expect(first).toMatchObject({ read: 3, stored: 3 });
    const viaMbox = newStore('m.sqlite');
    await run(viaMbox, [tmp.file('l.mbox', mbox([root, reply, nested]))]);
    expect(dumpStore(store)).toEqual(dumpStore(viaMbox));

    expect(await run(store, [epoch])).toMatchObject({ read: 0, stored: 0 });
    commit('m', noId);
    commit('d', nested);
    const next = await run(store, [epoch]);
    expect(next).toMatchObject({ read: 1, stored: 1 });
    expect(next.diagnostics.map((d) => d.code).sort()).toEqual(['epoch/deletion', 'mid/missing']);
  });
});

// Threads depend on the set of messages, not on how they were split into imports.
describe('importSources properties', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((x) => `${x}@p`);
  const specArb = fc.uniqueArray(
    fc.record({ id: fc.constantFrom(...ids), refs: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 3 }), minute: fc.integer({ min: 0, max: 30 }) }),
    { selector: (m) => m.id, minLength: 1, maxLength: 8 },
  );

  it('gives the same store for any split of the input into imports, in any order', async () => {
    await fc.assert(
      fc.asyncProperty(specArb, fc.integer({ min: 1, max: 4 }), fc.func(fc.nat()), async (specs, parts, f) => {
        const mails = specs.map((s) =>
          mail({ id: s.id, references: s.refs.filter((r) => r !== s.id), date: new Date(Date.UTC(2024, 0, 1, 0, s.minute)).toUTCString(), listId: LIST }),
        );
        const t = tempDir();
        try {
          const whole = tempStore(t.dir, 'whole.sqlite');
          const split = tempStore(t.dir, 'split.sqlite');
          try {
            await run(whole, [t.file('whole.mbox', mbox(mails))]);
            const chunks: string[][] = Array.from({ length: parts }, () => []);
            mails.forEach((m, i) => chunks[f(i) % parts]!.push(m));
            const order = chunks.map((c, i) => ({ c, i })).sort((x, y) => f(100 + x.i) - f(100 + y.i));
            for (const { c, i } of order) if (c.length) await run(split, [t.file(`part${i}.mbox`, mbox(c))]);
            expect(dumpStore(split)).toEqual(dumpStore(whole));
          } finally {
            whole.close();
            split.close();
          }
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: 25 },
    );
  });
});
