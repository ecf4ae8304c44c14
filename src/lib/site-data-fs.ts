// What the site reads from the store, at build time. The store is opened read-only once, from
// $PATCHLORE_DB (set by `patchlore build`). Pages call these per page, so memory stays flat however
// many threads there are. Rows only: shaping them for pages is the view models' job.
import { familyIds, lineageOf, seriesRows, threadSeries, type SeriesLineage, type SeriesRow, type ThreadSeries } from '../../ingest/store/series-queries-fs.ts';
import { lineageStatus, threadLinks, type ThreadLink } from '../../ingest/store/discussion-queries-fs.ts';
import { openStore, type Store, type StoredPart } from '../../ingest/store/store-fs.ts';
import { topicEntries, topicStatements, type TopicEntry } from '../../ingest/store/topic-queries-fs.ts';
import type { StatementFields, StatementOut } from '../../ingest/store/discussion-queries-fs.ts';
import { citationResolver, storeTopicsFs } from '../../ingest/topic/read-topics-fs.ts';
import type { Topic } from '../../ingest/topic/read-topic.ts';
import { renderTopic } from '../../ingest/topic/render-topic.ts';
import { messagePath } from './paths.ts';

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
  /** Store row id (what the discussion tables refer to). */
  rowId: number;
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
            rowId: r.rowid as number,
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

/** A statement row, for thread pages. */
export interface StatementRow extends StatementFields {
  message: number;
  from: number;
  to: number;
}

/** Who wrote a quoted block of a message. */
export interface QuoteSourceRow {
  message: number;
  from: number;
  to: number;
  depth: number;
  sourceKey: string | null;
  authorName: string;
  authorEmail: string;
  how: string;
}

/** The statements and quote sources of a thread's messages. */
export function threadDiscussion(threadId: string): { statements: StatementRow[]; quotes: QuoteSourceRow[] } {
  const d = db().db;
  return {
    statements: d
      .prepare(
        `SELECT s.message, s.kind, s.text, s.span_from AS "from", s.span_to AS "to", s.answers_text AS answersText, s.answers_name AS answersName,
                s.answers_email AS answersEmail, s.answers_key AS answersKey, s.confidence, s.why
         FROM statements s JOIN messages m ON m.id = s.message WHERE m.thread_id = ? ORDER BY s.message, s.span_from`,
      )
      .all(threadId) as StatementRow[],
    quotes: d
      .prepare(
        `SELECT q.message, q.span_from AS "from", q.span_to AS "to", q.depth, q.source_key AS sourceKey, q.author_name AS authorName, q.author_email AS authorEmail, q.how
         FROM quote_sources q JOIN messages m ON m.id = q.message WHERE m.thread_id = ? ORDER BY q.message, q.span_from`,
      )
      .all(threadId) as QuoteSourceRow[],
  };
}

/** What a thread cites in other threads, and what cites it. */
export function threadCitations(threadId: string): ReturnType<typeof threadLinks> {
  return threadLinks(db(), threadId);
}

/** Where a lineage stands: latest revision, applied or not, NAKs outstanding, superseded. */
export function seriesStatus(family: string): ReturnType<typeof lineageStatus> {
  return lineageStatus(db(), family);
}

/** What the threads of a lineage cite, and what cites them, leaving out links between its own
 *  threads (revisions pointing at each other). */
export function seriesCitations(family: string): { cites: ThreadLink[]; citedBy: ThreadLink[] } {
  const threads = (db().db.prepare('SELECT DISTINCT p.thread_id AS t FROM revisions r JOIN postings p ON p.id = r.posting WHERE r.family = ?').all(family) as Array<{ t: string }>).map((r) => r.t);
  const own = new Set(threads);
  const cites: ThreadLink[] = [];
  const citedBy: ThreadLink[] = [];
  for (const t of threads) {
    const l = threadLinks(db(), t);
    cites.push(...l.cites.filter((x) => !x.targetThread || !own.has(x.targetThread)));
    citedBy.push(...l.citedBy.filter((x) => !own.has(x.fromThread)));
  }
  return { cites, citedBy };
}

/** The topics of content/topics about this store's lists (a topic that cannot be read fails
 *  the build, naming it). */
export function siteTopics(): Topic[] {
  const { topics, problems } = storeTopicsFs(db());
  if (problems.length) throw new Error(`topics cannot be built:\n${problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`);
  return topics;
}

/** What a topic page shows: its body with citations, its timeline, its key statements. */
export function topicData(topic: Topic): { html: string; entries: TopicEntry[]; statements: StatementOut[] } {
  const rendered = renderTopic(topic, citationResolver(db(), messagePath));
  if (rendered.problems.length) throw new Error(rendered.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  const entries = topicEntries(db(), topic.query, topic.lineages);
  const statements = topicStatements(db(), entries.flatMap((e) => e.threads), topic.messages);
  return { html: rendered.html, entries, statements };
}
