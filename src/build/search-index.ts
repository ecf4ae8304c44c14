// Builds the static site's search index (format: src/lib/search-static-format.ts) from the
// messages in thread order: per field family, every word and every pair of adjacent words with
// its postings, sorted by key and cut into shards of about SHARD_BYTES; the manifest; and the
// rows results show, CHUNK_DOCS a file. One family at a time, so memory holds one family's
// postings, not all. Pure but for `write`, which receives each file.
import type { SearchField } from '../../ingest/search/query-types.ts';
import { searchTokens } from '../../ingest/search/search-tokens.ts';
import { messageHref, seriesPath } from '../lib/paths.ts';
import type { SearchDoc } from '../lib/search-data-fs.ts';
import {
  CHUNK_DOCS,
  FAMILIES,
  FAMILY_NAMES,
  FORMAT_VERSION,
  encodeNumbers,
  encodePostings,
  encodeSigned,
  pairKey,
  wordKey,
  type DocRow,
  type FamilyName,
  type SearchMeta,
  type ShardEntry,
} from '../lib/search-static-format.ts';

/** A shard is closed once it holds this many characters (about 4-6 KB gzip): small enough that
 *  a query's few shards stay far under the 300 KB budget, large enough to keep files few. */
export const SHARD_BYTES = 12 * 1024;
/** Characters of a message's own text kept for its snippet. */
export const SUMMARY_CHARS = 220;

/** Files written and their sizes. */
export interface SearchIndexSummary {
  docs: number;
  files: number;
  bytes: number;
  shards: Record<FamilyName, number>;
}

/** A growable column of 32-bit integers. */
class IntColumn {
  data = new Int32Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

/** One family's postings: for words and for pairs of words, parallel columns of entry id,
 *  message number and field index * 4096 + count, in message order. */
interface Collected {
  words: string[];
  pairs: Array<[number, number]>;
  wordPost: [IntColumn, IntColumn, IntColumn];
  pairPost: [IntColumn, IntColumn, IntColumn];
}

const MAX_COUNT = 4095;
/** Room for word ids in a numeric pair id (a * PAIR_SPACE + b stays an exact double). */
const PAIR_SPACE = 2 ** 24;

/** The start of a message's own words, without the "On ... wrote:" line. */
export function summaryOf(nq: string): string {
  const own = nq
    .split('\n')
    .filter((l) => !/wrote:\s*$/.test(l) && !/^(?:Signed-off-by|Cc|Reviewed-by|Acked-by):/i.test(l))
    .join(' ')
    .replace(/[\s\ue000]+/g, ' ')
    .trim();
  return own.length > SUMMARY_CHARS ? own.slice(0, SUMMARY_CHARS).replace(/\s\S*$/, '') + '…' : own;
}

/** Collect one family's postings over all messages. Words get dense ids, pairs numeric keys,
 *  so the hot loop touches numbers, not strings. */
function collectFamily(fields: readonly SearchField[], docs: readonly SearchDoc[]): Collected {
  const wordId = new Map<string, number>();
  const pairId = new Map<number, number>();
  const c: Collected = { words: [], pairs: [], wordPost: [new IntColumn(), new IntColumn(), new IntColumn()], pairPost: [new IntColumn(), new IntColumn(), new IntColumn()] };
  const wtf = new Map<number, number>();
  const ptf = new Map<number, number>();
  const ids: number[] = [];
  docs.forEach((doc, n) => {
    fields.forEach((field, fi) => {
      const tokens = searchTokens(doc.fields[field]);
      if (tokens.length === 0) return;
      wtf.clear();
      ptf.clear();
      ids.length = 0;
      for (const t of tokens) {
        let id = wordId.get(t);
        if (id === undefined) {
          id = c.words.length;
          if (id >= PAIR_SPACE) throw new Error(`BUG: more than ${PAIR_SPACE} distinct words`);
          wordId.set(t, id);
          c.words.push(t);
        }
        ids.push(id);
        wtf.set(id, (wtf.get(id) ?? 0) + 1);
      }
      for (let i = 0; i + 1 < ids.length; i++) {
        const p = ids[i]! * PAIR_SPACE + ids[i + 1]!;
        ptf.set(p, (ptf.get(p) ?? 0) + 1);
      }
      for (const [id, count] of wtf) {
        c.wordPost[0].push(id);
        c.wordPost[1].push(n);
        c.wordPost[2].push(fi * (MAX_COUNT + 1) + Math.min(count, MAX_COUNT));
      }
      for (const [p, count] of ptf) {
        let id = pairId.get(p);
        if (id === undefined) {
          id = c.pairs.length;
          pairId.set(p, id);
          c.pairs.push([Math.floor(p / PAIR_SPACE), p % PAIR_SPACE]);
        }
        c.pairPost[0].push(id);
        c.pairPost[1].push(n);
        c.pairPost[2].push(fi * (MAX_COUNT + 1) + Math.min(count, MAX_COUNT));
      }
    });
  });
  return c;
}

/** Group postings by entry id (a counting sort; message order is kept within an entry). */
function byEntry(entries: number, post: [IntColumn, IntColumn, IntColumn]): { start: Int32Array; docs: Int32Array; cells: Int32Array } {
  const start = new Int32Array(entries + 1);
  const [id, doc, cell] = post;
  for (let i = 0; i < id.length; i++) start[id.data[i]! + 1]!++;
  for (let e = 0; e < entries; e++) start[e + 1]! += start[e]!;
  const at = start.slice(0, entries);
  const docs = new Int32Array(id.length);
  const cells = new Int32Array(id.length);
  for (let i = 0; i < id.length; i++) {
    const k = at[id.data[i]!]!++;
    docs[k] = doc.data[i]!;
    cells[k] = cell.data[i]!;
  }
  return { start, docs, cells };
}

/** Front-coded list: each string as the length it shares with the previous one and the rest. */
export function frontCode(list: readonly string[]): string {
  let prev = '';
  return list
    .map((s) => {
      let i = 0;
      while (i < s.length && i < prev.length && s[i] === prev[i] && i < 35) i++;
      prev = s;
      return i.toString(36) + s.slice(i);
    })
    .join('\n');
}

/** Sort a family's entries and cut them into shards; returns the shards' first keys. */
function writeShards(family: FamilyName, width: number, c: Collected, write: (path: string, content: string) => void): string[] {
  const words = byEntry(c.words.length, c.wordPost);
  const pairs = byEntry(c.pairs.length, c.pairPost);
  // [key, word, is pair, entry id]
  const order: Array<[string, string, boolean, number]> = [];
  c.words.forEach((w, i) => order.push([wordKey(w), w, false, i]));
  c.pairs.forEach(([a, b], i) => {
    const k = pairKey(c.words[a]!, c.words[b]!);
    order.push([k, k, true, i]);
  });
  order.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  const firsts: string[] = [];
  let shard: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (shard.length === 0) return;
    write(`search/${family}/${firsts.length - 1}.json`, `[${shard.join(',')}]`);
    shard = [];
    size = 0;
  };
  const docs: number[][] = Array.from({ length: width }, () => []);
  const counts: number[][] = Array.from({ length: width }, () => []);
  for (let i = 0; i < order.length; i++) {
    const [key, word, isPair, id] = order[i]!;
    const g = isPair ? pairs : words;
    if (shard.length === 0) firsts.push(key);
    for (let f = 0; f < width; f++) {
      docs[f]!.length = 0;
      counts[f]!.length = 0;
    }
    for (let j = g.start[id]!; j < g.start[id + 1]!; j++) {
      const cell = g.cells[j]!;
      const f = Math.floor(cell / (MAX_COUNT + 1));
      docs[f]!.push(g.docs[j]!);
      counts[f]!.push(cell % (MAX_COUNT + 1));
    }
    const postings = docs.map((d, f) => (d.length ? encodePostings(d, counts[f]!) : ''));
    while (postings.length && postings[postings.length - 1] === '') postings.pop();
    const row: ShardEntry = [key, word === key ? '' : word, ...postings];
    const json = JSON.stringify(row);
    shard.push(json);
    size += json.length + 1;
    // Cut only between keys, so each key lives in one shard.
    if (size >= SHARD_BYTES && order[i + 1]?.[0] !== key) flush();
  }
  flush();
  return firsts;
}

