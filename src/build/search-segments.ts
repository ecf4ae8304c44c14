// Segments of the static search index: when to merge them, and the merge. A build appends a
// segment for the mail stored since the last one; merging keeps the segments few (a query reads
// every segment) at a cost that stays proportional to what is merged. Two policies:
//   - after new mail (tailMerges): merge the two newest segments while the older holds less than
//     MERGE_FACTOR times the newer: segments shrink geometrically from the oldest, so there are
//     about log(messages / new mail per build) / log(MERGE_FACTOR) of them, and a message is
//     rewritten that many times over its life;
//   - in a full build (counterMerges), which adds segments of equal size one after the other:
//     merge the two newest while they are equal in size, as a binary counter carries (each message
//     rewritten log2(segments) times), and everything into one segment at the end.
// The merge reads the segments' shards in key order, joins entries of the same key and word (their
// postings, in number order since segments hold disjoint ranges), and writes them through
// shardWriter. Pure but for `read` and `write`.
import {
  FAMILIES,
  FAMILY_NAMES,
  decodePostings,
  encodePostings,
  type FamilyName,
  type SegmentMeta,
  type ShardEntry,
} from '../lib/search-static-format.ts';
import { shardBytes, shardWriter, type WriteFile } from './search-index.ts';

/** An older segment smaller than this many times the next one is merged with it. */
export const MERGE_FACTOR = 4;

/** Indexes [from, to) of the newest segments to merge now after new mail, or null. */
export function tailMerge(segments: readonly SegmentMeta[]): [number, number] | null {
  const n = segments.length;
  if (n < 2) return null;
  let from = n - 1;
  let docs = segments[n - 1]!.docs;
  while (from > 0 && segments[from - 1]!.docs < MERGE_FACTOR * docs) {
    from--;
    docs += segments[from]!.docs;
  }
  return from < n - 1 ? [from, n] : null;
}

/** In a full build: [from, to) to merge after a new segment, or null. */
export function counterMerge(segments: readonly SegmentMeta[]): [number, number] | null {
  const n = segments.length;
  let from = n - 1;
  let docs = n ? segments[n - 1]!.docs : 0;
  while (from > 0 && segments[from - 1]!.docs <= docs) {
    from--;
    docs += segments[from]!.docs;
  }
  return from < n - 1 ? [from, n] : null;
}

/** The entries of one family of a segment, in key order, shard by shard. */
function* entriesOf(segment: SegmentMeta, family: FamilyName, read: (path: string) => string): Generator<ShardEntry> {
  for (let n = 0; n < segment.shards[family]; n++) yield* JSON.parse(read(`search/${segment.id}/${family}/${n}.json`)) as ShardEntry[];
}

/** Order of entries: by key, then word (as the segment builder writes them). */
function compareEntries(a: ShardEntry, b: ShardEntry): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  const wa = a[1] || a[0];
  const wb = b[1] || b[0];
  return wa === wb ? 0 : wa < wb ? -1 : 1;
}

/** One entry of entries with the same key and word from segments in number order. */
function joinEntries(same: readonly ShardEntry[], width: number): ShardEntry {
  if (same.length === 1) return same[0]!;
  const out: ShardEntry = [same[0]![0], same[0]![1]];
  for (let f = 0; f < width; f++) {
    const docs: number[] = [];
    const counts: number[] = [];
    for (const e of same) {
      const p = decodePostings(e[f + 2] ?? '');
      docs.push(...p.docs);
      counts.push(...p.counts);
    }
    out.push(encodePostings(docs, counts));
  }
  while (out.length > 2 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Merge `segments` (in number order) into a new segment `id`, written through `write`. */
export function mergeSegments(segments: readonly SegmentMeta[], id: string, read: (path: string) => string, writeFile: WriteFile): SegmentMeta {
  let bytes = 0;
  const write: WriteFile = (path, content) => {
    bytes += Buffer.byteLength(content);
    writeFile(path, content);
  };
  const docs = segments.reduce((n, s) => n + s.docs, 0);
  const shards = {} as Record<FamilyName, number>;
  const grouped = {} as Record<FamilyName, boolean>;
  for (const family of FAMILY_NAMES) {
    const width = FAMILIES[family].length;
    const sources = segments.map((s) => entriesOf(s, family, read));
    const heads = sources.map((it) => it.next());
    const writer = shardWriter(`search/${id}/${family}`, width, shardBytes(docs), write);
    let held: ShardEntry | null = null;
    for (;;) {
      // The smallest entry among the sources' heads, joined with its equals.
      let min: ShardEntry | null = null;
      for (const h of heads) if (!h.done && (min === null || compareEntries(h.value, min) < 0)) min = h.value;
      if (min === null) break;
      const same: ShardEntry[] = [];
      heads.forEach((h, i) => {
        if (!h.done && compareEntries(h.value, min!) === 0) {
          same.push(h.value);
          heads[i] = sources[i]!.next();
        }
      });
      const entry = joinEntries(same, width);
      if (held) writer.emit(held, entry[0]);
      held = entry;
    }
    if (held) writer.emit(held, undefined);
    ({ shards: shards[family], grouped: grouped[family] } = writer.finish());
  }
  return { id, from: segments[0]!.from, to: segments[segments.length - 1]!.to, docs, bytes, shards, grouped };
}
