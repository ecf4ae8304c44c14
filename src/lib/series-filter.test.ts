import { describe, expect, it } from 'vitest';
import { filterQuery, isDefaultFilter, matchesFilter, parseFilter, type SeriesRowData } from './series-filter.ts';

const row = (over: Partial<SeriesRowData> = {}): SeriesRowData => ({
  author: 'Alistair Popple apopple@nvidia.com',
  title: 'fs/dax: Fix ZONE_DEVICE page reference counts',
  rfc: false,
  latest: true,
  nacked: false,
  reviewed: false,
  state: 'open',
  ...over,
});

describe('series filter', () => {
  it('shows the latest revision of each lineage unless asked for all', () => {
    expect(parseFilter(new URLSearchParams('')).latest).toBe(true);
    expect(matchesFilter(row({ latest: false }), parseFilter(new URLSearchParams('')))).toBe(false);
    expect(matchesFilter(row({ latest: false }), parseFilter(new URLSearchParams('latest=0')))).toBe(true);
  });

  it('matches every word of the author filter against name or address', () => {
    const f = (q: string) => parseFilter(new URLSearchParams(q));
    expect(matchesFilter(row(), f('author=popple'))).toBe(true);
    expect(matchesFilter(row(), f('author=nvidia.com+alistair'))).toBe(true);
    expect(matchesFilter(row(), f('author=jgg'))).toBe(false);
    expect(matchesFilter(row(), f('title=ZONE_DEVICE+fs/dax'))).toBe(true);
  });

  it('filters by state: RFC or not, NAKed, fully reviewed', () => {
    const f = (q: string) => parseFilter(new URLSearchParams(q));
    expect(matchesFilter(row({ rfc: true }), f('rfc=only'))).toBe(true);
    expect(matchesFilter(row(), f('rfc=only'))).toBe(false);
    expect(matchesFilter(row({ rfc: true }), f('rfc=none'))).toBe(false);
    expect(matchesFilter(row(), f('nak=1'))).toBe(false);
    expect(matchesFilter(row({ nacked: true }), f('nak=1'))).toBe(true);
    expect(matchesFilter(row({ reviewed: true }), f('reviewed=1'))).toBe(true);
    expect(matchesFilter(row(), f('reviewed=1'))).toBe(false);
  });

  it('filters by where the lineage stands', () => {
    const f = (q: string) => parseFilter(new URLSearchParams(q));
    expect(matchesFilter(row({ state: 'applied' }), f('state=applied'))).toBe(true);
    expect(matchesFilter(row(), f('state=applied'))).toBe(false);
    expect(matchesFilter(row(), f('state=any'))).toBe(true);
  });

  it('knows when the rendered page is the answer', () => {
    const f = (q: string) => parseFilter(new URLSearchParams(q));
    expect(isDefaultFilter(f(''))).toBe(true);
    for (const q of ['latest=0', 'author=x', 'state=applied', 'nak=1', 'rfc=only']) expect([q, isDefaultFilter(f(q))]).toEqual([q, false]);
  });

  it('round-trips through the query string, leaving defaults out', () => {
    expect(filterQuery(parseFilter(new URLSearchParams('')))).toBe('');
    const q = '?author=Dan+Williams&latest=0&rfc=only&nak=1&reviewed=1&state=applied';
    expect(filterQuery(parseFilter(new URLSearchParams(q)))).toBe(q);
  });
});
