// Keeps the discussion tables current: threads whose messages changed since their discussion was
// computed (new mail joined, threads merged) are recomputed whole; the cited messages of each
// message come from its patch metadata. Runs after threading, like the series refresh. The
// computation is pure and per thread, so after an import it is shared between this thread and
// worker threads reading the store themselves (discussion-worker.ts); this thread writes.
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { discussThread, type DiscussionInput, type ThreadDiscussion } from '../discussion/discuss-thread.ts';
import type { Store } from './store-fs.ts';

/** Record that messages were stored since the discussion was last brought up to date. */
export function markDiscussionStale(store: Store): void {
  store.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('discussion_dirty', '1')").run();
}

export function discussionStale(store: Store): boolean {
  return (store.db.prepare("SELECT value FROM meta WHERE key = 'discussion_dirty'").get() as { value: string } | undefined)?.value === '1';
}

interface PendingThread {
  id: string;
  messages: number;
  idSum: number;
}

/** Threads to (re)compute, largest first (so the work shares out evenly): new, or changed since
 *  they were. */
function pendingThreads(store: Store): PendingThread[] {
  return store.db
    .prepare(
      `SELECT t.thread_id AS id, t.n AS messages, t.s AS idSum
       FROM (SELECT thread_id, count(*) AS n, sum(id) AS s FROM messages WHERE thread_id IS NOT NULL GROUP BY thread_id) t
       LEFT JOIN discussed_threads d ON d.thread_id = t.thread_id
       WHERE d.thread_id IS NULL OR d.messages != t.n OR d.id_sum != t.s
       ORDER BY t.n DESC, t.thread_id`,
    )
    .all() as PendingThread[];
}

/** Reads a thread's messages as the discussion stage takes them (any connection to the store). */
export function threadInputReader(db: Database.Database): (threadId: string) => DiscussionInput[] {
  const load = db.prepare(
    `SELECT m.id, m.key, m.parent, m.date, m.from_name AS name, m.from_email AS email, m.body, coalesce(p.kind, 'other') AS kind
     FROM messages m LEFT JOIN patch_meta p ON p.message = m.id WHERE m.thread_id = ?`,
  );
  return (threadId) =>
    (load.all(threadId) as Array<{ id: number; key: string; parent: string | null; date: number | null; name: string; email: string; body: string; kind: string }>).map((r) => ({
      id: r.id,
      key: r.key,
      parent: r.parent,
      date: r.date,
      from: { name: r.name, email: r.email },
      body: r.body,
      kind: r.kind,
    }));
}

