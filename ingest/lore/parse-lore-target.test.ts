import { describe, expect, it } from 'vitest';
import { messageIdArgument, parseLoreTarget } from './parse-lore-target.ts';

const MID = 'cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple@nvidia.com';

describe('parseLoreTarget', () => {
  it('reads a list name', () => {
    expect(parseLoreTarget('nvdimm')).toEqual({ kind: 'list', list: 'nvdimm', base: null });
    expect(parseLoreTarget(' linux-cxl ')).toEqual({ kind: 'list', list: 'linux-cxl', base: null });
  });

  it('reads list URLs, also of the manifest, an epoch or the feed', () => {
    for (const u of ['https://lore.kernel.org/nvdimm/', 'https://lore.kernel.org/nvdimm', 'https://lore.kernel.org/nvdimm/0', 'https://lore.kernel.org/nvdimm/git/1.git', 'https://lore.kernel.org/nvdimm/manifest.js.gz', 'https://lore.kernel.org/nvdimm/new.atom']) {
      expect(parseLoreTarget(u), u).toEqual({ kind: 'list', list: 'nvdimm', base: 'https://lore.kernel.org' });
    }
    expect(parseLoreTarget('http://127.0.0.1:8080/pi/nvdimm/')).toEqual({ kind: 'list', list: 'nvdimm', base: 'http://127.0.0.1:8080/pi' });
  });

  it('reads message URLs in every form lore links them, keeping the list and server', () => {
    const forms = ['', 'T/#u', 'T/', 't/', 't.mbox.gz', '#r'];
    for (const f of forms) {
      expect(parseLoreTarget(`https://lore.kernel.org/nvdimm/${MID}/${f}`), f).toEqual({ kind: 'message', messageId: MID, list: 'nvdimm', base: 'https://lore.kernel.org', part: 'thread' });
    }
    expect(parseLoreTarget(`https://lore.kernel.org/nvdimm/${MID}/raw`)).toMatchObject({ kind: 'message', part: 'raw' });
    // Percent-encoded IDs are decoded.
    expect(parseLoreTarget('https://lore.kernel.org/all/a%2Fb%40c.example/')).toMatchObject({ messageId: 'a/b@c.example', list: 'all' });
  });

  it('reads lore /r/ links and patch.msgid.link as "no particular list"', () => {
    expect(parseLoreTarget(`https://lore.kernel.org/r/${MID}`)).toEqual({ kind: 'message', messageId: MID, list: null, base: 'https://lore.kernel.org', part: 'thread' });
    expect(parseLoreTarget(`https://patch.msgid.link/${MID}`)).toEqual({ kind: 'message', messageId: MID, list: null, base: null, part: 'thread' });
  });

  it('reads bare Message-IDs with or without brackets', () => {
    expect(parseLoreTarget(`<${MID}>`)).toEqual({ kind: 'message', messageId: MID, list: null, base: null, part: 'thread' });
    expect(parseLoreTarget(MID)).toMatchObject({ kind: 'message', messageId: MID });
    expect(parseLoreTarget(`id:${MID}`)).toMatchObject({ kind: 'message', messageId: MID });
  });

  it('says what is wrong with anything else', () => {
    expect(parseLoreTarget('')).toMatchObject({ kind: 'invalid', reason: 'empty' });
    expect(parseLoreTarget('ftp://lore.kernel.org/nvdimm/')).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('only http and https') });
    expect(parseLoreTarget('not a list')).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('expected e.g. nvdimm') });
    expect(parseLoreTarget('https://lore.kernel.org/')).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('no list or Message-ID') });
    expect(parseLoreTarget(`https://lore.kernel.org/nvdimm/${MID}/bogus/x`)).toMatchObject({ kind: 'invalid' });
    expect(parseLoreTarget('https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html')).toEqual({
      kind: 'invalid',
      input: 'https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html',
      reason: 'a page of lkml.iu.edu names its message only by showing it; patchlore add https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html reads the Message-ID from the page',
    });
  });
});

describe('messageIdArgument', () => {
  // [argument, Message-ID]
  const table: Array<[string, string]> = [
    [MID, MID],
    [`<${MID}>`, MID],
    [` id:${MID} `, MID],
    [`https://lore.kernel.org/nvdimm/${MID}/`, MID],
    [`https://lore.kernel.org/nvdimm/${MID}/T/#u`, MID],
    [`https://lore.kernel.org/nvdimm/${MID}/raw`, MID],
    [`https://lore.kernel.org/r/${MID}`, MID],
    [`https://patch.msgid.link/${MID}`, MID],
    [`https://lkml.kernel.org/r/${MID}`, MID],
    ['https://lore.kernel.org/all/a%2Fb%40c.example/', 'a/b@c.example'],
    ['https://lore.kernel.org/r/a%zz@b', 'a%zz@b'],
    // A URL that names no message is taken as written (and found nowhere).
    ['https://lore.kernel.org/nvdimm/', 'https://lore.kernel.org/nvdimm/'],
  ];
  it.each(table)('%s', (arg, mid) => {
    expect(messageIdArgument(arg)).toBe(mid);
  });
});
