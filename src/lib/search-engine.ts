// The static site's search engine: evaluates a parsed lore query (ingest/search/parse-query.ts)
// against the sharded index (search-static-format.ts), fetching only the files its words need
// through a Loader: in each segment, the boundaries and the shards holding its keys; the dates of
// the blocks a date range or a sort by date cannot decide from the blocks' summary; the rows of
// the hits shown. Matching follows the CLI's, decided by textMatch (plan-search.ts): a word typed
// in lower case finds every word of its stem, other words are found as written, a phrase (or a
// word with punctuation, "fs/dax.c") is found by its adjacent word pairs, word* by the words
// starting so ("fs/da*": pairs whose second word starts so). Scores are bm25-like (FIELD_WEIGHT x
// idf x saturated count); order is by score (then newest number) or by date. Pure but for the
// Loader.
import { facetValues, textMatch } from '../../ingest/search/plan-search.ts';
import { FIELD_WEIGHT } from '../../ingest/search/query-prefixes.ts';
import type { DateNode, FacetNode, QueryNode, SearchField, TextNode } from '../../ingest/search/query-types.ts';
import {
  GROUP_SHARDS,
  PAIR_MARK,
  dateBlock,
  decodeDateBlock,
  decodeDateSummary,
  decodeNumbers,
  decodePostings,
  familyOf,
  frontDecode,
  pairKey,
  rowFile,
  shardOf,
  wordKey,
  type DateRange,
  type DocRow,
  type FacetFile,
  type FamilyName,
  type RowsFile,
  type SearchMeta,
  type SegmentMeta,
  type ShardEntry,
} from './search-static-format.ts';

/** Where the index comes from (fetch in the browser, the disk or memory in tests): the text of a
 *  file under /search/, by its path there ("index.json", "s3/text/12.json"). Each file is asked
 *  for once per query (cache it to share it between queries). */
export interface Loader {
  file(path: string): Promise<string>;
}

/** Most shards one wildcard may fetch in a segment; a broader one is refused with a message. */
export const MAX_WILDCARD_SHARDS = 8;

/** Thrown for a query the static index cannot answer (a wildcard too broad). */
export class StaticQueryError extends Error {}

/** Messages matched, with scores. */
type Scores = Map<number, number>;

