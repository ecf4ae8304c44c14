// The static site's search engine: evaluates a parsed lore query (ingest/search/parse-query.ts)
// against the sharded index (search-static-format.ts), fetching only the shards its words need
// through a Loader. Matching follows the CLI's, decided by textMatch (plan-search.ts): a word
// typed in lower case finds every word of its stem, other words are found as written, a phrase
// (or a word with punctuation, "fs/dax.c") is found by its adjacent word pairs, word* by the
// words starting so ("fs/da*": pairs whose second word starts so). Scores are bm25-like
// (FIELD_WEIGHT x idf x saturated count); order is by score or by date. Pure but for the Loader.
import { facetValues, textMatch } from '../../ingest/search/plan-search.ts';
import { FIELD_WEIGHT } from '../../ingest/search/query-prefixes.ts';
import type { FacetNode, QueryNode, SearchField, TextNode } from '../../ingest/search/query-types.ts';
import {
  PAIR_MARK,
  decodeNumbers,
  decodePostings,
  decodeSigned,
  familyOf,
  pairKey,
  shardOf,
  wordKey,
  type DocRow,
  type FacetFile,
  type FamilyName,
  type SearchMeta,
  type ShardEntry,
} from './search-static-format.ts';

/** Where the index comes from (fetch in the browser, the disk in tests). */
export interface Loader {
  meta(): Promise<SearchMeta>;
  /** A facet's file; asked only for facets the manifest lists. */
  facet(name: string): Promise<FacetFile>;
  boundaries(family: FamilyName): Promise<string[]>;
  shard(family: FamilyName, n: number): Promise<ShardEntry[]>;
  docs(chunk: number): Promise<DocRow[]>;
}

/** Most shards one wildcard may fetch; a broader one is refused with a message. */
export const MAX_WILDCARD_SHARDS = 8;

/** Thrown for a query the static index cannot answer (a wildcard too broad). */
export class StaticQueryError extends Error {}

/** Messages matched, with scores. */
type Scores = Map<number, number>;

/** What a query found: message numbers in order, and what was downloaded to find them. */
export interface EngineResult {
  hits: Array<{ doc: number; score: number }>;
  /** Minutes since the epoch per message (for dates without fetching rows). */
  minutes: number[];
  threadStarts: number[];
  /** First message number of each docs chunk. */
  chunkStarts: number[];
  shardsFetched: number;
}

/** A word lookup: entries of `key` in one family, narrowed by `accept`. */
interface Lookup {
  family: FamilyName;
  key: string;
  /** For wildcards: the last key of the range (inclusive). */
  until?: string;
  accept: (word: string, key: string) => boolean;
  /** Which part of the match the entries are for: a message matches when it has every part in
   *  one field (a phrase's word pairs; a word has one part). */
  part: number;
}

/** Keys from `key` to the last key starting with it (a range for entriesFor). */
const prefixRange = (key: string): { key: string; until: string } => ({ key, until: key + '\ufffe' });

/** The lookups of a word or phrase, matched as textMatch says (as the CLI matches it), and how
 *  many parts they have (0: matches nothing). */
function lookupsOf(node: TextNode): { lookups: Lookup[]; parts: number } {
  const m = textMatch(node);
  if (!m) return { lookups: [], parts: 0 };
  const families = [...new Set(node.fields.map((f) => familyOf(f).family))];
  const inEach = (l: Omit<Lookup, 'family'>): Lookup[] => families.map((family) => ({ family, ...l }));
  switch (m.kind) {
    case 'phrase': {
      // Every pair of adjacent words; with a wildcard, the last pair's second word is any word
      // starting so (pair keys are not stemmed: a range of keys).
      const { tokens } = m;
      const lookups = tokens.slice(0, -1).flatMap((t, i) => {
        const key = pairKey(t, tokens[i + 1]!);
        if (m.lastIsPrefix && i === tokens.length - 2) return inEach({ ...prefixRange(key), accept: (w: string) => w.startsWith(key), part: i });
        return inEach({ key, accept: (w: string) => w === key, part: i });
      });
      return { lookups, parts: tokens.length - 1 };
    }
    case 'prefix': {
      // Words are filed by stem, and the stem of a word starting with `word` may be shorter than
      // `word`: scan keys from its first letters (all but four, at least three) to the last key
      // starting with it. A stem shorter than that (a word losing more than four letters of
      // `word` to its suffixes) is not found: a limit of the static index, not of the CLI.
      const word = m.token;
      const from = /^\p{L}/u.test(word) ? word.slice(0, Math.max(Math.min(word.length, 3), word.length - 4)) : word;
      return { lookups: inEach({ key: from, until: prefixRange(word).until, accept: (w: string, k: string) => !k.includes(' ') && w.startsWith(word), part: 0 }), parts: 1 };
    }
    case 'stem':
      return { lookups: inEach({ key: m.stem, accept: (_w: string, k: string) => k === m.stem, part: 0 }), parts: 1 };
    case 'exact': {
      const word = m.token;
      return { lookups: inEach({ key: wordKey(word), accept: (w: string) => w === word, part: 0 }), parts: 1 };
    }
  }
}

