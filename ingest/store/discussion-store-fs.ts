// Keeps the discussion tables current: threads whose messages changed since their discussion was
// computed (new mail joined, threads merged) are recomputed whole; the cited messages of each
// message come from its patch metadata. Runs after threading, like the series refresh.
import { discussThread, type DiscussionInput, type ThreadDiscussion } from '../discussion/discuss-thread.ts';
import type { Store } from './store-fs.ts';

/** Record that messages were stored since the discussion was last brought up to date. */
export function markDiscussionStale(store: Store): void {
  store.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('discussion_dirty', '1')").run();
}

export function discussionStale(store: Store): boolean {
  return (store.db.prepare("SELECT value FROM meta WHERE key = 'discussion_dirty'").get() as { value: string } | undefined)?.value === '1';
}

/** Threads to (re)compute: new, or changed since they were. */
function pendingThreads(store: Store): Array<{ id: string; messages: number; idSum: number }> {
  return store.db
    .prepare(
      `SELECT t.thread_id AS id, t.n AS messages, t.s AS idSum
       FROM (SELECT thread_id, count(*) AS n, sum(id) AS s FROM messages WHERE thread_id IS NOT NULL GROUP BY thread_id) t
       LEFT JOIN discussed_threads d ON d.thread_id = t.thread_id
       WHERE d.thread_id IS NULL OR d.messages != t.n OR d.id_sum != t.s`,
    )
    .all() as Array<{ id: string; messages: number; idSum: number }>;
}

/** Threads recomputed per transaction. */
const BATCH = 200;

/** Bring the discussion tables up to date when messages were stored since; returns how many
 *  threads were recomputed (0 when nothing was pending), or null when the tables were current. */
export function refreshDiscussion(store: Store, onProgress?: (done: number, total: number) => void): { threads: number; ms: number } | null {
  if (!discussionStale(store)) return null;
  const t0 = performance.now();
  const db = store.db;
  const pending = pendingThreads(store);
  const load = db.prepare(
    `SELECT m.id, m.key, m.parent, m.date, m.from_name AS name, m.from_email AS email, m.body, coalesce(p.kind, 'other') AS kind
     FROM messages m LEFT JOIN patch_meta p ON p.message = m.id WHERE m.thread_id = ?`,
  );
  const ids = db.prepare('SELECT id FROM messages WHERE thread_id = ?');
  const del = ['quote_sources', 'statements', 'verdicts', 'message_links'].map((t) => db.prepare(`DELETE FROM ${t} WHERE message = ?`));
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
  const write = (threadId: string, d: ThreadDiscussion): void => {
    for (const { id } of ids.all(threadId) as Array<{ id: number }>) for (const st of del) st.run(id);
    for (const q of d.quotes) {
      const a = q.source.author;
      insQuote.run(q.message, q.block, q.depth, q.from, q.to, q.source.messageKey, a?.name ?? '', a?.email ?? '', q.source.how, q.source.confidence);
    }
    for (const s of d.statements) {
      const a = s.answers;
      insStatement.run(s.message, s.kind, s.text, s.from, s.to, a?.text ?? null, a?.author?.name ?? null, a?.author?.email ?? null, a?.messageKey ?? null, s.confidence, s.why);
    }
    for (const v of d.verdicts) insVerdict.run(v.message, v.target, v.kind, v.by.name, v.by.email, v.text, v.from, v.to, v.confidence, v.why);
    insLinks.run(threadId);
  };
  for (let i = 0; i < pending.length; i += BATCH) {
    const batch = pending.slice(i, i + BATCH);
    store.transaction(() => {
      for (const t of batch) {
        const inputs = (load.all(t.id) as Array<{ id: number; key: string; parent: string | null; date: number | null; name: string; email: string; body: string; kind: string }>).map(
          (r): DiscussionInput => ({ id: r.id, key: r.key, parent: r.parent, date: r.date, from: { name: r.name, email: r.email }, body: r.body, kind: r.kind }),
        );
        write(t.id, discussThread(inputs));
        done.run(t.id, t.messages, t.idSum);
      }
    });
    onProgress?.(Math.min(i + BATCH, pending.length), pending.length);
  }
  store.transaction(() => {
    db.prepare('DELETE FROM discussed_threads WHERE thread_id NOT IN (SELECT id FROM threads)').run();
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('discussion_dirty', '0')").run();
  });
  return { threads: pending.length, ms: performance.now() - t0 };
}
