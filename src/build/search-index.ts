// Builds one segment of the static site's search index (format: src/lib/search-static-format.ts)
// from messages given in ascending number: per field family, every word and every pair of
// adjacent words with its postings, sorted by key and cut into shards (shardWriter). One pass over
// the messages, which are not kept: each field is split into words once, words and pairs become
// dense ids (pairs through a hash table of typed arrays, not strings) and postings go to typed
// columns, so memory holds the postings (about 10 bytes each), not the text; a build bounds it by
// the messages per segment (search-segments.ts). Rows and dates are not its business
// (search-rows.ts). Pure but for `write`, which receives each file.
import type { SearchField, SearchFields } from '../../ingest/search/query-types.ts';
import { searchTokens } from '../../ingest/search/search-tokens.ts';
import {
  FAMILIES,
  FAMILY_NAMES,
  GROUP_SHARDS,
  appendPosting,
  frontCode,
  pairKey,
  wordKey,
  type FamilyName,
  type SegmentMeta,
  type ShardEntry,
} from '../lib/search-static-format.ts';

/** A shard is closed once it holds this many characters (about 4-6 KB gzip): small enough that
 *  a query's few shards stay far under the 300 KB budget, large enough to keep files few... */
export const SHARD_BYTES = 12 * 1024;
/** ...but a query fetches a shard from every segment, and small segments (the mail of the last
 *  syncs) have few entries per key: their shards are smaller. */
export const SMALL_SHARD_BYTES = 3 * 1024;
/** Segments of fewer messages than this get SMALL_SHARD_BYTES. */
export const SMALL_SEGMENT_DOCS = 8192;

/** Shard size for a segment of `docs` messages. */
export function shardBytes(docs: number): number {
  return docs < SMALL_SEGMENT_DOCS ? SMALL_SHARD_BYTES : SHARD_BYTES;
}

/** Where a segment's files go: `write(path, content)` with paths under search/. */
export type WriteFile = (path: string, content: string) => void;

/** Values per chunk of a column. */
const CHUNK = 1 << 16;

/** A growable column of integers, in fixed chunks: growing never copies, and nothing is
 *  allocated beyond the last chunk. */
class Column<A extends Int32Array | Uint16Array> {
  readonly chunks: A[] = [];
  length = 0;
  constructor(private readonly make: (n: number) => A) {}
  push(v: number): void {
    const at = this.length & (CHUNK - 1);
    if (at === 0) this.chunks.push(this.make(CHUNK));
    this.chunks[this.chunks.length - 1]![at] = v;
    this.length++;
  }
  /** Call `each(value, index)` in order. */
  forEach(each: (v: number, i: number) => void): void {
    let i = 0;
    for (const c of this.chunks) {
      const n = Math.min(CHUNK, this.length - i);
      for (let j = 0; j < n; j++) each(c[j]!, i++);
    }
  }
}
const ints = (): Column<Int32Array> => new Column((n) => new Int32Array(n));
const shorts = (): Column<Uint16Array> => new Column((n) => new Uint16Array(n));

/** Postings of one kind (words or pairs) in one family: parallel columns of entry id, message
 *  number and field index * 4096 + count, in message order. */
interface Postings {
  entry: Column<Int32Array>;
  doc: Column<Int32Array>;
  cell: Column<Uint16Array>;
}
const postings = (): Postings => ({ entry: ints(), doc: ints(), cell: shorts() });

const MAX_COUNT = 4095;
/** Cells are 16 bits: field index * 4096 + count, so a family has at most 16 fields. */
for (const f of FAMILY_NAMES) if (FAMILIES[f].length > 16) throw new Error(`BUG: family ${f} has more than 16 fields`);
/** Most distinct words: ids of both words of a pair make one exact double below 2^53. */
const MAX_WORDS = 2 ** 24;

/** Pairs of word ids -> dense pair ids: open addressing over typed arrays. */
class PairTable {
  a: Int32Array = new Int32Array(1 << 16);
  b: Int32Array = new Int32Array(1 << 16);
  size = 0;
  /** Slot -> pair id + 1 (0 = empty). */
  private slots: Int32Array = new Int32Array(1 << 17);

