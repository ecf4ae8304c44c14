// Messages recovered from archive pages in the store: a page copy and the original mail with the
// same Message-ID are one message, never an imposter, whatever the order; the original's content
// wins, its full-text row replaces the page copy's; between page copies, the one that lost less.
// A page copy without a usable Message-ID is matched to its message, in either order.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Obfuscation, PageMessage } from '../types.ts';
import { readPageId } from '../archive/page-message-id.ts';
import { synthesiseMessage } from '../archive/synthesise-message.ts';
import { threadPending } from '../derive/derive-threads.ts';
import { dumpStore } from '../store/dump-store-fs.ts';
import { sqlOf } from '../store/sqlite-store-fs.ts';
import type { Store } from '../store/store-port.ts';
import { mail, tempDir, tempStore } from '../test-support/mail-builder.ts';
import { importSources } from './import-sources.ts';
import { parseAndMine } from './parse-pool.ts';
import { storeMessage } from './store-message.ts';

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
  const run = () => storeMessage(store, store.mail.insertRaw(sha, bytes, null, null), o.message, o.meta);
  const r = inTransaction ? store.transaction(run) : run();
  threadPending(store);
  return r;
}

/** A fresh store for each test of the describe block calling it, handed to `use`; the function
 *  returned starts another one within a test. */
function storePerTest(use: (store: Store) => void): () => void {
  let tmp: ReturnType<typeof tempDir> | null = null;
  let store: Store | null = null;
  const drop = () => {
    store?.close();
    tmp?.cleanup();
  };
  const renew = () => {
    drop();
    tmp = tempDir();
    store = tempStore(tmp.dir);
    use(store);
  };
  beforeEach(renew);
  afterEach(drop);
  return renew;
}

