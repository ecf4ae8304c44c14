// `patchlore search QUERY` over the store: the lore query parsed, planned (plan-search.ts) and
// run by the store's engine (ranked by relevance, as bm25 in SQLite), hits in relevance or date
// order, optionally one per thread or per series lineage, each with a snippet marked where it
// matched. Shapes follow docs/cli.md. Reads the store only.
import { formatAddress } from '../message/format-address.ts';
import type { SearchHit, SearchOptions, SearchResult } from '../read-models.ts';
import type { Store } from '../store/store-port.ts';
import { planSearch } from './plan-search.ts';
import { formatQueryError, parseQuery } from './parse-query.ts';
import { ALL_FIELDS, FIELD_WEIGHT } from './query-prefixes.ts';
import type { QueryError, SearchFields } from './query-types.ts';
import { HEADER_FIELDS, headerFields, searchFields, type HeaderField, type SearchInput } from './search-fields.ts';
import { highlightOf, searchSnippet } from './search-snippet.ts';
import { mayStemTo, stemRanges, stemSources, stemWord } from './stem-word.ts';

export { MARK_END, MARK_START } from './search-snippet.ts';
export type { SearchHit, SearchOptions, SearchResult };

/** Thrown for a query that cannot be read; `detail` says where and how to fix it. */
export class QueryParseError extends Error {
  constructor(
    readonly query: string,
    readonly detail: QueryError,
  ) {
    super(formatQueryError(query, detail));
  }
}

/** Words of the index sharing a stem, from the index's vocabulary: range scans over the few
 *  ranges that can hold them (stemRanges), a cheap character test, then the stemmer decides. */
function vocabularyStems(store: Store): (stem: string) => string[] {
  return (stem) => {
    const words: string[] = [];
    for (const r of stemRanges(stem)) {
      for (const w of store.search.wordsInRange(r.from, r.to)) if (mayStemTo(w, stem) && stemWord(w) === stem) words.push(w);
    }
    return [...words, ...stemSources(stem)];
  };
}

/** A message's fields, the body split only when a snippet reads a field of it (a query on
 *  headers never does; some messages carry megabytes of attached config files). */
function lazyFields(input: SearchInput): SearchFields {
  const head = headerFields(input);
  let all: SearchFields | null = null;
  const out = {} as SearchFields;
  for (const f of ALL_FIELDS) {
    const header = (HEADER_FIELDS as readonly string[]).includes(f);
    Object.defineProperty(out, f, { enumerable: true, get: () => (header ? head[f as HeaderField] : (all ??= searchFields(input))[f]) });
  }
  return out;
}

export function searchMessages(store: Store, query: string, opts: SearchOptions): SearchResult {
  const parsed = parseQuery(query, opts.now ?? Date.now());
  if (parsed.kind === 'error') throw new QueryParseError(query, parsed.error);
  const collapse = opts.collapse ?? 'none';
  const found = store.search.find(planSearch(parsed.query, vocabularyStems(store)), { limit: opts.limit, byDate: opts.sort === 'date', collapse, weights: FIELD_WEIGHT });
  const highlight = highlightOf(parsed.query);
  // With collapse=series the rows carry each hit's lineage already (the grouping needed it).
  const knownFamily = collapse === 'series';
  const hits = found.rows.map((r): SearchHit => {
    const d = store.search.hitDetail(r.id, !knownFamily);
    const input: SearchInput = { messageId: d.messageId, subject: r.subject, from: r.author, to: d.to.map((a) => formatAddress(a.name, a.email)), cc: d.cc.map((a) => formatAddress(a.name, a.email)), body: d.body, parts: d.parts };
    return {
      messageId: r.key,
      threadId: r.threadId ?? '',
      subject: r.subject,
      from: r.author,
      date: r.date === null ? null : new Date(r.date).toISOString(),
      score: Math.round(-r.rank * 1000) / 1000,
      snippet: searchSnippet(lazyFields(input), highlight),
      lists: d.lists,
      family: knownFamily ? r.family : d.family,
      ...(collapse !== 'none' ? { collapsed: r.collapsed } : {}),
    };
  });
  return { query, total: found.total, ...(found.groups === undefined ? {} : { groups: found.groups }), sort: opts.sort, collapse, hits };
}
