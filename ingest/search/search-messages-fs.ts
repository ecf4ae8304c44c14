// `patchlore search QUERY` over the store: the lore query parsed, compiled to FTS5 (ranked by
// bm25 through `rank MATCH`) and SQL, hits in relevance or date order, optionally one per thread
// or per series lineage, each with a snippet marked where it matched. Shapes follow
// docs/cli.md. Reads the store only.
import type Database from 'better-sqlite3';
import type { Store } from '../store/store-fs.ts';
import { compileFts, type SqlPart } from './compile-fts.ts';
import { formatQueryError, parseQuery } from './parse-query.ts';
import { ALL_FIELDS, FIELD_WEIGHT } from './query-prefixes.ts';
import type { QueryError, SearchFields } from './query-types.ts';
import { HEADER_FIELDS, headerFields, searchFields, type HeaderField, type SearchInput } from './search-fields.ts';
import { highlightOf, searchSnippet } from './search-snippet.ts';
import { mayStemTo, stemRanges, stemSources, stemWord } from './stem-word.ts';

export { MARK_END, MARK_START } from './search-snippet.ts';

/** One hit of `patchlore search`. */
export interface SearchHit {
  messageId: string;
  threadId: string;
  subject: string;
  from: string;
  date: string | null;
  /** bm25 (higher is better); 0 when the query has no full-text part to rank by. */
  score: number;
  snippet: string;
  /** Lists the message was seen on. */
  lists: string[];
  /** The series lineage the message belongs to (docs/cli.md `family`), null for none. */
  family: string | null;
  /** With --collapse: how many hits its thread (or lineage) has. */
  collapsed?: number;
}

export interface SearchResult {
  query: string;
  /** Matching messages. */
  total: number;
  /** With --collapse: matching threads (or lineages). */
  groups?: number;
  sort: 'relevance' | 'date';
  collapse: 'none' | 'thread' | 'series';
  hits: SearchHit[];
}

export interface SearchOptions {
  limit: number;
  sort: 'relevance' | 'date';
  collapse?: 'none' | 'thread' | 'series';
  /** Anchor of relative dates (ms); now by default. */
  now?: number;
}

/** Thrown for a query that cannot be read; `detail` says where and how to fix it. */
export class QueryParseError extends Error {
  constructor(
    readonly query: string,
    readonly detail: QueryError,
  ) {
    super(formatQueryError(query, detail));
  }
}

/** bm25 with the column weights of FIELD_WEIGHT, in the column order of messages_fts
 *  (schema.ts declares its columns in ALL_FIELDS order). */
const BM25 = `bm25(${ALL_FIELDS.map((f) => String(FIELD_WEIGHT[f])).join(', ')})`;

/** The lineage of a message: its own posting's, else the first posting of its thread. */
const FAMILY_OF = `COALESCE(
  (SELECT r.family FROM posting_patches pp JOIN revisions r ON r.posting = pp.posting WHERE pp.key = m.key LIMIT 1),
  (SELECT r.family FROM postings p JOIN revisions r ON r.posting = p.id WHERE p.cover_key = m.key LIMIT 1),
  (SELECT r.family FROM postings p JOIN revisions r ON r.posting = p.id WHERE p.thread_id = m.thread_id ORDER BY p.date, p.id LIMIT 1))`;

type Statement = Database.Statement<unknown[]>;
/** Prepared statements per store, by SQL text: a query's SQL depends only on its shape, so a
 *  process answering many queries prepares each shape once. */
const statements = new WeakMap<Store, Map<string, Statement>>();
/** Shapes kept per store (more are prepared anew). */
const MAX_STATEMENTS = 256;

function prepared(store: Store, sql: string): Statement {
  let cache = statements.get(store);
  if (!cache) statements.set(store, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    st = store.db.prepare<unknown[]>(sql);
    cache.set(sql, st);
  }
  return st;
}

/** Words of the index sharing a stem, from the FTS5 vocabulary: range scans over the few
 *  ranges that can hold them (stemRanges), a cheap character test, then the stemmer decides. */
function vocabularyStems(store: Store): (stem: string) => string[] {
  const range = prepared(store, 'SELECT term FROM messages_fts_words WHERE term >= ? AND term < ?').pluck();
  return (stem) => {
    const words: string[] = [];
    for (const r of stemRanges(stem)) {
      for (const w of range.all(r.from, r.to) as string[]) if (mayStemTo(w, stem) && stemWord(w) === stem) words.push(w);
    }
    return [...words, ...stemSources(stem)];
  };
}

interface Row {
  id: number;
  key: string;
  threadId: string | null;
  subject: string;
  author: string;
  date: number | null;
  rank: number;
  family: string | null;
  collapsed: number;
  /** Matching messages (with the window count). */
  total?: number;
  /** With --collapse: matching groups (window count). */
  groups?: number;
}

/** A message's fields, the body split only when a snippet reads a field of it (a query on
 *  headers never does; some messages carry megabytes of attached config files). */
function lazyFields(input: SearchInput): SearchFields {
  const head = headerFields(input);
  let all: SearchFields | null = null;
  const out = {} as SearchFields;
  for (const f of ALL_FIELDS) {
    const header = (HEADER_FIELDS as readonly string[]).includes(f);
    Object.defineProperty(out, f, { enumerable: true, get: () => (header ? head[f as HeaderField] : (all ??= searchFields(input))[f]) });
  }
  return out;
}

/** Matching messages. A match alone is counted in the full-text index without the join: every
 *  row of messages_fts is a message's (store-fs.ts writes both in one transaction and never
 *  deletes either). */
