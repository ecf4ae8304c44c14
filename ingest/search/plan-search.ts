// A parsed lore query -> an engine-neutral search plan (SearchPlan, ingest/store/store-rows.ts):
// every word or phrase resolved to the index words it stands for, following lore's matching: a
// word typed in lower case finds every word of its stem (Xapian STEM_SOME; `wordsOfStem` lists
// them from the index's vocabulary), a capitalised word, a phrase or a word with punctuation
// ("fs/dax.c" -> the phrase "fs dax c") is matched as written. How an engine runs the plan is
// the store's (ingest/store/fts5-plan.ts for SQLite). Pure: the vocabulary is given.
import type { MatchTerm, SearchPlan } from '../store/store-rows.ts';
import { FACETS } from './query-prefixes.ts';
import type { FacetNode, QueryNode, TextNode } from './query-types.ts';
import { searchTokens } from './search-tokens.ts';
import { stemWord, stemmable } from './stem-word.ts';

/** Words of the index with this stem (the stem's own word included when indexed). */
export type WordsOfStem = (stem: string) => string[];

/** The index words a word or phrase stands for. */
function matchTerm(node: TextNode, wordsOfStem: WordsOfStem): MatchTerm {
  const t = textMatch(node);
  if (!t) return { kind: 'nothing' };
  switch (t.kind) {
    case 'phrase':
      return { kind: 'phrase', fields: node.fields, words: t.tokens, lastIsPrefix: t.lastIsPrefix };
    case 'prefix':
      return { kind: 'prefix', fields: node.fields, word: t.token };
    case 'exact':
      return { kind: 'words', fields: node.fields, words: [t.token] };
    case 'stem': {
      const words = new Set(wordsOfStem(t.stem));
      words.add(t.token);
      return { kind: 'words', fields: node.fields, words: [...words].sort() };
    }
  }
}

/** The values a facet filter stands for (an alias stands for several). */
export function facetValues(node: FacetNode): string[] {
  const prefix = Object.values(FACETS).find((f) => f.facet === node.facet);
  return [...(prefix?.aliases[node.value] ?? [node.value])];
}

/** Plan a parsed query: its structure kept, each word or phrase resolved. */
export function planSearch(query: QueryNode, wordsOfStem: WordsOfStem): SearchPlan {
  switch (query.kind) {
    case 'term':
    case 'phrase':
      return { kind: 'text', term: matchTerm(query, wordsOfStem) };
    case 'date':
      return { kind: 'date', from: query.from, to: query.to };
    case 'facet':
      return { kind: 'facet', facet: query.facet, values: facetValues(query) };
    case 'not':
      return { kind: 'not', child: planSearch(query.child, wordsOfStem) };
    case 'and':
    case 'or':
      return { kind: query.kind, children: query.children.map((c) => planSearch(c, wordsOfStem)) };
  }
}

/** How a word or phrase is matched, the one decision every consumer (the FTS5 expression here,
 *  snippets' highlighting, the static engine's lookups) follows:
 *  - phrase: two words or more (a quoted phrase, or a word with punctuation, "fs/dax.c"), found
 *    as adjacent words; with lastIsPrefix ("fs/da*") the last one is any word starting so;
 *  - prefix: one word ending in "*", every word starting so;
 *  - stem: one word typed in lower case, every word of its stem;
 *  - exact: one word otherwise (capitalised, or a quoted single word), found as written. */
export type TextMatch =
  | { kind: 'phrase'; tokens: string[]; lastIsPrefix: boolean }
  | { kind: 'prefix'; token: string }
  | { kind: 'stem'; token: string; stem: string }
  | { kind: 'exact'; token: string };

/** How `node` is matched (see TextMatch); null when it has no word (e.g. "--"), which matches
 *  nothing. Tokens are folded as the index folds them. */
export function textMatch(node: TextNode): TextMatch | null {
  const tokens = searchTokens(node.text);
  if (tokens.length === 0) return null;
  if (tokens.length > 1) return { kind: 'phrase', tokens, lastIsPrefix: node.wildcard };
  const token = tokens[0]!;
  if (node.wildcard) return { kind: 'prefix', token };
  if (node.kind === 'term' && stemmable(node.text)) return { kind: 'stem', token, stem: stemWord(token) };
  return { kind: 'exact', token };
}

/** The words and phrases a query looks for (not under NOT), for highlighting. */
export function positiveText(query: QueryNode): TextNode[] {
  const out: TextNode[] = [];
  const stack: Array<{ node: QueryNode; negated: boolean }> = [{ node: query, negated: false }];
  while (stack.length) {
    const { node, negated } = stack.pop()!;
    if (node.kind === 'term' || node.kind === 'phrase') {
      if (!negated) out.push(node);
    } else if (node.kind === 'not') stack.push({ node: node.child, negated: !negated });
    else if (node.kind === 'and' || node.kind === 'or') for (const c of node.children) stack.push({ node: c, negated });
  }
  return out.reverse();
}
