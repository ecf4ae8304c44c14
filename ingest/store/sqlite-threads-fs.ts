// The thread tables of the SQLite store: every node of every thread (messages and ghosts), the
// threading columns of messages, and one summary row per thread and per list. Which node is whose
// parent, and what a summary says, are the thread stage's (ingest/thread/).
import type Database from 'better-sqlite3';
import type { Diagnostic, Recovered, ThreadInput, ThreadNode } from '../types.ts';
import type { SqliteContext } from './sqlite-store-fs.ts';
import type { ThreadTables } from './store-port.ts';
import type * as R from './store-rows.ts';

const THREAD_COLUMNS = 'id, root, subject, author, messages, ghosts, first_date AS firstDate, last_date AS lastDate';

export class SqliteThreads implements ThreadTables {
  private readonly db: Database.Database;
  private readonly q;

  constructor(ctx: SqliteContext) {
    const db = (this.db = ctx.db);
    this.q = {
      unthreaded: db.prepare('SELECT count(*) AS n FROM messages WHERE thread_id IS NULL').pluck(),
      nodeThread: db.prepare('SELECT thread_id FROM nodes WHERE id = ?').pluck(),
      nodeParent: db.prepare('SELECT parent FROM nodes WHERE id = ?').pluck(),
      dropMessages: db.prepare('UPDATE messages SET thread_id = NULL WHERE thread_id = ?'),
      dropNodes: db.prepare('DELETE FROM nodes WHERE thread_id = ?'),
      dropThread: db.prepare('DELETE FROM threads WHERE id = ?'),
      dropLists: db.prepare('DELETE FROM thread_lists WHERE thread_id = ?'),
      row: db.prepare(`SELECT ${THREAD_COLUMNS} FROM threads WHERE id = ?`),
      allNodes: db.prepare('SELECT id, parent, ghost FROM nodes WHERE thread_id = ?'),
      roleNodes: db.prepare(
        `SELECT m.key, m.subject, n.parent, m.imposter, m.from_email AS fromEmail
         FROM nodes n JOIN messages m ON m.key = n.id
         WHERE n.thread_id = ? AND n.shown = 1 AND n.ghost = 0 ORDER BY n.ord`,
      ),
      firstAuthor: db.prepare('SELECT from_name AS name, from_email AS email FROM messages WHERE thread_id = ? ORDER BY date LIMIT 1'),
    };
  }

  unthreadedCount(): number {
    return this.q.unthreaded.get() as number;
  }

  takeDirty(): ThreadInput[] {
    type Row = { key: string; refs: string; date: number | null };
    const db = this.db;
    const dirty = db.prepare('SELECT key, refs, date FROM messages WHERE thread_id IS NULL').all() as Row[];
    if (dirty.length === 0) return [];
    db.exec('CREATE TEMP TABLE IF NOT EXISTS wanted (id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM wanted;');
    const want = db.prepare('INSERT OR IGNORE INTO wanted (id) VALUES (?)');
    const inputs: ThreadInput[] = [];
    for (const r of dirty) {
      const refs = JSON.parse(r.refs) as string[];
      inputs.push({ key: r.key, references: refs, date: r.date });
      want.run(r.key);
      for (const id of refs) want.run(id);
    }
    // CROSS JOIN keeps this order: a lookup per wanted id. Left to itself, the planner scanned
    // every node of the store for each pass, which grows with the store, not with the new mail.
    const touched = db.prepare('SELECT DISTINCT n.thread_id FROM wanted w CROSS JOIN nodes n ON n.id = w.id').pluck().all() as string[];
    const members = db.prepare('SELECT key, refs, date FROM messages WHERE thread_id = ?');
    for (const t of touched) {
      for (const r of members.all(t) as Row[]) inputs.push({ key: r.key, references: JSON.parse(r.refs) as string[], date: r.date });
      this.drop(t);
    }
    db.exec('DELETE FROM wanted');
    return inputs;
  }

  summaryFacts(keys: readonly string[]): Map<string, R.ThreadFact> {
    const info = this.db.prepare("SELECT id, subject, CASE WHEN from_name != '' THEN from_name ELSE from_email END AS author, date FROM messages WHERE key = ?");
    const listsOf = this.db.prepare('SELECT list FROM message_lists WHERE message = ?').pluck();
    const out = new Map<string, R.ThreadFact>();
    for (const k of keys) {
      const m = info.get(k) as { id: number; subject: string; author: string; date: number | null } | undefined;
      if (m) out.set(k, { ...m, lists: listsOf.all(m.id) as string[] });
    }
    return out;
  }

