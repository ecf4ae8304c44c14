// The small pieces of page reading: charsets, Message-IDs as pages write them, addresses, dates,
// text layout, R13, recognising generators.
import { load } from 'cheerio';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePage } from './decode-page.ts';
import { decodeR13 } from './mhonarc-r13.ts';
import { pageAddress, pageAddresses } from './page-address.ts';
import { readPageDate } from './page-date.ts';
import { placeholderId, readPageId } from './page-message-id.ts';
import { pageText } from './page-text.ts';
import { recognisePage } from './recognise-page.ts';

describe('decodePage', () => {
  it('takes the declared charset, Latin-1 as browsers do', () => {
    const html = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Günter';
    expect(decodePage(iconv.encode(html, 'latin1'))).toEqual({ text: html, charset: 'windows-1252' });
    expect(decodePage(iconv.encode('<?xml version="1.0" encoding="koi8-r"?><p>Привет', 'koi8-r')).text).toContain('Привет');
  });

  it('reads undeclared or "us-ascii" pages as UTF-8 when valid, else Windows-1252', () => {
    expect(decodePage(Buffer.from('<p>堀口　直也')).text).toBe('<p>堀口　直也');
    expect(decodePage(Buffer.from('<meta charset="us-ascii"><p>naïve', 'utf8')).text).toBe('<meta charset="us-ascii"><p>naïve');
    expect(decodePage(iconv.encode('<p>“quoted”', 'windows-1252')).text).toBe('<p>“quoted”');
    expect(decodePage(Buffer.from('\ufeff<p>bom')).text).toBe('<p>bom');
    expect(decodePage(Buffer.from('<meta charset="x-nonsense"><p>é')).charset).toBe('unknown x-nonsense');
  });
});

describe('readPageId', () => {
  it('undoes hypermail\'s _at_ and says what is lost', () => {
    expect(readPageId('20240411122530.GQ5383_at_nvidia.com', 'spelt-out')).toEqual({ id: '20240411122530.GQ5383@nvidia.com', state: 'complete', written: '20240411122530.GQ5383_at_nvidia.com' });
    expect(readPageId('ZhfnnYfqWKZn5Inh_at_x1n', 'spelt-out').state).toBe('complete');
    expect(readPageId('x.apopple_at_xxxxx', 'spelt-out')).toMatchObject({ id: 'x.apopple@xxxxx', state: 'truncated' });
    expect(readPageId('cover.x.apopple_at', 'spelt-out')).toMatchObject({ id: 'cover.x.apopple', state: 'truncated' });
    expect(readPageId('1796390334.0000_at_hypermail.dummy', 'spelt-out').state).toBe('made-up');
    expect(readPageId('a_at_[hidden]', 'spelt-out').state).toBe('truncated');
    expect(readPageId('', 'spelt-out')).toEqual({ id: '', state: 'missing', written: '' });
    expect(readPageId(' <a@b.c> ', 'plain')).toEqual({ id: 'a@b.c', state: 'complete', written: 'a@b.c' });
  });

  it('gives damaged IDs a placeholder made from what was written, and keeps good ones', () => {
    expect(placeholderId(readPageId('a_at_b.org', 'spelt-out'))).toBe('a@b.org');
    expect(placeholderId(readPageId('a.b_at_xxxxx', 'spelt-out'))).toBe('a.b_at_xxxxx.truncated@page.patchlore.invalid');
    expect(placeholderId(readPageId('a/b"c_at', 'spelt-out'))).toBe('a_b_c_at.truncated@page.patchlore.invalid');
    expect(placeholderId(readPageId('', 'plain'))).toBeNull();
  });
});

describe('page addresses', () => {
  it('turns spelt-out @ back, keeps hidden domains hidden and says so', () => {
    expect(pageAddress('Jason Gunthorpe', 'jgg_at_xxxxxxxxxx')).toEqual({ address: { name: 'Jason Gunthorpe', email: 'jgg@xxxxxxxxxx' }, hidden: { how: 'x-domain', restored: false } });
    expect(pageAddress('Dan', 'dan_at_Intel.COM')).toEqual({ address: { name: 'Dan', email: 'dan@intel.com' }, hidden: { how: 'spelt-out', restored: true } });
    expect(pageAddress('Open MPI', 'fan_at_[hidden]').hidden).toEqual({ how: 'x-domain', restored: false });
    expect(pageAddress('Only A Name', '').hidden).toEqual({ how: 'name-only', restored: false });
    expect(pageAddress('A', 'a@b.org').hidden).toBeNull();
  });

  it('reads lists, public-inbox\'s bullets and [at]', () => {
    expect(pageAddresses('"Wong, Darrick" <djwong@kernel\u2022org>, hch [at] lst.de').map((a) => [a.address.name, a.address.email, a.hidden?.how ?? null])).toEqual([
      ['Wong, Darrick', 'djwong@kernel.org', 'spelt-out'],
      ['', 'hch@lst.de', 'spelt-out'],
    ]);
    expect(pageAddresses('Alistair Popple <apopple@xxxxxxxxxx>')[0]!.hidden).toEqual({ how: 'x-domain', restored: false });
  });
});

