import { describe, expect, it } from 'vitest';
import { planAdd } from './plan-add.ts';

const MID = 'cover.fe275e9819458a4bbb9451b888cafb88af8867d4.1712796818.git-series.apopple@nvidia.com';
const onDisk = new Set(['saved/0011.html', 'archive-dir', 'odd@name.html']);
const plan = (...inputs: string[]) => planAdd(inputs, (s) => onDisk.has(s));

describe('planAdd', () => {
  it('reads URLs naming a message, pages of archive sites, paths on disk and Message-IDs', () => {
    expect(
      plan(
        `https://lore.kernel.org/nvdimm/${MID}/T/#u`,
        `http://127.0.0.1:8080/pi/nvdimm/${MID}/`,
        `https://patch.msgid.link/${MID}`,
        'https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html',
        'saved/0011.html',
        'odd@name.html',
        `<${MID}>`,
      ).targets,
    ).toEqual([
      // lore itself is the configured server: no base of its own.
      { kind: 'message', input: `https://lore.kernel.org/nvdimm/${MID}/T/#u`, messageId: MID, via: 'url', list: 'nvdimm', base: null },
      { kind: 'message', input: `http://127.0.0.1:8080/pi/nvdimm/${MID}/`, messageId: MID, via: 'url', list: 'nvdimm', base: 'http://127.0.0.1:8080/pi' },
      { kind: 'message', input: `https://patch.msgid.link/${MID}`, messageId: MID, via: 'url', list: null, base: null },
      { kind: 'page', input: 'https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html', site: 'lkml-iu', url: 'https://lkml.iu.edu/hypermail/linux/kernel/2404.1/01234.html' },
      { kind: 'path', input: 'saved/0011.html', path: 'saved/0011.html' },
      // A file is looked for first: a saved page may have any name.
      { kind: 'path', input: 'odd@name.html', path: 'odd@name.html' },
      { kind: 'message', input: `<${MID}>`, messageId: MID, via: 'message-id', list: null, base: null },
    ]);
  });

  it('refuses what names no message, saying why', () => {
    expect(plan('https://lore.kernel.org/nvdimm/', 'https://example.org/', 'no-such-file.html', '').refused).toEqual([
      { input: 'https://lore.kernel.org/nvdimm/', reason: 'names the list nvdimm, not a message; patchlore sync nvdimm pulls a whole list' },
      { input: 'https://example.org/', reason: expect.stringContaining('no list or Message-ID in the URL') },
      { input: 'no-such-file.html', reason: expect.stringMatching(/^not an archive URL, a saved page or directory, or a Message-ID; expected e\.g\. /) },
      { input: '', reason: 'empty' },
    ]);
  });
});
