import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../ingest/search/parse-query.ts';
import { ALL_FIELDS } from '../../ingest/search/query-prefixes.ts';
import type { SearchFields } from '../../ingest/search/query-types.ts';
import { FIELD_BREAK } from '../../ingest/search/search-fields.ts';
import { searchTokens } from '../../ingest/search/search-tokens.ts';
import { runQuery, type Loader } from '../lib/search-engine.ts';
import {
  FAMILIES,
  FAMILY_NAMES,
  FORMAT_VERSION,
  GROUP_SHARDS,
  decodePostings,
  frontDecode,
  pairKey,
  wordKey,
  type SearchMeta,
  type SegmentMeta,
  type ShardEntry,
} from '../lib/search-static-format.ts';
import { SHARD_BYTES, SMALL_SHARD_BYTES, SegmentBuilder, shardWriter } from './search-index.ts';
import { counterMerge, mergeSegments, tailMerge } from './search-segments.ts';

/** Message numbers are store row ids: sparse, and not from 0. */
const numberOf = (n: number): number => 7 + 3 * n;

function fields(f: Partial<SearchFields>): SearchFields {
  return { ...(Object.fromEntries(ALL_FIELDS.map((x) => [x, ''])) as SearchFields), ...f };
}

/** A corpus big enough for several shards per family: many distinct words, some shared. */
function corpus(count = 300): SearchFields[] {
  const docs: SearchFields[] = [];
  for (let n = 0; n < count; n++) {
    const own = Array.from({ length: 12 }, (_, i) => `w${(n * 7 + i * 13) % 900}`).join(' ');
    docs.push(
      fields({
        s: `[PATCH ${n}] mm: fix refcounts of pages`,
        nq: `The page refcount is wrong. ${own} pte_special pte_special devdax${FIELD_BREAK}${n % 2 ? 'Mappings' : 'mapping'}`,
        q: n % 5 === 0 ? `> quoted ${own}` : '',
        dfb: n % 4 === 0 ? `folio_get(page);${FIELD_BREAK}vm_normal_page(vma)` : '',
        dfn: n % 4 === 0 ? 'fs/dax.c' : '',
      }),
    );
  }
  return docs;
}

/** What the index must hold, computed the plain way: per family, key+word -> per field the
 *  messages (ascending) and counts. */
function expected(docs: SearchFields[]): Map<string, Map<string, Array<Array<[number, number]>>>> {
  const out = new Map<string, Map<string, Array<Array<[number, number]>>>>();
  for (const family of FAMILY_NAMES) {
    const entries = new Map<string, Array<Array<[number, number]>>>();
    const names = FAMILIES[family];
    docs.forEach((d, n) => {
      names.forEach((field, fi) => {
        const tokens = searchTokens(d[field]);
        const counts = new Map<string, { key: string; word: string; count: number }>();
        tokens.forEach((t, i) => {
          const w = { key: wordKey(t), word: t };
          const id = `${w.key}\u0000${w.word}`;
          counts.set(id, { ...w, count: (counts.get(id)?.count ?? 0) + 1 });
          if (i + 1 < tokens.length) {
            const k = pairKey(t, tokens[i + 1]!);
            const pid = `${k}\u0000${k}`;
            counts.set(pid, { key: k, word: k, count: (counts.get(pid)?.count ?? 0) + 1 });
          }
        });
        for (const [id, c] of counts) {
          if (!entries.has(id)) entries.set(id, names.map(() => []));
          entries.get(id)![fi]!.push([numberOf(n), c.count]);
        }
      });
    });
    out.set(family, entries);
  }
  return out;
}

/** Files in memory, a segment built from docs [from, to) of the corpus, and a loader. */
function files(): { map: Map<string, string>; write: (p: string, c: string) => void; read: (p: string) => string; loader: Loader } {
  const map = new Map<string, string>();
  const read = (p: string): string => {
    const c = map.get(p);
    if (c === undefined) throw new Error(`no file ${p}`);
    return c;
  };
  return { map, write: (p, c) => void map.set(p, c), read, loader: { file: async (p) => read(`search/${p}`) } };
}

function segment(docs: SearchFields[], from: number, to: number, id: string, write: (p: string, c: string) => void): SegmentMeta {
  const b = new SegmentBuilder();
  for (let n = from; n < to; n++) b.add(numberOf(n), docs[n]!);
  return b.finish(id, numberOf(to), write);
}