function countMatches(store: Store, match: string | null, from: string, whereSql: string, params: unknown[]): number {
  const sql = match && params.length === 1 ? 'SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?' : `SELECT count(*) AS n FROM ${from} ${whereSql}`;
  return (prepared(store, sql).get(...params) as { n: number }).n;
}

export function searchMessages(store: Store, query: string, opts: SearchOptions): SearchResult {
  const parsed = parseQuery(query, opts.now ?? Date.now());
  if (parsed.kind === 'error') throw new QueryParseError(query, parsed.error);
  const plan = compileFts(parsed.query, vocabularyStems(store));
  const collapse = opts.collapse ?? 'none';
  const from = plan.match ? 'messages_fts f JOIN messages m ON m.id = f.rowid' : 'messages m';
  const where: SqlPart[] = [...(plan.match ? [{ sql: `messages_fts MATCH ? AND f.rank MATCH '${BM25}'`, params: [plan.match] }] : []), ...plan.filters];
  const whereSql = where.length ? `WHERE ${where.map((w) => w.sql).join(' AND ')}` : '';
  const params = where.flatMap((w) => w.params);
  const rank = plan.match ? 'f.rank' : '0';
  const byDate = opts.sort === 'date' || !plan.match;
  let total: number | undefined;
  let rows: Row[];
  let groups: number | undefined;
  if (collapse !== 'none') {
    const family = collapse === 'series' ? `${FAMILY_OF}` : 'NULL';
    const key = collapse === 'thread' ? 'thread_id' : "COALESCE(family, 'thread:' || thread_id)";
    const order = byDate ? 'date DESC, id DESC' : 'rank, date DESC';
    const grouped = `WITH hits AS (
        SELECT m.id, m.key, m.thread_id AS threadId, m.thread_id, m.subject, m.author, m.date, ${rank} AS rank, ${family} AS family FROM ${from} ${whereSql}),
      ranked AS (SELECT *, count(*) OVER (PARTITION BY ${key}) AS collapsed, row_number() OVER (PARTITION BY ${key} ORDER BY ${order}) AS rn FROM hits)`;
    if (opts.limit > 0) {
      // Groups and matches counted in the same pass as the rows (windows over every group,
      // before the LIMIT): each matching message is in exactly one group.
      rows = prepared(store, `${grouped} SELECT *, count(*) OVER () AS groups, sum(collapsed) OVER () AS total FROM ranked WHERE rn = 1 ORDER BY ${order} LIMIT ?`).all(
        ...params,
        opts.limit,
      ) as Row[];
      groups = rows[0]?.groups ?? 0;
      total = rows[0]?.total ?? 0;
    } else {
      rows = [];
      groups = (prepared(store, `${grouped} SELECT count(*) AS n FROM ranked WHERE rn = 1`).get(...params) as { n: number }).n;
      total = countMatches(store, plan.match, from, whereSql, params);
    }
  } else {
    const order = byDate ? 'm.date DESC, m.id DESC' : 'f.rank, m.date DESC';
    const select = `SELECT m.id, m.key, m.thread_id AS threadId, m.subject, m.author, m.date, ${rank} AS rank, NULL AS family`;
    if (plan.filters.length > 0 && opts.limit > 0) {
      // With predicates beside the match, counting costs as much as finding the rows: count
      // them in the same pass (exact: a window over every matching row, before the LIMIT).
      rows = prepared(store, `${select}, count(*) OVER () AS total FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ?`).all(...params, opts.limit) as Row[];
      total = rows[0]?.total ?? 0;
    } else {
      rows = prepared(store, `${select} FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ?`).all(...params, opts.limit) as Row[];
      total = countMatches(store, plan.match, from, whereSql, params);
    }
  }
  const highlight = highlightOf(parsed.query);
  // With collapse=series the rows carry each hit's lineage already (the grouping needed it).
  const knownFamily = collapse === 'series';
  const detail = prepared(
    store,
    `SELECT message_id AS messageId, recipients, body, parts, (SELECT group_concat(list, ',') FROM message_lists l WHERE l.message = m.id) AS lists,
            ${knownFamily ? 'NULL' : FAMILY_OF} AS family
     FROM messages m WHERE id = ?`,
  );
  const hits = rows.map((r): SearchHit => {
    const d = detail.get(r.id) as { messageId: string; recipients: string; body: string; parts: string; lists: string | null; family: string | null };
    const rcpt = JSON.parse(d.recipients) as { to: Array<{ name: string; email: string }>; cc: Array<{ name: string; email: string }> };
    const addr = (a: { name: string; email: string }): string => (a.name && a.email ? `${a.name} <${a.email}>` : a.name || a.email);
    const input: SearchInput = { messageId: d.messageId, subject: r.subject, from: r.author, to: rcpt.to.map(addr), cc: rcpt.cc.map(addr), body: d.body, parts: JSON.parse(d.parts) };
    const fields = lazyFields(input);
    return {
      messageId: r.key,
      threadId: r.threadId ?? '',
      subject: r.subject,
      from: r.author,
      date: r.date === null ? null : new Date(r.date).toISOString(),
      score: Math.round(-r.rank * 1000) / 1000,
      snippet: searchSnippet(fields, highlight),
      lists: d.lists ? d.lists.split(',').sort() : [],
      family: knownFamily ? r.family : d.family,
      ...(collapse !== 'none' ? { collapsed: r.collapsed } : {}),
    };
  });
  return { query, total: total ?? 0, ...(groups === undefined ? {} : { groups }), sort: opts.sort, collapse, hits };
}