/** What a query found. */
export interface QueryResult {
  /** Messages matched. */
  total: number;
  /** `count` message numbers from `offset` in the order asked for (a sort by date fetches the
   *  dates it needs for them). */
  page(offset: number, count: number): Promise<number[]>;
  /** Files fetched so far. */
  fetched(): number;
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

/** The files of one query, each fetched once. */
class Files {
  private readonly texts = new Map<string, Promise<string>>();
  private readonly parsed = new Map<string, Promise<unknown>>();
  constructor(private readonly loader: Loader) {}
  text(path: string): Promise<string> {
    let t = this.texts.get(path);
    if (!t) this.texts.set(path, (t = this.loader.file(path)));
    return t;
  }
  /** A file read once and turned into a value once. */
  value<T>(path: string, read: (text: string) => T): Promise<T> {
    let v = this.parsed.get(path) as Promise<T> | undefined;
    if (!v) this.parsed.set(path, (v = this.text(path).then(read)));
    return v;
  }
  get size(): number {
    return this.texts.size;
  }
}

/** The shards [first, last] of a segment's family that may hold keys from `key` to `until`, or
 *  null when the family has no shard. */
async function shardRange(seg: SegmentMeta, family: FamilyName, key: string, until: string, files: Files): Promise<[number, number] | null> {
  const dir = `${seg.id}/${family}`;
  const top = await files.value(`${dir}/index.txt`, frontDecode);
  if (top.length === 0) return null;
  if (!seg.grouped[family]) return [shardOf(top, key), shardOf(top, until)];
  // Two levels: the groups holding the range, then their shards' first keys.
  const g1 = shardOf(top, key);
  const g2 = shardOf(top, until);
  const firsts = (await Promise.all(Array.from({ length: g2 - g1 + 1 }, (_, i) => files.value(`${dir}/g${g1 + i}.txt`, frontDecode)))).flat();
  return [g1 * GROUP_SHARDS + shardOf(firsts, key), g1 * GROUP_SHARDS + shardOf(firsts, until)];
}

/** Entries of a lookup in one segment, fetched shard by shard as needed. */
async function entriesIn(seg: SegmentMeta, l: Lookup, files: Files): Promise<ShardEntry[]> {
  const range = await shardRange(seg, l.family, l.key, l.until ?? l.key, files);
  if (!range) return [];
  const [first, last] = range;
  if (last - first + 1 > MAX_WILDCARD_SHARDS) throw new StaticQueryError(`"${l.key.replace(PAIR_MARK, '')}*" is too broad for the static index (more than ${MAX_WILDCARD_SHARDS} shards); give more letters`);
  const out: ShardEntry[] = [];
  const shards = await Promise.all(Array.from({ length: last - first + 1 }, (_, i) => files.value(`${seg.id}/${l.family}/${first + i}.json`, (t) => JSON.parse(t) as ShardEntry[])));
  for (const shard of shards) {
    for (const e of shard) {
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

async function textScores(node: TextNode, meta: SearchMeta, files: Files): Promise<Scores> {
  const { lookups, parts } = lookupsOf(node);
  const scores: Scores = new Map();
  if (parts === 0) return scores;
  // Every lookup in every segment at once; a segment's entries carry its own messages' numbers.
  const found = await Promise.all(lookups.map(async (l) => (await Promise.all(meta.segments.map((s) => entriesIn(s, l, files)))).flat()));
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
    const idf = Math.log(1 + meta.docs / Math.max(1, matched.size));
    for (const [d, c] of matched) scores.set(d, (scores.get(d) ?? 0) + FIELD_WEIGHT[field] * idf * (c / (c + 1.2)));
  }
  return scores;
}

/** The dates of the index: the blocks' summary, and each block's minutes when needed. */
class Dates {
  private summary: Promise<DateRange[]> | null = null;
  constructor(
    private readonly files: Files,
    private readonly blocks: number,
  ) {}
  ranges(): Promise<DateRange[]> {
    return (this.summary ??= this.blocks ? this.files.value('dates/index.txt', decodeDateSummary) : Promise.resolve([]));
  }
  /** Message number -> minute (0: no date) of a block's messages. */
  block(n: number): Promise<Map<number, number>> {
    return this.files.value(`dates/${n}.txt`, (t) => {
      const b = decodeDateBlock(t);
      return new Map(b.docs.map((d, i) => [d, b.minutes[i]!]));
    });
  }
  /** Every block that has messages. */
  async present(): Promise<number[]> {
    return (await this.ranges()).flatMap((r, n) => (r[1] > 0 || r[2] > 0 ? [n] : []));
  }
}

/** Message numbers by dates block. */
function groupByBlock(docs: Iterable<number>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const d of docs) {
    const b = dateBlock(d);
    let list = out.get(b);
    if (!list) out.set(b, (list = []));
    list.push(d);
  }
  return out;
}

/** Whether a minute is in a date range (dates are kept to the minute: 10:00:30 counts as 10:00). */
const inRange = (minute: number, n: DateNode): boolean => minute > 0 && minute * 60_000 >= (n.from ?? -Infinity) && minute * 60_000 < (n.to ?? Infinity);

/** The messages of `candidates` in a date range: a block entirely in or out of the range decides
 *  without its dates. */
async function dateFilter(candidates: Scores, n: DateNode, dates: Dates): Promise<Scores> {
  const ranges = await dates.ranges();
  const byBlock = groupByBlock(candidates.keys());
  const out: Scores = new Map();
  await Promise.all(
    [...byBlock].map(async ([b, docs]) => {
      const [min, max, undated] = ranges[b] ?? [0, 0, 0];
      if (max === 0 || !(max * 60_000 >= (n.from ?? -Infinity) && min * 60_000 < (n.to ?? Infinity))) return;
      const whole = undated === 0 && inRange(min, n) && inRange(max, n);
      const minutes = whole ? null : await dates.block(b);
      for (const d of docs) if (whole || inRange(minutes!.get(d) ?? 0, n)) out.set(d, candidates.get(d)!);
    }),
  );
  return out;
}

/** Every message in a date range (a date alone, or in an OR). */
async function dateSet(n: DateNode, dates: Dates): Promise<Scores> {
  const ranges = await dates.ranges();
  const blocks = ranges.flatMap(([min, max], b) => (max > 0 && max * 60_000 >= (n.from ?? -Infinity) && min * 60_000 < (n.to ?? Infinity) ? [b] : []));
  const out: Scores = new Map();
  for (const m of await Promise.all(blocks.map((b) => dates.block(b)))) for (const [d, minute] of m) if (inRange(minute, n)) out.set(d, 0);
  return out;
}

/** Every message (pure negation). */
async function universe(dates: Dates): Promise<Scores> {
  const out: Scores = new Map();
  for (const m of await Promise.all((await dates.present()).map((b) => dates.block(b)))) for (const d of m.keys()) out.set(d, 0);
  return out;
}

/** Messages with a facet value (or one its alias stands for): from the facet's file, when the
 *  manifest lists it. */
async function facetSet(n: FacetNode, meta: SearchMeta, files: Files): Promise<Scores> {
  const out: Scores = new Map();
  if (!meta.facets?.includes(n.facet)) return out;
  const file = await files.value(`facets/${n.facet}.json`, (t) => JSON.parse(t) as FacetFile);
  for (const value of facetValues(n)) {
    let at = 0;
    for (const d of decodeNumbers(file[value] ?? '')) out.set((at += d), 0);
  }
  return out;
}

/** Evaluate a query; `sort` decides the order pages give. */
export async function runQuery(query: QueryNode, loader: Loader, sort: 'relevance' | 'date'): Promise<QueryResult> {
  const files = new Files(loader);
  const meta = await files.value('index.json', (t) => JSON.parse(t) as SearchMeta);
  const dates = new Dates(files, meta.dateBlocks);
  // Fetch every shard the query needs at once, before evaluating.
  const texts: TextNode[] = [];
  const stack: QueryNode[] = [query];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'term' || n.kind === 'phrase') texts.push(n);
    else if (n.kind === 'not') stack.push(n.child);
    else if (n.kind === 'and' || n.kind === 'or') stack.push(...n.children);
  }
  const textResults = new Map<TextNode, Scores>();
  await Promise.all(texts.map(async (t) => textResults.set(t, await textScores(t, meta, files))));

