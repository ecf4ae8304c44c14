// Messages recovered from archive pages in the store: a page copy and the original mail with the
// same Message-ID are one message, never an imposter, whatever the order; the original's content
// wins, its full-text row replaces the page copy's; between page copies, the one that lost less.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Obfuscation, PageMessage } from '../types.ts';
import { readPageId } from '../archive/page-message-id.ts';
import { synthesiseMessage } from '../archive/synthesise-message.ts';
import { parseAndMine } from '../import/parse-pool.ts';
import { dumpStore } from '../test-support/dump-store.ts';
import { mail, tempDir, tempStore } from '../test-support/mail-builder.ts';
import type { Store } from './store-fs.ts';

const ID = '20240411122530.GQ5383@nvidia.com';
const DATE = 'Thu, 11 Apr 2024 09:25:30 -0300';

function pageCopy(generator: PageMessage['generator'], body: string, obfuscated: Obfuscation[] = []): Uint8Array {
  return synthesiseMessage({
    generator,
    version: '',
    provenance: { source: `/pages/${generator}.html`, anchor: '' },
    messageId: readPageId(ID, 'plain'),
    references: [readPageId('parent@nvidia.com', 'plain')],
    inReplyTo: readPageId('parent@nvidia.com', 'plain'),
    subject: 'Re: [RFC 02/10] mm/hmm: Remove dead check',
    from: { name: 'Jason Gunthorpe', email: obfuscated.length ? 'jgg@xxxxxxxxxx' : 'jgg@nvidia.com' },
    to: [],
    cc: [],
    date: { written: DATE, ms: Date.parse('2024-04-11T12:25:30Z'), precision: 'second' },
    body,
    obfuscated,
    listId: 'nvdimm.lists.linux.dev',
    diagnostics: [],
  });
}

const original = Buffer.from(
  mail({ id: ID, from: 'Jason Gunthorpe <jgg@nvidia.com>', subject: 'Re: [RFC 02/10] mm/hmm: Remove dead check', date: DATE, inReplyTo: 'parent@nvidia.com', listId: 'nvdimm.lists.linux.dev', body: 'originalword from the mail\n' }),
);
const hidden: Obfuscation[] = [{ field: 'from', how: 'x-domain', restored: false }];

async function put(store: Store, bytes: Uint8Array, inTransaction: boolean) {
  const sha = createHash('sha256').update(bytes).digest('hex');
  const o = await parseAndMine({ kind: 'raw', bytes, origin: { source: 'test', locator: sha.slice(0, 8), list: '' }, envelopeDate: null }, sha);
  if (o.kind !== 'message') throw new Error('not parsed');
  const run = () => store.storeParsed(store.insertRaw(sha, bytes, null), o.message, o.meta);
  const r = inTransaction ? store.transaction(run) : run();
  store.threadPending();
  return r;
}

describe('recovered copies in the store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  beforeEach(() => {
    tmp = tempDir();
    store = tempStore(tmp.dir);
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });
  const rows = () => store.db.prepare('SELECT message_id AS id, imposter, recovered, body, (SELECT count(*) FROM copies c WHERE c.message = m.id) AS copies FROM messages m').all() as Array<{ id: string; imposter: number; recovered: string | null; body: string; copies: number }>;
  const found = (word: string) => (store.db.prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').get(word) as { n: number }).n;
  const codes = () => (store.db.prepare('SELECT code FROM diagnostics ORDER BY rowid').all() as Array<{ code: string }>).map((d) => d.code);

  for (const inTransaction of [false, true]) {
    it(`a page copy, then the original: one message with the original's content and full text (${inTransaction ? 'in' : 'outside'} a transaction)`, async () => {
      const first = await put(store, pageCopy('mhonarc', 'pageword from the page\n', hidden), inTransaction);
      expect(first.outcome).toBe('stored');
      expect(JSON.parse(rows()[0]!.recovered!)).toMatchObject({ generator: 'mhonarc', source: 'file:///pages/mhonarc.html' });
      const second = await put(store, original, inTransaction);
      expect(second.outcome).toBe('duplicate');
      expect(second.message).toBe(first.message);
      expect(rows()).toEqual([{ id: ID, imposter: 0, recovered: null, body: 'originalword from the mail\n', copies: 2 }]);
      expect([found('originalword'), found('pageword'), found('xxxxxxxxxx')]).toEqual([1, 0, 0]);
      // Still one full-text row per message: search counts matches from the index alone.
      expect(found('jason')).toBe(1);
      expect(codes()).toContain('store/superseded');
    });
  }

  it('the original, then a page copy: the page is another copy, not an imposter', async () => {
    await put(store, original, false);
    const r = await put(store, pageCopy('hypermail', 'pageword\n', hidden), false);
    expect(r.outcome).toBe('duplicate');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['store/recovered-copy']);
    expect(rows()).toEqual([{ id: ID, imposter: 0, recovered: null, body: 'originalword from the mail\n', copies: 2 }]);
    expect(found('pageword')).toBe(0);
  });

  it('ends the same whichever comes first, and in the same thread place', async () => {
    await put(store, pageCopy('hypermail', 'pageword\n', hidden), false);
    await put(store, original, false);
    const pageFirst = dumpStore(store);
    store.close();
    tmp.cleanup();
    tmp = tempDir();
    store = tempStore(tmp.dir);
    await put(store, original, false);
    await put(store, pageCopy('hypermail', 'pageword\n', hidden), false);
    expect(dumpStore(store)).toEqual(pageFirst);
  });

  it('between page copies keeps the one that lost less, in any order', async () => {
    const whole = pageCopy('public-inbox', 'wholeword\n');
    const lossy = pageCopy('mhonarc', 'lossyword\n', hidden);
    await put(store, lossy, false);
    await put(store, whole, false);
    const a = rows();
    expect(a).toHaveLength(1);
    expect(a[0]!.body).toBe('wholeword\n');
    expect([found('wholeword'), found('lossyword')]).toEqual([1, 0]);
    store.close();
    tmp.cleanup();
    tmp = tempDir();
    store = tempStore(tmp.dir);
    await put(store, whole, false);
    await put(store, lossy, false);
    expect(rows()).toEqual(a);
  });

  it('leaves mail reusing a Message-ID an imposter, as before', async () => {
    await put(store, original, false);
    const other = Buffer.from(mail({ id: ID, from: 'Someone <s@example.org>', date: 'Fri, 12 Apr 2024 00:00:00 +0000', body: 'different\n' }));
    expect((await put(store, other, false)).outcome).toBe('imposter');
    expect(rows().map((r) => r.imposter).sort()).toEqual([0, 1]);
  });
});
