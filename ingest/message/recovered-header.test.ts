import { describe, expect, it } from 'vitest';
import type { Recovered } from '../types.ts';
import { parseMessage } from './parse-message.ts';
import { readRecoveredHeader, recoveredHeader } from './recovered-header.ts';

const sample: Recovered = {
  generator: 'hypermail',
  version: '2.4.1',
  source: 'file:///archive/a%20b/0011.html',
  messageId: 'truncated',
  writtenId: 'x.apopple_at_xxxxx',
  obfuscated: [
    { field: 'from', how: 'x-domain', restored: false },
    { field: 'message-id', how: 'truncated', restored: false },
  ],
  datePrecision: 'second',
};

async function parse(text: string) {
  const o = await parseMessage({ kind: 'raw', bytes: Buffer.from(text), origin: { source: 't', locator: '', list: '' }, envelopeDate: null });
  if (o.kind !== 'message') throw new Error(o.unparsed.reason.message);
  return o.message;
}

describe('recoveredHeader', () => {
  it('reads back what it writes', () => {
    expect(recoveredHeader(sample)).toBe(
      'hypermail 2.4.1; source="file:///archive/a%20b/0011.html"; message-id=truncated; written-id=x.apopple_at_xxxxx; date=second; obfuscated="from x-domain lost, message-id truncated lost"',
    );
    expect(readRecoveredHeader(recoveredHeader(sample))).toEqual(sample);
  });

  it('quotes what is not a token and drops what a page wrote into the version', () => {
    const r = { ...sample, version: '2.4"; source=evil', source: 'https://x/?a="b";c' };
    const back = readRecoveredHeader(recoveredHeader(r));
    expect(back?.source).toBe('https://x/?a="b";c');
    expect(back?.version).toBe('2.4sourceevil');
  });

  it('takes no unknown generator, and the least claim for unknown values', () => {
    expect(readRecoveredHeader('outlook 16; source=x')).toBeNull();
    expect(readRecoveredHeader('mhonarc; message-id=perfect; date=nanosecond')).toEqual({
      generator: 'mhonarc',
      version: '',
      source: '',
      messageId: 'missing',
      writtenId: '',
      obfuscated: [],
      datePrecision: 'none',
    });
  });
});

describe('parseMessage marks recovered messages', () => {
  const value = recoveredHeader(sample).replace(/; /g, ';\n ');
  it('from X-Patchlore-Recovered as the first field', async () => {
    const m = await parse(`X-Patchlore-Recovered: ${value}\nFrom: "A" <a@example.org>\nSubject: s\nMessage-ID: <m@x>\n\nbody\n`);
    expect(m.recovered).toEqual(sample);
  });

  it('not from mail that carries the field further down, or twice', async () => {
    const below = await parse(`Received: from x by y; Mon, 1 Jan 2024 00:00:00 +0000\nX-Patchlore-Recovered: ${value}\nFrom: a@example.org\nMessage-ID: <m@x>\n\nbody\n`);
    expect(below.recovered).toBeNull();
    const twice = await parse(`X-Patchlore-Recovered: ${value}\nX-Patchlore-Recovered: ${value}\nFrom: a@example.org\nMessage-ID: <m@x>\n\nbody\n`);
    expect(twice.recovered).toBeNull();
  });

  it('not ordinary mail', async () => {
    expect((await parse('From: a@example.org\nMessage-ID: <m@x>\n\nbody\n')).recovered).toBeNull();
  });
});