  private slotOf(a: number, b: number): number {
    const mask = this.slots.length - 1;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const id = this.slots[h]!;
      if (id === 0 || (this.a[id - 1] === a && this.b[id - 1] === b)) return h;
      h = (h + 1) & mask;
    }
  }

  /** The id of pair (a, b), added if new. */
  id(a: number, b: number): number {
    let slot = this.slotOf(a, b);
    const found = this.slots[slot]!;
    if (found !== 0) return found - 1;
    if (this.size === this.a.length) {
      const grow = (x: Int32Array): Int32Array => {
        const y = new Int32Array(x.length * 2);
        y.set(x);
        return y;
      };
      this.a = grow(this.a);
      this.b = grow(this.b);
    }
    const id = this.size++;
    this.a[id] = a;
    this.b[id] = b;
    if (this.size * 2 > this.slots.length) {
      const old = this.slots;
      this.slots = new Int32Array(old.length * 2);
      for (const v of old) if (v !== 0) this.slots[this.slotOf(this.a[v - 1]!, this.b[v - 1]!)] = v;
      slot = this.slotOf(a, b);
    }
    this.slots[slot] = id + 1;
    return id;
  }

  /** The id of pair (a, b), or -1. */
  find(a: number, b: number): number {
    return this.slots[this.slotOf(a, b)]! - 1;
  }
}

/** A growable counter per id, with the ids touched since the last reset. */
class Tally {
  count: Int32Array = new Int32Array(1 << 12);
  touched: number[] = [];
  add(id: number): void {
    if (id >= this.count.length) {
      const bigger = new Int32Array(Math.max(id + 1, this.count.length * 2));
      bigger.set(this.count);
      this.count = bigger;
    }
    if (this.count[id]! === 0) this.touched.push(id);
    this.count[id]!++;
  }
  /** Give every touched id with its count, then forget them. */
  drain(each: (id: number, count: number) => void): void {
    for (const id of this.touched) {
      each(id, this.count[id]!);
      this.count[id] = 0;
    }
    this.touched.length = 0;
  }
}

/** Group postings by entry id (a counting sort; message order is kept within an entry). */
function byEntry(entries: number, post: Postings): { start: Int32Array; docs: Int32Array; cells: Uint16Array } {
  const start = new Int32Array(entries + 1);
  const n = post.entry.length;
  post.entry.forEach((id) => start[id + 1]!++);
  for (let e = 0; e < entries; e++) start[e + 1]! += start[e]!;
  const at = start.slice(0, entries);
  // Where each posting goes, then its message and cell put there.
  const place = new Int32Array(n);
  post.entry.forEach((id, i) => (place[i] = at[id]!++));
  const docs = new Int32Array(n);
  const cells = new Uint16Array(n);
  post.doc.forEach((d, i) => (docs[place[i]!] = d));
  post.cell.forEach((c, i) => (cells[place[i]!] = c));
  return { start, docs, cells };
}

/** encodePostings of one field's postings of an entry, straight from the grouped columns
 *  (the same characters, without building arrays first). */
function encodeRange(g: { docs: Int32Array; cells: Uint16Array }, from: number, to: number, field: number): string {
  let out = '';
  let prev = -1;
  for (let j = from; j < to; j++) {
    const cell = g.cells[j]!;
    if (cell >>> 12 !== field) continue;
    const d = g.docs[j]!;
    out = appendPosting(out, prev, d, cell & MAX_COUNT);
    prev = d;
  }
  return out;
}

/** Builds a segment from messages given one at a time, in ascending number. */
export class SegmentBuilder {
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly pairs = new PairTable();
  private readonly wordPost = {} as Record<FamilyName, Postings>;
  private readonly pairPost = {} as Record<FamilyName, Postings>;
  private readonly wordTally = new Tally();
  private readonly pairTally = new Tally();
  /** Word ids of the field being added. */
  private ids: number[] = [];
  private last = -1;
  private first = -1;
  /** Messages added. */
  docs = 0;

  constructor() {
    for (const f of FAMILY_NAMES) {
      this.wordPost[f] = postings();
      this.pairPost[f] = postings();
    }
  }

