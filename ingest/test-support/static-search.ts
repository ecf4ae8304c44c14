// The static site's search engine over a store, in memory, for tests: builds the index the site
// would serve and answers a query with the Message-IDs the results page would show.
import { parseQuery } from '../search/parse-query.ts';
import type { Store } from '../store/store-port.ts';
import { buildSearchIndex } from '../../src/build/search-index.ts';
import { searchDocs } from '../../src/lib/search-data-fs.ts';
import { rowOf, runQuery, type Loader } from '../../src/lib/search-engine.ts';
import { frontDecode } from '../../src/lib/search-static-format.ts';

export function staticSearch(store: Store): (query: string, now: number) => Promise<string[]> {
  const files = new Map<string, string>();
  buildSearchIndex(searchDocs(store.path), (p, c) => files.set(p, c));
  const read = (p: string): string => {
    const f = files.get(`search/${p}`);
    if (f === undefined) throw new Error(`no file search/${p}`);
    return f;
  };
  const loader: Loader = {
    meta: async () => JSON.parse(read('index.json')),
    boundaries: async (f) => frontDecode(read(`${f}/index.txt`)),
    shard: async (f, n) => JSON.parse(read(`${f}/${n}.json`)),
    docs: async (c) => JSON.parse(read(`docs/${c}.json`)),
    facet: async (name) => JSON.parse(read(`facets/${name}.json`)),
  };
  return async (query, now) => {
    const parsed = parseQuery(query, now);
    if (parsed.kind !== 'ok') throw new Error(parsed.error.message);
    const r = await runQuery(parsed.query, loader, 'date');
    const ids: string[] = [];
    for (const h of r.hits) {
      const at = rowOf(r.chunkStarts, h.doc);
      ids.push((await loader.docs(at.chunk))[at.index]![0]);
    }
    return ids.sort();
  };
}
