import { describe, expect, it } from 'vitest';
import { lineageTitle, titleRevision } from './lineage-title.ts';

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
