import { describe, expect, it } from 'vitest';
import { STEM_SOURCES, stemPrefix, stemWord, stemmable } from './stem-word.ts';

describe('stemWord (Porter2, as Xapian and so lore stem)', () => {
  // From the algorithm's published vocabulary and output (snowballstem.org, english).
  const pairs: Array<[string, string]> = [
    ['consign', 'consign'], ['consigned', 'consign'], ['consigning', 'consign'], ['consignment', 'consign'],
    ['consistency', 'consist'], ['consistently', 'consist'], ['consolation', 'consol'], ['consolatory', 'consolatori'],
    ['consolidate', 'consolid'], ['consolingly', 'consol'], ['conspicuously', 'conspicu'], ['conspiracy', 'conspiraci'],
    ['conspirators', 'conspir'], ['constables', 'constabl'], ['constancy', 'constanc'], ['knackeries', 'knackeri'],
    ['kneaded', 'knead'], ['kneeled', 'kneel'], ['knees', 'knee'], ['knightly', 'knight'], ['knitting', 'knit'],
    ['knives', 'knive'], ['knocker', 'knocker'], ['generously', 'generous'], ['cries', 'cri'], ['ties', 'tie'],
    ['gas', 'gas'], ['gaps', 'gap'], ['kiwis', 'kiwi'], ['hopping', 'hop'], ['hoping', 'hope'], ['agreed', 'agre'],
    ['feed', 'feed'], ['dying', 'die'], ['news', 'news'], ['skies', 'sky'], ['proceed', 'proceed'], ['happily', 'happili'],
    // kernel words: what lore's index holds
    ['refcounts', 'refcount'], ['refcounting', 'refcount'], ['pages', 'page'], ['mappings', 'map'], ['pte_special', 'pte_speci'],
    ['vm_normal_page', 'vm_normal_pag'], ['devmap', 'devmap'], ['folios', 'folio'], ['dax', 'dax'],
  ];
  it.each(pairs)('%s -> %s', (w, s) => expect(stemWord(w)).toBe(s));

  it('finds every word of a stem under its prefix', () => {
    for (const [w, s] of pairs) expect(w.startsWith(stemPrefix(s)) || STEM_SOURCES[s]?.includes(w)).toBe(true);
  });

  it('stems what lore stems: words typed starting with a lower-case letter', () => {
    expect([stemmable('refcount'), stemmable('Refcount'), stemmable('5level'), stemmable('_pte')]).toEqual([true, false, false, false]);
  });
});
