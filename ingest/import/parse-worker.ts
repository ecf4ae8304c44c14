// Worker thread body: parses and mines raw messages sent by ParsePool, one at a time (concurrent mailparser
// streams in one thread are slower than sequential ones), and posts the outcomes back in batches.
import { parentPort } from 'node:worker_threads';
import { parseAndMine, type ParseJob, type ParseReply } from './parse-pool.ts';

const queue: ParseJob[][] = [];
let running = false;

async function drain(): Promise<void> {
  running = true;
  while (queue.length) {
    const jobs = queue.shift()!;
    const replies: ParseReply[] = [];
    for (const job of jobs) {
      try {
        replies.push({ id: job.id, outcome: await parseAndMine(job.raw, job.rawHash) });
      } catch (err) {
        replies.push({ id: job.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      }
    }
    parentPort!.postMessage(replies);
  }
  running = false;
}

parentPort!.on('message', (jobs: ParseJob[]) => {
  queue.push(jobs);
  if (!running) void drain();
});
