import { describe, expect, it } from 'vitest';
import { renameAddresses, renameCopy } from './rename-copy.ts';

const message = [
  'From: Dan Williams <dan.j.williams@intel.com>',
  'To: nvdimm@lists.linux.dev',
  'Subject: Re: [PATCH v3 1/5] fs/dax: fix the',
  '  page refcount',
  'Message-ID: <20240412115352.GY5383@nvidia.com>',
  'In-Reply-To: <cover.1740713401.git-series.apopple@nvidia.com>',
  'References: <a@b.example>',
  '\t<cover.1740713401.git-series.apopple@nvidia.com>',
  '',
  'Link to v2: https://lore.kernel.org/r/20240101.abc%40x.example.',
  'Mail me at apopple@nvidia.com.',
  'change-id: 20240101-dax-refcount-1a2b',
  'Reviewed-by: Dan Williams <djbw@kernel.org>',
  '> Acked-by: Jason Gunthorpe <jgg@nvidia.com>',
  'Signed-off-by: <bare@x.example>',
  ' fs/dax.c | 2 +-',
  'diff --git a/fs/dax.c b/fs/dax.c',
  '--- a/fs/dax.c',
  '+++ b/fs/dax.c',
  '@@ -1,3 +1,3 @@ static int dax(void)',
  '-\told();',
  '+\tnew(); /* @param x */',
  '> --- a/mm/gup.c',
  '>From here on',
  '',
].join('\n');

