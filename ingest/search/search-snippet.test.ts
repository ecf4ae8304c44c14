import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';
import { ALL_FIELDS } from './query-prefixes.ts';
import type { SearchField, SearchFields } from './query-types.ts';
import { FIELD_BREAK } from './search-fields.ts';
import { MARK_END, MARK_START, highlightOf, markText, searchSnippet, type Highlight } from './search-snippet.ts';
import { foldWord, searchTokenSpans, searchTokens } from './search-tokens.ts';
import { stemWord } from './stem-word.ts';

/** The snippet as first written: every word of every field split and judged, then each window
 *  counted. The fast paths must give exactly this. */
function plainSnippet(fields: SearchFields, h: Highlight): string {
  const marks = (w: string): boolean => h.words.has(w) || h.stems.has(stemWord(w)) || h.prefixes.some((p) => w.startsWith(p));
  let best: { field: SearchField; start: number; end: number; score: number } | null = null;
  for (const f of h.fields) {
    const spans = searchTokenSpans(fields[f]);
    const hit = spans.map((s) => marks(s.word));
    for (let i = 0; i < spans.length; i++) {
      if (!hit[i]) continue;
      const from = Math.max(0, i - 4);
      const to = Math.min(spans.length, from + 24);
      const distinct = new Set<string>();
      for (let j = from; j < to; j++) if (hit[j]) distinct.add(spans[j]!.word);
      if (!best || distinct.size > best.score) best = { field: f, start: spans[from]!.start, end: spans[to - 1]!.end, score: distinct.size };
    }
  }
  if (!best) {
    const own = fields.nq.trim();
    return own.slice(0, 240).replace(/[\s\ue000]+/g, ' ').trim() + (own.length > 240 ? '…' : '');
  }
  const text = fields[best.field];
  let end = Math.min(best.end, best.start + 240);
  while (end < best.end && /[\p{L}\p{N}_]/u.test(text[end] ?? '')) end++;
  const piece = markText(text.slice(best.start, end), h).replace(/[\s\ue000]+/g, ' ').trim();
  return `${best.start > 0 ? '…' : ''}${piece}${/[\p{L}\p{N}_]/u.test(text.slice(end)) ? '…' : ''}`;
}

/** A small deterministic random source. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const VOCABULARY = [
  'page', 'pages', 'Paging', 'refcount', 'refcounts', 'refcounting', 'pte_special', 'PTE_SPECIAL', 'devdax', 'dax', 'fs/dax.c',
  'folio', 'folios', 'the', 'a', 'of', 'vm_normal_page()', 'struct', 'mapping', 'mappings', 'x86', '-', '+', '>', '(', ')', ';',
  'config_zone_device', 'configs', 'constructor', 'dying', 'die', '\n', '\n\n', FIELD_BREAK,
];

function text(next: () => number, words: number, extra: string[] = []): string {
  const pool = [...VOCABULARY, ...extra];
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pool[Math.floor(next() * pool.length)]!);
  return out.join(next() < 0.5 ? ' ' : '  ');
}

function fieldsOf(next: () => number, extra: string[] = []): SearchFields {
  const f = Object.fromEntries(ALL_FIELDS.map((k) => [k, ''])) as SearchFields;
  f.s = text(next, 8, extra);
  f.f = 'Alistair Popple <apopple@nvidia.com>';
  f.nq = text(next, 200 + Math.floor(next() * 400), extra);
  f.q = text(next, 100, extra);
  f.dfb = text(next, 150, extra);
  f.dfhh = 'vm_normal_page' + FIELD_BREAK + 'dax_fault';
  return f;
}

describe('searchSnippet', () => {
  const QUERIES = ['refcount', 'page', 'pte_special devdax', '"struct page"', 'dfb:folio', 'dfhh:vm_normal_page', 'PTE_SPECIAL', 'folio*', 'b:mapping -q:dax', 'dying', 'constructor', 'config', 'nq:"fs/dax.c"', 'f:apopple', 's:zzz'];

  it('finds the same window as splitting every word would, in plain and in non-ASCII text', () => {
    const next = random(42);
    for (let round = 0; round < 60; round++) {
      // Half the rounds carry non-ASCII words, which take the general path.
      const fields = fieldsOf(next, round % 2 ? ['Café', 'naïve', 'Größe', '页面'] : []);
      for (const q of QUERIES) {
        const parsed = parseQuery(q, 0);
        if (parsed.kind !== 'ok') throw new Error(parsed.error.message);
        const h = highlightOf(parsed.query);
        expect([round, q, searchSnippet(fields, h)]).toEqual([round, q, plainSnippet(fields, highlightOf(parsed.query))]);
      }
    }
  });

  it('marks the words of the stem, and only those', () => {
    const parsed = parseQuery('refcount', 0);
    if (parsed.kind !== 'ok') throw new Error('query');
    const fields = Object.fromEntries(ALL_FIELDS.map((k) => [k, ''])) as SearchFields;
    fields.nq = 'The refcounts and refcounting of refcount_t, refcount.';
    expect(searchSnippet(fields, highlightOf(parsed.query))).toBe(
      `The ${MARK_START}refcounts${MARK_END} and ${MARK_START}refcounting${MARK_END} of refcount_t, ${MARK_START}refcount${MARK_END}`,
    );
  });
});

describe('searchTokens', () => {
  it('splits plain text as the Unicode split does', () => {
    const next = random(7);
    const reference = (t: string): string[] => [...t.matchAll(/[\p{L}\p{N}\p{Co}_]+/gu)].map((m) => foldWord(m[0]));
    for (let i = 0; i < 200; i++) {
      const t = text(next, 50, ['MiXeD_Case9', 'a\u0001b', '~', '`', '@@', '[PATCH v2 3/7]', 'x\ue000y']);
      expect(searchTokens(t)).toEqual(reference(t));
      expect(searchTokenSpans(t).map((s) => [s.word, t.slice(s.start, s.end).toLowerCase()])).toEqual(reference(t).map((w) => [w, w]));
    }
    expect(searchTokens('Größe naïve 页面 fs/dax.c')).toEqual(['grosse'.replace('ss', 'ß'), 'naive', '页面', 'fs', 'dax', 'c']);
  });
});
