// Patchwork's rebuild of a patch and the patch as sent, in either order, in one import or two, and
// after reindex: one message with the mail's content, never an imposter; its full text is the
// mail's; mail reusing a Message-ID is still an imposter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSources } from './import-sources.ts';
import { reindexStore } from './reindex-store.ts';
import { dumpStore } from '../store/dump-store-fs.ts';
import { sqlOf } from '../store/sqlite-store-fs.ts';
import type { Store } from '../store/store-port.ts';
import { mail, mbox, tempDir, tempStore } from '../test-support/mail-builder.ts';

const ID = '20250228033058.1234-4-apopple@nvidia.com';
const COVER = '20250228033058.1234-1-apopple@nvidia.com';
const DATE = 'Fri, 28 Feb 2025 14:30:58 +1100';
const SUBJECT = '[PATCH v9 03/20] fs/dax: Refactor wait for dax idle page';
const FROM = 'Alistair Popple <apopple@nvidia.com>';
const DIFF = 'diff --git a/fs/dax.c b/fs/dax.c\n--- a/fs/dax.c\n+++ b/fs/dax.c\n@@ -1 +1 @@\n-old\n+new\n';

/** The patch as the list delivered it. */
const sent = mail({ id: ID, from: FROM, subject: SUBJECT, date: DATE, inReplyTo: COVER, listId: 'nvdimm.lists.linux.dev', body: `Sentword explains the change.\n\nSigned-off-by: ${FROM}\n---\n${DIFF}` });
/** The same patch as Patchwork's mbox rebuilds it: its own fields first, the stored header, the
 *  text with a trailer collected from a reply, re-encoded (patchwork/views/utils.py). */
const rebuild = (trailer: string) =>
  [
    'Content-Type: text/plain; charset="utf-8"',
    'MIME-Version: 1.0',
    'Content-Transfer-Encoding: 7bit',
    `X-Patchwork-Submitter: ${FROM}`,
    'X-Patchwork-Id: 392',
    mail({ id: ID, from: FROM, subject: SUBJECT, date: DATE, inReplyTo: COVER, listId: 'nvdimm.lists.linux.dev', body: `Sentword explains the change.\n\nSigned-off-by: ${FROM}\n${trailer}\n---\n${DIFF}` }).replace(/Content-Type: text\/plain; charset=utf-8\n/, ''),
  ].join('\n');

describe('a Patchwork rebuild and the mail as sent', () => {
  let tmp: ReturnType<typeof tempDir>;
  let stores: Store[];
  beforeEach(() => {
    tmp = tempDir();
    stores = [];
  });
  afterEach(() => {
    for (const s of stores) s.close();
    tmp.cleanup();
  });
  let n = 0;
  /** A fresh store holding `batches`, each one import. */
  async function storeOf(...batches: string[][]): Promise<Store> {
    const store = tempStore(tmp.dir + `/s${++n}`);
    stores.push(store);
    for (const b of batches) await importSources(store, [tmp.file(`in${++n}.mbox`, mbox(b))], { list: 'nvdimm', mboxFormat: 'auto', workers: 0 });
    return store;
  }
  const rows = (s: Store) =>
    sqlOf(s)
      .prepare(
        `SELECT key, imposter, body, (SELECT count(*) FROM copies c WHERE c.message = m.id) AS copies,
                (SELECT rebuilt_by FROM rebuilt_messages r WHERE r.message = m.id) AS rebuiltBy FROM messages m WHERE message_id = ?`,
      )
      .all(ID) as Array<{ key: string; imposter: number; body: string; copies: number; rebuiltBy: string | null }>;
  const found = (s: Store, word: string) => (sqlOf(s).prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').get(word) as { n: number }).n;
  const codes = (s: Store) => sqlOf(s).prepare("SELECT code FROM diagnostics WHERE code LIKE 'store/%' ORDER BY rowid").pluck().all();

  it('the rebuild first, then the mail: one message with the mail as sent, its full text, the rebuild a copy', async () => {
    const s = await storeOf([rebuild('Acked-by: Rebuildword Reviewer <r@example.org>')]);
    expect(rows(s)).toMatchObject([{ key: ID, imposter: 0, copies: 1, rebuiltBy: 'patchwork' }]);
    expect(found(s, 'rebuildword')).toBe(1);
    expect(s.mail.rebuiltAmong([ID, COVER])).toEqual(new Map([[ID, 'patchwork']]));
    await importSources(s, [tmp.file('sent.mbox', mbox([sent]))], { list: 'nvdimm', mboxFormat: 'auto', workers: 0 });
    expect(rows(s)).toEqual([{ key: ID, imposter: 0, body: expect.not.stringContaining('Rebuildword'), copies: 2, rebuiltBy: null }]);
    expect([found(s, 'sentword'), found(s, 'rebuildword')]).toEqual([1, 0]);
    expect(codes(s)).toEqual(['store/superseded']);
    expect(s.mail.rebuiltAmong([ID])).toEqual(new Map());
    expect(s.mail.stats()).toMatchObject({ messages: 1, imposters: 0 });
  });

  it('ends the same whichever comes first, in one import or two, and after reindex', async () => {
    const a = await storeOf([rebuild('Acked-by: R <r@example.org>')], [sent]);
    const b = await storeOf([sent], [rebuild('Acked-by: R <r@example.org>')]);
    const c = await storeOf([rebuild('Acked-by: R <r@example.org>'), sent]);
    expect(dumpStore(b)).toEqual(dumpStore(a));
    expect(dumpStore(c)).toEqual(dumpStore(a));
    expect(codes(b)).toEqual(['store/rebuilt-copy']);
    expect([found(c, 'sentword'), found(c, 'r')]).toEqual([1, 0]);
    const before = dumpStore(a);
    await reindexStore(a, { workers: 0 });
    expect(dumpStore(a)).toEqual(before);
    expect([found(a, 'sentword'), found(a, 'r')]).toEqual([1, 0]);
  });

  it('keeps the first of two rebuilds (Patchwork rebuilt it after a reply added a trailer) as the message', async () => {
    const s = await storeOf([rebuild('Acked-by: First <f@example.org>')], [rebuild('Acked-by: First <f@example.org>\nReviewed-by: Second <s@example.org>')]);
    expect(rows(s)).toMatchObject([{ copies: 2, rebuiltBy: 'patchwork', body: expect.not.stringContaining('Second') }]);
    await importSources(s, [tmp.file('sent.mbox', mbox([sent]))], { list: 'nvdimm', mboxFormat: 'auto', workers: 0 });
    expect(rows(s)).toMatchObject([{ copies: 3, rebuiltBy: null }]);
  });

  it('leaves mail reusing a Message-ID an imposter, beside a rebuild as well', async () => {
    const other = mail({ id: ID, from: 'Someone <s@example.org>', date: 'Sat, 01 Mar 2025 00:00:00 +0000', body: 'different\n' });
    const s = await storeOf([sent], [other]);
    expect(rows(s).map((r) => r.imposter).sort()).toEqual([0, 1]);
    const t = await storeOf([rebuild('Acked-by: R <r@example.org>')], [other], [sent]);
    // The other mail was an imposter of the rebuild; the mail as sent took the rebuild's place.
    expect(rows(t).map((r) => [r.imposter, r.rebuiltBy, r.body.includes('Sentword')]).sort()).toEqual([
      [0, null, true],
      [1, null, false],
    ]);
  });
});
