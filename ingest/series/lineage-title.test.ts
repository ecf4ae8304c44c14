import { describe, expect, it } from 'vitest';
import { isFragment, lineageTitle, titleRevision } from './lineage-title.ts';
import { seriesLabel } from './revision-label.ts';

describe('lineageTitle', () => {
  it('takes the latest revision', () => {
    expect(lineageTitle([{ title: 'mm: one', bundle: false }, { title: 'mm: one, take two', bundle: false }])).toBe('mm: one, take two');
  });

  it('skips a later bundle: its subject names several series', () => {
    const revs = [
      { title: 'fsdax: introduce fs query to support reflink', bundle: false },
      { title: 'fsdax,xfs: add reflink&dedupe support for fsdax', bundle: false },
      { title: 'dax,pmem: implement reflink and dedupe', bundle: true },
    ];
    expect(lineageTitle(revs)).toBe('fsdax,xfs: add reflink&dedupe support for fsdax');
    expect(titleRevision(revs)).toBe(revs[1]);
  });

  it('uses the latest bundle when every revision is one', () => {
    expect(lineageTitle([{ title: 'a', bundle: true }, { title: 'b', bundle: true }])).toBe('b');
  });

  it('is empty for no revisions', () => {
    expect(lineageTitle([])).toBe('');
    expect(titleRevision([])).toBeUndefined();
  });
});

describe('a lineage named after its series, not a fragment', () => {
  it('skips later partial rerolls sent without a cover letter', () => {
    // CXL.mem Topology Discovery: v3 0/40 with a cover letter, then v4..v6 of a few patches each.
    const revs = [
      { title: 'CXL.mem Topology Discovery and Hotplug Support', bundle: false, fragment: isFragment({ coverId: 'c', total: 40, patches: 40 }) },
      { title: 'cxl/pci: Implement Interface Ready Timeout', bundle: false, fragment: isFragment({ coverId: null, total: 40, patches: 17 }) },
      { title: 'cxl/pmem: Introduce a find_cxl_root() helper', bundle: false, fragment: isFragment({ coverId: null, total: 40, patches: 2 }) },
    ];
    expect(lineageTitle(revs)).toBe('CXL.mem Topology Discovery and Hotplug Support');
  });

  it('takes a fragment when the lineage has nothing else, and a single patch is whole', () => {
    expect(isFragment({ coverId: null, total: null, patches: 1 })).toBe(false);
    expect(isFragment({ coverId: null, total: 3, patches: 3 })).toBe(false);
    expect(lineageTitle([{ title: 'only part', bundle: false, fragment: true }])).toBe('only part');
  });
});

describe('seriesLabel', () => {
  it('puts the version after the title, never run into it', () => {
    expect(seriesLabel('mm: fix refcounts', false, '3')).toBe('mm: fix refcounts (v3)');
    expect(seriesLabel('mm:  fix', true, null)).toBe('mm: fix (RFC)');
    expect(seriesLabel('mm: fix', true, '2')).toBe('mm: fix (RFC v2)');
    expect(seriesLabel('mm: fix', false, null)).toBe('mm: fix');
  });
});