describe('readPageDate', () => {
  it('reads the forms pages write', () => {
    const iso = (w: string, p: 'second' | 'minute' = 'second') => {
      const d = readPageDate(w, p);
      return d.ms === null ? null : new Date(d.ms).toISOString();
    };
    expect(iso('Thu, 11 Apr 2024 09:25:30 -0300')).toBe('2024-04-11T12:25:30.000Z');
    expect(iso('Thu Apr 11 2024 - 07:25:30 EST')).toBe('2024-04-11T12:25:30.000Z');
    expect(iso('20240411122530')).toBe('2024-04-11T12:25:30.000Z');
    expect(iso('2024-04-11  0:57 UTC', 'minute')).toBe('2024-04-11T00:57:00.000Z');
    expect(iso('Jan. 8, 2025, 5:53 a.m. UTC', 'minute')).toBe('2025-01-08T05:53:00.000Z');
    expect(iso('April 20, 2022, 3:53 p.m. UTC', 'minute')).toBe('2022-04-20T15:53:00.000Z');
    expect(iso('Aug. 1, 2023, noon UTC', 'minute')).toBe('2023-08-01T12:00:00.000Z');
    expect(iso('Sept. 9, 2023, 12:05 a.m. UTC', 'minute')).toBe('2023-09-09T00:05:00.000Z');
    expect(readPageDate('yesterday', 'second')).toEqual({ written: 'yesterday', ms: null, precision: 'none' });
    expect(readPageDate('', 'second')).toEqual({ written: '', ms: null, precision: 'none' });
  });
});

describe('pageText', () => {
  const text = (html: string, drop = false) => pageText(load(html, null, false).root().toArray(), { sourceNewlines: drop ? 'drop' : 'keep', nbsp: drop ? 'space' : 'keep' });

  it('keeps <pre> whitespace, quotes blockquotes, drops what is not text', () => {
    expect(text('<pre>a\n\tb  c\n</pre>')).toBe('a\n\tb  c\n');
    expect(text('<pre>x\n</pre><blockquote><pre>q1\n\nq2\n</pre><blockquote><pre>qq\n</pre></blockquote></blockquote><pre>y</pre>')).toBe('x\n> q1\n>\n> q2\n>> qq\ny\n');
    expect(text('<pre>a<script>evil()</script><style>x{}</style><!-- c -->b<img alt="i">c</pre>')).toBe('abc\n');
    expect(text('<pre>\u00a0kept</pre>')).toBe('\u00a0kept\n');
  });

  it('hypermail layout: <br> ends a line, <p> is a blank line, source newlines are not lines', () => {
    expect(text('<p>\none\n<br>\ntwo\n<br>\n<p>&nbsp;&nbsp;three\n<br>\n', true)).toBe('one\ntwo\n\n  three\n');
  });

  it('walks nesting of any depth without recursion', () => {
    const deep = '<div>'.repeat(50_000) + 'deep' + '</div>'.repeat(50_000);
    expect(text(deep)).toBe('deep\n');
  });
});

describe('MHonArc R13', () => {
  it('is its own inverse and maps @ to N', () => {
    expect(decodeR13('Xnfba Uhagubecr <wttNaivqvn.pbz>')).toBe('Jason Gunthorpe <jgg@nvidia.com>');
    expect(decodeR13(decodeR13('Any Text @ [brackets] 123'))).toBe('Any Text @ [brackets] 123');
  });
});

describe('recognisePage', () => {
  it('tells generators, indexes, mail and foreign text apart', () => {
    expect(recognisePage('<!-- MHonArc v2.6.19+ -->\n<!--X-Message-Id: a@b -->')).toEqual({ kind: 'messages', generator: 'mhonarc', version: '2.6.19+' });
    expect(recognisePage('<!-- MHonArc v2.6.19+ -->\n<html><title>Thread Index</title>')).toMatchObject({ kind: 'index', what: 'Thread Index' });
    expect(recognisePage('<html><meta name="generator" content="hypermail 2.4.1, see x"><!-- id="a_at_b" -->')).toEqual({ kind: 'messages', generator: 'hypermail', version: '2.4.1' });
    expect(recognisePage('From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: a@b\n')).toEqual({ kind: 'mail' });
    expect(recognisePage('Return-Path: <a@b>\n')).toEqual({ kind: 'mail' });
    expect(recognisePage('just text').kind).toBe('foreign');
    expect(recognisePage('<html><body>hello</body></html>').kind).toBe('foreign');
  });
});

describe('hrefMessageId', () => {
  it('reads public-inbox links, relative or as a browser saved them, and nothing else', async () => {
    const { hrefMessageId } = await import('./public-inbox-page.ts');
    expect(hrefMessageId('../Y02v7%2FFIh6K2JlHm@nvidia.com/')).toBe('Y02v7/FIh6K2JlHm@nvidia.com');
    expect(hrefMessageId('../../a@b.c/raw')).toBe('a@b.c');
    expect(hrefMessageId('../../a@b.c/T/#u')).toBe('a@b.c');
    expect(hrefMessageId('https://lore.kernel.org/nvdimm/a@b.c/')).toBe('a@b.c');
    expect(hrefMessageId('mailto:jgg@nvidia.com?In-Reply-To=%3Ca@b%3E')).toBeNull();
    expect(hrefMessageId('../_/text/help/')).toBeNull();
    expect(hrefMessageId('#mf92253880298c087ca7553f2b9e4425d3d2638ec')).toBeNull();
  });
});
