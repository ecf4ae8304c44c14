// Golden tests: each fixtures/<case>.html (modelled on pages the real generators wrote; its
// closing fixture-note comment says what it covers) is read with parsePage and each message
// synthesised into mail; both are compared with fixtures/<case>.json. Regenerate with
// UPDATE_GOLDEN=1 and review the diff. Named cases below pin what matters most.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageMessage } from '../types.ts';
import { parseMessage } from '../message/parse-message.ts';
import { decodePage } from './decode-page.ts';
import { parsePage } from './parse-page.ts';
import { synthesiseMessage } from './synthesise-message.ts';

const DIR = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function read(name: string) {
  return parsePage(decodePage(readFileSync(join(DIR, name))).text, `fixtures/${name}`);
}

function only(name: string): PageMessage {
  const p = read(name);
  expect(p.messages).toHaveLength(1);
  return p.messages[0]!;
}

async function reparse(m: PageMessage) {
  const o = await parseMessage({ kind: 'raw', bytes: synthesiseMessage(m), origin: { source: m.provenance.source, locator: '', list: '' }, envelopeDate: null });
  if (o.kind !== 'message') throw new Error(o.unparsed.reason.message);
  return o.message;
}

describe('parsePage golden files', () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.html')).sort()) {
    it(name, () => {
      const parsed = read(name);
      const got = JSON.parse(JSON.stringify({ ...parsed, mail: parsed.messages.map((m) => Buffer.from(synthesiseMessage(m)).toString('utf8')) }));
      const golden = join(DIR, name.replace(/\.html$/, '.json'));
      if (UPDATE || !existsSync(golden)) writeFileSync(golden, JSON.stringify(got, null, 2) + '\n');
      expect(got).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});

describe('parsePage', () => {
  it('hypermail 2.1: IDs from the header comments, the body from <br> lines, <p> blank lines and <pre>', () => {
    const m = only('hypermail-2.1.7-reply.html');
    expect(m.generator).toBe('hypermail');
    expect(m.version).toBe('2.1.7');
    expect(m.messageId).toEqual({ id: '20240411122530.GQ5383@nvidia.com', state: 'complete', written: '20240411122530.GQ5383_at_nvidia.com' });
    expect(m.inReplyTo?.id).toBe('e4a877d1f77d778a2e820b9df66f6b7422bf2276.1712796818.git-series.apopple@nvidia.com');
    expect(m.subject).toBe('Re: [RFC 02/10] mm/hmm: Remove dead check for HugeTLB & FS DAX');
    expect(m.from).toEqual({ name: 'Jason Gunthorpe', email: 'jgg@xxxxxxxxxx' });
    expect(m.obfuscated).toEqual([{ field: 'from', how: 'x-domain', restored: false }]);
    expect(new Date(m.date.ms!).toISOString()).toBe('2024-04-11T12:25:30.000Z');
    expect(m.body).toBe(
      [
        'On Thu, Apr 11, 2024 at 10:57:23AM +1000, Alistair Popple wrote:',
        '> pud_huge() returns true only for a HugeTLB page. pud_devmap() is only',
        '> > used by FS DAX pages.',
        '',
        "I'm not sure this is true.. pud_huge() is mostly a misspelling of pud_leaf()..",
        '',
        '> -\tif (pud_huge(pud) && pud_devmap(pud)) {',
        '',
        'I suspect this should be written as:',
        '',
        '   if (pud_leaf(pud) && pud_devmap(pud)) {',
        '',
        "From what I see in Peter's work here:",
        '',
        'https://lore.kernel.org/linux-mm/20240321220802.679544-1-peterx@redhat.com/',
        '',
        'Signed-off-by: Jason Gunthorpe <jgg@nvidia.com>',
        '---',
        ' mm/hmm.c | 2 +-',
        'diff --git a/mm/hmm.c b/mm/hmm.c',
        '--- a/mm/hmm.c',
        '+++ b/mm/hmm.c',
        '@@ -429,7 +429,7 @@ static int hmm_vma_walk_pud(pud_t *pudp,',
        '-\tif (pud_huge(pud) && pud_devmap(pud)) {',
        '+\tif (pud_leaf(pud) && pud_devmap(pud)) {',
        ' \t\tunsigned long i, npages, pfn;',
        '',
      ].join('\n'),
    );
  });

  it('hypermail 2.4: a Message-ID cut short is said to be, and addresses in the body stay hidden', () => {
    const m = only('hypermail-2.4.1-cut-message-id.html');
    expect(m.messageId).toEqual({ id: '67c1ed2b1f4e2_1a7729487@xxxxxxxxxx', state: 'truncated', written: '67c1ed2b1f4e2_1a7729487_at_xxxxxxxxxx' });
    expect(m.inReplyTo).toEqual({ id: 'cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple', state: 'truncated', written: 'cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple_at' });
    expect(m.body).toBe(
      'Alistair Popple wrote:\n> A FS DAX page is considered idle when its refcount drops to one.\n\nLooks good, and set_pte_at_notify() is gone anyway.\n\nReviewed-by: Dan Williams <dan.j.williams@xxxxxxxxxx>\n',
    );
    expect(m.obfuscated.map((o) => o.field).sort()).toEqual(['body', 'from', 'message-id', 'references']);
    expect(m.diagnostics.map((d) => d.code)).toEqual(['page/message-id']);
  });

  it("hypermail's made-up Message-ID is not taken for the message's", () => {
    const m = only('hypermail-2.1.7-made-up-id.html');
    expect(m.messageId.state).toBe('made-up');
    expect(m.from.name).toBe('堀口　直也');
  });

  it('MHonArc: the real From from X-From-R13, IDs from the escaped comments, flowed text rejoined', () => {
    const m = only('mhonarc-spam-protected.html');
    expect(m.messageId.id).toBe('ce3ea542-9b68-4630-b437-c9daddad2e83@redhat.com');
    expect(m.references.map((r) => r.id)).toEqual([
      'cover.fe275e9819458a4bbb9451b888cafb88af8867d4.1712796818.git-series.apopple@nvidia.com',
      '68427031c58645ba4b751022bf032ffd6b247427.1712796818.git-series.apopple@nvidia.com',
    ]);
    expect(m.inReplyTo?.id).toBe('68427031c58645ba4b751022bf032ffd6b247427.1712796818.git-series.apopple@nvidia.com');
    expect(m.from).toEqual({ name: 'David Hildenbrand', email: 'david@redhat.com' });
    expect(m.to.map((a) => a.email)).toEqual(['apopple@xxxxxxxxxx', 'linux-mm@xxxxxxxxx']);
    expect(m.obfuscated).toContainEqual({ field: 'from', how: 'x-domain', restored: true });
    expect(m.obfuscated).toContainEqual({ field: 'cc', how: 'x-domain', restored: false });
    expect(m.body).toContain('> The only user of devmap PTEs is FS DAX. Warn if this occurs.\n>\n> Signed-off-by: Alistair Popple <apopple@xxxxxxxxxx>\n');
    expect(m.body).toContain("Yes, doesn't make sense for this patch to exist if it would go upstream along with the next patch that removes that completely.\n");
    expect(m.body).toContain('\nFrom the mbox, too.\n-- \nCheers,');
  });

  it('public-inbox message page: headers of <pre id=b>, ancestors from the overview, the thread as mentions', () => {
    const p = read('public-inbox-message.html');
    const m = p.messages[0]!;
    expect(m.messageId.id).toBe('20240411122530.GQ5383@nvidia.com');
    expect(m.references.map((r) => r.id)).toEqual([
      'cover.fe275e9819458a4bbb9451b888cafb88af8867d4.1712796818.git-series.apopple@nvidia.com',
      'e4a877d1f77d778a2e820b9df66f6b7422bf2276.1712796818.git-series.apopple@nvidia.com',
    ]);
    expect(m.cc.map((a) => a.email)).toEqual(['linux-mm@kvack.org', 'david@fromorbit.com', 'dan.j.williams@intel.com', 'djwong@kernel.org']);
    expect(m.cc[3]!.name).toBe('Darrick J. Wong');
    expect(m.listId).toBe('nvdimm.lists.linux.dev');
    expect(m.body.startsWith('On Thu, Apr 11, 2024 at 10:57:23AM +1000, Alistair Popple wrote:\n> pud_huge()')).toBe(true);
    expect(m.body).toContain("I'm not sure this is true..");
    expect(m.obfuscated).toEqual([]);
    expect(p.mentions).toContain('Y02v7/FIh6K2JlHm@nvidia.com');
    expect(p.mentions).not.toContain(m.messageId.id);
  });

  it('public-inbox /T/ page: every message, its parent from its place in the thread', () => {
    const p = read('public-inbox-thread-flat.html');
    expect(p.messages.map((m) => [m.messageId.id, m.inReplyTo?.id ?? null, m.provenance.anchor])).toEqual([
      ['cover.fe275e9819458a4bbb9451b888cafb88af8867d4.1712796818.git-series.apopple@nvidia.com', null, 'm5608a32ddeac0da6eee7df90fe157d89f5c16a1b'],
      ['e4a877d1f77d778a2e820b9df66f6b7422bf2276.1712796818.git-series.apopple@nvidia.com', 'cover.fe275e9819458a4bbb9451b888cafb88af8867d4.1712796818.git-series.apopple@nvidia.com', 'm0e2d5b5a4b3d50f24959ca4f45c70474a4e20d5d'],
      ['20240411122530.GQ5383@nvidia.com', 'e4a877d1f77d778a2e820b9df66f6b7422bf2276.1712796818.git-series.apopple@nvidia.com', 'mf92253880298c087ca7553f2b9e4425d3d2638ec'],
    ]);
    const reply = p.messages[2]!;
    expect(reply.from).toEqual({ name: 'Jason Gunthorpe', email: '' });
    expect(reply.date).toEqual({ written: '2024-04-11 12:25 UTC', ms: Date.UTC(2024, 3, 11, 12, 25), precision: 'minute' });
    expect(reply.body).toBe("On Thu, Apr 11, 2024 at 10:57:23AM +1000, Alistair Popple wrote:\n> pud_huge() returns true only for a HugeTLB page.\n\nI'm not sure this is true..\n\nJason\n");
    expect(p.messages[1]!.body).toContain('\n-- \ngit-series 0.9.1\n');
    expect(p.messages[0]!.cc.map((a) => a.name)).toEqual(['david', 'dan.j.williams', 'jhubbard', 'linux-fsdevel', 'Alistair Popple']);
  });

  it('public-inbox pages saved with absolute links (as a browser may save them) read the same', () => {
    const text = readFileSync(join(DIR, 'public-inbox-thread-flat.html'), 'utf8').replaceAll('"../../', '"https://lore.kernel.org/nvdimm/');
    const saved = parsePage(text, 'saved.html').messages.map((m) => [m.messageId.id, m.inReplyTo?.id ?? null]);
    expect(saved).toEqual(read('public-inbox-thread-flat.html').messages.map((m) => [m.messageId.id, m.inReplyTo?.id ?? null]));
  });

  it('Patchwork patch page: the headers it keeps, text and patch joined, the comment without an ID', () => {
    const p = read('patchwork-patch.html');
    const [patch, comment] = p.messages;
    expect(patch!.messageId.id).toBe('b5b3b567ce2d1df7186ad79bcda7cec6e82f2a1f.1736299058.git-series.apopple@nvidia.com');
    expect(patch!.subject).toBe('[RFC 4/4] mm: Remove pfn_t type');
    expect(patch!.inReplyTo?.id).toBe('cover.2f7ba31d2b1d5b2fa0a0ea1a4c1d8c97e4b43c6f.1736299058.git-series.apopple@nvidia.com');
    expect(patch!.listId).toBe('nvdimm.lists.linux.dev');
    expect(patch!.body).toContain('pfns.\n\nSigned-off-by: Alistair Popple <apopple@nvidia.com>\n---\n include/linux/pfn_t.h | 2 --\n 1 file changed, 2 deletions(-)\n\ndiff --git');
    expect(patch!.body).toContain('\n@@ -5,8 +5,6 @@ #include <linux/mm.h>\n');
    expect(patch!.body).toContain('\n@@ -20,3 +18,3 @@\n');
    expect(patch!.body.endsWith(' } pfn_t;\n')).toBe(true);
    expect(comment!.messageId.state).toBe('missing');
    expect(comment!.inReplyTo?.id).toBe(patch!.messageId.id);
    expect(comment!.from.name).toBe('Christoph Hellwig');
    expect(new Date(comment!.date.ms!).toISOString()).toBe('2025-01-08T05:53:00.000Z');
    expect(comment!.body).toContain("Reviewed-by: Christoph Hellwig <hch@lst.de>\n\nWould be nice if you'd fix up");
    expect(comment!.diagnostics.map((d) => d.code)).toEqual(['page/message-id', 'page/parent']);
    expect(p.mentions).toEqual([
      'cover.2f7ba31d2b1d5b2fa0a0ea1a4c1d8c97e4b43c6f.1736299058.git-series.apopple@nvidia.com',
      '3bfd3bc1fd2c2a0d70d08f7a3d5a8a1bf1d71f3a.1736299058.git-series.apopple@nvidia.com',
    ]);
  });

  it('Patchwork cover page: decoded headers, the afternoon in Django\'s words', () => {
    const m = only('patchwork-cover.html');
    expect(m.subject).toBe('[PATCH v9 0/5] sparse-vmemmap: memory savings for compound devmaps (device-dax)');
    expect(m.cc[1]).toEqual({ name: 'Muchun Song', email: 'songmuchun@bytedance.com' });
    expect(m.inReplyTo).toBeNull();
    expect(m.body.endsWith(' 1 file changed, 16 insertions(+), 10 deletions(-)\n')).toBe(true);
  });

  it('index pages hold no message; a Patchwork list names its patches', () => {
    const list = read('patchwork-list.html');
    expect(list.recognition).toEqual({ kind: 'index', generator: 'patchwork', version: '', what: 'patch list' });
    expect(list.messages).toEqual([]);
    expect(list.mentions).toEqual(['20220420155310.9712-2-joao.m.martins@oracle.com', '20220420155310.9712-3-joao.m.martins@oracle.com']);
    expect(list.diagnostics.map((d) => d.code)).toEqual(['page/index']);
    expect(read('hypermail-index.html').recognition).toMatchObject({ kind: 'index', generator: 'hypermail', what: 'By Thread' });
  });

  it('foreign HTML is a diagnostic, mail is left to the mail reader', () => {
    const f = read('foreign.html');
    expect(f.recognition.kind).toBe('foreign');
    expect(f.diagnostics.map((d) => d.code)).toEqual(['page/foreign']);
    expect(parsePage('From: a@example.org\nMessage-ID: <x@y>\n\nbody\n', 'raw').recognition).toEqual({ kind: 'mail' });
    expect(parsePage('', 'empty').recognition.kind).toBe('foreign');
  });
});

describe('hostile pages stay inert', () => {
  it('hypermail markup: nothing of scripts, styles, frames or attributes becomes text; forged comments in the body are not read', async () => {
    const m = only('hostile-hypermail.html');
    expect(m.messageId.id).toBe('20240101100000.A1@attacker.example');
    expect(m.inReplyTo?.id).toBe('20231231.B2@example.org');
    expect(m.subject).toBe("Re: [PATCH] fix <script>alert('subject')</script>");
    expect(m.body).toBe("Before.\nclick here\n\n<script>alert('entity')</script>\nAfter.\n");
    for (const bad of ['script in body', 'onclick', 'onerror', 'javascript:', 'display: none', 'svg script', 'framed', 'an image', 'forged']) expect(m.body).not.toContain(bad);
    // The synthesised mail is plain text: what looks like markup is text for the site to escape.
    const mail = await reparse(m);
    expect(mail.parts).toEqual([{ kind: 'text', text: m.body, filename: '', contentType: 'text/plain' }]);
    expect(mail.subject).toBe(m.subject);
    expect(mail.from.name).toBe('Mallory <img src=x onerror=alert(1)>');
  });

  it('public-inbox markup: the first <pre id=b> and its header block only', () => {
    const m = only('hostile-public-inbox.html');
    expect(m.messageId.id).toBe('20240101100000.A1@attacker.example');
    expect(m.inReplyTo).toBeNull();
    expect(m.subject).toBe('Re: innocent <b>subject</b>');
    expect(m.from).toEqual({ name: 'Mallory', email: 'mallory@attacker.example' });
    expect(m.body).toBe('Body line.\nMessage-ID: <forged@attacker.example>\nIn-Reply-To: <forged-parent@attacker.example>\nLast line.\n');
  });
});

describe('synthesised mail', () => {
  it('parses back to what the page carried, marked as recovered', async () => {
    for (const name of ['hypermail-2.1.7-reply.html', 'mhonarc-spam-protected.html', 'public-inbox-message.html', 'patchwork-cover.html']) {
      const m = only(name);
      const mail = await reparse(m);
      expect(mail.messageId).toBe(m.messageId.id);
      expect(mail.subject).toBe(m.subject);
      expect(mail.from).toEqual(m.from);
      expect(mail.date).toBe(m.date.ms);
      expect(mail.inReplyTo).toBe(m.inReplyTo?.id ?? '');
      expect(mail.references).toEqual(m.references.map((r) => r.id));
      expect(mail.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('')).toBe(m.body);
      expect(mail.recovered).toMatchObject({ generator: m.generator, source: `fixtures/${name}`, messageId: 'complete' });
      expect(mail.diagnostics).toEqual([]);
    }
  });

  it('gives a damaged Message-ID a placeholder its replies on the same archive share', async () => {
    const m = only('hypermail-2.4.1-cut-message-id.html');
    const mail = await reparse(m);
    expect(mail.messageId).toBe('67c1ed2b1f4e2_1a7729487_at_xxxxxxxxxx.truncated@page.patchlore.invalid');
    expect(mail.inReplyTo).toBe('cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple_at.truncated@page.patchlore.invalid');
    expect(mail.recovered?.messageId).toBe('truncated');
    expect(mail.recovered?.obfuscated).toContainEqual({ field: 'message-id', how: 'truncated', restored: false });
  });

  it('writes a page message without an ID without one, so the parse stage derives it', async () => {
    const comment = read('patchwork-patch.html').messages[1]!;
    const mail = await reparse(comment);
    expect(mail.syntheticId).toBe(true);
    expect(mail.diagnostics.map((d) => d.code)).toEqual(['mid/missing']);
  });

  it('keeps line breaks and encoded-word look-alikes of a page out of the header block', async () => {
    const base = only('public-inbox-message.html');
    const m: PageMessage = { ...base, subject: 'two\nlines\r\nX-Injected: yes =?UTF-8?B?aGk=?=', from: { name: 'A "quoted"\nname', email: 'a@example.org' } };
    const text = Buffer.from(synthesiseMessage(m)).toString('utf8');
    expect(text).not.toMatch(/^X-Injected/m);
    const mail = await reparse(m);
    expect(mail.subject).toBe('two lines X-Injected: yes =?UTF-8?B?aGk=?=');
    expect(mail.from).toEqual({ name: 'A "quoted" name', email: 'a@example.org' });
  });

  it('is the same bytes for the same page', () => {
    const m = only('mhonarc-spam-protected.html');
    expect(Buffer.from(synthesiseMessage(m)).equals(Buffer.from(synthesiseMessage(only('mhonarc-spam-protected.html'))))).toBe(true);
  });
});
