import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../ingest/search/parse-query.ts';
import type { QueryNode } from '../../ingest/search/query-types.ts';
import { queryText, relaxations } from './search-suggest.ts';

const parsed = (q: string): QueryNode => {
  const p = parseQuery(q, Date.UTC(2025, 0, 1));
  if (p.kind !== 'ok') throw new Error(p.error.message);
  return p.query;
};

describe('queryText', () => {
  it('prints a parsed query back so that it parses the same', () => {
    for (const q of ['s:"fs/dax" f:apopple', 'dax -s:RFC', '(pmem OR nvdimm) d:2024-01-01..', 'pw:accepted merged:yes', 'fs/da* nq:refcount']) {
      expect([q, parsed(queryText(parsed(q)))]).toEqual([q, parsed(q)]);
    }
  });
});

describe('relaxations', () => {
  it('drops one part at a time, searches a prefixed word everywhere, lowers a capital, splits a phrase', () => {
    expect(relaxations(parsed('s:zonk Folio "page zonks"')).map((r) => r.query)).toEqual([
      'zonk Folio "page zonks"',
      'Folio "page zonks"',
      's:zonk folio "page zonks"',
      's:zonk "page zonks"',
      's:zonk Folio page zonks',
      's:zonk Folio',
    ]);
  });

  it('offers nothing for a single plain word', () => {
    expect(relaxations(parsed('zonk'))).toEqual([]);
  });
});
