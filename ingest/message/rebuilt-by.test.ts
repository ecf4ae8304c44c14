// Patchwork's rebuilt mbox is told by its leading fields only (the first lines of a real answer of
// Patchwork 3.2.1, ../shared/tools/patchwork/reference/patch-128.mbox); mail that carries an
// X-Patchwork field further down, or none, is mail as sent.
import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse-message.ts';
import { headerBlock } from './header-block.ts';
import { rebuiltBy } from './rebuilt-by.ts';

const PATCHWORK_LEAD = [
  'Content-Type: text/plain; charset="utf-8"',
  'MIME-Version: 1.0',
  'Content-Transfer-Encoding: 7bit',
  'X-Patchwork-Submitter: Joao Martins <joao.m.martins@oracle.com>',
  'X-Patchwork-Id: 128',
  'X-Patchwork-Delegate: dan.j.williams@intel.com',
];
const STORED = [
  'Return-Path: <nvdimm+bounces-3612-lists+linux-nvdimm=lfdr.de@lists.linux.dev>',
  'From: Joao Martins <joao.m.martins@oracle.com>',
  'To: linux-mm@kvack.org',
  'Subject: [PATCH v9 1/5] mm/sparse-vmemmap: add a pgmap argument to section activation',
  'Date: Wed, 20 Apr 2022 16:53:06 +0100',
  'Message-Id: <20220420155310.9712-2-joao.m.martins@oracle.com>',
];
const mail = (header: string[]) => Buffer.from(`${header.join('\n')}\n\nIn support of using compound pages.\n`);

describe('rebuiltBy', () => {
  it("tells Patchwork's mbox by the fields it writes before the stored header", () => {
    expect(rebuiltBy(headerBlock(mail([...PATCHWORK_LEAD, ...STORED])))).toBe('patchwork');
    // A patch without a delegate has no X-Patchwork-Delegate.
    expect(rebuiltBy(headerBlock(mail([...PATCHWORK_LEAD.slice(0, 5), ...STORED])))).toBe('patchwork');
  });

  it('takes mail with an X-Patchwork field below its own header, or none, as sent', () => {
    expect(rebuiltBy(headerBlock(mail([...STORED, 'X-Patchwork-Id: 128'])))).toBeNull();
    expect(rebuiltBy(headerBlock(mail(['Content-Type: text/plain', ...STORED, 'X-Patchwork-Id: 1'])))).toBeNull();
    expect(rebuiltBy(headerBlock(mail(STORED)))).toBeNull();
  });

  it('marks the parsed message, and only such a one', async () => {
    const parse = async (header: string[]) => {
      const o = await parseMessage({ kind: 'raw', bytes: mail(header), origin: { source: 't', locator: '@0', list: '' }, envelopeDate: null });
      if (o.kind !== 'message') throw new Error('not parsed');
      return o.message;
    };
    expect((await parse([...PATCHWORK_LEAD, ...STORED])).rebuiltBy).toBe('patchwork');
    expect(await parse(STORED)).not.toHaveProperty('rebuiltBy');
  });
});
