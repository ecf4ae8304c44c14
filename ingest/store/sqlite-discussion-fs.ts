// The discussion tables of the SQLite store: who wrote each quoted block, the statements and
// verdicts of replies, the messages each message cites, and which threads they are current for.
// Keyed by message row id (keys change when an imposter is re-keyed); spans are character offsets
// in messages.body. What a statement is, is the discussion stage's (ingest/discussion/).
import type Database from 'better-sqlite3';
import type { SqliteContext } from './sqlite-store-fs.ts';
import type { DiscussionTables } from './store-port.ts';
import type * as R from './store-rows.ts';

/** The columns of a statement row with its message, as every reader selects them. */
const STATEMENT_COLUMNS = `m.key AS messageId, m.subject, m.from_name AS author, m.from_email AS email, m.date, s.text, s.kind, s.answers_text AS answersText,
  s.answers_name AS answersName, s.answers_email AS answersEmail, s.answers_key AS answersKey, s.confidence, s.why`;
const VERDICT_COLUMNS = 'm.key AS messageId, v.by_name AS author, v.by_email AS email, m.date, v.kind, v.text, v.target_key AS target, v.confidence, v.why';
const LINK_COLUMNS = `m.key AS "from", m.from_name AS fromAuthor, l.target, t.thread_id AS targetThread, t.key AS targetKey, t.subject AS targetSubject,
  m.thread_id AS fromThread, m.subject AS fromSubject`;
/** Threads with their message count and id sum, from the messages as stored now. */
const THREAD_SIGNATURES = 'SELECT thread_id, count(*) AS n, sum(id) AS s FROM messages WHERE thread_id IS NOT NULL GROUP BY thread_id';

export class SqliteDiscussion implements DiscussionTables {
  private readonly db: Database.Database;
  private readonly q;

  constructor(ctx: SqliteContext) {
    const db = (this.db = ctx.db);
    this.q = {
      inputs: db.prepare(
        `SELECT m.id, m.key, m.parent, m.date, m.from_name AS name, m.from_email AS email, m.body, coalesce(p.kind, 'other') AS kind
         FROM messages m LEFT JOIN patch_meta p ON p.message = m.id WHERE m.thread_id = ?`,
      ),
      statementsOfMessage: db.prepare(`SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN messages m ON m.id = s.message WHERE m.key = ? ORDER BY s.span_from`),
      statementsInThreadOrder: db.prepare(
        `SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN messages m ON m.id = s.message JOIN nodes n ON n.id = m.key WHERE m.thread_id = ? ORDER BY n.ord, s.span_from`,
      ),
      statementsInDateOrder: db.prepare(`SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN messages m ON m.id = s.message WHERE m.thread_id = ? ORDER BY m.date, m.id, s.span_from`),
      statementsByRowId: db.prepare(`SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN messages m ON m.id = s.message WHERE s.message = ? ORDER BY s.span_from`),
      verdictsOfMessage: db.prepare(`SELECT ${VERDICT_COLUMNS} FROM verdicts v JOIN messages m ON m.id = v.message WHERE m.key = ? ORDER BY v.span_from`),
      verdictsOfThread: db.prepare(
        `SELECT ${VERDICT_COLUMNS} FROM verdicts v JOIN messages m ON m.id = v.message JOIN nodes n ON n.id = m.key WHERE m.thread_id = ? ORDER BY n.ord, v.span_from`,
      ),
      quoteSource: db.prepare(
        `SELECT message, span_from AS "from", span_to AS "to", depth, source_key AS sourceKey, author_name AS authorName, author_email AS authorEmail, how
         FROM quote_sources WHERE message = ? AND block = ?`,
      ),
      cites: db.prepare(
        `SELECT ${LINK_COLUMNS}
         FROM message_links l JOIN messages m ON m.id = l.message
         LEFT JOIN messages t ON t.key = (SELECT key FROM messages WHERE message_id = l.target ORDER BY imposter LIMIT 1)
         WHERE m.thread_id = ? AND (t.thread_id IS NULL OR t.thread_id != m.thread_id)
         ORDER BY m.date, l.target`,
      ),
      citedBy: db.prepare(
        `SELECT ${LINK_COLUMNS}
         FROM messages t JOIN message_links l ON l.target = t.message_id JOIN messages m ON m.id = l.message
         WHERE t.thread_id = ? AND m.thread_id != t.thread_id
         ORDER BY m.date, m.key`,
      ),
      lineagePostings: db.prepare('SELECT p.id FROM revisions r JOIN postings p ON p.id = r.posting WHERE r.family = ? ORDER BY p.date, p.id').pluck(),
      // The verdicts on every posting's cover letter and patches: by posting in date order, then
      // by the message they are on, then as said.
      lineageVerdicts: db.prepare(
        `WITH fam AS (SELECT p.id, p.date, p.cover_key FROM revisions r JOIN postings p ON p.id = r.posting WHERE r.family = ?),
         members AS (SELECT id AS posting, cover_key AS key FROM fam WHERE cover_key IS NOT NULL
                     UNION SELECT pp.posting, pp.key FROM posting_patches pp JOIN fam ON fam.id = pp.posting)
         SELECT f.id AS posting, v.kind, v.by_name AS name, v.by_email AS email, v.text, m.key AS messageId, m.date, m.date_header AS dateHeader
         FROM members mb JOIN fam f ON f.id = mb.posting JOIN verdicts v ON v.target_key = mb.key JOIN messages m ON m.id = v.message
         ORDER BY f.date, f.id, mb.key, m.date, v.id`,
      ),
    };
  }

