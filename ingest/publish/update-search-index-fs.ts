// Brings the site's static search index up to date (src/build/search-update.ts) on a worker
// thread of its own, so that it runs while the pages render. A failure is reported when the
// build waits for it.
import { fileURLToPath } from 'node:url';
import type { IndexChanges, IndexState, IndexUpdate } from '../../src/build/search-update.ts';
import type { IndexJob } from '../../src/build/search-update-worker.ts';
import { WorkerPool } from '../workers/worker-pool.ts';
import { moduleHashFs } from './site-bundle-fs.ts';

const WORKER = new URL('../../src/build/search-update-worker.ts', import.meta.url);

/** Start updating the index of the site at `out` from the store `db`. */
export function updateSearchIndexFs(db: string, out: string, previous: IndexState | null, changes: IndexChanges | null): Promise<IndexUpdate & { ms: number }> {
  const pool = new WorkerPool<IndexJob, IndexUpdate & { ms: number }>({ module: WORKER, size: 1, label: 'search index' });
  const code = moduleHashFs(fileURLToPath(new URL('../../src/build/search-update.ts', import.meta.url)));
  const answer = pool.run({ db, out, previous, changes, code }).finally(() => pool.close());
  // Failures are reported by the build's await; until then the promise must not count as unhandled.
  answer.catch(() => undefined);
  return answer.catch((err: Error) => {
    throw new Error(`building the search index failed: ${err.message}`, { cause: err });
  });
}
