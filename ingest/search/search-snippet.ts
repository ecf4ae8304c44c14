// Snippets: the part of a message that matched, with the matching words marked «like this».
// The words a query looks for are matched as the engines match them (a lower-case word also
// marks the words of its stem, "word*" marks words starting so), in the fields the query
// searched; the window with the most distinct matches wins. Pure; usable in the browser (the
// static site marks its stored summaries with markText).
import { positiveText, textMatch } from './plan-search.ts';
import type { QueryNode, SearchField, SearchFields } from './query-types.ts';
import { plainText, searchTokenSpans, wordCode as isWordCode } from './search-tokens.ts';
import { mayStemTo, stemPrefix, stemSources, stemWord } from './stem-word.ts';

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
    const m = textMatch(t);
    if (!m) continue;
    switch (m.kind) {
      case 'phrase':
        m.tokens.slice(0, -1).forEach((w) => h.words.add(w));
        if (m.lastIsPrefix) h.prefixes.push(m.tokens[m.tokens.length - 1]!);
        else h.words.add(m.tokens[m.tokens.length - 1]!);
        break;
      case 'prefix':
        h.prefixes.push(m.token);
        break;
      case 'stem':
        h.stems.add(m.stem);
        break;
      case 'exact':
        h.words.add(m.token);
        break;
    }
  }
  h.fields = SNIPPET_ORDER.filter((f) => fields.has(f));
  return h;
}

/** Words already judged, per highlight: a message repeats its words, and stemming is the cost. */
const judged = new WeakMap<Highlight, Map<string, boolean>>();
/** Past this many distinct words a highlight forgets what it judged (bounded memory). */
const MAX_JUDGED = 100_000;

/** Whether a word has one of the stems. Only words under a stem's prefix (or its STEM_SOURCES)
 *  can have it, and only those mayStemTo it: the stemmer runs on few words. */
function stemMatches(word: string, stems: ReadonlySet<string>): boolean {
  for (const s of stems) {
    if (!word.startsWith(stemPrefix(s)) && !stemSources(s).includes(word)) continue;
    if (mayStemTo(word, s) && stemWord(word) === s) return true;
  }
  return false;
}

function marks(word: string, h: Highlight): boolean {
  if (h.words.has(word)) return true;
  if (h.stems.size === 0 && h.prefixes.length === 0) return false;
  let seen = judged.get(h);
  if (!seen) judged.set(h, (seen = new Map()));
  let m = seen.get(word);
  if (m === undefined) {
    m = stemMatches(word, h.stems) || h.prefixes.some((p) => word.startsWith(p));
    if (seen.size >= MAX_JUDGED) seen.clear();
    seen.set(word, m);
  }
  return m;
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

/** Strings every word that marks contains (folded): the words, the stems' prefixes and the
 *  words Porter2 stems apart from their prefix, the wildcards' beginnings. */
function seedsOf(h: Highlight): string[] {
  const out = [...h.words, ...h.prefixes];
  for (const s of h.stems) out.push(stemPrefix(s), ...stemSources(s));
  return out;
}

/** Bound once: the loops below call it per character. */
const wordCode = isWordCode;

/** Where the `count`th word before the word starting at `at` starts (the first word's start
 *  when there are fewer), in plain lower-cased text. */
function wordsBack(lower: string, at: number, count: number): number {
  let from = at;
  for (let c = 0; c < count; c++) {
    let q = from - 1;
    while (q >= 0 && !wordCode(lower.charCodeAt(q))) q--;
    if (q < 0) break;
    while (q > 0 && wordCode(lower.charCodeAt(q - 1))) q--;
    from = q;
  }
  return from;
}

/** Where the `count`th word from the word starting at `at` ends (the last word's end when
 *  there are fewer). */
function wordsForward(lower: string, at: number, count: number): number {
  const n = lower.length;
  let q = at;
  let end = at;
  for (let c = 0; c < count; c++) {
    let e = q;
    while (e < n && wordCode(lower.charCodeAt(e))) e++;
    end = e;
    q = e;
    while (q < n && !wordCode(lower.charCodeAt(q))) q++;
    if (q >= n) break;
  }
  return end;
}

type Window = { start: number; end: number; score: number };

/** bestWindow for plain text (search-tokens.ts), without splitting it all into words: every
 *  word that marks holds a seed, so the words holding one are found with indexOf, and each
 *  window is walked from its hit. Gives what bestWindow gives, in a fraction of the time on long
 *  diffs and quoted text. */
function bestWindowPlain(text: string, h: Highlight, seeds: readonly string[]): Window | null {
  const lower = text.toLowerCase();
  const n = lower.length;
  const starts = new Set<number>();
  for (const seed of seeds) {
    for (let at = lower.indexOf(seed); at >= 0; ) {
      // Seeds are words or beginnings of words: an occurrence lies inside one word.
      let s = at;
      while (s > 0 && wordCode(lower.charCodeAt(s - 1))) s--;
      let e = at + seed.length;
      while (e < n && wordCode(lower.charCodeAt(e))) e++;
      starts.add(s);
      at = lower.indexOf(seed, e);
    }
  }
  const hits: Array<{ start: number; word: string }> = [];
  for (const s of [...starts].sort((a, b) => a - b)) {
    let e = s;
    while (e < n && wordCode(lower.charCodeAt(e))) e++;
    const word = lower.slice(s, e);
    if (marks(word, h)) hits.push({ start: s, word });
  }
  let best: Window | null = null;
  let lo = 0;
  for (const hit of hits) {
    // Start a little before the match so it reads in context.
    const from = wordsBack(lower, hit.start, 4);
    const end = wordsForward(lower, from, WINDOW_WORDS);
    while (hits[lo]!.start < from) lo++;
    const distinct = new Set<string>();
    for (let j = lo; j < hits.length && hits[j]!.start < end; j++) distinct.add(hits[j]!.word);
    if (!best || distinct.size > best.score) best = { start: from, end, score: distinct.size };
  }
  return best;
}

/** The best window of one text: [first word, last word) and its count of distinct matches. */
function bestWindow(text: string, h: Highlight, seeds: readonly string[]): Window | null {
  if (seeds.every((s) => s.length > 0) && plainText(text)) return bestWindowPlain(text, h, seeds);
  const spans = searchTokenSpans(text);
  const hit = spans.map((s) => marks(s.word, h));
  let best: Window | null = null;
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
  const seeds = seedsOf(h);
  for (const f of h.fields) {
    const w = bestWindow(fields[f], h, seeds);
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
