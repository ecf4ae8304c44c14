import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../ingest/search/parse-query.ts';
import { ALL_FIELDS } from '../../ingest/search/query-prefixes.ts';
import type { SearchFields } from '../../ingest/search/query-types.ts';
import { FIELD_BREAK } from '../../ingest/search/search-fields.ts';
import { searchTokens } from '../../ingest/search/search-tokens.ts';
import type { SearchDoc } from '../../ingest/read-models.ts';
import { runQuery, type Loader } from '../lib/search-engine.ts';
import {
  FAMILIES,
  FAMILY_NAMES,
  decodePostings,
  frontDecode,
  pairKey,
  wordKey,
  type DocRow,
  type SearchMeta,
  type ShardEntry,
} from '../lib/search-static-format.ts';
import { SHARD_BYTES, buildSearchIndex } from './search-index.ts';

function doc(n: number, thread: string, fields: Partial<SearchFields>): SearchDoc {
  const all = Object.fromEntries(ALL_FIELDS.map((f) => [f, ''])) as SearchFields;
  return {
    key: `m${n}@example.org`,
    threadId: thread,
    subject: fields.s ?? '',
    author: 'A U Thor <a@example.org>',
    fromName: 'A U Thor',
    date: Date.UTC(2024, 0, 1 + n),
    facets: [],
    lists: ['nvdimm'],
    fields: { ...all, ...fields },
    family: null,
    seriesTitle: '',
  };
}

