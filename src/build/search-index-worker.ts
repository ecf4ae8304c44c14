// The search index worker: builds the index of workerData.db into workerData.dir and answers
// with what it wrote (a WorkerAnswer), or with the error.
import { parentPort, workerData } from 'node:worker_threads';
import { writeSearchIndexFs, type WorkerAnswer } from './search-index-fs.ts';

const { db, dir } = workerData as { db: string; dir: string };
let answer: WorkerAnswer;
try {
  const t0 = performance.now();
  const summary = writeSearchIndexFs(db, dir);
  answer = { ok: true, summary, ms: Math.round(performance.now() - t0) };
} catch (err) {
  answer = { ok: false, error: (err as Error).stack ?? String(err) };
}
parentPort!.postMessage(answer);
