// The search index worker: builds the index of a store into a directory and answers with what it
// wrote (the pool reports an error as such).
import { serveRequests } from '../../ingest/workers/worker-pool.ts';
import { writeSearchIndexFs, type IndexAnswer, type IndexJob } from './search-index-fs.ts';

serveRequests<IndexJob, IndexAnswer>(({ db, dir }) => {
  const t0 = performance.now();
  const summary = writeSearchIndexFs(db, dir);
  return { ...summary, ms: Math.round(performance.now() - t0) };
});
