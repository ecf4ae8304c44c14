import { describe, expect, it } from 'vitest';
import { MboxSplitter, envelopeDate, isFromLine, type MboxFormat } from './split-mbox.ts';

function split(input: string | Buffer, format: MboxFormat = 'auto', chunk = 0) {
  const buf = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  const s = new MboxSplitter(format, 'test.mbox');
  const out = [];
  if (chunk > 0) for (let i = 0; i < buf.length; i += chunk) out.push(...s.push(buf.subarray(i, i + chunk)));
  else out.push(...s.push(buf));
  out.push(...s.end());
  return out.map((r) => ({ ...r, text: r.bytes.toString('latin1') }));
}

const LORE = 'From mboxrd@z Thu Jan  1 00:00:00 1970\n';
const m1 = 'From: a@b\nSubject: one\n\nbody one\n>From quoted\n>>From twice\n';
const m2 = 'From: c@d\nSubject: two\n\nFrom here on, unquoted text\nbody two\n';

describe('MboxSplitter', () => {
  it('splits lore mboxrd and unquotes >From lines by one level', () => {
    const recs = split(LORE + m1 + '\n' + LORE + m2 + '\n');
    expect(recs.map((r) => r.text)).toEqual([
      'From: a@b\nSubject: one\n\nbody one\nFrom quoted\n>From twice\n',
      m2,
    ]);
    expect(recs[0]!.offset).toBe(0);
    expect(recs[1]!.offset).toBe(LORE.length + m1.length + 1);
    expect(recs.every((r) => !r.preamble)).toBe(true);
  });

  it('gives the same records whatever the chunk size', () => {
    const input = LORE + m1 + '\n' + LORE + m2 + '\n' + LORE + m1 + '\n';
    const whole = split(input).map((r) => [r.offset, r.text]);
    for (const size of [1, 2, 3, 7, 13, 64]) {
      expect(split(input, 'auto', size).map((r) => [r.offset, r.text])).toEqual(whole);
    }
  });

  it('does not cut at a body line that merely starts with "From "', () => {
    const recs = split(LORE + m2 + '\n');
    expect(recs).toHaveLength(1);
    expect(recs[0]!.text).toContain('From here on');
  });

  it('mboxo unquotes only one level of ">From "', () => {
    const recs = split('From x@y Mon Sep 17 00:00:00 2001\n' + m1, 'mboxo');
    expect(recs[0]!.text).toContain('\nFrom quoted\n>>From twice\n');
  });

  it('mboxcl2: Content-Length delimits a body with unquoted From lines', () => {
    const body = 'line\n\nFrom the start Mon Sep 17 00:00:00 2001 it looked odd\n';
    const msg = `From: a@b\nContent-Length: ${body.length}\n\n${body}`;
    const input = 'From a@b Mon Sep 17 00:00:00 2001\n' + msg + '\nFrom c@d Tue Sep 18 00:00:00 2001\n' + m2;
    for (const fmt of ['mboxcl2', 'auto'] as const) {
      const recs = split(input, fmt, 5);
      expect(recs.map((r) => r.text)).toEqual([msg, m2]);
    }
  });

  it('falls back to From lines when Content-Length is wrong, and says so in mboxcl2 mode', () => {
    const msg = 'From: a@b\nContent-Length: 3\n\nlonger body\n';
    const input = 'From a@b Mon Sep 17 00:00:00 2001\n' + msg + '\nFrom c@d Tue Sep 18 00:00:00 2001\n' + m2;
    const recs = split(input, 'mboxcl2');
    expect(recs.map((r) => r.text)).toEqual([msg, m2]);
    expect(recs[0]!.diagnostics.map((d) => d.code)).toEqual(['mbox/content-length']);
  });

  it('reports a Content-Length that runs past the end of input as truncation', () => {
    const recs = split('From a@b Mon Sep 17 00:00:00 2001\nFrom: a@b\nContent-Length: 500\n\nshort\n', 'mboxcl2');
    expect(recs).toHaveLength(1);
    expect(recs[0]!.diagnostics.map((d) => d.code)).toEqual(['mbox/truncated']);
  });

  it('returns text before the first From line as a preamble', () => {
    const recs = split('junk at the top\n\n' + LORE + m1);
    expect(recs[0]!.preamble).toBe(true);
    expect(recs[0]!.diagnostics[0]!.code).toBe('mbox/preamble');
    expect(recs[1]!.preamble).toBe(false);
    expect(recs[1]!.offset).toBe('junk at the top\n\n'.length);
  });

  it('handles CRLF mboxes', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const recs = split(crlf(LORE + m1 + '\n' + LORE + m2 + '\n'));
    expect(recs.map((r) => r.text)).toEqual([crlf('From: a@b\nSubject: one\n\nbody one\nFrom quoted\n>From twice\n'), crlf(m2)]);
  });

  it('treats a file without any From line as one message', () => {
    for (const chunk of [0, 3]) {
      const recs = split('Subject: x\n\nbody\n', 'auto', chunk);
      expect(recs).toHaveLength(1);
      expect(recs[0]!.preamble).toBe(false);
      expect(recs[0]!.diagnostics).toEqual([]);
      expect(recs[0]!.text).toBe('Subject: x\n\nbody\n');
    }
  });

  it('returns nothing for empty input', () => {
    expect(split('')).toEqual([]);
    expect(split('\n\n  \n')).toEqual([]);
  });
});

describe('From_ lines', () => {
  it('recognizes the writers in use', () => {
    expect(isFromLine('From mboxrd@z Thu Jan  1 00:00:00 1970')).toBe(true);
    expect(isFromLine('From 4e1b2c3d Mon Sep 17 00:00:00 2001')).toBe(true);
    expect(isFromLine('From - Tue May 18 16:25:27 2021')).toBe(true);
    expect(isFromLine('From jdoe@example.org Tue May 18 16:25 2021')).toBe(true);
    expect(isFromLine('From here on we go')).toBe(false);
    expect(isFromLine('From: a@b')).toBe(false);
  });
  it('reads the envelope date, ignoring the epoch placeholder', () => {
    expect(envelopeDate('From mboxrd@z Thu Jan  1 00:00:00 1970')).toBeNull();
    expect(envelopeDate('From x@y Tue May 18 16:25:27 2021')).toBe('Tue May 18 16:25:27 2021');
  });
});