  private wordId(w: string): number {
    let id = this.wordIds.get(w);
    if (id === undefined) {
      id = this.words.length;
      if (id >= MAX_WORDS) throw new Error(`BUG: more than ${MAX_WORDS} distinct words`);
      this.wordIds.set(w, id);
      this.words.push(w);
    }
    return id;
  }

  /** Add message number `n` (above every number added before) with its search fields. */
  add(n: number, fields: SearchFields): void {
    if (n <= this.last) throw new Error(`BUG: message ${n} added after ${this.last}`);
    if (this.first < 0) this.first = n;
    this.last = n;
    this.docs++;
    for (const family of FAMILY_NAMES) {
      const names = FAMILIES[family] as readonly SearchField[];
      const wp = this.wordPost[family];
      const pp = this.pairPost[family];
      for (let fi = 0; fi < names.length; fi++) {
        const tokens = searchTokens(fields[names[fi]!]);
        if (tokens.length === 0) continue;
        const ids = this.ids;
        ids.length = 0;
        for (const t of tokens) {
          const id = this.wordId(t);
          ids.push(id);
          this.wordTally.add(id);
        }
        for (let i = 0; i + 1 < ids.length; i++) this.pairTally.add(this.pairs.id(ids[i]!, ids[i + 1]!));
        const base = fi * (MAX_COUNT + 1);
        this.wordTally.drain((id, count) => {
          wp.entry.push(id);
          wp.doc.push(n);
          wp.cell.push(base + Math.min(count, MAX_COUNT));
        });
        this.pairTally.drain((id, count) => {
          pp.entry.push(id);
          pp.doc.push(n);
          pp.cell.push(base + Math.min(count, MAX_COUNT));
        });
      }
    }
  }

  /** Write the segment's files under search/<id>/; `to` is the end of its number range (above
   *  the last message added). */
  finish(id: string, to: number, writeFile: WriteFile): SegmentMeta {
    let bytes = 0;
    const write: WriteFile = (path, content) => {
      bytes += Buffer.byteLength(content);
      writeFile(path, content);
    };
    const order = this.wordOrder();
    const shards = {} as Record<FamilyName, number>;
    const grouped = {} as Record<FamilyName, boolean>;
    for (const family of FAMILY_NAMES) {
      const w = shardWriter(`search/${id}/${family}`, FAMILIES[family].length, shardBytes(this.docs), write);
      this.writeFamily(family, order, w.emit);
      ({ shards: shards[family], grouped: grouped[family] } = w.finish());
    }
    return { id, from: this.first < 0 ? to : this.first, to, docs: this.docs, bytes, shards, grouped };
  }

  /** The orders entries are written in: words by (key, word), then pairs, whose keys (PAIR_MARK
   *  + "a b") sort after every word's and among themselves as (a, b) in word order, since " "
   *  sorts before every character of a word. */
  private wordOrder(): WordOrder {
    const words = this.words;
    const keys = words.map(wordKey);
    // Sorted as strings by the engine's own sort (code unit order, as `<`): words alone, and
    // key NUL word, which orders by key, then word (no key holds a NUL).
    const id = this.wordIds;
    const byWord = Int32Array.from([...words].sort(), (x) => id.get(x)!);
    const byKey = Int32Array.from(
      words.map((x, i) => `${keys[i]}\u0000${x}`).sort(),
      (x) => id.get(x.slice(x.indexOf('\u0000') + 1))!,
    );
    const rank = new Int32Array(words.length);
    byWord.forEach((id, r) => (rank[id] = r));
    return { keys, byWord, byKey, rank };
  }

