import { describe, expect, it } from 'vitest';
import { prefixList } from '../../ingest/search/query-prefixes.ts';
import { searchHelp } from './search-help.ts';

describe('searchHelp', () => {
  it('lists every prefix the query language reads, facets included', () => {
    const shown = searchHelp().map((h) => h.prefix);
    expect(shown.filter((p) => p.endsWith(':')).join(' ')).toBe(prefixList());
    expect(searchHelp().find((h) => h.prefix === 'pw:')!.help).toContain('changes-requested');
  });
});
