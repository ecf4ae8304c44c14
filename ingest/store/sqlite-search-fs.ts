// The full-text side of the SQLite store: an engine-neutral search plan run as one FTS5 MATCH
// ranked by bm25 through `rank MATCH` (fts5-plan.ts renders it), hits counted exactly, optionally
// one per thread or per lineage; the vocabulary for stem lookups; and the documents the static
// index is built from. SQLite-specific throughout (see README, "the store port").
import type Database from 'better-sqlite3';
import { fts5Plan } from './fts5-plan.ts';
import { FTS_COLUMNS } from './schema.ts';
import type { SqliteContext } from './sqlite-store-fs.ts';
import type { SearchTables } from './store-port.ts';
import type * as R from './store-rows.ts';

/** The lineage of a message: its own posting's, else the first posting of its thread. */
const FAMILY_OF = `COALESCE(
  (SELECT r.family FROM posting_patches pp JOIN revisions r ON r.posting = pp.posting WHERE pp.key = m.key LIMIT 1),
  (SELECT r.family FROM postings p JOIN revisions r ON r.posting = p.id WHERE p.cover_key = m.key LIMIT 1),
  (SELECT r.family FROM postings p JOIN revisions r ON r.posting = p.id WHERE p.thread_id = m.thread_id ORDER BY p.date, p.id LIMIT 1))`;

/** Shapes of prepared statements kept (a query's SQL depends only on its shape, so a process
 *  answering many queries prepares each shape once); more are prepared anew. */
const MAX_STATEMENTS = 256;

type Row = R.HitRow & { total?: number; groups?: number };

export class SqliteSearch implements SearchTables {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();

  constructor(ctx: SqliteContext) {
    this.db = ctx.db;
  }