/** Entries of a family answering a lookup, fetched shard by shard as needed. */
async function entriesFor(l: Lookup, loader: Loader, fetched: Map<string, Promise<ShardEntry[]>>): Promise<ShardEntry[]> {
  const bounds = await loader.boundaries(l.family);
  if (bounds.length === 0) return [];
  const first = shardOf(bounds, l.key);
  const last = l.until === undefined ? first : shardOf(bounds, l.until);
  if (last - first + 1 > MAX_WILDCARD_SHARDS) throw new StaticQueryError(`"${l.key.replace(PAIR_MARK, '')}*" is too broad for the static index (more than ${MAX_WILDCARD_SHARDS} shards); give more letters`);
  const out: ShardEntry[] = [];
  for (let n = first; n <= last; n++) {
    const id = `${l.family}/${n}`;
    if (!fetched.has(id)) fetched.set(id, loader.shard(l.family, n));
    for (const e of await fetched.get(id)!) {
      const key = e[0];
      const inRange = l.until === undefined ? key === l.key : key >= l.key && key <= l.until;
      if (inRange && l.accept(e[1] || key, key)) out.push(e);
    }
  }
  return out;
}

/** Postings of entries in one field, as message -> count. */
function fieldPostings(entries: readonly ShardEntry[], field: SearchField): Map<number, number> {
  const { index } = familyOf(field);
  const out = new Map<number, number>();
  for (const e of entries) {
    const p = e[index + 2];
    if (!p) continue;
    const { docs, counts } = decodePostings(p);
    docs.forEach((d, i) => out.set(d, (out.get(d) ?? 0) + counts[i]!));
  }
  return out;
}

async function textScores(node: TextNode, count: Promise<number>, loader: Loader, fetched: Map<string, Promise<ShardEntry[]>>): Promise<Scores> {
  const { lookups, parts } = lookupsOf(node);
  const found = await Promise.all(lookups.map((l) => entriesFor(l, loader, fetched)));
  const docs = await count;
  const scores: Scores = new Map();
  if (parts === 0) return scores;
  for (const field of node.fields) {
    const fam = familyOf(field).family;
    // Per part, its entries' postings in this field; a message matches with every part (a
    // phrase: every pair of adjacent words in the same field), counted by its rarest part.
    const perPart = Array.from({ length: parts }, (_, part) => fieldPostings(found.flatMap((es, i) => (lookups[i]!.family === fam && lookups[i]!.part === part ? es : [])), field));
    let matched = perPart[0]!;
    if (parts > 1) {
      matched = new Map();
      for (const [d, c] of perPart[0]!) if (perPart.every((p) => p.has(d))) matched.set(d, Math.min(c, ...perPart.map((p) => p.get(d)!)));
    }
    const idf = Math.log(1 + docs / Math.max(1, matched.size));
    for (const [d, c] of matched) scores.set(d, (scores.get(d) ?? 0) + FIELD_WEIGHT[field] * idf * (c / (c + 1.2)));
  }
  return scores;
}

