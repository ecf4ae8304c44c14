import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mail, mbox, tempDir } from '../test-support/mail-builder.ts';
import { cli } from '../test-support/run-cli.ts';

describe('patchlore CLI', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  let file: string;
  beforeAll(() => {
    tmp = tempDir();
    db = join(tmp.dir, 'db.sqlite');
    const LIST = 'nvdimm.lists.linux.dev';
    file = tmp.file(
      'list.mbox',
      'not mail\n\n' +
        mbox([
          mail({ id: 'root@x', subject: '[PATCH] fs/dax: fix pte_special for devdax', listId: LIST, body: 'pte_special and devdax\n' }),
          mail({ id: 'reply@x', subject: 'Re: [PATCH] fs/dax: fix pte_special for devdax', inReplyTo: 'root@x', references: ['root@x'], listId: LIST, body: 'Looks good.\n' }),
          mail({ id: 'orphan@x', inReplyTo: 'gone@x', references: ['gone@x'], listId: LIST }),
        ]),
    );
  });
  afterAll(() => tmp.cleanup());

  it('prints usage and exits 2 without a command or with an unknown one', async () => {
    expect((await cli()).code).toBe(2);
    const r = await cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
  });

  it('exits 2 on bad options, naming them', async () => {
    const r = await cli('import', '--db', db, '--bogus', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown option '--bogus'/);
    expect(r.err).toContain('usage: patchlore import');
    expect((await cli('import', '--db', db, '--mbox-format', 'nope', file)).err).toContain('--mbox-format must be one of auto, mboxrd, mboxo, mboxcl, mboxcl2; got "nope"');
  });

  it('tells the user there is no store yet', async () => {
    const r = await cli('stats', '--db', join(tmp.dir, 'missing.sqlite'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('no store at');
    expect(r.err).toContain('patchlore import');
  });

  it('imports and reports counts as one JSON document', async () => {
    const r = await cli('import', '--db', db, '--json', file);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j).toMatchObject({ read: 4, stored: 3, duplicates: 0, unparsed: 1 });
    expect(j.diagnostics).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'mail/no-headers', source: file, locator: '@0' })]),
    );
    for (const d of j.diagnostics) expect(Object.keys(d)).toEqual(expect.arrayContaining(['code', 'message', 'source']));
  });

  it('exits 1 under --strict when something could not be parsed', async () => {
    expect((await cli('import', '--db', db, '--strict', file)).code).toBe(1);
  });

  it('exits 1 when no input could be read', async () => {
    const r = await cli('import', '--db', db, '--json', join(tmp.dir, 'nope.mbox'));
    expect(r.code).toBe(1);
    expect(r.json().diagnostics[0]).toMatchObject({ code: 'source/unreadable', source: join(tmp.dir, 'nope.mbox') });
  });

  it('answers stats, thread, search and report in the documented shapes', async () => {
    const stats = (await cli('stats', '--db', db, '--json')).json();
    expect(stats).toMatchObject({ messages: 3, threads: 2, ghosts: 1, series: 0, revisions: 0, unparsed: 1, lists: [{ name: 'nvdimm', messages: 3 }] });

    const thread = await cli('thread', '--db', db, '--json', '<reply@x>');
    expect(thread.code).toBe(0);
    const t = thread.json();
    expect(t.root).toBe('root@x');
    expect(t.messages.map((m: any) => [m.messageId, m.parent, m.depth])).toEqual([
      ['root@x', null, 0],
      ['reply@x', 'root@x', 1],
    ]);
    expect(Object.keys(t.messages[0])).toEqual(expect.arrayContaining(['messageId', 'parent', 'depth', 'from', 'date', 'subject']));

    const orphan = (await cli('thread', '--db', db, '--json', 'orphan@x')).json();
    expect(orphan.messages.map((m: any) => [m.messageId, m.ghost])).toEqual([
      ['gone@x', true],
      ['orphan@x', false],
    ]);

    const search = (await cli('search', '--db', db, '--json', 'pte_special devdax')).json();
    expect(search.total).toBe(2);
    expect(Object.keys(search.hits[0])).toEqual(expect.arrayContaining(['messageId', 'threadId', 'subject', 'from', 'date', 'score', 'snippet']));
    expect(search.hits[0].snippet).toContain('«pte_special»');

    const report = (await cli('report', '--db', db, '--json')).json();
    expect(report.unparsed).toHaveLength(1);
    expect(report.unparsed[0]).toMatchObject({ code: 'mail/no-headers', seen: [{ source: file, locator: '@0', list: '' }] });
    expect(report).toMatchObject({ ghosts: 1, imposters: 0 });
  });

  it('names the Message-ID it cannot find', async () => {
    const r = await cli('thread', '--db', db, 'nobody@x');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no message or thread with Message-ID <nobody@x>');
  });

  it('takes the store from --config, relative to the config file, and says when the file is missing', async () => {
    const cfg = tmp.file('elsewhere.json', JSON.stringify({ db: 'db.sqlite' }));
    const r = await cli('stats', '--config', cfg, '--json');
    expect(r.code).toBe(0);
    expect(r.json().messages).toBe(3);
    const missing = await cli('stats', '--config', join(tmp.dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`no config file at ${join(tmp.dir, 'nope.json')} (--config)`);
  });

  it('rebuilds derived tables from raw mail with reindex', async () => {
    const before = (await cli('stats', '--db', db, '--json')).json();
    const r = await cli('reindex', '--db', db, '--json', '--jobs', '0');
    expect(r.json()).toMatchObject({ raw: 4, messages: 3, unparsed: 1, threads: 2 });
    expect((await cli('stats', '--db', db, '--json')).json()).toEqual(before);
  });

  it('refuses a store indexed by another version, naming reindex, and reindex rebuilds it', async () => {
    const before = (await cli('stats', '--db', db, '--json')).json();
    const old = new Database(db);
    old.prepare("UPDATE meta SET value = '1' WHERE key = 'derived_version'").run();
    // A derived table of that version that this one no longer has the same shape of.
    old.exec('DROP TABLE statements; CREATE TABLE statements (message INTEGER)');
    old.close();
    const refused = await cli('stats', '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('was indexed by another patchlore version; run: patchlore reindex');
    const r = await cli('reindex', '--db', db, '--json', '--jobs', '0');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ raw: 4, messages: 3, unparsed: 1, threads: 2 });
    expect((await cli('stats', '--db', db, '--json')).json()).toEqual(before);
  });
});

