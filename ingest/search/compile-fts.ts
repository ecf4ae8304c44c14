// A parsed lore query -> SQLite: one FTS5 MATCH expression for everything full-text can say
// (ranked by bm25, as the issue measured fastest), plus SQL predicates for what it cannot (date
// ranges, negation alone, OR across dates and words). Words follow lore's matching: a word
// typed in lower case finds every word of its stem (Xapian STEM_SOME; `wordsOfStem` lists them
// from the index's vocabulary), a capitalised word, a phrase or a word with punctuation
// ("fs/dax.c" -> the phrase "fs dax c") is matched as written. Pure: the vocabulary is given.
import { ALL_FIELDS } from './query-prefixes.ts';
import type { QueryNode, SearchField, TextNode } from './query-types.ts';
import { searchTokens } from './search-tokens.ts';
import { stemWord, stemmable } from './stem-word.ts';

/** SQL with its parameters. */
export interface SqlPart {
  sql: string;
  params: Array<string | number>;
}

/** What to run: `match` (null when no full-text part can rank) and predicates on messages `m`. */
export interface FtsPlan {
  match: string | null;
  filters: SqlPart[];
}

/** Words of the index with this stem (the stem's own word included when indexed). */
export type WordsOfStem = (stem: string) => string[];

const quote = (w: string): string => `"${w}"`;

function columns(fields: readonly SearchField[]): string {
  return fields.length === ALL_FIELDS.length ? '' : `{${fields.join(' ')}} : `;
}

/** The FTS5 expression of one word or phrase; null when it has no word (e.g. "--"). */
function textExpression(node: TextNode, wordsOfStem: WordsOfStem): string | null {
  const t = textMatch(node);
  if (!t) return null;
  const cols = columns(node.fields);
  switch (t.kind) {
    case 'phrase':
      return `${cols}${quote(t.tokens.join(' '))}${t.lastIsPrefix ? ' *' : ''}`;
    case 'prefix':
      return `${cols}${quote(t.token)} *`;
    case 'exact':
      return `${cols}${quote(t.token)}`;
    case 'stem': {
      const words = new Set(wordsOfStem(t.stem));
      words.add(t.token);
      const list = [...words].sort();
      return list.length === 1 ? `${cols}${quote(t.token)}` : `${cols}(${list.map(quote).join(' OR ')})`;
    }
  }
}

/** Whether a subtree can be one FTS5 expression. */
function fullText(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return true;
    case 'date':
    case 'not':
      return false;
    case 'or':
      return node.children.every(fullText);
    case 'and':
      return node.children.some((c) => c.kind !== 'not') && node.children.every((c) => (c.kind === 'not' ? fullText(c.child) : fullText(c)));
  }
}

function ftsOf(node: QueryNode, words: WordsOfStem): string {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      // A word without letters matches nothing to lore (Xapian drops it); never everything.
      return textExpression(node, words) ?? '"\u0001"';
    case 'or':
      return node.children.map((c) => `(${ftsOf(c, words)})`).join(' OR ');
    case 'and': {
      const pos = node.children.filter((c) => c.kind !== 'not');
      let out = pos.map((c) => `(${ftsOf(c, words)})`).join(' AND ');
      for (const c of node.children) if (c.kind === 'not') out = `(${out}) NOT (${ftsOf(c.child, words)})`;
      return out;
    }
    default:
      throw new Error(`BUG: ${node.kind} has no FTS5 form`);
  }
}

function predicate(node: QueryNode, words: WordsOfStem): SqlPart {
  if (fullText(node)) return { sql: 'm.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)', params: [ftsOf(node, words)] };
  switch (node.kind) {
    case 'date': {
      const parts = ['m.date IS NOT NULL'];
      const params: number[] = [];
      if (node.from !== null) {
        parts.push('m.date >= ?');
        params.push(node.from);
      }
      if (node.to !== null) {
        parts.push('m.date < ?');
        params.push(node.to);
      }
      return { sql: `(${parts.join(' AND ')})`, params };
    }
    case 'not': {
      const p = predicate(node.child, words);
      return { sql: `NOT (${p.sql})`, params: p.params };
    }
    case 'and':
    case 'or': {
      const ps = node.children.map((c) => predicate(c, words));
      return { sql: `(${ps.map((p) => p.sql).join(node.kind === 'and' ? ' AND ' : ' OR ')})`, params: ps.flatMap((p) => p.params) };
    }
    default:
      throw new Error(`BUG: unexpected ${node.kind}`);
  }
}

/** Plan a query: the biggest full-text part as one MATCH, the rest as predicates. */
export function compileFts(query: QueryNode, wordsOfStem: WordsOfStem): FtsPlan {
  if (fullText(query)) return { match: ftsOf(query, wordsOfStem), filters: [] };
  if (query.kind === 'and') {
    const text = query.children.filter((c) => c.kind !== 'not' && fullText(c));
    const rest = query.children.filter((c) => !text.includes(c));
    const negatedText = rest.filter((c) => c.kind === 'not' && fullText(c.child));
    if (text.length > 0) {
      const matchNode: QueryNode = text.length === 1 && negatedText.length === 0 ? text[0]! : { kind: 'and', children: [...text, ...negatedText] };
      return { match: ftsOf(matchNode, wordsOfStem), filters: rest.filter((c) => !negatedText.includes(c)).map((c) => predicate(c, wordsOfStem)) };
    }
  }
  return { match: null, filters: [predicate(query, wordsOfStem)] };
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