/** A corpus big enough for several shards per family: many distinct words, some shared. */
function corpus(): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (let n = 0; n < 300; n++) {
    const own = Array.from({ length: 12 }, (_, i) => `w${(n * 7 + i * 13) % 900}`).join(' ');
    docs.push(
      doc(n, `t${Math.floor(n / 3)}`, {
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
function expected(docs: SearchDoc[]): Map<string, Map<string, Array<Array<[number, number]>>>> {
  const out = new Map<string, Map<string, Array<Array<[number, number]>>>>();
  for (const family of FAMILY_NAMES) {
    const entries = new Map<string, Array<Array<[number, number]>>>();
    const fields = FAMILIES[family];
    docs.forEach((d, n) => {
      fields.forEach((field, fi) => {
        const tokens = searchTokens(d.fields[field]);
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
          if (!entries.has(id)) entries.set(id, fields.map(() => []));
          entries.get(id)![fi]!.push([n, c.count]);
        }
      });
    });
    out.set(family, entries);
  }
  return out;
}

describe('buildSearchIndex', () => {
  const docs = corpus();
  const files = new Map<string, string>();
  const summary = buildSearchIndex(docs, (p, c) => files.set(p, c));
  const read = (p: string): string => {
    const c = files.get(`search/${p}`);
    if (c === undefined) throw new Error(`no file search/${p}`);
    return c;
  };
  const loader: Loader = {
    meta: async () => JSON.parse(read('index.json')) as SearchMeta,
    boundaries: async (f) => frontDecode(read(`${f}/index.txt`)),
    shard: async (f, n) => JSON.parse(read(`${f}/${n}.json`)) as ShardEntry[],
    docs: async (c) => JSON.parse(read(`docs/${c}.json`)) as DocRow[],
    facet: async (name) => JSON.parse(read(`facets/${name}.json`)),
  };

  it('holds every word and pair of every field, with its messages and counts', () => {
    const want = expected(docs);
    for (const family of FAMILY_NAMES) {
      const bounds = frontDecode(read(`${family}/index.txt`));
      expect(bounds.length).toBe(summary.shards[family]);
      const got = new Map<string, Array<Array<[number, number]>>>();
      let last = '';
      bounds.forEach((first, n) => {
        const shard = JSON.parse(read(`${family}/${n}.json`)) as ShardEntry[];
        // Shards begin at their boundary, and keys only grow from shard to shard.
        expect(shard[0]![0]).toBe(first);
        for (const [key, word, ...postings] of shard) {
          expect(key >= last).toBe(true);
          last = key;
          const fields = FAMILIES[family].map((_, fi) => {
            const { docs: ds, counts } = decodePostings(postings[fi] ?? '');
            return ds.map((d, i): [number, number] => [d, counts[i]!]);
          });
          got.set(`${key}\u0000${word || key}`, fields);
        }
      });
      expect([family, [...got.keys()].sort()]).toEqual([family, [...want.get(family)!.keys()].sort()]);
      for (const [id, fields] of want.get(family)!) expect([family, id, got.get(id)]).toEqual([family, id, fields]);
    }
  });

  it('cuts shards near SHARD_BYTES, never inside a key', () => {
    expect(summary.shards.text).toBeGreaterThan(2);
    for (const family of FAMILY_NAMES) {
      const n = summary.shards[family];
      for (let i = 0; i < n; i++) {
        const content = read(`${family}/${i}.json`);
        if (i + 1 < n) expect(content.length).toBeGreaterThanOrEqual(SHARD_BYTES);
        const keys = (JSON.parse(content) as ShardEntry[]).map((e) => e[0]);
        if (i + 1 < n) expect((JSON.parse(read(`${family}/${i + 1}.json`)) as ShardEntry[])[0]![0]).not.toBe(keys[keys.length - 1]);
      }
    }
  });

  it('answers queries as the engine reads it: stems, phrases, fields', async () => {
    const find = async (q: string): Promise<number[]> => {
      const parsed = parseQuery(q, Date.UTC(2025, 0, 1));
      if (parsed.kind !== 'ok') throw new Error(parsed.error.message);
      return (await runQuery(parsed.query, loader, 'date')).hits.map((h) => h.doc).sort((a, b) => a - b);
    };
    const all = docs.map((_, n) => n);
    expect(await find('refcount')).toEqual(all);
    expect(await find('nq:mapping')).toEqual(all);
    expect(await find('nq:Mappings')).toEqual(all.filter((n) => n % 2 === 1));
    expect(await find('"pte_special devdax"')).toEqual(all);
    expect(await find('dfb:vm_normal_page')).toEqual(all.filter((n) => n % 4 === 0));
    expect(await find('dfn:fs/dax.c')).toEqual(all.filter((n) => n % 4 === 0));
    // A wildcard word with punctuation: a phrase whose last word is a prefix, as in the CLI.
    expect(await find('dfn:fs/da*')).toEqual(all.filter((n) => n % 4 === 0));
    expect(await find('dfn:fs/x*')).toEqual([]);
    expect(await find('q:quoted')).toEqual(all.filter((n) => n % 5 === 0));
    // The field break keeps a phrase from spanning two lines of a field.
    expect(await find('dfb:"folio_get page vm_normal_page"')).toEqual([]);
    expect(await find('s:"PATCH 7"')).toEqual([7]);
  });

  it('writes rows and the manifest in message order', async () => {
    const meta = await loader.meta();
    expect([meta.docs, summary.docs]).toEqual([300, 300]);
    // Threads of three messages: the first chunk ends at the first thread start from 32 on.
    const parsed = parseQuery('refcount', 0);
    if (parsed.kind !== 'ok') throw new Error('query');
    const { chunkStarts, threadStarts } = await runQuery(parsed.query, loader, 'date');
    expect(chunkStarts.slice(0, 3)).toEqual([0, 33, 66]);
    expect(threadStarts.slice(0, 3)).toEqual([0, 3, 6]);
    expect((await loader.docs(1))[0]![0]).toBe('m33@example.org');
    const rows = (await Promise.all(chunkStarts.map((_, c) => loader.docs(c)))).flat();
    expect(rows.map((r) => r[0])).toEqual(docs.map((d) => d.key));
    expect(summary.files).toBe(files.size);
    expect(summary.bytes).toBe([...files.values()].reduce((n, c) => n + Buffer.byteLength(c), 0));
  });
});