describe('patchlore CLI reading a store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeAll(async () => {
    tmp = tempDir();
    db = join(tmp.dir, 'db.sqlite');
    const file = tmp.file('l.mbox', mbox([mail({ id: 'a@x', subject: '[PATCH] one', body: 'one\n---\ndiff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1 @@\n-1\n+2\n' }), mail({ id: 'b@x', subject: 'Re: [PATCH] one', inReplyTo: 'a@x', references: ['a@x'] })]));
    expect((await cli('import', '--db', db, file)).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());
  /** The database file's bytes, and the write-ahead log's (a reader may create an empty one). */
  const files = (): string => {
    const wal = join(tmp.dir, 'db.sqlite-wal');
    const walBytes = readdirSync(tmp.dir).includes('db.sqlite-wal') ? readFileSync(wal).length : 0;
    return `${createHash('sha256').update(readFileSync(db)).digest('hex')} wal:${walBytes}`;
  };

  it('never writes to a store it only reads', async () => {
    const before = files();
    for (const args of [['stats'], ['thread', 'b@x'], ['search', 'one'], ['report'], ['series', 'a@x']]) {
      const r = await cli(...args, '--db', db);
      expect(r.err, args.join(' ')).toBe('');
    }
    expect(files()).toBe(before);
  });

  it('brings stale derivations up to date when a read needs them, and says so', async () => {
    const links = tmp.file('links.json', JSON.stringify({ pin: [], split: [{ from: 'a@x', to: 'b@x', why: 'test' }] }));
    process.env.PATCHLORE_SERIES_LINKS = links;
    try {
      const first = await cli('stats', '--db', db);
      expect(first.err).toBe('patchlore: bringing series lineages, commit links, Patchwork states, lineage outcomes up to date with the stored mail\n');
      const again = await cli('stats', '--db', db);
      expect(again.err).toBe('');
    } finally {
      delete process.env.PATCHLORE_SERIES_LINKS;
    }
  });
});
