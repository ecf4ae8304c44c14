// What to try when a query finds nothing: the query with one of its parts dropped, a prefixed
// word searched everywhere, a capitalised word by its stem, a phrase as separate words. The
// results page runs each and offers those that find something. Pure: a parsed query in, query
// texts out (printed back in the query language).
import { FACETS, PREFIXES } from '../../ingest/search/query-prefixes.ts';
import type { QueryNode } from '../../ingest/search/query-types.ts';

/** A query to try instead, and what it changes. */
export interface Relaxation {
  query: string;
  why: string;
}

/** Suggestions made at most. */
export const MAX_RELAXATIONS = 6;

const facetPrefix = (facet: string): string => Object.entries(FACETS).find(([, f]) => f.facet === facet)?.[0] ?? facet;

/** A parsed query printed back in the query language. */
export function queryText(n: QueryNode): string {
  switch (n.kind) {
    case 'term':
      return `${n.prefix ? `${n.prefix}:` : ''}${n.text}${n.wildcard ? '*' : ''}`;
    case 'phrase':
      return `${n.prefix ? `${n.prefix}:` : ''}"${n.text}"`;
    case 'date':
      return `d:${n.text}`;
    case 'facet':
      return `${facetPrefix(n.facet)}:${/\s/.test(n.text) ? `"${n.text}"` : n.text}`;
    case 'not':
      return `-${wrap(n.child)}`;
    case 'and':
      return n.children.map(wrap).join(' ');
    case 'or':
      return n.children.map(wrap).join(' OR ');
  }
}

function wrap(n: QueryNode): string {
  return n.kind === 'and' || n.kind === 'or' ? `(${queryText(n)})` : queryText(n);
}

/** Looser queries to try, most specific first, each once. */
export function relaxations(query: QueryNode): Relaxation[] {
  const out: Relaxation[] = [];
  const parts = query.kind === 'and' ? query.children : [query];
  const rebuild = (i: number, replacement: QueryNode | null): string =>
    parts
      .flatMap((p, j) => (j === i ? (replacement ? [replacement] : []) : [p]))
      .map(wrap)
      .join(' ');
  parts.forEach((p, i) => {
    if (p.kind === 'term' || p.kind === 'phrase') {
      if (p.prefix && p.prefix in PREFIXES) out.push({ query: rebuild(i, { ...p, prefix: '', fields: PREFIXES['bs']!.fields }), why: `${p.prefix}:${p.text} anywhere, not only in ${PREFIXES[p.prefix]!.help}` });
      if (p.kind === 'term' && /^\p{Lu}/u.test(p.text) && p.text !== p.text.toLowerCase()) out.push({ query: rebuild(i, { ...p, text: p.text.toLowerCase() }), why: `${p.text} in lower case, which also finds the other forms of the word` });
      if (p.kind === 'phrase' && /\s/.test(p.text)) out.push({ query: rebuild(i, null) + (parts.length > 1 ? ' ' : '') + p.text.split(/\s+/).map((w) => `${p.prefix ? `${p.prefix}:` : ''}${w}`).join(' '), why: `the words of "${p.text}" anywhere, not as a phrase` });
    }
    if (parts.length > 1) out.push({ query: rebuild(i, null), why: `without ${queryText(p)}` });
  });
  const seen = new Set<string>([queryText(query)]);
  return out.filter((r) => r.query.trim() !== '' && !seen.has(r.query) && !!seen.add(r.query)).slice(0, MAX_RELAXATIONS);
}
