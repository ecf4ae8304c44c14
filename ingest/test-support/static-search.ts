// The static site's search engine over a store, in memory, for tests: builds the index the site
// would serve (src/build/search-update.ts) into a map of files, and answers a query with the
// Message-IDs the results page would show. `update()` brings the same index up to date after more
// mail, as an incremental build does.
import { parseQuery } from '../search/parse-query.ts';
import type { Store } from '../store/store-port.ts';
import { updateSearchIndex, type IndexChanges, type IndexDir, type IndexState } from '../../src/build/search-update.ts';
import { rowsOf, runQuery, type Loader } from '../../src/lib/search-engine.ts';

/** An IndexDir in memory. */
export function memoryIndexDir(files = new Map<string, string>()): IndexDir & { files: Map<string, string> } {
  return {
    files,
    read: (path) => files.get(path) ?? null,
    write: (path, content) => void files.set(path, content),
    removeSegment(id) {
      const gone = [...files.keys()].filter((p) => p.startsWith(`search/${id}/`));
      for (const p of gone) files.delete(p);
      return gone.length;
    },
    clear() {
      const gone = [...files.keys()].filter((p) => p.startsWith('search/') && p !== 'search/index.html');
      for (const p of gone) files.delete(p);
      return gone.length;
    },
  };
}

/** A loader reading an IndexDir. */
export function dirLoader(dir: IndexDir): Loader {
  return {
    file: async (p) => {
      const f = dir.read(`search/${p}`);
      if (f === null) throw new Error(`no file search/${p}`);
      return f;
    },
  };
}

export interface StaticSearch {
  (query: string, now: number): Promise<string[]>;
  /** The index's state and files. */
  state: IndexState;
  dir: ReturnType<typeof memoryIndexDir>;
  /** Bring the index up to date with the store (new mail, and the rows of `threads`). */
  update(changes: IndexChanges): ReturnType<typeof updateSearchIndex>;
}

export function staticSearch(store: Store): StaticSearch {
  const dir = memoryIndexDir();
  const loader = dirLoader(dir);
  const search = (async (query: string, now: number) => {
    const parsed = parseQuery(query, now);
    if (parsed.kind !== 'ok') throw new Error(parsed.error.message);
    const r = await runQuery(parsed.query, loader, 'relevance');
    const docs = await r.page(0, r.total);
    const rows = await rowsOf(docs, loader);
    return docs.map((d) => rows.get(d)![0]).sort();
  }) as StaticSearch;
  search.dir = dir;
  search.state = updateSearchIndex(store, dir, null, null, 'test').state;
  search.update = (changes) => {
    const u = updateSearchIndex(store, dir, search.state, changes, 'test');
    search.state = u.state;
    return u;
  };
  return search;
}
