import { describe, expect, it } from 'vitest';
import { decodeWords, parseAddressList } from './address-list.ts';

describe('parseAddressList', () => {
  it.each([
    ['Dan Williams <dan.j.williams@intel.com>, Vishal Verma <vishal.l.verma@intel.com>', [
      { name: 'Dan Williams', email: 'dan.j.williams@intel.com' },
      { name: 'Vishal Verma', email: 'vishal.l.verma@intel.com' },
    ]],
    ['"Verma, Vishal L" <vishal.l.verma@intel.com>, "Williams, Dan J" <dan.j.williams@INTEL.COM>', [
      { name: 'Verma, Vishal L', email: 'vishal.l.verma@intel.com' },
      { name: 'Williams, Dan J', email: 'dan.j.williams@intel.com' },
    ]],
    ['<nvdimm@lists.linux.dev>, linux-kernel@vger.kernel.org', [
      { name: '', email: 'nvdimm@lists.linux.dev' },
      { name: '', email: 'linux-kernel@vger.kernel.org' },
    ]],
    ['"ruansy.fnst@fujitsu.com" <ruansy.fnst@fujitsu.com>', [{ name: '', email: 'ruansy.fnst@fujitsu.com' }]],
    ['=?utf-8?Q?Uwe_Kleine-K=C3=B6nig?= <u.kleine-koenig@pengutronix.de>', [{ name: 'Uwe Kleine-König', email: 'u.kleine-koenig@pengutronix.de' }]],
    ['jdoe@example.org (John Doe)', [{ name: 'John Doe', email: 'jdoe@example.org' }]],
    ['undisclosed-recipients:;', []],
    ['team: a@b.c, "x, y" <x@y.z>;', [
      { name: '', email: 'a@b.c' },
      { name: 'x, y', email: 'x@y.z' },
    ]],
    ['', []],
  ])('%s', (value, expected) => {
    expect(parseAddressList(value)).toEqual(expected);
  });

  it('reads raw 8-bit names as UTF-8, or Windows-1252 when not UTF-8', () => {
    expect(parseAddressList(Buffer.from('Pali Rohár <pali@kernel.org>', 'utf8').toString('latin1'))[0]!.name).toBe('Pali Rohár');
    expect(parseAddressList(Buffer.from('Pali Rohár <pali@kernel.org>', 'latin1').toString('latin1'))[0]!.name).toBe('Pali Rohár');
  });
});

describe('decodeWords', () => {
  it('joins adjacent encoded-words and leaves unknown charsets as written', () => {
    expect(decodeWords('=?UTF-8?B?W0Flb25d44Kk44Kq44Oz44Kr44O844OJ?= =?UTF-8?B?44GU6YeN6KaB44Gq44GK55+l44KJ44Gb?=')).toBe('[Aeon]イオンカードご重要なお知らせ');
    expect(decodeWords('=?iso-8859-1?Q?Pali_Roh=E1r?= x')).toBe('Pali Rohár x');
    expect(decodeWords('=?x-bogus?Q?a?=')).toBe('=?x-bogus?Q?a?=');
  });
});