  private prepared(sql: string): Database.Statement<unknown[]> {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      st = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  wordsInRange(from: string, to: string): string[] {
    return this.prepared('SELECT term FROM messages_fts_words WHERE term >= ? AND term < ?').pluck().all(from, to) as string[];
  }

  /** Matching messages. A match alone is counted in the full-text index without the join: every
   *  row of messages_fts is a message's (both are written in one transaction, never deleted). */
  private countMatches(match: string | null, from: string, whereSql: string, params: unknown[]): number {
    const sql = match && params.length === 1 ? 'SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?' : `SELECT count(*) AS n FROM ${from} ${whereSql}`;
    return (this.prepared(sql).get(...params) as { n: number }).n;
  }

  find(query: R.SearchPlan, opts: R.FindOptions): R.FindResult {
    const plan = fts5Plan(query);
    // bm25 with the column weights, in the column order of messages_fts.
    const bm25 = `bm25(${FTS_COLUMNS.map((f) => String(opts.weights[f])).join(', ')})`;
    const from = plan.match ? 'messages_fts f JOIN messages m ON m.id = f.rowid' : 'messages m';
    const where = [...(plan.match ? [{ sql: `messages_fts MATCH ? AND f.rank MATCH '${bm25}'`, params: [plan.match] }] : []), ...plan.filters];
    const whereSql = where.length ? `WHERE ${where.map((w) => w.sql).join(' AND ')}` : '';
    const params = where.flatMap((w) => w.params);
    const rank = plan.match ? 'f.rank' : '0';
    const byDate = opts.byDate || !plan.match;
    if (opts.collapse !== 'none') {
      const family = opts.collapse === 'series' ? FAMILY_OF : 'NULL';
      const key = opts.collapse === 'thread' ? 'thread_id' : "COALESCE(family, 'thread:' || thread_id)";
      const order = byDate ? 'date DESC, id DESC' : 'rank, date DESC';
      const grouped = `WITH hits AS (
          SELECT m.id, m.key, m.thread_id AS threadId, m.thread_id, m.subject, m.author, m.date, ${rank} AS rank, ${family} AS family FROM ${from} ${whereSql}),
        ranked AS (SELECT *, count(*) OVER (PARTITION BY ${key}) AS collapsed, row_number() OVER (PARTITION BY ${key} ORDER BY ${order}) AS rn FROM hits)`;
      if (opts.limit > 0) {
        // Groups and matches counted in the same pass as the rows (windows over every group,
        // before the LIMIT): each matching message is in exactly one group.
        const rows = this.prepared(`${grouped} SELECT *, count(*) OVER () AS groups, sum(collapsed) OVER () AS total FROM ranked WHERE rn = 1 ORDER BY ${order} LIMIT ?`).all(
          ...params,
          opts.limit,
        ) as Row[];
        return { rows, groups: rows[0]?.groups ?? 0, total: rows[0]?.total ?? 0 };
      }
      const groups = (this.prepared(`${grouped} SELECT count(*) AS n FROM ranked WHERE rn = 1`).get(...params) as { n: number }).n;
      return { rows: [], groups, total: this.countMatches(plan.match, from, whereSql, params) };
    }
    const order = byDate ? 'm.date DESC, m.id DESC' : 'f.rank, m.date DESC';
    const select = `SELECT m.id, m.key, m.thread_id AS threadId, m.subject, m.author, m.date, ${rank} AS rank, NULL AS family, 0 AS collapsed`;
    if (plan.filters.length > 0 && opts.limit > 0) {
      // With predicates beside the match, counting costs as much as finding the rows: count
      // them in the same pass (exact: a window over every matching row, before the LIMIT).
      const rows = this.prepared(`${select}, count(*) OVER () AS total FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ?`).all(...params, opts.limit) as Row[];
      return { rows, total: rows[0]?.total ?? 0 };
    }
    const rows = this.prepared(`${select} FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ?`).all(...params, opts.limit) as Row[];
    return { rows, total: this.countMatches(plan.match, from, whereSql, params) };
  }

  hitDetail(rowId: number, withFamily: boolean): R.HitDetailRow {
    const d = this.prepared(
      `SELECT message_id AS messageId, recipients, body, parts, (SELECT group_concat(list, ',') FROM message_lists l WHERE l.message = m.id) AS lists,
              ${withFamily ? FAMILY_OF : 'NULL'} AS family
       FROM messages m WHERE id = ?`,
    ).get(rowId) as { messageId: string; recipients: string; body: string; parts: string; lists: string | null; family: string | null };
    const rcpt = JSON.parse(d.recipients) as { to: R.HitDetailRow['to']; cc: R.HitDetailRow['cc'] };
    return { messageId: d.messageId, to: rcpt.to, cc: rcpt.cc, body: d.body, parts: JSON.parse(d.parts) as R.StoredPart[], lists: d.lists ? d.lists.split(',').sort() : [], family: d.family };
  }

  *documents(afterId = 0): Iterable<R.DocumentRow> {
    // Ids first, then each message by id: a statement iterating over whole rows would keep the
    // table read while the caller works, and bodies are large.
    const ids = this.db.prepare('SELECT id FROM messages WHERE thread_id IS NOT NULL AND id > ? ORDER BY id').pluck().all(afterId) as number[];
    yield* this.documentsById(ids);
  }

  *documentsOf(threadIds: readonly string[]): Iterable<R.DocumentRow> {
    const st = this.db.prepare('SELECT id FROM messages WHERE thread_id = ?').pluck();
    const ids = threadIds.flatMap((t) => st.all(t) as number[]).sort((a, b) => a - b);
    yield* this.documentsById(ids);
  }

  private *documentsById(ids: readonly number[]): Iterable<R.DocumentRow> {
    const row = this.db.prepare(
      `SELECT m.id, m.key, m.message_id AS messageId, m.thread_id AS threadId, m.subject, m.author, m.from_name AS fromName, m.recipients,
              m.date, m.body, m.parts, (SELECT group_concat(list, ',') FROM message_lists l WHERE l.message = m.id) AS lists,
              (SELECT json_group_array(json_array(facet, value)) FROM message_facets f WHERE f.message = m.id) AS facets
       FROM messages m WHERE m.id = ?`,
    );
    type Doc = Omit<R.DocumentRow, 'to' | 'cc' | 'parts' | 'lists' | 'facets'> & { recipients: string; parts: string; lists: string | null; facets: string };
    for (const id of ids) {
      const { recipients, parts, lists, facets, ...r } = row.get(id) as Doc;
      const rcpt = JSON.parse(recipients) as { to: R.DocumentRow['to']; cc: R.DocumentRow['cc'] };
      yield {
        ...r,
        to: rcpt.to,
        cc: rcpt.cc,
        parts: JSON.parse(parts) as R.StoredPart[],
        lists: lists ? lists.split(',').sort() : [],
        facets: (JSON.parse(facets) as Array<[string, string]>).sort(([a, x], [b, y]) => (a + '\0' + x < b + '\0' + y ? -1 : 1)),
      };
    }
  }

  replaceFacet(facet: string, rows: Iterable<{ key: string; value: string }>): void {
    this.db.prepare('DELETE FROM message_facets WHERE facet = ?').run(facet);
    const ins = this.db.prepare('INSERT OR IGNORE INTO message_facets (message, facet, value) SELECT id, ?, ? FROM messages WHERE key = ?');
    for (const r of rows) ins.run(facet, r.value, r.key);
  }

  *facetMessages(facet: string): Iterable<{ value: string; id: number }> {
    yield* this.db.prepare('SELECT value, message AS id FROM message_facets WHERE facet = ? ORDER BY value, message').iterate(facet) as Iterable<{ value: string; id: number }>;
  }

  facetValues(facet: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const r of this.db.prepare('SELECT m.key, f.value FROM message_facets f JOIN messages m ON m.id = f.message WHERE f.facet = ? ORDER BY m.key, f.value').iterate(facet) as Iterable<{ key: string; value: string }>) {
      out.set(r.key, [...(out.get(r.key) ?? []), r.value]);
    }
    return out;
  }
}
