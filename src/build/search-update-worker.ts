// The search index worker: brings the index of a site up to date (search-update.ts) on its
// own thread and store connection, answering with what it did.
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import { serveRequests } from '../../ingest/workers/worker-pool.ts';
import { indexDirFs } from './index-dir-fs.ts';
import { updateSearchIndex, type IndexChanges, type IndexState, type IndexUpdate } from './search-update.ts';

/** What the worker is asked. */
export interface IndexJob {
  db: string;
  out: string;
  previous: IndexState | null;
  changes: IndexChanges | null;
  code: string;
}

serveRequests<IndexJob, IndexUpdate & { ms: number }>(({ db, out, previous, changes, code }) => {
  const t0 = performance.now();
  // One pass over the messages: a large page cache would only hold what is never read again.
  const store = openStore(db, { readonly: true, cacheKiB: 8192 });
  try {
    return { ...updateSearchIndex(store, indexDirFs(out), previous, changes, code), ms: Math.round(performance.now() - t0) };
  } finally {
    store.close();
  }
});