  pendingThreads(): R.PendingThread[] {
    return this.db
      .prepare(
        `SELECT t.thread_id AS id, t.n AS messages, t.s AS idSum
         FROM (${THREAD_SIGNATURES}) t
         LEFT JOIN discussed_threads d ON d.thread_id = t.thread_id
         WHERE d.thread_id IS NULL OR d.messages != t.n OR d.id_sum != t.s
         ORDER BY t.n DESC, t.thread_id`,
      )
      .all() as R.PendingThread[];
  }

  allThreads(): R.PendingThread[] {
    return this.db.prepare(`SELECT t.thread_id AS id, t.n AS messages, t.s AS idSum FROM (${THREAD_SIGNATURES}) t ORDER BY t.n DESC, t.thread_id`).all() as R.PendingThread[];
  }

  threadInputs(threadId: string): R.DiscussionInputRow[] {
    type Row = { id: number; key: string; parent: string | null; date: number | null; name: string; email: string; body: string; kind: string };
    return (this.q.inputs.all(threadId) as Row[]).map((r) => ({
      id: r.id,
      key: r.key,
      parent: r.parent,
      date: r.date,
      from: { name: r.name, email: r.email },
      body: r.body,
      kind: r.kind,
    }));
  }

  private writer: ((t: R.PendingThread, d: R.DiscussionRecords) => void) | null = null;

  writeThread(thread: R.PendingThread, d: R.DiscussionRecords): void {
    (this.writer ??= this.makeWriter())(thread, d);
  }

  private makeWriter(): (t: R.PendingThread, d: R.DiscussionRecords) => void {
    const db = this.db;
    const del = ['quote_sources', 'statements', 'verdicts', 'message_links'].map((t) => db.prepare(`DELETE FROM ${t} WHERE message IN (SELECT id FROM messages WHERE thread_id = ?)`));
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

  prune(): void {
    this.db.prepare('DELETE FROM discussed_threads WHERE thread_id NOT IN (SELECT id FROM threads)').run();
  }

  forget(threadIds: readonly string[]): void {
    const st = this.db.prepare('DELETE FROM discussed_threads WHERE thread_id = ?');
    for (const t of threadIds) st.run(t);
  }

  statementsOfMessage(key: string): R.StatementRow[] {
    return this.q.statementsOfMessage.all(key) as R.StatementRow[];
  }

  allStatements(): R.StatementRow[] {
    return this.db.prepare(`SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN messages m ON m.id = s.message ORDER BY m.key, s.span_from`).all() as R.StatementRow[];
  }

  statementsOfThread(threadId: string, order: 'thread' | 'date'): R.StatementRow[] {
    return (order === 'thread' ? this.q.statementsInThreadOrder : this.q.statementsInDateOrder).all(threadId) as R.StatementRow[];
  }

  statementsByRowId(rowId: number): R.StatementRow[] {
    return this.q.statementsByRowId.all(rowId) as R.StatementRow[];
  }

  verdictsOfMessage(key: string): R.VerdictRow[] {
    return this.q.verdictsOfMessage.all(key) as R.VerdictRow[];
  }

  verdictsOfThread(threadId: string): R.VerdictRow[] {
    return this.q.verdictsOfThread.all(threadId) as R.VerdictRow[];
  }

  quoteSource(rowId: number, block: number): R.QuoteSourceRow | undefined {
    return this.q.quoteSource.get(rowId, block) as R.QuoteSourceRow | undefined;
  }

  threadSpans(threadId: string): { statements: R.StatementSpanRow[]; quotes: R.QuoteSourceRow[] } {
    const db = this.db;
    return {
      statements: db
        .prepare(
          `SELECT s.message, s.kind, s.text, s.span_from AS "from", s.span_to AS "to", s.answers_text AS answersText, s.answers_name AS answersName,
                  s.answers_email AS answersEmail, s.answers_key AS answersKey, s.confidence, s.why
           FROM statements s JOIN messages m ON m.id = s.message WHERE m.thread_id = ? ORDER BY s.message, s.span_from`,
        )
        .all(threadId) as R.StatementSpanRow[],
      quotes: db
        .prepare(
          `SELECT q.message, q.span_from AS "from", q.span_to AS "to", q.depth, q.source_key AS sourceKey, q.author_name AS authorName, q.author_email AS authorEmail, q.how
           FROM quote_sources q JOIN messages m ON m.id = q.message WHERE m.thread_id = ? ORDER BY q.message, q.span_from`,
        )
        .all(threadId) as R.QuoteSourceRow[],
    };
  }

  threadLinks(threadId: string): { cites: R.LinkRow[]; citedBy: R.LinkRow[] } {
    return { cites: this.q.cites.all(threadId) as R.LinkRow[], citedBy: this.q.citedBy.all(threadId) as R.LinkRow[] };
  }

  lineageVerdicts(family: string): { postings: string[]; verdicts: R.LineageVerdictRow[] } {
    return { postings: this.q.lineagePostings.all(family) as string[], verdicts: this.q.lineageVerdicts.all(family) as R.LineageVerdictRow[] };
  }
}