  /** The entries of one field family in key order, its words first, then its pairs; the
   *  family's postings are let go as they are grouped. */
  private writeFamily(family: FamilyName, { keys, byWord, byKey, rank }: WordOrder, emit: (entry: ShardEntry, nextKey: string | undefined) => void): void {
    const width = FAMILIES[family].length;
    const words = this.words;
    const W = words.length;
    const w = byEntry(W, this.wordPost[family]);
    const p = byEntry(this.pairs.size, this.pairPost[family]);
    this.wordPost[family] = postings();
    this.pairPost[family] = postings();
    const entry = (key: string, word: string, g: ReturnType<typeof byEntry>, id: number): ShardEntry => {
      const row: ShardEntry = [key, word === key ? '' : word];
      for (let f = 0; f < width; f++) row.push(encodeRange(g, g.start[id]!, g.start[id + 1]!, f));
      while (row.length > 2 && row[row.length - 1] === '') row.pop();
      return row;
    };
    // Pairs of this family as rank(a) * W + rank(b): unique, and sorted as their keys.
    const present: number[] = [];
    for (let id = 0; id < this.pairs.size; id++) if (p.start[id + 1]! > p.start[id]!) present.push(rank[this.pairs.a[id]!]! * W + rank[this.pairs.b[id]!]!);
    const pairOrder = Float64Array.from(present).sort();
    const wordsHere: number[] = [];
    for (const id of byKey) if (w.start[id + 1]! > w.start[id]!) wordsHere.push(id);
    const pairKeyAt = (i: number): string => {
      const k = pairOrder[i]!;
      return pairKey(words[byWord[Math.floor(k / W)]!]!, words[byWord[k % W]!]!);
    };
    for (let i = 0; i < wordsHere.length; i++) {
      const id = wordsHere[i]!;
      const next = i + 1 < wordsHere.length ? keys[wordsHere[i + 1]!] : pairOrder.length ? pairKeyAt(0) : undefined;
      emit(entry(keys[id]!, words[id]!, w, id), next);
    }
    let key = pairOrder.length ? pairKeyAt(0) : '';
    for (let i = 0; i < pairOrder.length; i++) {
      const k = pairOrder[i]!;
      const next = i + 1 < pairOrder.length ? pairKeyAt(i + 1) : undefined;
      emit(entry(key, key, p, this.pairs.find(byWord[Math.floor(k / W)]!, byWord[k % W]!)), next);
      key = next ?? '';
    }
  }
}

/** The orders of the words, by word id. */
interface WordOrder {
  /** Each word's key (wordKey). */
  keys: string[];
  /** Word ids in word order. */
  byWord: Int32Array;
  /** Word ids in (key, word) order. */
  byKey: Int32Array;
  /** Each word's place in word order. */
  rank: Int32Array;
}

/** Writes entries given in key order under `dir` (search/<segment>/<family>) into shards of about
 *  `bytes` characters, cut only between keys so that each key lives in one shard; `finish` writes
 *  the last shard and the boundaries: one file of first keys, or, beyond GROUP_SHARDS shards, a
 *  file of each group's first key and one per group (g<n>.txt) of its shards' first keys. The
 *  segment builder and the merge (search-segments.ts) write through it. */
export function shardWriter(
  dir: string,
  width: number,
  bytes: number,
  write: WriteFile,
): { emit: (entry: ShardEntry, nextKey: string | undefined) => void; finish: () => { shards: number; grouped: boolean } } {
  const firsts: string[] = [];
  let shard: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (shard.length === 0) return;
    write(`${dir}/${firsts.length - 1}.json`, `[${shard.join(',')}]`);
    shard = [];
    size = 0;
  };
  const emit = (entry: ShardEntry, nextKey: string | undefined): void => {
    if (entry.length > width + 2) throw new Error(`BUG: an entry of ${entry.length - 2} fields in a family of ${width}`);
    if (shard.length === 0) firsts.push(entry[0]);
    const json = JSON.stringify(entry);
    shard.push(json);
    size += json.length + 1;
    if (size >= bytes && nextKey !== entry[0]) flush();
  };
  const finish = (): { shards: number; grouped: boolean } => {
    flush();
    const grouped = firsts.length > GROUP_SHARDS;
    if (!grouped) write(`${dir}/index.txt`, frontCode(firsts));
    else {
      const tops: string[] = [];
      for (let g = 0; g * GROUP_SHARDS < firsts.length; g++) {
        const group = firsts.slice(g * GROUP_SHARDS, (g + 1) * GROUP_SHARDS);
        tops.push(group[0]!);
        write(`${dir}/g${g}.txt`, frontCode(group));
      }
      write(`${dir}/index.txt`, frontCode(tops));
    }
    return { shards: firsts.length, grouped };
  };
  return { emit, finish };
}