/** Writes one thread's discussion, replacing what its messages had. */
function threadWriter(store: Store): (thread: PendingThread, d: ThreadDiscussion) => void {
  const db = store.db;
  const del = ['quote_sources', 'statements', 'verdicts', 'message_links'].map((t) =>
    db.prepare(`DELETE FROM ${t} WHERE message IN (SELECT id FROM messages WHERE thread_id = ?)`),
  );
  const insQuote = db.prepare(
    'INSERT INTO quote_sources (message, block, depth, span_from, span_to, source_key, author_name, author_email, how, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insStatement = db.prepare(
    `INSERT INTO statements (message, kind, text, span_from, span_to, answers_text, answers_name, answers_email, answers_key, confidence, why)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insVerdict = db.prepare(
    'INSERT INTO verdicts (message, target_key, kind, by_name, by_email, text, span_from, span_to, confidence, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insLinks = db.prepare(
    `INSERT OR IGNORE INTO message_links (message, target)
     SELECT m.id, j.value FROM messages m JOIN patch_meta p ON p.message = m.id, json_each(p.meta, '$.links') j
     WHERE m.thread_id = ? AND j.value != m.message_id`,
  );
  const done = db.prepare('INSERT OR REPLACE INTO discussed_threads (thread_id, messages, id_sum) VALUES (?, ?, ?)');
  return (t, d) => {
    for (const st of del) st.run(t.id);
    for (const q of d.quotes) {
      const a = q.source.author;
      insQuote.run(q.message, q.block, q.depth, q.from, q.to, q.source.messageKey, a?.name ?? '', a?.email ?? '', q.source.how, q.source.confidence);
    }
    for (const s of d.statements) {
      const a = s.answers;
      insStatement.run(s.message, s.kind, s.text, s.from, s.to, a?.text ?? null, a?.author?.name ?? null, a?.author?.email ?? null, a?.messageKey ?? null, s.confidence, s.why);
    }
    for (const v of d.verdicts) insVerdict.run(v.message, v.target, v.kind, v.by.name, v.by.email, v.text, v.from, v.to, v.confidence, v.why);
    insLinks.run(t.id);
    done.run(t.id, t.messages, t.idSum);
  };
}

/** Computes threads' discussion on this thread, then writes it in one transaction. */
function localDiscussion(store: Store, write: ReturnType<typeof threadWriter>): (threads: readonly PendingThread[]) => void {
  const read = threadInputReader(store.db);
  return (threads) => {
    const results = threads.map((t) => ({ thread: t, d: discussThread(read(t.id)) }));
    store.transaction(() => {
      for (const r of results) write(r.thread, r.d);
    });
  };
}

function finish(store: Store): void {
  store.transaction(() => {
    store.db.prepare('DELETE FROM discussed_threads WHERE thread_id NOT IN (SELECT id FROM threads)').run();
    store.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('discussion_dirty', '0')").run();
  });
}

/** Threads recomputed per transaction (sequential refresh) or per worker request. */
const BATCH = 200;
const WORKER_CHUNK = 24;

export interface DiscussionRefresh {
  threads: number;
  ms: number;
}

/** Bring the discussion tables up to date on this thread alone (when messages were stored since);
 *  null when they were current. */
export function refreshDiscussion(store: Store, onProgress?: (done: number, total: number) => void): DiscussionRefresh | null {
  if (!discussionStale(store)) return null;
  return refreshSequential(store, pendingThreads(store), performance.now(), onProgress);
}

function refreshSequential(store: Store, pending: readonly PendingThread[], t0: number, onProgress?: (done: number, total: number) => void): DiscussionRefresh {
  const discuss = localDiscussion(store, threadWriter(store));
  for (let i = 0; i < pending.length; i += BATCH) {
    discuss(pending.slice(i, i + BATCH));
    onProgress?.(Math.min(i + BATCH, pending.length), pending.length);
  }
  finish(store);
  return { threads: pending.length, ms: performance.now() - t0 };
}

/** What a discussion worker answers for a chunk of threads. */
export interface DiscussionReply {
  results?: Array<{ threadId: string; discussion: ThreadDiscussion }>;
  error?: string;
}

/**
 * As refreshDiscussion, with `workers` worker threads computing alongside this one (each opens
 * the store read-only; this thread writes everything). A store not on disk, or 0 workers, falls
 * back to the sequential refresh.
 */
export async function refreshDiscussionParallel(store: Store, workers: number): Promise<DiscussionRefresh | null> {
  if (!discussionStale(store)) return null;
  const t0 = performance.now();
  const pending = pendingThreads(store);
  if (workers <= 0 || pending.length < 2 * WORKER_CHUNK || store.path === ':memory:') return refreshSequential(store, pending, t0);
  const byId = new Map(pending.map((t) => [t.id, t]));
  const queue = [...pending];
  const write = threadWriter(store);
  const discuss = localDiscussion(store, write);
  const ready: Array<{ threadId: string; discussion: ThreadDiscussion }> = [];
  const pool = Array.from({ length: workers }, () => new Worker(new URL('../discussion/discussion-worker.mjs', import.meta.url), { workerData: { db: store.path } }));
  let failure: Error | null = null;
  let active = 0;
  const ask = (w: Worker): void => {
    const chunk = queue.splice(0, WORKER_CHUNK).map((t) => t.id);
    if (chunk.length === 0) return;
    active++;
    w.postMessage(chunk);
  };
  let wake: (() => void) | null = null;
  for (const w of pool) {
    w.on('message', (r: DiscussionReply) => {
      active--;
      if (r.error) failure ??= new Error(`BUG: discussion worker failed: ${r.error}`);
      else ready.push(...r.results!);
      if (!failure) ask(w);
      wake?.();
    });
    w.on('error', (err) => {
      active--;
      failure ??= new Error(`BUG: discussion worker crashed: ${err.message}`, { cause: err });
      wake?.();
    });
    ask(w);
  }
  try {
    const flush = (): void => {
      if (ready.length === 0) return;
      const results = ready.splice(0);
      store.transaction(() => {
        for (const r of results) write(byId.get(r.threadId)!, r.discussion);
      });
    };
    // This thread takes the smallest threads from the other end of the queue, and writes.
    while (!failure && (queue.length > 0 || active > 0 || ready.length > 0)) {
      flush();
      const mine = queue.splice(Math.max(0, queue.length - WORKER_CHUNK), WORKER_CHUNK);
      if (mine.length) {
        discuss(mine);
        // Let worker replies in.
        await new Promise<void>((r) => setImmediate(r));
      } else if (active > 0) {
        await new Promise<void>((r) => {
          wake = r;
          if (ready.length > 0 || failure) r();
        });
        wake = null;
      }
    }
    if (failure) throw failure;
    flush();
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  finish(store);
  return { threads: pending.length, ms: performance.now() - t0 };
}
