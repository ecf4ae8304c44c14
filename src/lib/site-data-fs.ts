// What the site reads from the store, at build time. The store is opened read-only once, from
// $PATCHLORE_DB (set by `patchlore build`). Pages call these per page, so memory stays flat however
// many threads there are. Rows only: shaping them for pages is the view models' job.
import { familyIds, lineageOf, seriesRows, threadSeries, type SeriesLineage, type SeriesRow, type ThreadSeries } from '../../ingest/store/series-queries-fs.ts';
import { openStore, type Store, type StoredPart } from '../../ingest/store/store-fs.ts';

let store: Store | null = null;

function db(): Store {
  if (!store) {
    const path = process.env.PATCHLORE_DB;
    if (!path) throw new Error('PATCHLORE_DB is not set: build the site with `patchlore build`');
    store = openStore(path, { readonly: true });
  }
  return store;
}

/** A message row as pages need it. */
export interface MessageRow {
  key: string;
  messageId: string;
  imposter: boolean;
  subject: string;
  fromName: string;
  fromEmail: string;
  date: number | null;
  body: string;
  parts: StoredPart[];
  lists: string[];
}

/** A node of a thread, with its message when it is not a ghost. */
export interface NodeRow {
  id: string;
  ghost: boolean;
  parent: string | null;
  depth: number;
  message: MessageRow | null;
}

export interface ThreadRow {
  id: string;
  root: string;
  subject: string;
  messages: number;
  ghosts: number;
  firstDate: number | null;
  lastDate: number | null;
}

export function threadIds(): string[] {
  return (db().db.prepare('SELECT id FROM threads ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
}

export function threadRow(id: string): ThreadRow | null {
  return (
    (db().db.prepare('SELECT id, root, subject, messages, ghosts, first_date AS firstDate, last_date AS lastDate FROM threads WHERE id = ?').get(id) as
      | ThreadRow
      | undefined) ?? null
  );
}

/** The shown nodes of a thread in display order. */
export function threadNodes(id: string): NodeRow[] {
  const rows = db()
    .db.prepare(
      `SELECT n.id, n.ghost, n.parent, n.depth, m.id AS rowid, m.key, m.message_id AS messageId, m.imposter, m.subject,
              m.from_name AS fromName, m.from_email AS fromEmail, m.date, m.body, m.parts,
              (SELECT group_concat(list, ',') FROM message_lists l WHERE l.message = m.id) AS lists
       FROM nodes n LEFT JOIN messages m ON m.key = n.id
       WHERE n.thread_id = ? AND n.shown = 1 ORDER BY n.ord`,
    )
    .all(id) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: r.id as string,
    ghost: r.ghost === 1,
    parent: (r.parent as string | null) ?? null,
    depth: r.depth as number,
    message:
      r.ghost === 1
        ? null
        : {
            key: r.key as string,
            messageId: r.messageId as string,
            imposter: r.imposter === 1,
            subject: r.subject as string,
            fromName: r.fromName as string,
            fromEmail: r.fromEmail as string,
            date: (r.date as number | null) ?? null,
            body: r.body as string,
            parts: JSON.parse(r.parts as string) as StoredPart[],
            lists: r.lists ? (r.lists as string).split(',').sort() : [],
          },
  }));
}

export interface ListRow {
  name: string;
  messages: number;
  threads: number;
  lastDate: number | null;
}

export function lists(): ListRow[] {
  return db()
    .db.prepare(
      `SELECT l.list AS name, count(DISTINCT l.message) AS messages,
              (SELECT count(*) FROM thread_lists t WHERE t.list = l.list) AS threads,
              (SELECT max(last_date) FROM thread_lists t WHERE t.list = l.list) AS lastDate
       FROM message_lists l GROUP BY l.list ORDER BY l.list`,
    )
    .all() as ListRow[];
}

/** Threads of a list, most recently active first. */
export function listThreads(list: string, offset: number, limit: number): ThreadRow[] {
  return db()
    .db.prepare(
      `SELECT t.id, t.root, t.subject, t.messages, t.ghosts, t.first_date AS firstDate, t.last_date AS lastDate
       FROM thread_lists l JOIN threads t ON t.id = l.thread_id
       WHERE l.list = ? ORDER BY l.last_date DESC, t.id LIMIT ? OFFSET ?`,
    )
    .all(list, limit, offset) as ThreadRow[];
}

/** Threads on no known list (imported without --list from mail without List-Id). */
export function unlistedThreads(offset: number, limit: number): ThreadRow[] {
  return db()
    .db.prepare(
      `SELECT id, root, subject, messages, ghosts, first_date AS firstDate, last_date AS lastDate FROM threads
       WHERE id NOT IN (SELECT thread_id FROM thread_lists) ORDER BY last_date DESC, id LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as ThreadRow[];
}

/** Threads active most recently, across lists. */
export function recentThreads(limit: number): ThreadRow[] {
  return db()
    .db.prepare('SELECT id, root, subject, messages, ghosts, first_date AS firstDate, last_date AS lastDate FROM threads ORDER BY last_date DESC, id LIMIT ?')
    .all(limit) as ThreadRow[];
}

export function totals(): { messages: number; threads: number; ghosts: number } {
  const d = db().db;
  return {
    messages: (d.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n,
    threads: (d.prepare('SELECT count(*) AS n FROM threads').get() as { n: number }).n,
    ghosts: (d.prepare('SELECT count(*) AS n FROM nodes WHERE ghost = 1 AND shown = 1').get() as { n: number }).n,
  };
}

/** Every message key with its Message-ID and thread, for /m/ pages and the search index. */
export function* messageIndex(): Generator<{ key: string; messageId: string; threadId: string; subject: string; author: string; date: number | null; imposter: boolean }> {
  const rows = db()
    .db.prepare('SELECT key, message_id AS messageId, thread_id AS threadId, subject, author, date, imposter FROM messages WHERE thread_id IS NOT NULL ORDER BY id')
    .all() as Array<{ key: string; messageId: string; threadId: string; subject: string; author: string; date: number | null; imposter: number }>;
  for (const r of rows) yield { ...r, imposter: r.imposter === 1 };
}

/** Ghost ids with their thread: /m/<ghost>/ leads to where the missing message would be. */
export function ghostIndex(): Array<{ id: string; threadId: string }> {
  return db().db.prepare('SELECT id, thread_id AS threadId FROM nodes WHERE ghost = 1 AND shown = 1').all() as Array<{ id: string; threadId: string }>;
}

/** Every series lineage id. */
export function seriesFamilies(): string[] {
  return familyIds(db());
}

/** A lineage: its revisions, oldest first, with patches, trailers, reply counts and changes. */
export function seriesLineage(family: string): Omit<SeriesLineage, 'postingId'> | null {
  return lineageOf(db(), family);
}

/** Every revision of every lineage with a posting on `list` (all lineages when list is null). */
export function seriesTable(list: string | null): SeriesRow[] {
  return seriesRows(db(), list ?? undefined);
}

/** The postings a thread starts, placed in their lineages. */
export function seriesOfThread(threadId: string): ThreadSeries[] {
  return threadSeries(db(), threadId);
}

/** Lineages with a posting on each list. */
export function seriesCounts(): Map<string, number> {
  const rows = db()
    .db.prepare(
      `SELECT t.list, count(DISTINCT r.family) AS n FROM revisions r JOIN postings p ON p.id = r.posting
       JOIN thread_lists t ON t.thread_id = p.thread_id GROUP BY t.list`,
    )
    .all() as Array<{ list: string; n: number }>;
  return new Map(rows.map((r) => [r.list, r.n]));
}