  write(nodes: readonly ThreadNode[], summaries: readonly R.ThreadSummary[], keys: readonly string[], diagnostics: readonly Diagnostic[]): void {
    const db = this.db;
    const delDiag = db.prepare("DELETE FROM diagnostics WHERE message_key = ? AND code LIKE 'thread/%'");
    for (const k of keys) delDiag.run(k);
    const insNode = db.prepare('INSERT OR REPLACE INTO nodes (id, thread_id, ghost, parent, depth, ord, shown) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const setMsg = db.prepare('UPDATE messages SET thread_id = ?, parent = ?, depth = ?, ord = ? WHERE key = ?');
    for (const n of nodes) {
      insNode.run(n.id, n.threadId, n.ghost ? 1 : 0, n.parent, n.depth, n.order, n.shown ? 1 : 0);
      if (!n.ghost) setMsg.run(n.threadId, n.parent, n.depth, n.order, n.id);
    }
    const insThread = db.prepare('INSERT OR REPLACE INTO threads (id, root, subject, author, messages, ghosts, first_date, last_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insList = db.prepare('INSERT OR REPLACE INTO thread_lists (thread_id, list, last_date) VALUES (?, ?, ?)');
    for (const s of summaries) {
      insThread.run(s.id, s.root, s.subject, s.author, s.messages, s.ghosts, s.first, s.last);
      for (const l of s.lists) insList.run(s.id, l.list, l.last);
    }
    const insDiag = db.prepare('INSERT INTO diagnostics (raw_id, message_key, code, message, expected, found) VALUES (NULL, ?, ?, ?, ?, ?)');
    for (const d of diagnostics) insDiag.run(d.messageId ?? '', d.code, d.message, d.expected ?? null, d.found ?? null);
  }

  invalidate(nodeIds: readonly string[]): void {
    const threads = new Set<string>();
    for (const id of nodeIds) {
      const t = this.q.nodeThread.get(id) as string | undefined;
      if (t) threads.add(t);
    }
    for (const t of threads) this.drop(t);
  }

  /** Forget a thread: its messages wait to be threaded again. */
  drop(threadId: string): void {
    this.q.dropMessages.run(threadId);
    this.q.dropNodes.run(threadId);
    this.q.dropThread.run(threadId);
    this.q.dropLists.run(threadId);
  }

  ids(): string[] {
    return this.db.prepare('SELECT id FROM threads ORDER BY id').pluck().all() as string[];
  }

  row(threadId: string): R.ThreadRow | null {
    return (this.q.row.get(threadId) as R.ThreadRow | undefined) ?? null;
  }

  shownNodes(threadId: string): R.NodeRow[] {
    const rows = this.db
      .prepare(
        `SELECT n.id, n.ghost, n.parent, n.depth, m.id AS rowid, m.key, m.message_id AS messageId, m.imposter, m.subject,
                m.from_name AS fromName, m.from_email AS fromEmail, m.date, m.date_header AS dateHeader, m.body, m.parts, m.recovered,
                (SELECT group_concat(list, ',') FROM message_lists l WHERE l.message = m.id) AS lists
         FROM nodes n LEFT JOIN messages m ON m.key = n.id
         WHERE n.thread_id = ? AND n.shown = 1 ORDER BY n.ord`,
      )
      .all(threadId) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      id: r.id as string,
      ghost: r.ghost === 1,
      parent: (r.parent as string | null) ?? null,
      depth: r.depth as number,
      message:
        r.ghost === 1 || r.rowid === null
          ? null
          : {
              rowId: r.rowid as number,
              key: r.key as string,
              messageId: r.messageId as string,
              imposter: r.imposter === 1,
              subject: r.subject as string,
              fromName: r.fromName as string,
              fromEmail: r.fromEmail as string,
              date: (r.date as number | null) ?? null,
              dateHeader: (r.dateHeader as string | null) ?? '',
              body: r.body as string,
              parts: JSON.parse(r.parts as string) as R.StoredPart[],
              lists: r.lists ? (r.lists as string).split(',').sort() : [],
              recovered: r.recovered ? (JSON.parse(r.recovered as string) as Recovered) : null,
            },
    }));
  }

  roleNodes(threadId: string): R.RoleNodeRow[] {
    return (this.q.roleNodes.all(threadId) as Array<Omit<R.RoleNodeRow, 'imposter'> & { imposter: number }>).map((r) => ({ ...r, imposter: r.imposter === 1 }));
  }

  allNodes(threadId: string): R.NodeLink[] {
    return (this.q.allNodes.all(threadId) as Array<{ id: string; parent: string | null; ghost: number }>).map((n) => ({ id: n.id, parent: n.parent, ghost: n.ghost === 1 }));
  }

  threadOfNode(nodeId: string): string | null {
    return (this.q.nodeThread.get(nodeId) as string | undefined) ?? null;
  }

  parentOf(nodeId: string): string | null {
    return (this.q.nodeParent.get(nodeId) as string | null | undefined) ?? null;
  }

  lists(): R.ListRow[] {
    return this.db
      .prepare(
        `SELECT l.list AS name, count(DISTINCT l.message) AS messages,
                (SELECT count(*) FROM thread_lists t WHERE t.list = l.list) AS threads,
                (SELECT max(last_date) FROM thread_lists t WHERE t.list = l.list) AS lastDate
         FROM message_lists l GROUP BY l.list ORDER BY l.list`,
      )
      .all() as R.ListRow[];
  }

  listThreads(list: string, offset: number, limit: number): R.ThreadRow[] {
    return this.db
      .prepare(
        `SELECT t.id, t.root, t.subject, t.author, t.messages, t.ghosts, t.first_date AS firstDate, t.last_date AS lastDate
         FROM thread_lists l JOIN threads t ON t.id = l.thread_id
         WHERE l.list = ? ORDER BY l.last_date DESC, t.id LIMIT ? OFFSET ?`,
      )
      .all(list, limit, offset) as R.ThreadRow[];
  }

  recent(limit: number): R.ThreadRow[] {
    return this.db.prepare(`SELECT ${THREAD_COLUMNS} FROM threads ORDER BY last_date DESC, id LIMIT ?`).all(limit) as R.ThreadRow[];
  }

  *messageIndex(afterId = 0): Iterable<R.MessageIndexRow> {
    const rows = this.db
      .prepare('SELECT id, key, message_id AS messageId, thread_id AS threadId, subject, author, date, imposter FROM messages WHERE thread_id IS NOT NULL AND id > ? ORDER BY id')
      .iterate(afterId) as Iterable<Omit<R.MessageIndexRow, 'imposter'> & { imposter: number }>;
    for (const r of rows) yield { ...r, imposter: r.imposter === 1 };
  }

  *versions(): Iterable<R.ThreadVersionRow> {
    // Members from the thread index (no message row is read), keys from the nodes, then lists.
    const members = this.db.prepare(
      `SELECT thread_id AS id, sum(id) AS idSum, sum(ord) AS ordSum FROM messages INDEXED BY messages_thread
       WHERE thread_id IS NOT NULL GROUP BY thread_id`,
    );
    const sums = new Map<string, { idSum: number; ordSum: number }>();
    for (const r of members.iterate() as Iterable<{ id: string; idSum: number; ordSum: number }>) sums.set(r.id, { idSum: r.idSum, ordSum: r.ordSum });
    const keys = this.db.prepare('SELECT thread_id AS id, total(length(id)) AS keyChars FROM nodes INDEXED BY nodes_thread GROUP BY thread_id');
    const keyChars = new Map<string, number>();
    for (const r of keys.iterate() as Iterable<{ id: string; keyChars: number }>) keyChars.set(r.id, r.keyChars);
    const listings = new Map<string, number>();
    // Through the thread index: reading thread_id from message rows would read whole messages.
    for (const r of this.db
      .prepare(
        `SELECT m.thread_id AS id, count(*) AS n FROM messages m INDEXED BY messages_thread CROSS JOIN message_lists l ON l.message = m.id
         WHERE m.thread_id IS NOT NULL GROUP BY m.thread_id`,
      )
      .iterate() as Iterable<{ id: string; n: number }>)
      listings.set(r.id, r.n);
    const lists = new Map<string, string>();
    for (const r of this.db.prepare('SELECT thread_id AS id, list FROM thread_lists ORDER BY thread_id, list').iterate() as Iterable<{ id: string; list: string }>) {
      lists.set(r.id, lists.has(r.id) ? `${lists.get(r.id)} ${r.list}` : r.list);
    }
    for (const r of this.db.prepare(`SELECT ${THREAD_COLUMNS} FROM threads`).iterate() as Iterable<R.ThreadRow>) {
      const s = sums.get(r.id);
      yield { ...r, idSum: s?.idSum ?? 0, ordSum: s?.ordSum ?? 0, keyChars: keyChars.get(r.id) ?? 0, listings: listings.get(r.id) ?? 0, lists: lists.get(r.id) ?? '' };
    }
  }

  ghosts(): Array<{ id: string; threadId: string }> {
    return this.db.prepare('SELECT id, thread_id AS threadId FROM nodes WHERE ghost = 1 AND shown = 1').all() as Array<{ id: string; threadId: string }>;
  }

  firstAuthor(threadId: string): { name: string; email: string } | null {
    return (this.q.firstAuthor.get(threadId) as { name: string; email: string } | undefined) ?? null;
  }
}