describe('renameCopy', () => {
  it('leaves copy 0 byte for byte as it was', () => {
    expect(renameCopy(message, 0)).toBe(message);
  });

  it('renames every Message-ID and address, in headers and bodies, the same way', () => {
    const c = renameCopy(message, 7);
    expect(c).toContain('Message-ID: <20240412115352.GY5383@nvidia.com.c7>');
    expect(c).toContain('In-Reply-To: <cover.1740713401.git-series.apopple@nvidia.com.c7>');
    expect(c).toContain('References: <a@b.example.c7>\n\t<cover.1740713401.git-series.apopple@nvidia.com.c7>');
    expect(c).toContain('https://lore.kernel.org/r/20240101.abc%40x.example.c7.');
    // A full stop after an address ends the sentence, not the domain.
    expect(c).toContain('Mail me at apopple@nvidia.com.c7.');
    expect(c).toContain('To: nvdimm@lists.linux.dev.c7');
    // Not an address: nothing before the "@".
    expect(c).toContain('/* @param x */');
    expect(c).toContain('@@ -1,3 +1,3 @@ static int dax(void)');
  });

  it('gives the sender a per-copy name and the subject a per-copy word that leaves its title as it was', () => {
    const c = renameCopy(message, 7);
    expect(c).toContain('From: Dan Williams c7 <dan.j.williams@intel.com.c7>');
    expect(c).toContain('Subject: Re: [PATCH v3 1/5 c7] fs/dax: fix the\n  page refcount');
    expect(renameCopy('From: "Williams, Dan" <d@x.example>\nSubject: plain\n\n', 2)).toBe('From: "Williams, Dan" c2 <d@x.example.c2>\nSubject: plain [c2]\n\n');
    expect(renameCopy('Subject: [Nouveau] [RFC PATCH] x\n\n', 2)).toBe('Subject: [Nouveau] [RFC PATCH c2] x\n\n');
    expect(renameCopy('Subject: + foo.patch added to mm-unstable branch\n\n', 2)).toBe('Subject: + foo.patch added to mm-unstable branch [c2]\n\n');
    expect(renameCopy('From: d@x.example\n\n', 2)).toBe('From: d@x.example.c2\n\n');
  });

  it('gives person trailers the same per-copy name as senders, quoted or not', () => {
    const c = renameCopy(message, 7);
    expect(c).toContain('\nReviewed-by: Dan Williams c7 <djbw@kernel.org.c7>\n');
    expect(c).toContain('\n> Acked-by: Jason Gunthorpe c7 <jgg@nvidia.com.c7>\n');
    expect(c).toContain('\nSigned-off-by: <bare@x.example.c7>\n');
  });

  it('moves diff paths (quoted ones too), diffstat paths and change-ids into the copy', () => {
    const c = renameCopy(message, 7);
    expect(c).toContain('diff --git a/c7/fs/dax.c b/c7/fs/dax.c\n--- a/c7/fs/dax.c\n+++ b/c7/fs/dax.c\n');
    expect(c).toContain(' c7/fs/dax.c | 2 +-');
    expect(c).toContain('> --- a/c7/mm/gup.c');
    expect(c).toContain('change-id: 20240101-dax-refcount-1a2b-c7');
    expect(c).toContain('\n>From here on\n');
  });

  it('decodes base64 text parts, renames them and encodes them again, whole messages and parts alike', () => {
    const text = 'Looks good.\n\nReviewed-by: Vishal Verma <vishal.l.verma@intel.com>\n';
    const b64 = (t: string): string => Buffer.from(t, 'latin1').toString('base64');
    const decoded = (t: string): string => Buffer.from(t.trim(), 'base64').toString('latin1');
    const single = renameCopy(`From: V <v@x.example>\nContent-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64\n\n${b64(text)}\n\n`, 4);
    const [, body] = single.split('\n\n');
    expect(decoded(body!)).toBe('Looks good.\n\nReviewed-by: Vishal Verma c4 <vishal.l.verma@intel.com.c4>\n');
    expect(single.endsWith('\n\n')).toBe(true);

    const multi = renameCopy(
      [
        'Content-Type: multipart/mixed; boundary="==b"',
        '',
        'preamble',
        '--==b',
        'Content-Type: text/plain',
        'Content-Transfer-Encoding: base64',
        '',
        b64(text),
        '--==b',
        'Content-Type: application/octet-stream',
        'Content-Transfer-Encoding: base64',
        '',
        b64('Reviewed-by: Not Text <n@x.example>'),
        '--==b--',
        '',
      ].join('\n'),
      4,
    );
    const parts = multi.split('--==b');
    expect(parts[0]).toBe('Content-Type: multipart/mixed; boundary="==b"\n\npreamble\n');
    expect(decoded(parts[1]!.split('\n\n')[1]!)).toContain('Vishal Verma c4 <vishal.l.verma@intel.com.c4>');
    // Not a text part: left encoded as it was.
    expect(parts[2]).toContain(b64('Reviewed-by: Not Text <n@x.example>'));
    expect(parts[3]).toBe('--\n');
  });

  it('joins the soft line breaks of quoted-printable text, so an address cut by one is renamed whole', () => {
    const qp = 'Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nReported-by: kernel test robot <lkp@intel.co=\nm>\nx =3D 1\n';
    expect(renameCopy(qp, 1)).toContain('\n\nReported-by: kernel test robot c1 <lkp@intel.com.c1>\nx =3D 1\n');
  });

  it('keeps 8-bit bytes as they were (latin1 text in, latin1 text out)', () => {
    const raw = Buffer.from('Subject: caf\xc3\xa9\n\nJ\xf6rg <j@x.example>\n', 'latin1').toString('latin1');
    expect(Buffer.from(renameCopy(raw, 1), 'latin1').toString('latin1')).toBe('Subject: caf\xc3\xa9 [c1]\n\nJ\xf6rg <j@x.example.c1>\n');
  });
});

describe('renameAddresses', () => {
  it('renames the same ID alike wherever it stands', () => {
    const forms = ['<x.1@a.example>', 'https://lore.kernel.org/all/x.1@a.example/', 'Link: https://patch.msgid.link/x.1@a.example', 'x.1%40a.example'];
    expect(forms.map((f) => renameAddresses(f, 3))).toEqual([
      '<x.1@a.example.c3>',
      'https://lore.kernel.org/all/x.1@a.example.c3/',
      'Link: https://patch.msgid.link/x.1@a.example.c3',
      'x.1%40a.example.c3',
    ]);
  });
});
