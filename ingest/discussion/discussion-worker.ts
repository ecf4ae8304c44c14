// Worker thread body for refreshDiscussionParallel: opens the store read-only, and for each chunk
// of thread ids it is sent, reads the threads and answers their discussion (the main thread
// writes it).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { DiscussionReply } from '../store/discussion-store-fs.ts';
import { threadInputReader } from '../store/discussion-store-fs.ts';
import { discussThread } from './discuss-thread.ts';

const db = new Database((workerData as { db: string }).db, { readonly: true, fileMustExist: true });
const read = threadInputReader(db);

parentPort!.on('message', (threadIds: string[]) => {
  let reply: DiscussionReply;
  try {
    reply = { results: threadIds.map((threadId) => ({ threadId, discussion: discussThread(read(threadId)) })) };
  } catch (err) {
    reply = { error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort!.postMessage(reply);
});