/** Evaluate a query; hits in score order (or date order when `sort` is date). */
export async function runQuery(query: QueryNode, loader: Loader, sort: 'relevance' | 'date'): Promise<EngineResult> {
  // The manifest, the shard boundaries and the shards are fetched at once: none waits for
  // the manifest, which only the scores (message count) and dates need.
  const metaLoaded = loader.meta();
  const fetched = new Map<string, Promise<ShardEntry[]>>();
  // Fetch every shard the query needs at once, before evaluating.
  const texts: TextNode[] = [];
  const facetNodes: FacetNode[] = [];
  const stack: QueryNode[] = [query];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'term' || n.kind === 'phrase') texts.push(n);
    else if (n.kind === 'facet') facetNodes.push(n);
    else if (n.kind === 'not') stack.push(n.child);
    else if (n.kind === 'and' || n.kind === 'or') stack.push(...n.children);
  }
  const textResults = new Map<TextNode, Scores>();
  const count = metaLoaded.then((m) => m.docs);
  // Awaited below as well: a failed manifest is reported once, by that await.
  count.catch(() => undefined);
  // Facet files are small and only listed facets exist: fetched once the manifest says which.
  const facetFiles = new Map<string, FacetFile>();
  const facetsLoaded = metaLoaded.then(async (m) => {
    const names = [...new Set(facetNodes.map((f) => f.facet))].filter((f) => m.facets?.includes(f));
    await Promise.all(names.map(async (f) => facetFiles.set(f, await loader.facet(f))));
  });
  facetsLoaded.catch(() => undefined);
  await Promise.all(texts.map(async (t) => textResults.set(t, await textScores(t, count, loader, fetched))));
  await facetsLoaded;
  const meta = await metaLoaded;
  const minutes = decodeSigned(meta.minutes);
  const starts = (deltas: string): number[] => {
    let at = 0;
    return decodeNumbers(deltas).map((d) => (at += d));
  };
  const threadStarts = starts(meta.threadStarts);
  const chunkStarts = starts(meta.chunkStarts);

  const all = (): Scores => new Map(minutes.map((_, d) => [d, 0]));
  const evaluate = (n: QueryNode): Scores => {
    switch (n.kind) {
      case 'term':
      case 'phrase':
        return textResults.get(n)!;
      case 'date': {
        // Dates are kept to the minute: a message dated 10:00:30 counts as 10:00.
        const out: Scores = new Map();
        minutes.forEach((m, d) => {
          if (m > 0 && m * 60_000 >= (n.from ?? -Infinity) && m * 60_000 < (n.to ?? Infinity)) out.set(d, 0);
        });
        return out;
      }
      case 'facet': {
        const out: Scores = new Map();
        const file = facetFiles.get(n.facet);
        for (const value of facetValues(n)) {
          let at = 0;
          for (const d of decodeNumbers(file?.[value] ?? '')) out.set((at += d), 0);
        }
        return out;
      }
      case 'not': {
        const inner = evaluate(n.child);
        const out = all();
        for (const d of inner.keys()) out.delete(d);
        return out;
      }
      case 'and': {
        const parts = n.children.map(evaluate);
        parts.sort((a, b) => a.size - b.size);
        const out: Scores = new Map();
        for (const d of parts[0]!.keys()) {
          if (!parts.every((p) => p.has(d))) continue;
          out.set(d, parts.reduce((sum, p) => sum + p.get(d)!, 0));
        }
        return out;
      }
      case 'or': {
        const out: Scores = new Map();
        for (const p of n.children.map(evaluate)) for (const [d, s] of p) out.set(d, (out.get(d) ?? 0) + s);
        return out;
      }
    }
  };
  const scores = evaluate(query);
  const hits = [...scores].map(([doc, score]) => ({ doc, score }));
  const byDate = (a: { doc: number }, b: { doc: number }): number => minutes[b.doc]! - minutes[a.doc]! || b.doc - a.doc;
  hits.sort(sort === 'date' ? byDate : (a, b) => b.score - a.score || byDate(a, b));
  return { hits, minutes, threadStarts, chunkStarts, shardsFetched: fetched.size };
}

/** The docs chunk of a message and its place there. */
export function rowOf(chunkStarts: readonly number[], doc: number): { chunk: number; index: number } {
  const chunk = shardOf(chunkStarts, doc);
  return { chunk, index: doc - chunkStarts[chunk]! };
}

/** The thread (index into threadStarts) of a message. */
export function threadOf(threadStarts: readonly number[], doc: number): number {
  return shardOf(threadStarts, doc);
}
