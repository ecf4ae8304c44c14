// The discussion derivation: threads whose messages changed since their discussion was computed
// (new mail joined, threads merged) are recomputed whole by the pure discussion stage
// (ingest/discussion/discuss-thread.ts); all threads when the stage's version changed. The work
// is shared between this thread and worker threads that read the store themselves
// (discussion-worker.ts); this thread writes everything.
import { discussThread } from '../discussion/discuss-thread.ts';
import type { DiscussionRecords, PendingThread, Store } from '../store/store-port.ts';
import { WorkerPool } from '../workers/worker-pool.ts';
import type { Derivation, DerivationRun, DeriveOptions } from './derivation.ts';

/** Threads recomputed per transaction on this thread, and per worker request. */
const CHUNK = 24;

/** A worker's answer for a chunk of threads. */
export type DiscussionResults = Array<{ threadId: string; discussion: DiscussionRecords }>;

export const discussionDerivation: Derivation = {
  name: 'discussion',
  title: 'discussion (quotes, statements, verdicts, links)',
  version: 2,
  after: ['thread', 'patch'],
  external: () => '',
  run: (store, { full, opts }) => refreshDiscussion(store, full ? store.discussion.allThreads() : store.discussion.pendingThreads(), opts),
};

/** Recompute the discussion of `pending` threads (largest first, so the work shares out evenly). */
async function refreshDiscussion(store: Store, pending: readonly PendingThread[], opts: DeriveOptions): Promise<DerivationRun> {
  const byId = new Map(pending.map((t) => [t.id, t]));
  const queue = [...pending];
  let done = 0;
  const write = (results: DiscussionResults): void => {
    store.transaction(() => {
      for (const r of results) store.discussion.writeThread(byId.get(r.threadId)!, r.discussion);
    });
    done += results.length;
    opts.onProgress?.('discussion', done, pending.length);
  };
  const local = (threads: readonly PendingThread[]): DiscussionResults => threads.map((t) => ({ threadId: t.id, discussion: discussThread(store.discussion.threadInputs(t.id)) }));
  const workers = store.path === ':memory:' || pending.length < 2 * CHUNK ? 0 : opts.workers;
  if (workers <= 0) {
    while (queue.length) write(local(queue.splice(0, CHUNK)));
  } else {
    const pool = new WorkerPool<string[], DiscussionResults>({ module: new URL('./discussion-worker.ts', import.meta.url), size: workers, data: { db: store.path }, label: 'discussion' });
    try {
      const inFlight = new Set<Promise<void>>();
      let failure: unknown = null;
      const ready: DiscussionResults[] = [];
      const feed = (): void => {
        while (!failure && pool.busy < pool.size && queue.length > 0) {
          const chunk = queue.splice(0, CHUNK).map((t) => t.id);
          // A worker that answers is given its next chunk at once.
          const p: Promise<void> = pool.run(chunk).then(
            (r) => {
              ready.push(r);
              feed();
            },
            (err: unknown) => void (failure ??= err),
          );
          inFlight.add(p);
          void p.finally(() => inFlight.delete(p));
        }
      };
      feed();
      // This thread takes the smallest threads from the other end of the queue, and writes.
      while (!failure && (queue.length > 0 || inFlight.size > 0 || ready.length > 0)) {
        for (const r of ready.splice(0)) write(r);
        feed();
        const mine = queue.splice(Math.max(0, queue.length - CHUNK), CHUNK);
        if (mine.length) {
          write(local(mine));
          // Let worker replies in.
          await new Promise<void>((r) => setImmediate(r));
        } else if (inFlight.size > 0) await Promise.race(inFlight);
      }
      if (failure) throw failure;
    } finally {
      await pool.close();
    }
  }
  store.transaction(() => store.discussion.prune());
  return { count: pending.length, diagnostics: [] };
}
