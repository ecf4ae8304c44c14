// Golden tests: each fixtures/<case>.eml (its X-Fixture-Note header says what it covers) is parsed
// and compared with fixtures/<case>.json. Regenerate with UPDATE_GOLDEN=1 and review the diff.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message, RawMessage } from '../types.ts';
import { parseMessage } from './parse-message.ts';

const DIR = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function raw(name: string, bytes: Uint8Array = readFileSync(join(DIR, name))): RawMessage {
  return { kind: 'raw', bytes, origin: { source: `fixtures/${name}`, locator: '@0', list: '' }, envelopeDate: null };
}

async function parse(name: string) {
  const o = await parseMessage(raw(name));
  return JSON.parse(JSON.stringify(o)) as Awaited<ReturnType<typeof parseMessage>>;
}

async function message(name: string): Promise<Message> {
  const o = await parseMessage(raw(name));
  if (o.kind !== 'message') throw new Error(`${name}: ${o.unparsed.reason.message}`);
  return o.message;
}

const text = (m: Message): string => m.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
const codes = (m: Message): string[] => m.diagnostics.map((d) => d.code);

describe('parseMessage golden files', () => {
  const cases = readdirSync(DIR).filter((f) => !f.endsWith('.json')).sort();
  for (const name of cases) {
    it(name, async () => {
      const got = await parse(name);
      const golden = join(DIR, name.replace(/\.[a-z]+$/, '.json'));
      if (UPDATE || !existsSync(golden)) writeFileSync(golden, JSON.stringify(got, null, 2) + '\n');
      expect(got).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});

describe('parseMessage', () => {
  it('keeps transport headers out of the message but reads List-Id and the date', async () => {
    const m = await message('plain-patch.eml');
    expect(m.messageId).toBe('20210518222527.550730-1-vishal.l.verma@intel.com');
    expect(m.from).toEqual({ name: 'Vishal Verma', email: 'vishal.l.verma@intel.com' });
    expect(m.cc.map((a) => a.email)).toEqual(['dan.j.williams@intel.com', 'vishal.l.verma@intel.com']);
    expect(m.listIds).toEqual(['nvdimm.lists.linux.dev']);
    expect(new Date(m.date!).toISOString()).toBe('2021-05-18T22:25:27.000Z');
    expect(m.dateSource).toBe('date');
    expect(m.diagnostics).toEqual([]);
  });

  it.each([
    ['charset-gb2312-qp.eml', '阮世阳 富士通'],
    ['charset-iso-2022-jp.eml', '富士通 齊'],
    ['charset-koi8-r-base64.eml', 'Отправлено: 24 января 2025 г.'],
    ['charset-windows-1252.eml', 'It’s fixed – thanks “Dan”.'],
    ['charset-y.eml', 'Understood — I will drop it.'],
    ['top-level-base64.eml', 'Applied, thanks.'],
  ])('decodes %s', async (name, expected) => {
    const m = await message(name);
    expect(text(m)).toContain(expected);
    expect(text(m)).not.toContain('\uFFFD');
  });

  it('decodes format=flowed by RFC 3676: a quoted line never swallows the reply after it', async () => {
    const lines = text(await message('flowed-quoted-reply.eml')).split('\n');
    expect(lines).toContain('>> But, don\'t we actually want to include them in the smaps output now? I think we want. ');
    expect(lines).toContain('> I\'m not an expert in what callers of vm_normal_page() think of as a "normal" page. ');
    expect(lines).toContain('Yeah, it\'s tricky. It means "this is abnormal, don\'t look at the struct page". We\'re moving away from that, such that these folios/pages will be ... mostly normal :) ');
    expect(lines).toContain('-- ');
    // DelSp=yes: the space that made a line flow goes when it is joined.
    const delsp = Buffer.from('Message-ID: <d@x>\nContent-Type: text/plain; format=flowed; delsp=yes\n\nsplit wo \nrd here\n');
    const o = await parseMessage(raw('delsp.eml', delsp));
    expect(o.kind === 'message' && text(o.message)).toBe('split word here\n');
  });

  it('flags an unknown charset and reads it as UTF-8', async () => {
    expect(codes(await message('charset-y.eml'))).toEqual(['charset/unknown']);
  });

  it('decodes RFC 2047 words in From and Subject', async () => {
    const m = await message('rfc2047-from-subject.eml');
    expect(m.from.name).toBe('Uwe Kleine-König');
    expect(m.to[0]!.name).toBe('Pali Rohár');
    expect(m.subject).toBe('[Aeon]イオンカードご重要なお知らせ');
  });

  it('reads raw 8-bit subjects as UTF-8, or as Windows-1252 when they are not UTF-8', async () => {
    expect((await message('raw-8bit-subject-utf8.eml')).subject).toBe('[RFC v2 00/11] dm-pcache – persistent-memory cache for block devices');
    const latin = await message('raw-8bit-subject-latin1.eml');
    expect(latin.subject).toBe('[PATCH] café: naïve fix');
    expect(codes(latin)).toContain('header/raw-8bit');
  });

  it('keeps text attachments as text and describes binary ones', async () => {
    const m = await message('multipart-mixed-attachments.eml');
    expect(m.parts.map((p) => [p.kind, p.filename, p.contentType])).toEqual([
      ['text', '', 'text/plain'],
      ['binary', '.config.gz', 'application/gzip'],
      ['text', 'fix.patch', 'text/x-patch'],
    ]);
    const signed = await message('multipart-signed.eml');
    expect(signed.parts.map((p) => p.kind)).toEqual(['text', 'binary']);
    expect(text(signed)).toContain('Applied to ppc-for-6.1, thanks.');
  });

  it('takes only bracketed IDs from In-Reply-To and References, in order', async () => {
    const gnus = await message('in-reply-to-gnus.eml');
    expect(gnus.inReplyTo).toBe('CAPcyv4iQqL7dGxgN_pSR0Gu27DXX4-d6SNhi2nUs38Mrq+jB=Q@mail.gmail.com');
    expect(gnus.references).toEqual(['20210708183741.2952-1-james.sushanth.anandraj@intel.com', 'CAPcyv4iQqL7dGxgN_pSR0Gu27DXX4-d6SNhi2nUs38Mrq+jB=Q@mail.gmail.com']);
    const outlook = await message('references-commas.eml');
    expect(outlook.references).toEqual([
      '20250123163945.251-1-m.masimov@mt-integration.ru',
      '649ed1bb-0686-42f0-802f-9f1909aeed8c@intel.com',
      '741f409ae5be4f1f9b62d9223f026e26@mt-integration.ru',
      '6793e1945e9f2_9caff29489@iweiny-mobl.notmuch',
    ]);
  });

  it('drops "y" and addresses given as parents', async () => {
    const m = await message('in-reply-to-y.eml');
    expect(m.references).toEqual(['1296637200-1-git-send-email-some@example.org']);
    expect(m.inReplyTo).toBe('');
    expect(codes(m)).toEqual(['ref/junk']);
  });

  it('derives a stable Message-ID for mail without one', async () => {
    const a = await message('no-message-id.eml');
    const b = await message('no-message-id.eml');
    expect(a.syntheticId).toBe(true);
    expect(a.messageId).toMatch(/^[0-9a-f]{32}@content-hash\.patchlore\.invalid$/);
    expect(a.messageId).toBe(b.messageId);
    expect(codes(a)).toEqual(['mid/missing']);
  });

  it('truncates over-long IDs consistently', async () => {
    const m = await message('message-id-too-long.eml');
    expect(m.messageId).toHaveLength(244);
    expect(m.references[0]).toHaveLength(244);
    expect(codes(m)).toEqual(['mid/too-long', 'mid/too-long']);
  });

  it('takes an unbracketed Message-ID as written', async () => {
    const m = await message('message-id-unbracketed.eml');
    expect(m.messageId).toBe('abc123@example.org');
    expect(codes(m)).toEqual(['mid/unbracketed']);
  });

  it.each([
    ['date-three-digit-year.eml', '2001-03-17T00:12:03.000Z', 'date', ['date/repaired']],
    ['date-two-digit-year.eml', '2001-03-17T00:12:03.000Z', 'date', ['date/repaired']],
    ['date-no-zone.eml', '2001-03-16T19:00:00.000Z', 'date', ['date/repaired']],
    ['date-far-future.eml', '2001-03-17T00:12:53.000Z', 'received', ['date/fallback']],
    ['date-unparseable.eml', '2001-03-17T00:12:53.000Z', 'received', ['date/unparseable', 'date/fallback']],
    ['date-missing.eml', '2001-03-17T00:12:53.000Z', 'received', ['date/missing', 'date/fallback']],
  ])('dates %s', async (name, iso, source, diag) => {
    const m = await message(name);
    expect(new Date(m.date!).toISOString()).toBe(iso);
    expect(m.dateSource).toBe(source);
    expect(codes(m)).toEqual(diag);
  });

  it('falls back to the mbox From line date', async () => {
    const bytes = Buffer.from('From: a@b.c\nSubject: x\nMessage-ID: <env@x>\n\nbody\n');
    const o = await parseMessage({ ...raw('x', bytes), envelopeDate: 'Tue May 18 16:25:27 2021' });
    expect(o.kind === 'message' && o.message.dateSource).toBe('envelope');
  });

  it('turns HTML-only mail into text without running anything', async () => {
    const m = await message('html-only.eml');
    expect(text(m)).toContain('Dear customer,');
    expect(text(m)).not.toContain('alert');
    expect(m.subject).toBe('<b>Offer</b>');
  });

  it('keeps what is not mail as unparsed, with the reason', async () => {
    const notMail = await parseMessage(raw('not-a-message.txt'));
    expect(notMail.kind === 'unparsed' && notMail.unparsed.reason).toMatchObject({
      code: 'mail/no-headers',
      source: 'fixtures/not-a-message.txt',
      locator: '@0',
      found: 'X-Fixture-Note is not possible here: this is a shell transcript, not mail',
    });
    const empty = await parseMessage(raw('empty.eml'));
    expect(empty.kind === 'unparsed' && empty.unparsed.reason.code).toBe('mail/empty');
  });

  it('gives the same content hash to a re-delivery with other transport headers', async () => {
    const a = readFileSync(join(DIR, 'plain-patch.eml'), 'latin1');
    const b = a.replace(/^Received:.*\n(\t.*\n)*/m, 'Received: from elsewhere; Wed, 19 May 2021 00:00:00 +0000\n').replace('Return-Path: <', 'Return-Path: <other-');
    const ma = await parseMessage(raw('a', Buffer.from(a, 'latin1')));
    const mb = await parseMessage(raw('b', Buffer.from(b, 'latin1')));
    if (ma.kind !== 'message' || mb.kind !== 'message') throw new Error('unparsed');
    expect(ma.message.rawHash).not.toBe(mb.message.rawHash);
    expect(ma.message.contentHash).toBe(mb.message.contentHash);
    const c = a.replace('Update CONTRIBUTING.md', 'Update README');
    const mc = await parseMessage(raw('c', Buffer.from(c, 'latin1')));
    expect(mc.kind === 'message' && mc.message.contentHash).not.toBe(ma.message.contentHash);
  });
});
