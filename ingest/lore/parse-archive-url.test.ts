import { describe, expect, it } from 'vitest';
import { escapeMessageId } from './lore-url.ts';
import { messageUrlsIn, parseArchiveUrl, type ArchiveUrl, type MessageUrl } from './parse-archive-url.ts';

const MID = 'cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple@nvidia.com';
const LORE = 'https://lore.kernel.org';

/** The message fields a case pins (the others at their defaults). */
function message(fields: Partial<MessageUrl>): MessageUrl {
  return { kind: 'message', source: 'lore', messageId: MID, list: null, base: null, page: 'message', suffix: '', anchor: '', ...fields };
}

describe('parseArchiveUrl', () => {
  const table: Array<[string, ArchiveUrl]> = [
    // lore.kernel.org: a message on a list, in every form lore links it.
    [`${LORE}/nvdimm/${MID}/`, message({ list: 'nvdimm', base: LORE })],
    [`${LORE}/nvdimm/${MID}`, message({ list: 'nvdimm', base: LORE })],
    [`${LORE}/nvdimm/${MID}/T/#u`, message({ list: 'nvdimm', base: LORE, page: 'thread', suffix: 'T', anchor: 'u' })],
    [`${LORE}/nvdimm/${MID}/t/`, message({ list: 'nvdimm', base: LORE, page: 'thread', suffix: 't' })],
    [`${LORE}/nvdimm/${MID}/t.mbox.gz`, message({ list: 'nvdimm', base: LORE, page: 'mbox', suffix: 't.mbox.gz' })],
    [`${LORE}/nvdimm/${MID}/raw`, message({ list: 'nvdimm', base: LORE, page: 'raw', suffix: 'raw' })],
    [`${LORE}/nvdimm/${MID}/#r`, message({ list: 'nvdimm', base: LORE, anchor: 'r' })],
    [`${LORE}/nvdimm/${MID}/2-a.patch`, message({ list: 'nvdimm', base: LORE, page: 'other', suffix: '2-a.patch' })],
    [`${LORE}/nvdimm/${MID}/T/extra`, message({ list: 'nvdimm', base: LORE, page: 'other', suffix: 'T/extra' })],
    // /r/ (any list) and /all/ (the every-list inbox).
    [`${LORE}/r/${MID}`, message({ base: LORE })],
    [`${LORE}/all/${MID}/`, message({ list: 'all', base: LORE })],
    // Escaped IDs are read back; a broken escape is kept as written.
    [`${LORE}/all/a%2Fb%40c.example/`, message({ list: 'all', base: LORE, messageId: 'a/b@c.example' })],
    [`${LORE}/all/${escapeMessageId('é+x/y@z')}/`, message({ list: 'all', base: LORE, messageId: 'é+x/y@z' })],
    [`${LORE}/r/a%zz@b`, message({ base: LORE, messageId: 'a%zz@b' })],
    // Another public-inbox server, under a path.
    ['http://127.0.0.1:8080/pi/nvdimm/a@b/T/', message({ source: 'public-inbox', list: 'nvdimm', base: 'http://127.0.0.1:8080/pi', messageId: 'a@b', page: 'thread', suffix: 'T' })],
    // Redirectors and marc: a Message-ID at no particular server.
    [`https://patch.msgid.link/${MID}`, message({ source: 'msgid-link' })],
    [`https://msgid.link/${MID}`, message({ source: 'msgid-link' })],
    [`https://lkml.kernel.org/r/${MID}`, message({ source: 'lkml-redirect' })],
    [`https://marc.info/?i=${MID}`, message({ source: 'marc' })],
    ['https://marc.info/?l=linux-mm&i=a+b%40x', message({ source: 'marc', messageId: 'a+b@x' })],
    // Lists, and what lies inside an inbox.
    [`${LORE}/nvdimm/`, { kind: 'list', source: 'lore', list: 'nvdimm', base: LORE }],
    [`${LORE}/nvdimm/git/1.git`, { kind: 'list', source: 'lore', list: 'nvdimm', base: LORE }],
    [`${LORE}/nvdimm/new.atom`, { kind: 'list', source: 'lore', list: 'nvdimm', base: LORE }],
    ['http://127.0.0.1:8080/pi/nvdimm/manifest.js.gz', { kind: 'list', source: 'public-inbox', list: 'nvdimm', base: 'http://127.0.0.1:8080/pi' }],
    // Patchwork's pages by Message-ID name the message; its numeric ones and series are pages.
    [`https://patchwork.kernel.org/project/linux-mm/cover/${MID}/`, message({ source: 'patchwork' })],
    ['https://patchwork.kernel.org/project/nvdimm/patch/20220420155310.9712-2-joao.m.martins@oracle.com/mbox/', message({ source: 'patchwork', messageId: '20220420155310.9712-2-joao.m.martins@oracle.com', suffix: 'mbox' })],
    ['http://127.0.0.1:9/project/nvdimm/patch/a%2Fb@c/', message({ source: 'patchwork', messageId: 'a/b@c' })],
    ['https://patchwork.kernel.org/patch/13623885/', { kind: 'page', site: 'patchwork', url: 'https://patchwork.kernel.org/patch/13623885/', list: null }],
    ['https://patchwork.kernel.org/project/linux-mm/patch/13623885/', { kind: 'page', site: 'patchwork', url: 'https://patchwork.kernel.org/project/linux-mm/patch/13623885/', list: null }],
    ['https://patchwork.kernel.org/project/linux-mm/list/?series=842187', { kind: 'page', site: 'patchwork', url: 'https://patchwork.kernel.org/project/linux-mm/list/?series=842187', list: null }],
    ['https://patchwork.kernel.org/series/842187/mbox/', { kind: 'page', site: 'patchwork', url: 'https://patchwork.kernel.org/series/842187/mbox/', list: null }],
    // Other archive sites: the page says which message it shows.
    ['https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html#start', { kind: 'page', site: 'lkml-iu', url: 'https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html', list: null }],
    ['http://lkml.indiana.edu/hypermail/linux/kernel/1704.3/01234.html', { kind: 'page', site: 'lkml-iu', url: 'http://lkml.indiana.edu/hypermail/linux/kernel/1704.3/01234.html', list: null }],
    ['https://www.spinics.net/lists/linux-mm/msg321234.html', { kind: 'page', site: 'spinics', url: 'https://www.spinics.net/lists/linux-mm/msg321234.html', list: 'linux-mm' }],
    ['https://marc.info/?l=linux-mm&m=171279690123456&w=2', { kind: 'page', site: 'marc', url: 'https://marc.info/?l=linux-mm&m=171279690123456&w=2', list: 'linux-mm' }],
    ['https://lkml.org/lkml/2021/10/14/1234', { kind: 'page', site: 'lkml-org', url: 'https://lkml.org/lkml/2021/10/14/1234', list: 'linux-kernel' }],
  ];
  it.each(table)('%s', (url, expected) => {
    expect(parseArchiveUrl(url)).toEqual(expected);
  });

  it('says why a URL names nothing', () => {
    const unknown: Array<[string, string]> = [
      ['not a url', 'not a valid URL'],
      ['ftp://lore.kernel.org/nvdimm/', 'only http and https URLs are supported; got ftp:'],
      [`${LORE}/`, 'no list or Message-ID in the URL'],
      ['https://patch.msgid.link/', 'https://patch.msgid.link/<msgid> names a message by its Message-ID'],
      ['https://lkml.kernel.org/lkml/2024/1/1/1', 'https://lkml.kernel.org/r/<msgid> names a message by its Message-ID'],
      ['https://marc.info/?l=linux-mm', 'https://marc.info/?l=linux-mm&m=<number> names a message'],
      ['https://lkml.iu.edu/hypermail/linux/kernel/2404.1/', 'an lkml.iu.edu message page is e.g.'],
      ['https://www.spinics.net/lists/linux-mm/', 'a spinics.net message page is e.g.'],
      ['https://lkml.org/lkml/2021/10/14/', 'an lkml.org message page is e.g.'],
      ['https://patchwork.kernel.org/project/linux-mm/list/', 'a Patchwork page is e.g.'],
    ];
    for (const [url, reason] of unknown) expect(parseArchiveUrl(url), url).toEqual({ kind: 'unknown', reason: expect.stringContaining(reason) });
  });
});

describe('messageUrlsIn', () => {
  it('finds message URLs in running text, up to brackets, quotes and sentence punctuation', () => {
    const text = `v1: ${LORE}/r/a@b. (see ${LORE}/all/c@d) "${LORE}/nvdimm/e@f/T/#u",https://patch.msgid.link/g@h; <https://marc.info/?i=i@j> ${LORE}/nvdimm/`;
    expect(messageUrlsIn(text).map((x) => [x.url.source, x.url.messageId])).toEqual([
      ['lore', 'a@b'],
      ['lore', 'c@d'],
      ['lore', 'e@f'],
      ['msgid-link', 'g@h'],
      ['marc', 'i@j'],
    ]);
    expect(messageUrlsIn(text)[0]!.index).toBe(text.indexOf('https'));
  });

  it('leaves out pages of other archives (they show a message without naming it)', () => {
    expect(messageUrlsIn('see https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html and https://marc.info/?l=linux-mm&m=1')).toEqual([]);
  });

  it('splits two URLs written without a space between them', () => {
    expect(messageUrlsIn(`${LORE}/r/a@b,${LORE}/r/c@d`).map((x) => x.url.messageId)).toEqual(['a@b', 'c@d']);
  });
});
