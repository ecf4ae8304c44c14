// The static site's search index format, shared by the build (src/build/search-*.ts) and the
// browser (search-engine.ts). Messages are numbered by their store row id, which never changes
// for a message: new mail adds numbers, and renumbers nothing. An inverted index in segments,
// each cut in shards so a query downloads only what its words need:
//   /search/index.json               the manifest: messages, segments; nothing per message
//   /search/<seg>/<family>/index.txt  the first key of each shard of a family (front-coded), or
//                                    of each group of GROUP_SHARDS shards, whose own first keys
//                                    are in g<n>.txt (a segment with many shards)
//   /search/<seg>/<family>/<n>.json   shards: entries [key, word, postings of each field]
//   /search/rows/<n>.json            what results show, ROW_DOCS messages by number a file, so
//                                    a query fetches rows only for the hits it shows
//   /search/dates/index.txt          per DATE_DOCS messages by number: the earliest and latest
//                                    minute among them
//   /search/dates/<n>.txt            each message's number and minute, for the blocks a date
//                                    range or a sort by date cannot decide from the index
//   /search/facets/<facet>.json      per value of a facet (Patchwork state, merged), its messages
// A segment indexes messages of a range of numbers; a build adds a segment for new mail and
// merges small segments (src/build/search-segments.ts), so a segment's files never change once
// written. Fields are grouped in four families so a light field never downloads a heavy one:
// headers and diff names/functions, own text, quoted text, diff lines. Within a family, entries
// are sorted by key and shards end only between keys, so one key is in one shard of a segment. A
// word's key is its stem (every word of a stem is in one place: lore's stemmed search is one
// lookup); a phrase is looked up by its word pairs, keyed PAIR_MARK + "w1 w2". Pure.
import type { SearchField } from '../../ingest/search/query-types.ts';
import { stemWord } from '../../ingest/search/stem-word.ts';

export const FORMAT_VERSION = 3;

/** Field families: the fields of each, in the order their postings appear in an entry. */
export const FAMILIES = {
  head: ['s', 'f', 't', 'c', 'm', 'n', 'dfn', 'dfhh'],
  text: ['nq'],
  quote: ['q'],
  diff: ['dfa', 'dfb', 'dfctx'],
} as const satisfies Record<string, readonly SearchField[]>;
export type FamilyName = keyof typeof FAMILIES;
export const FAMILY_NAMES = Object.keys(FAMILIES) as FamilyName[];

/** The family and place of a field. */
export function familyOf(field: SearchField): { family: FamilyName; index: number } {
  for (const name of FAMILY_NAMES) {
    const index = (FAMILIES[name] as readonly SearchField[]).indexOf(field);
    if (index >= 0) return { family: name, index };
  }
  throw new Error(`BUG: field ${field} in no family`);
}

/** Messages (by number) per rows file: a hit shown fetches one small file, whatever the archive's
 *  size. */
export const ROW_DOCS = 16;
/** Messages (by number) per dates block. */
export const DATE_DOCS = 1024;
/** Shards of a family listed in one boundaries file; a family with more has groups of this many,
 *  and a first level naming each group's first key. */
export const GROUP_SHARDS = 2048;

/** The rows file of a message number, and its place there. */
export function rowFile(doc: number): { file: number; index: number } {
  return { file: Math.floor(doc / ROW_DOCS), index: doc % ROW_DOCS };
}

/** The dates block of a message number. */
export function dateBlock(doc: number): number {
  return Math.floor(doc / DATE_DOCS);
}

/** Where an indexed word is filed: its stem when it starts with a letter (lore stems only
 *  those), else itself. */
export function wordKey(word: string): string {
  return /^\p{L}/u.test(word) ? stemWord(word) : word;
}

/** Marks pair keys: sorts after every word, so pairs never sit inside a range of words. */
export const PAIR_MARK = '\uffff';

/** The key of a pair of adjacent words (for phrases). */
export function pairKey(a: string, b: string): string {
  return `${PAIR_MARK}${a} ${b}`;
}

/** One shard entry: [key, word ('' = same as key), postings of each field of the family ('' =
 *  none; trailing empties dropped)]. */
export type ShardEntry = [string, string, ...string[]];

/** One segment of the index. */
export interface SegmentMeta {
  /** Its directory under /search/. */
  id: string;
  /** The numbers of its messages are in [from, to). */
  from: number;
  to: number;
  /** Messages it indexes, and the bytes of its files. */
  docs: number;
  bytes: number;
  /** Per family: shards, and whether the boundaries have two levels (groups). */
  shards: Record<FamilyName, number>;
  grouped: Record<FamilyName, boolean>;
}

/** The manifest. */
export interface SearchMeta {
  version: number;
  /** Messages indexed. */
  docs: number;
  /** Segments, oldest messages first. */
  segments: SegmentMeta[];
  /** Dates blocks (files /search/dates/<n>.txt for n below this). */
  dateBlocks: number;
  /** Facets with a file under /search/facets/ (a facet no message has is not listed). */
  facets?: string[];
}

/** A facet's file: per value, the numbers of its messages (ascending, as encodeNumbers of the
 *  differences, the first from 0). */
export type FacetFile = Record<string, string>;

/** What the results page shows of one message. */
export type DocRow = [
  messageId: string,
  subject: string,
  author: string,
  isoDate: string,
  href: string,
  lists: string,
  /** The series lineage page, '' for none. */
  seriesHref: string,
  /** The lineage's title and this posting's version ("v3"), '' for none. */
  seriesTitle: string,
  /** The start of the message's own text, for a snippet. */
  summary: string,
];