describe('recovered copies in the store', () => {
  let store: Store;
  const fresh = storePerTest((s) => (store = s));
  const rows = () => sqlOf(store).prepare('SELECT message_id AS id, imposter, recovered, body, (SELECT count(*) FROM copies c WHERE c.message = m.id) AS copies FROM messages m').all() as Array<{ id: string; imposter: number; recovered: string | null; body: string; copies: number }>;
  const found = (word: string) => (sqlOf(store).prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').get(word) as { n: number }).n;
  const codes = () => (sqlOf(store).prepare('SELECT code FROM diagnostics ORDER BY rowid').all() as Array<{ code: string }>).map((d) => d.code);

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
      expect(second.changed).toBe(true);
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
    fresh();
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
    fresh();
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

describe('page copies without a usable Message-ID', () => {
  // hypermail 2.4 writes "x_at_xxxxx" for the ID and the In-Reply-To: placeholders both.
  const ROOT = 'cover.1712796818.git-series.apopple@nvidia.com';
  const REPLY = '20240411122530.GQ5383@nvidia.com';
  const ROOT_DATE = 'Thu, 11 Apr 2024 10:53:38 +1000';
  const cut = (id: string) => readPageId(id.replace('@nvidia.com', '_at_xxxxxx'), 'spelt-out');
  function hypermailPage(id: string, subject: string, from: { name: string; email: string }, date: string, parent: string | null, body: string): Uint8Array {
    return synthesiseMessage({
      generator: 'hypermail',
      version: '2.4.1',
      provenance: { source: `https://lkml.iu.edu/hypermail/linux/kernel/2404.1/${id.slice(0, 6)}.html`, anchor: '' },
      messageId: cut(id),
      references: parent ? [cut(parent)] : [],
      inReplyTo: parent ? cut(parent) : null,
      subject,
      from: { name: from.name, email: from.email.replace('@nvidia.com', '@xxxxxx') },
      to: [],
      cc: [],
      date: { written: date, ms: Date.parse(new Date(date).toISOString()), precision: 'second' },
      body,
      obfuscated: [
        { field: 'message-id', how: 'x-domain', restored: false },
        { field: 'from', how: 'x-domain', restored: false },
      ],
      listId: '',
      diagnostics: [],
    });
  }
  const alistair = { name: 'Alistair Popple', email: 'apopple@nvidia.com' };
  const jason = { name: 'Jason Gunthorpe', email: 'jgg@nvidia.com' };
  const rootPage = hypermailPage(ROOT, '[RFC 00/10] fs/dax: Fix FS DAX page reference counts', alistair, ROOT_DATE, null, 'rootpageword\n');
  const replyPage = hypermailPage(REPLY, 'Re: [RFC 00/10] fs/dax: Fix FS DAX page reference counts', jason, DATE, ROOT, 'replypageword\n');
  const rootMail = Buffer.from(
    mail({ id: ROOT, from: 'Alistair Popple <apopple@nvidia.com>', subject: '[RFC 00/10] fs/dax: Fix FS DAX page reference counts', date: ROOT_DATE, body: 'rootmailword\n' }),
  );

  let store: Store;
  const fresh = storePerTest((s) => (store = s));
  const messages = () => sqlOf(store).prepare('SELECT key, recovered IS NOT NULL AS page, parent, (SELECT count(*) FROM copies c WHERE c.message = m.id) AS copies FROM messages m ORDER BY key').all();
  const found = (word: string) => (sqlOf(store).prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').get(word) as { n: number }).n;

  it('stores a page alone under its placeholder, threading its replies to it', async () => {
    expect((await put(store, rootPage, true)).outcome).toBe('stored');
    await put(store, replyPage, true);
    const placeholder = 'cover.1712796818.git-series.apopple_at_xxxxxx.truncated@page.patchlore.invalid';
    expect(messages()).toEqual([
      { key: '20240411122530.GQ5383_at_xxxxxx.truncated@page.patchlore.invalid', page: 1, parent: placeholder, copies: 1 },
      { key: placeholder, page: 1, parent: null, copies: 1 },
    ]);
  });

  it('the pages, then the original of the root: the mail supersedes its page copy, and the reply page threads under the mail', async () => {
    await put(store, rootPage, true);
    await put(store, replyPage, true);
    const r = await put(store, rootMail, true);
    expect(r.outcome).toBe('duplicate');
    expect(r.changed).toBe(true);
    const note = r.diagnostics.find((d) => d.code === 'store/superseded')!;
    expect(note.message).toMatch(/^the original mail replaced the copy recovered from https:\/\/lkml\.iu\.edu\/.* \(stored as <cover\.1712796818\.git-series\.apopple_at_xxxxxx\.truncated@page\.patchlore\.invalid>\), matched by message-id agrees, subject agrees, author agrees, date agrees \(confidence 0\.99\)/);
    expect(messages()).toEqual([
      { key: '20240411122530.GQ5383_at_xxxxxx.truncated@page.patchlore.invalid', page: 1, parent: ROOT, copies: 1 },
      { key: ROOT, page: 0, parent: null, copies: 2 },
    ]);
    expect([found('rootmailword'), found('rootpageword'), found('replypageword')]).toEqual([1, 0, 1]);
  });

  it('the original first, then the pages: the root page is a copy of the mail, the reply page threads under the mail; the same store as the other order', async () => {
    await put(store, rootPage, true);
    await put(store, replyPage, true);
    await put(store, rootMail, true);
    const pagesFirst = dumpStore(store);
    fresh();
    await put(store, rootMail, true);
    const r = await put(store, rootPage, true);
    expect(r.outcome).toBe('duplicate');
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^a copy recovered from the page https:\/\/lkml.iu.edu\/\S+, matched to <cover\.1712796818\.git-series\.apopple@nvidia\.com> \(message-id agrees/)]);
    await put(store, replyPage, true);
    expect(dumpStore(store)).toEqual(pagesFirst);
    // Reading the same page again (another mirror's copy) goes straight to the message.
    const again = await put(store, hypermailPage(ROOT, '[RFC 00/10] fs/dax: Fix FS DAX page reference counts', alistair, ROOT_DATE, null, 'rootpageword again\n'), true);
    expect(again.diagnostics[0]!.message).toMatch(/matched to <cover\.1712796818\.git-series\.apopple@nvidia\.com> before/);
  });

  it('between the reply page and the root, the root first: rewritten references are reindexed the same', async () => {
    await put(store, replyPage, true);
    await put(store, rootMail, true);
    await put(store, rootPage, true);
    expect(messages()).toEqual([
      { key: '20240411122530.GQ5383_at_xxxxxx.truncated@page.patchlore.invalid', page: 1, parent: ROOT, copies: 1 },
      { key: ROOT, page: 0, parent: null, copies: 2 },
    ]);
  });

  it('leaves a page unmatched when two stored messages fit it equally (ambiguous), saying nothing was superseded', async () => {
    // Two messages from Alistair with the same subject and date: what is left of the page's ID
    // ("cover.1712796818.git-series.apopple") agrees with both.
    const twin = (id: string, body: string) =>
      Buffer.from(mail({ id, from: 'Alistair Popple <apopple@nvidia.com>', subject: '[RFC 00/10] fs/dax: Fix FS DAX page reference counts', date: ROOT_DATE, body }));
    await put(store, twin(ROOT, 'one\n'), true);
    await put(store, twin(ROOT.replace('@nvidia.com', '@nvidia.example'), 'two\n'), true);
    const r = await put(store, rootPage, true);
    expect(r.outcome).toBe('stored');
    expect(messages()).toHaveLength(3);
  });
});

describe('a page copy replaced by its mail, through the import', () => {
  it('has its thread and its discussion computed again from the mail', async () => {
    const tmp = tempDir();
    const store = tempStore(tmp.dir);
    try {
      const opts = { list: '', mboxFormat: 'auto' as const, workers: 0 };
      const parent = tmp.file('parent.eml', mail({ id: 'parent@nvidia.com', subject: '[RFC 02/10] mm/hmm: Remove dead check', date: 'Thu, 11 Apr 2024 08:00:00 -0300', body: 'a patch\n' }));
      const page = tmp.file('page.html.eml', Buffer.from(pageCopy('mhonarc', 'Thanks for the patch.\n', hidden)));
      await importSources(store, [parent, page], opts);
      expect(store.discussion.statementsOfMessage(ID)).toEqual([]);
      const objection = Buffer.from(
        mail({ id: ID, from: 'Jason Gunthorpe <jgg@nvidia.com>', subject: 'Re: [RFC 02/10] mm/hmm: Remove dead check', date: DATE, inReplyTo: 'parent@nvidia.com', body: 'NAK, this breaks HugeTLB.\n' }),
      );
      const s = await importSources(store, [tmp.file('mail.eml', objection)], opts);
      expect({ stored: s.stored, duplicates: s.duplicates }).toEqual({ stored: 0, duplicates: 1 });
      expect(store.discussion.statementsOfMessage(ID).map((st) => [st.kind, st.text])).toEqual([['objection', 'NAK, this breaks HugeTLB.']]);
    } finally {
      store.close();
      tmp.cleanup();
    }
  });
});