/** Build the whole index. `docs` must be in thread order (searchDocs gives them so). */
export function buildSearchIndex(source: Iterable<SearchDoc>, write: (path: string, content: string) => void): SearchIndexSummary {
  let files = 0;
  let bytes = 0;
  const out = (path: string, content: string): void => {
    files++;
    bytes += Buffer.byteLength(content);
    write(path, content);
  };
  const docs = [...source];
  const rows: DocRow[] = [];
  const minutes: number[] = [];
  const threadStarts: number[] = [];
  docs.forEach((d, n) => {
    if (n === 0 || docs[n - 1]!.threadId !== d.threadId) threadStarts.push(n);
    minutes.push(d.date === null ? 0 : Math.floor(d.date / 60_000));
    rows.push([
      d.key,
      d.subject,
      d.fromName || d.author,
      d.date === null ? '' : new Date(d.date).toISOString(),
      messageHref(d.threadId, d.key),
      d.lists.join(' '),
      d.family ? seriesPath(d.family) : '',
      d.seriesTitle,
      summaryOf(d.fields.nq),
    ]);
  });
  for (let i = 0; i < rows.length; i += CHUNK_DOCS) out(`search/docs/${i / CHUNK_DOCS}.json`, JSON.stringify(rows.slice(i, i + CHUNK_DOCS)));
  const shards = {} as Record<FamilyName, number>;
  for (const family of FAMILY_NAMES) {
    const firsts = writeShards(family, FAMILIES[family].length, collectFamily(FAMILIES[family], docs), out);
    out(`search/${family}/index.txt`, frontCode(firsts));
    shards[family] = firsts.length;
  }
  let prev = 0;
  const meta: SearchMeta = {
    version: FORMAT_VERSION,
    docs: docs.length,
    shards,
    minutes: encodeSigned(minutes),
    threadStarts: encodeNumbers(threadStarts.map((s) => {
      const d = s - prev;
      prev = s;
      return d;
    })),
  };
  out('search/index.json', JSON.stringify(meta));
  return { docs: docs.length, files, bytes, shards };
}