// Numbers are written as base-32 digits, least significant first: a character of END ends a
// number, one of MORE continues it. Small numbers (deltas of close message numbers, counts of 1)
// take one character.
const END = 'abcdefghijklmnopqrstuvwxyz012345';
const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ6789_-';
const END_VALUE = new Map([...END].map((c, i) => [c, i]));
const MORE_VALUE = new Map([...MORE].map((c, i) => [c, i]));

/** `out` followed by the digits of one non-negative integer: the unit every encoder here (and
 *  the index build's, which writes postings straight from its columns) is made of. */
export function appendNumber(out: string, value: number): string {
  if (!Number.isInteger(value) || value < 0) throw new Error(`BUG: cannot encode ${value}`);
  let v = value;
  while (v >= 32) {
    out += MORE[v % 32];
    v = Math.floor(v / 32);
  }
  return out + END[v];
}

/** Write non-negative integers compactly (JSON-safe characters only). */
export function encodeNumbers(values: Iterable<number>): string {
  let out = '';
  for (const v of values) out = appendNumber(out, v);
  return out;
}

/** Read what encodeNumbers wrote. */
export function decodeNumbers(s: string): number[] {
  const out: number[] = [];
  let v = 0;
  let scale = 1;
  for (const c of s) {
    const more = MORE_VALUE.get(c);
    if (more !== undefined) {
      v += more * scale;
      scale *= 32;
      continue;
    }
    const end = END_VALUE.get(c);
    if (end === undefined) throw new Error(`corrupt search index: "${c}"`);
    out.push(v + end * scale);
    v = 0;
    scale = 1;
  }
  return out;
}

/** Counts are kept up to this (a word more frequent in one message weighs no more). */
const MAX_POSTING_COUNT = 1024;

/** `out` followed by one posting: message `doc` (after message `prev`, -1 for the first) and
 *  how often the word is there (at least 1). */
export function appendPosting(out: string, prev: number, doc: number, count: number): string {
  return appendNumber(appendNumber(out, doc - prev - 1), Math.min(count, MAX_POSTING_COUNT) - 1);
}

/** Postings: ascending message numbers with their counts -> deltas and counts. */
export function encodePostings(docs: readonly number[], counts: readonly number[]): string {
  let out = '';
  let prev = -1;
  docs.forEach((d, i) => {
    out = appendPosting(out, prev, d, counts[i]!);
    prev = d;
  });
  return out;
}

export function decodePostings(s: string): { docs: number[]; counts: number[] } {
  const flat = decodeNumbers(s);
  const docs: number[] = [];
  const counts: number[] = [];
  let prev = -1;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    prev += flat[i]! + 1;
    docs.push(prev);
    counts.push(flat[i + 1]! + 1);
  }
  return { docs, counts };
}

/** Deltas of a sequence that may go down (dates): zig-zag encoded. */
export function encodeSigned(values: readonly number[]): string {
  let prev = 0;
  return encodeNumbers(
    values.map((v) => {
      const d = v - prev;
      prev = v;
      return d >= 0 ? 2 * d : -2 * d - 1;
    }),
  );
}

export function decodeSigned(s: string): number[] {
  let prev = 0;
  return decodeNumbers(s).map((z) => (prev += z % 2 === 0 ? z / 2 : -(z + 1) / 2));
}

/** In an ascending list of starts, the index of the last start <= value (0 when none is):
 *  the shard holding a key, the thread holding a message. */
export function shardOf<T extends string | number>(starts: readonly T[], value: T): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Read a front-coded list (each line: shared length in base 36, one digit, then the rest). */
export function frontDecode(text: string): string[] {
  const out: string[] = [];
  // No strings code to no text (a family without a word has no shard).
  if (text === '') return out;
  let prev = '';
  for (const line of text.split('\n')) {
    const s = prev.slice(0, parseInt(line[0]!, 36)) + line.slice(1);
    out.push(s);
    prev = s;
  }
  return out;
}

/** Front-coded list: each string as the length it shares with the previous one (base 36, one
 *  digit: at most 35) and the rest. */
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

/** The dates summary: per block, the earliest and latest minute of its dated messages (0, 0 when
 *  none has a date) and whether some of its messages have no date (1) or not (0). */
export type DateRange = [min: number, max: number, undated: number];

export function encodeDateSummary(blocks: readonly DateRange[]): string {
  return encodeSigned(blocks.flat());
}

export function decodeDateSummary(s: string): DateRange[] {
  const flat = decodeSigned(s);
  const out: DateRange[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) out.push([flat[i]!, flat[i + 1]!, flat[i + 2]!]);
  return out;
}

/** A dates block: its messages' numbers (ascending) and minutes since the epoch (0: no date). */
export interface DateBlock {
  docs: number[];
  minutes: number[];
}

/** "<numbers as deltas>|<minutes as signed deltas>". */
export function encodeDateBlock(b: DateBlock): string {
  return `${encodeNumbers(b.docs.map((d, i) => d - (i ? b.docs[i - 1]! + 1 : 0)))}|${encodeSigned(b.minutes)}`;
}

export function decodeDateBlock(s: string): DateBlock {
  const [d = '', m = ''] = s.split('|');
  let at = -1;
  return { docs: decodeNumbers(d).map((x, i) => (at = i === 0 ? x : at + 1 + x)), minutes: decodeSigned(m) };
}

/** A rows file: the row of each message number of its range, null where none (trailing nulls
 *  left out). */
export type RowsFile = Array<DocRow | null>;

/** The thread a result row belongs to: its thread page (the row's link without the anchor). */
export function rowThread(row: DocRow): string {
  const href = row[4];
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}
