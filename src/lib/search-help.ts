// What the search page's help lists: every prefix of the query language with what it searches,
// the date prefix's forms and the facet prefixes with their values. Pure.
import { DATE_FORMS } from '../../ingest/search/query-date.ts';
import { DATE_PREFIX, FACETS, PREFIXES } from '../../ingest/search/query-prefixes.ts';

export interface PrefixHelp {
  /** "s:", "d:", "pw:". */
  prefix: string;
  help: string;
}

export function searchHelp(): PrefixHelp[] {
  return [
    ...Object.entries(PREFIXES).map(([p, { help }]) => ({ prefix: `${p}:`, help })),
    { prefix: `${DATE_PREFIX}:`, help: `date or range: d:2024-01-01.. d:20240101..20240201 d:..2.weeks.ago d:2024-03-05 (${DATE_FORMS}; days are UTC)` },
    ...Object.entries(FACETS).map(([p, f]) => ({ prefix: `${p}:`, help: `${f.help} (not on lore)` })),
    { prefix: 'word*', help: 'words starting so' },
  ];
}