  const evaluate = async (n: QueryNode): Promise<Scores> => {
    switch (n.kind) {
      case 'term':
      case 'phrase':
        return textResults.get(n)!;
      case 'date':
        return dateSet(n, dates);
      case 'facet':
        return facetSet(n, meta, files);
      case 'not': {
        const inner = await evaluate(n.child);
        const out = await universe(dates);
        for (const d of inner.keys()) out.delete(d);
        return out;
      }
      case 'and': {
        // Words narrow first; dates then filter what they found, and negations remove from it.
        const dateKids = n.children.filter((c): c is DateNode => c.kind === 'date');
        const notKids = n.children.filter((c): c is Extract<QueryNode, { kind: 'not' }> => c.kind === 'not');
        const others = n.children.filter((c) => c.kind !== 'date' && c.kind !== 'not');
        let out: Scores;
        if (others.length) {
          const parts = await Promise.all(others.map(evaluate));
          parts.sort((a, b) => a.size - b.size);
          out = new Map();
          for (const d of parts[0]!.keys()) {
            if (!parts.every((p) => p.has(d))) continue;
            out.set(d, parts.reduce((sum, p) => sum + p.get(d)!, 0));
          }
        } else if (dateKids.length) {
          out = await dateSet(dateKids.shift()!, dates);
        } else {
          out = await universe(dates);
        }
        for (const dn of dateKids) out = await dateFilter(out, dn, dates);
        for (const nk of notKids) for (const d of (await evaluate(nk.child)).keys()) out.delete(d);
        return out;
      }
      case 'or': {
        const out: Scores = new Map();
        for (const p of await Promise.all(n.children.map(evaluate))) for (const [d, s] of p) out.set(d, (out.get(d) ?? 0) + s);
        return out;
      }
    }
  };
  const scores = await evaluate(query);
  const total = scores.size;
  if (sort === 'relevance') {
    const order = [...scores].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([d]) => d);
    return { total, page: async (offset, count) => order.slice(offset, offset + count), fetched: () => files.size };
  }
  return { total, page: byDate(scores, dates), fetched: () => files.size };
}

/** Pages of hits newest first (then highest number), fetching the dates of blocks only until the
 *  page asked for is known: blocks are read from the latest date they hold down. */
function byDate(scores: Scores, dates: Dates): QueryResult['page'] {
  const known: Array<[doc: number, minute: number]> = [];
  let pending: Array<{ block: number; max: number; docs: number[] }> | null = null;
  const order = (a: [number, number], b: [number, number]): number => b[1] - a[1] || b[0] - a[0];
  return async (offset, count) => {
    if (!pending) {
      const ranges = await dates.ranges();
      pending = [...groupByBlock(scores.keys())].map(([block, docs]) => ({ block, max: ranges[block]?.[1] ?? 0, docs })).sort((a, b) => b.max - a.max || b.block - a.block);
    }
    const need = offset + count;
    // Read blocks until `need` hits are known and no unread block can hold a later one.
    while (pending.length && (known.length < need || known[need - 1]![1] <= pending[0]!.max)) {
      const next = pending.shift()!;
      const minutes = await dates.block(next.block);
      for (const d of next.docs) known.push([d, minutes.get(d) ?? 0]);
      known.sort(order);
    }
    return known.slice(offset, offset + count).map(([d]) => d);
  };
}

/** The result rows of messages, from their rows files. */
export async function rowsOf(docs: readonly number[], loader: Loader): Promise<Map<number, DocRow>> {
  const files = [...new Set(docs.map((d) => rowFile(d).file))];
  const loaded = new Map(await Promise.all(files.map(async (f) => [f, JSON.parse(await loader.file(`rows/${f}.json`)) as RowsFile] as const)));
  const out = new Map<number, DocRow>();
  for (const d of docs) {
    const { file, index } = rowFile(d);
    const row = loaded.get(file)?.[index];
    if (!row) throw new Error(`the search index has no row for message ${d}`);
    out.set(d, row);
  }
  return out;
}
