import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aPosting } from '../test-support/posting-builder.ts';
import type { Posting } from '../types.ts';
import { prefixLength, RevisionCandidates } from './revision-candidates.ts';

const words = (t: string): ReadonlySet<string> => new Set(t.split(' ').filter((w) => w));

function posting(id: string, title: string, patches: Array<[string, string]> = []): Posting {
  return aPosting(id, { title, patches: patches.map(([t, fingerprint], i) => ({ key: `${id}.${i}`, index: i + 1, total: patches.length, subject: t, title: t, fingerprint })) });
}

const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return a.size && b.size ? common / (a.size + b.size - common) : 0;
};

describe('prefixLength', () => {
  it('keeps the words two titles at least that alike must share one of', () => {
    expect([1, 2, 3, 4, 5, 10].map((n) => prefixLength(n, 0.5))).toEqual([1, 2, 2, 3, 3, 6]);
    expect([1, 2, 3, 4, 5, 10].map((n) => prefixLength(n, 0.8))).toEqual([1, 1, 1, 1, 2, 3]);
    expect(prefixLength(0, 0.5)).toBe(0);
  });
});

describe('RevisionCandidates', () => {
  it('finds the earlier postings sharing a rare title word, a fingerprint or a patch title, newest first', () => {
    const list = [
      posting('a', 'mm fix dax refcount', [['mm: one', 'f1']]),
      posting('b', 'net tidy socket code'),
      posting('c', 'mm other thing', [['mm: two', 'f1']]),
      posting('d', 'drm other', [['MM: One', 'zz']]),
      posting('e', 'mm fix dax refcounts'),
      posting('later', 'mm fix dax refcount'),
    ];
    const c = new RevisionCandidates(list, words, 0.5);
    const of = (p: Posting) => c.of(p).map((x) => x.id);
    expect(of(list[4]!)).toEqual(['a']);
    expect(of(list[2]!)).toEqual(['a']);
    expect(of(list[3]!)).toEqual(['c', 'a']);
    expect(of(list[0]!)).toEqual([]);
    expect(() => c.of(posting('x', 'mm'))).toThrow(/BUG/);
  });

  it('never misses an earlier title at least that alike', () => {
    const vocab = fc.constantFrom('mm', 'dax', 'fix', 'page', 'ref', 'count', 'zone', 'device', 'a', 'b');
    fc.assert(
      fc.property(fc.array(fc.array(vocab, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 25 }), fc.constantFrom(0.5, 0.6, 0.8, 0.9), (titles, t) => {
        const list = titles.map((ws, i) => posting(`p${i}`, ws.join(' ')));
        const c = new RevisionCandidates(list, words, t);
        list.forEach((b, i) => {
          const found = new Set(c.of(b));
          for (const a of list.slice(0, i)) if (jaccard(words(a.title), words(b.title)) >= t) expect(found.has(a)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