/** Every entry of a family of a segment, in order. */
function entries(seg: SegmentMeta, family: (typeof FAMILY_NAMES)[number], read: (p: string) => string): ShardEntry[] {
  return Array.from({ length: seg.shards[family] }, (_, n) => JSON.parse(read(`search/${seg.id}/${family}/${n}.json`)) as ShardEntry[]).flat();
}

describe('a segment of the search index', () => {
  const docs = corpus();
  const f = files();
  const seg = segment(docs, 0, docs.length, 's0', f.write);
  const meta: SearchMeta = { version: FORMAT_VERSION, docs: docs.length, segments: [seg], dateBlocks: 0 };
  f.write('search/index.json', JSON.stringify(meta));

  it('holds every word and pair of every field, with its messages (by number) and counts', () => {
    const want = expected(docs);
    expect([seg.from, seg.to, seg.docs]).toEqual([7, numberOf(300), 300]);
    for (const family of FAMILY_NAMES) {
      const bounds = frontDecode(f.read(`search/s0/${family}/index.txt`));
      expect(bounds.length).toBe(seg.shards[family]);
      const got = new Map<string, Array<Array<[number, number]>>>();
      let last = '';
      bounds.forEach((first, n) => {
        const shard = JSON.parse(f.read(`search/s0/${family}/${n}.json`)) as ShardEntry[];
        // Shards begin at their boundary, and keys only grow from shard to shard.
        expect(shard[0]![0]).toBe(first);
        for (const [key, word, ...postings] of shard) {
          expect(key >= last).toBe(true);
          last = key;
          const perField = FAMILIES[family].map((_, fi) => {
            const { docs: ds, counts } = decodePostings(postings[fi] ?? '');
            return ds.map((d, i): [number, number] => [d, counts[i]!]);
          });
          got.set(`${key}\u0000${word || key}`, perField);
        }
      });
      expect([family, [...got.keys()].sort()]).toEqual([family, [...want.get(family)!.keys()].sort()]);
      for (const [id, perField] of want.get(family)!) expect([family, id, got.get(id)]).toEqual([family, id, perField]);
    }
  });

  it('cuts shards near their size, never inside a key: small segments in small shards', () => {
    expect(seg.shards.text).toBeGreaterThan(2);
    for (const family of FAMILY_NAMES) {
      const n = seg.shards[family];
      for (let i = 0; i < n; i++) {
        const content = f.read(`search/s0/${family}/${i}.json`);
        if (i + 1 < n) expect(content.length).toBeGreaterThanOrEqual(SMALL_SHARD_BYTES);
        expect(content.length).toBeLessThan(SHARD_BYTES);
        const keys = (JSON.parse(content) as ShardEntry[]).map((e) => e[0]);
        if (i + 1 < n) expect((JSON.parse(f.read(`search/s0/${family}/${i + 1}.json`)) as ShardEntry[])[0]![0]).not.toBe(keys[keys.length - 1]);
      }
    }
    expect(seg.bytes).toBe([...f.map].filter(([p]) => p.startsWith('search/s0/')).reduce((n, [, c]) => n + Buffer.byteLength(c), 0));
  });

  it('answers queries as the engine reads it: stems, phrases, fields', async () => {
    const find = async (q: string): Promise<number[]> => {
      const parsed = parseQuery(q, Date.UTC(2025, 0, 1));
      if (parsed.kind !== 'ok') throw new Error(parsed.error.message);
      const r = await runQuery(parsed.query, f.loader, 'relevance');
      return (await r.page(0, r.total)).sort((a, b) => a - b);
    };
    const all = docs.map((_, n) => numberOf(n));
    const where = (p: (n: number) => boolean): number[] => docs.flatMap((_, n) => (p(n) ? [numberOf(n)] : []));
    expect(await find('refcount')).toEqual(all);
    expect(await find('nq:mapping')).toEqual(all);
    expect(await find('nq:Mappings')).toEqual(where((n) => n % 2 === 1));
    expect(await find('"pte_special devdax"')).toEqual(all);
    expect(await find('dfb:vm_normal_page')).toEqual(where((n) => n % 4 === 0));
    expect(await find('dfn:fs/dax.c')).toEqual(where((n) => n % 4 === 0));
    // A wildcard word with punctuation: a phrase whose last word is a prefix, as in the CLI.
    expect(await find('dfn:fs/da*')).toEqual(where((n) => n % 4 === 0));
    expect(await find('dfn:fs/x*')).toEqual([]);
    expect(await find('q:quoted')).toEqual(where((n) => n % 5 === 0));
    // The field break keeps a phrase from spanning two lines of a field.
    expect(await find('dfb:"folio_get page vm_normal_page"')).toEqual([]);
    expect(await find('s:"PATCH 7"')).toEqual([numberOf(7)]);
    expect(await find('s:refcounts -nq:Mappings')).toEqual(where((n) => n % 2 === 0));
  });

  it('merges segments into exactly the segment one pass over all their messages writes', () => {
    const whole = files();
    const one = segment(docs, 0, docs.length, 'all', whole.write);
    for (const cuts of [[0, 150, 300], [0, 1, 100, 299, 300]]) {
      const parts = files();
      const segs = cuts.slice(0, -1).map((from, i) => segment(docs, from, cuts[i + 1]!, `p${i}`, parts.write));
      const merged = mergeSegments(segs, 'm', parts.read, parts.write);
      expect({ ...merged, id: 'all', bytes: 0 }).toEqual({ ...one, bytes: 0 });
      for (const family of FAMILY_NAMES) expect(entries(merged, family, parts.read)).toEqual(entries(one, family, whole.read));
    }
  });

  it('gives a family of many shards two levels of boundaries, which the engine follows', async () => {
    const g = files();
    // One entry a shard: more than GROUP_SHARDS shards.
    const w = shardWriter('search/big/text', 1, 1, g.write);
    const keys = Array.from({ length: GROUP_SHARDS * 2 + 5 }, (_, i) => `k${String(i).padStart(5, '0')}`);
    keys.forEach((k, i) => w.emit([k, '', `${String.fromCharCode(97 + (i % 26))}a`], keys[i + 1]));
    const { shards, grouped } = w.finish();
    expect([shards, grouped]).toEqual([keys.length, true]);
    expect(frontDecode(g.read('search/big/text/index.txt'))).toEqual([keys[0], keys[GROUP_SHARDS], keys[2 * GROUP_SHARDS]]);
    const big: SegmentMeta = { id: 'big', from: 0, to: 26, docs: 26, bytes: 0, shards: { head: 0, text: shards, quote: 0, diff: 0 }, grouped: { head: false, text: true, quote: false, diff: false } };
    for (const family of ['head', 'quote', 'diff']) g.write(`search/big/${family}/index.txt`, '');
    g.write('search/index.json', JSON.stringify({ version: FORMAT_VERSION, docs: 26, segments: [big], dateBlocks: 0 } satisfies SearchMeta));
    for (const i of [0, GROUP_SHARDS - 1, GROUP_SHARDS, 2 * GROUP_SHARDS + 4]) {
      const parsed = parseQuery(`nq:${keys[i]}`, 0);
      if (parsed.kind !== 'ok') throw new Error('query');
      const r = await runQuery(parsed.query, g.loader, 'relevance');
      expect([i, await r.page(0, 10)]).toEqual([i, [i % 26]]);
    }
  });
});

