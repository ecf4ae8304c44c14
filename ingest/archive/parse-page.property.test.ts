// Whatever a page holds, reading it never throws, and every message read from it becomes mail
// the parse stage reads: pages cut short, with bytes spliced in, or random text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../message/parse-message.ts';
import { parsePage } from './parse-page.ts';
import { synthesiseMessage } from './synthesise-message.ts';

const DIR = join(import.meta.dirname, 'fixtures');
const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => readFileSync(join(DIR, f), 'utf8'));

async function readsAsMail(text: string): Promise<void> {
  const p = parsePage(text, 'fuzz.html');
  for (const m of p.messages) {
    const o = await parseMessage({ kind: 'raw', bytes: synthesiseMessage(m), origin: { source: 'fuzz', locator: '', list: '' }, envelopeDate: null });
    expect(o.kind).toBe('message');
  }
}

describe('parsePage on damaged pages', () => {
  it('never throws on a page cut short or with text spliced in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(pages.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ maxLength: 40 }), async (which, at, splice) => {
        const page = pages[which]!;
        const cut = Math.floor(page.length * at);
        await readsAsMail(page.slice(0, cut));
        await readsAsMail(page.slice(0, cut) + splice + page.slice(cut));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        parsePage(s, 'r.html');
        parsePage(`<!-- MHonArc v2 -->${s}`, 'r.html');
        parsePage(`<meta name="generator" content="hypermail 2.1.7"><!-- body="start" -->${s}`, 'r.html');
        parsePage(`<pre id=b>From: x\nMessage-ID: &lt;a@b&gt;\n\n${s}</pre>`, 'r.html');
      }),
      { numRuns: 300 },
    );
  });
});
