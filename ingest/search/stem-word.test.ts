import { describe, expect, it } from 'vitest';
import { STEM_SOURCES, mayStemTo, stemPrefix, stemRanges, stemSources, stemWord, stemmable } from './stem-word.ts';

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

  it('stems words that are names of object properties as words', () => {
    expect([stemWord('constructor'), stemWord('__proto__'), stemWord('tostring')]).toEqual(['constructor', '__proto__', 'tostr']);
    expect([stemSources('constructor'), stemSources('die')]).toEqual([[], ['dying']]);
  });

  it('rules out, without stemming, only words that cannot have the stem', () => {
    // Every pair above: the word may have its stem and lies in one of the stem's ranges.
    for (const [w, s] of pairs) {
      expect([w, s, mayStemTo(w, s)]).toEqual([w, s, true]);
      if (!stemSources(s).includes(w)) expect([w, stemRanges(s).some((r) => w >= r.from && w < r.to)]).toEqual([w, true]);
    }
    // Porter2 only removes and rewrites letters: a non-letter after the shared part rules out.
    expect(mayStemTo('config_zone_device', 'config')).toBe(false);
    expect(mayStemTo('configs', 'config')).toBe(true);
    expect(mayStemTo('conf2', 'config')).toBe(false);
    expect(mayStemTo('pte_specials', 'pte_speci')).toBe(true);
  });

  it('cuts the stem prefix range into the ranges that can hold its words', () => {
    const words = ['conf', 'confa', 'confed', 'confi', 'config', 'configs', 'configured', 'configuration', 'confirm', 'conflict', 'config_zone', 'conf_x', 'confi9', 'configz', 'configzz'];
    const inRanges = (s: string): string[] => words.filter((w) => stemRanges(s).some((r) => w >= r.from && w < r.to));
    // Under "conf": the prefix, and each longer prefix followed by a letter.
    expect(inRanges('config')).toEqual(words.filter((w) => mayStemTo(w, 'config')));
    expect(inRanges('config')).not.toContain('config_zone');
    for (const s of ['config', 'pte_speci', 'map', 'dax', 'a']) {
      const rs = stemRanges(s);
      // Ranges do not overlap, so no word is read twice.
      const sorted = [...rs].sort((x, y) => (x.from < y.from ? -1 : 1));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.to <= sorted[i]!.from).toBe(true);
    }
  });
});
