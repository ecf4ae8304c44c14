import { describe, expect, it } from 'vitest';
import { fts5Plan } from '../store/fts5-plan.ts';
import { planSearch, positiveText, textMatch, type WordsOfStem } from './plan-search.ts';
import { parseQuery } from './parse-query.ts';
import type { QueryNode, TextNode } from './query-types.ts';
import { highlightOf } from './search-snippet.ts';

function parsed(q: string): QueryNode {
  const p = parseQuery(q, Date.UTC(2025, 0, 1));
  if (p.kind !== 'ok') throw new Error(p.error.message);
  return p.query;
}
const text = (q: string): TextNode => positiveText(parsed(q))[0]!;
const compileFts = (q: QueryNode, words: WordsOfStem) => fts5Plan(planSearch(q, words));

describe('textMatch', () => {
  it('decides once how a word or phrase is matched', () => {
    expect(textMatch(text('refcounts'))).toEqual({ kind: 'stem', token: 'refcounts', stem: 'refcount' });
    expect(textMatch(text('Mappings'))).toEqual({ kind: 'exact', token: 'mappings' });
    expect(textMatch(text('"mappings"'))).toEqual({ kind: 'exact', token: 'mappings' });
    expect(textMatch(text('pte_spec*'))).toEqual({ kind: 'prefix', token: 'pte_spec' });
    expect(textMatch(text('dfn:fs/dax.c'))).toEqual({ kind: 'phrase', tokens: ['fs', 'dax', 'c'], lastIsPrefix: false });
    expect(textMatch(text('"page reference counts"'))).toEqual({ kind: 'phrase', tokens: ['page', 'reference', 'counts'], lastIsPrefix: false });
    // A word with punctuation and a wildcard: a phrase whose last word is a prefix.
    expect(textMatch(text('fs/da*'))).toEqual({ kind: 'phrase', tokens: ['fs', 'da'], lastIsPrefix: true });
    expect(textMatch({ kind: 'term', text: '--', fields: ['s'], prefix: 's', wildcard: false, position: 0 })).toBeNull();
  });

  it('is what the FTS5 expression and the highlighting follow', () => {
    expect(compileFts(parsed('s:fs/da*'), () => []).match).toBe('{s} : "fs da" *');
    expect(compileFts(parsed('"mappings"'), () => ['mapping']).match).toBe('{m s f q n nq dfn dfa dfb dfhh dfctx} : "mappings"');
    expect(compileFts(parsed('s:mappings'), () => ['mapping', 'mappings']).match).toBe('{s} : ("mapping" OR "mappings")');
    const h = highlightOf(parsed('fs/da* refcounts Mappings'));
    expect([[...h.words].sort(), h.prefixes, [...h.stems]]).toEqual([['fs', 'mappings'], ['da'], ['refcount']]);
  });
});