describe('when segments are merged', () => {
  const seg = (docs: number): SegmentMeta => ({ id: '', from: 0, to: 0, docs, bytes: 0, shards: { head: 0, text: 0, quote: 0, diff: 0 }, grouped: { head: false, text: false, quote: false, diff: false } });
  const sizes = (...d: number[]): SegmentMeta[] => d.map(seg);

  it('after new mail: while the older holds less than four times the newer ones', () => {
    expect(tailMerge(sizes(15000))).toBeNull();
    expect(tailMerge(sizes(15000, 500))).toBeNull();
    expect(tailMerge(sizes(15000, 500, 500))).toEqual([1, 3]);
    expect(tailMerge(sizes(15000, 2000, 500))).toBeNull();
    expect(tailMerge(sizes(15000, 2000, 500, 600))).toEqual([1, 4]);
    expect(tailMerge(sizes(15000, 4000))).toEqual([0, 2]);
  });

  it('in a full build: as a binary counter carries', () => {
    expect(counterMerge(sizes(10))).toBeNull();
    expect(counterMerge(sizes(10, 10))).toEqual([0, 2]);
    expect(counterMerge(sizes(20, 10))).toBeNull();
    expect(counterMerge(sizes(20, 10, 10))).toEqual([0, 3]);
    expect(counterMerge(sizes(40, 20, 10, 10))).toEqual([0, 4]);
  });
});
