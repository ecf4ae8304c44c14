// Snippets: the part of a message that matched, with the matching words marked «like this».
// The words a query looks for are matched as the engines match them (a lower-case word also
// marks the words of its stem, "word*" marks words starting so), in the fields the query
// searched; the window with the most distinct matches wins. Pure; usable in the browser (the
// static site marks its stored summaries with markText).
import { positiveText } from './compile-fts.ts';
import type { QueryNode, SearchField, SearchFields } from './query-types.ts';
import { searchTokenSpans, searchTokens } from './search-tokens.ts';
import { stemWord, stemmable } from './stem-word.ts';

export const MARK_START = '«';
export const MARK_END = '»';

/** Words in a snippet around the best match. */
const WINDOW_WORDS = 24;
/** Longest snippet, in characters (before marks). */
const MAX_SNIPPET = 240;

/** What marks a word. */
export interface Highlight {
  /** Folded words to mark as they are. */
  words: Set<string>;
  /** Stems: a word whose stem is here is marked. */
  stems: Set<string>;
  /** Word beginnings (wildcards). */
  prefixes: string[];
  /** Fields the query searched, in the order snippets prefer them. */
  fields: SearchField[];
}

/** Where a snippet is preferably cut from: own words first, then diffs, quotes, headers. */
const SNIPPET_ORDER: readonly SearchField[] = ['nq', 'dfhh', 'dfb', 'dfa', 'dfctx', 'dfn', 'q', 'f', 't', 'c', 'n', 'm', 's'];

export function highlightOf(query: QueryNode): Highlight {
  const h: Highlight = { words: new Set(), stems: new Set(), prefixes: [], fields: [] };
  const fields = new Set<SearchField>();
  for (const t of positiveText(query)) {
    for (const f of t.fields) fields.add(f);
    const tokens = searchTokens(t.text);
    if (t.wildcard && tokens.length > 0) {
      tokens.slice(0, -1).forEach((w) => h.words.add(w));
      h.prefixes.push(tokens[tokens.length - 1]!);
    } else if (t.kind === 'term' && tokens.length === 1 && stemmable(t.text)) h.stems.add(stemWord(tokens[0]!));
    else tokens.forEach((w) => h.words.add(w));
  }
  h.fields = SNIPPET_ORDER.filter((f) => fields.has(f));
  return h;
}

function marks(word: string, h: Highlight): boolean {
  return h.words.has(word) || (h.stems.size > 0 && h.stems.has(stemWord(word))) || h.prefixes.some((p) => word.startsWith(p));
}

/** `text` cut into pieces, each marked when it is a matching word (for the browser, which
 *  renders marks as elements, never as markup). */
export function markPieces(text: string, h: Highlight): Array<{ text: string; mark: boolean }> {
  const out: Array<{ text: string; mark: boolean }> = [];
  let at = 0;
  for (const s of searchTokenSpans(text)) {
    if (!marks(s.word, h)) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start), mark: false });
    out.push({ text: text.slice(s.start, s.end), mark: true });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** Mark every matching word of `text` «like this». */
export function markText(text: string, h: Highlight): string {
  return markPieces(text, h)
    .map((p) => (p.mark ? MARK_START + p.text + MARK_END : p.text))
    .join('');
}

/** The best window of one text: [first word, last word) and its count of distinct matches. */
function bestWindow(text: string, h: Highlight): { start: number; end: number; score: number } | null {
  const spans = searchTokenSpans(text);
  const hit = spans.map((s) => marks(s.word, h));
  let best: { start: number; end: number; score: number } | null = null;
  for (let i = 0; i < spans.length; i++) {
    if (!hit[i]) continue;
    // Start a little before the first match so it reads in context.
    const from = Math.max(0, i - 4);
    const to = Math.min(spans.length, from + WINDOW_WORDS);
    const distinct = new Set<string>();
    for (let j = from; j < to; j++) if (hit[j]) distinct.add(spans[j]!.word);
    if (!best || distinct.size > best.score) best = { start: spans[from]!.start, end: spans[to - 1]!.end, score: distinct.size };
  }
  return best;
}

/** A snippet of a message for a query: the best window of the fields it searched. */
export function searchSnippet(fields: SearchFields, h: Highlight): string {
  let best: { field: SearchField; start: number; end: number; score: number } | null = null;
  for (const f of h.fields) {
    const w = bestWindow(fields[f], h);
    if (w && (!best || w.score > best.score)) best = { field: f, ...w };
  }
  if (!best) {
    const own = fields.nq.trim();
    return own.slice(0, MAX_SNIPPET).replace(/[\s\ue000]+/g, ' ').trim() + (own.length > MAX_SNIPPET ? '…' : '');
  }
  const text = fields[best.field];
  let end = Math.min(best.end, best.start + MAX_SNIPPET);
  // Do not cut a word in two.
  while (end < best.end && /[\p{L}\p{N}_]/u.test(text[end] ?? '')) end++;
  const piece = markText(text.slice(best.start, end), h).replace(/[\s\ue000]+/g, ' ').trim();
  return `${best.start > 0 ? '…' : ''}${piece}${/[\p{L}\p{N}_]/u.test(text.slice(end)) ? '…' : ''}`;
}
