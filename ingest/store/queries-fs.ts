// Read-only questions the CLI asks the store: counts, a thread, a full-text search, the report of
// what could not be parsed or placed. Shapes follow docs/cli.md.
import { messageIdArgument } from '../lore/parse-lore-target.ts';
import type { Store } from './store-fs.ts';

/** `patchlore stats`. */
export interface Stats {
  messages: number;
  threads: number;
  /** Shown ghosts: referenced messages never seen, with replies under them. */
  ghosts: number;
  series: number;
  revisions: number;
  /** The discussion: statements, verdicts, and links from messages to other messages. */
  statements: number;
  verdicts: number;
  links: number;
  unparsed: number;
  imposters: number;
  raw: number;
  lists: Array<{ name: string; messages: number }>;
  firstDate: string | null;
  lastDate: string | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function count(store: Store, sql: string): number {
  return (store.db.prepare(sql).get() as { n: number }).n;
}

export function storeStats(store: Store): Stats {
  const range = store.db.prepare('SELECT min(date) AS a, max(date) AS b FROM messages').get() as { a: number | null; b: number | null };
  return {
    messages: count(store, 'SELECT count(*) AS n FROM messages'),
    threads: count(store, 'SELECT count(*) AS n FROM threads'),
    ghosts: count(store, 'SELECT count(*) AS n FROM nodes WHERE ghost = 1 AND shown = 1'),
    series: count(store, 'SELECT count(DISTINCT family) AS n FROM revisions'),
    revisions: count(store, 'SELECT count(*) AS n FROM postings'),
    statements: count(store, 'SELECT count(*) AS n FROM statements'),
    verdicts: count(store, 'SELECT count(*) AS n FROM verdicts'),
    links: count(store, 'SELECT count(*) AS n FROM message_links'),
    unparsed: count(store, 'SELECT count(*) AS n FROM copies WHERE message IS NULL'),
    imposters: count(store, 'SELECT count(*) AS n FROM messages WHERE imposter = 1'),
    raw: count(store, 'SELECT count(*) AS n FROM raw'),
    lists: store.db
      .prepare('SELECT list AS name, count(*) AS messages FROM message_lists GROUP BY list ORDER BY messages DESC, list')
      .all() as Stats['lists'],
    firstDate: iso(range.a),
    lastDate: iso(range.b),
  };
}

/** A Message-ID as users paste it: with or without <>, or a lore URL ending in it. */
export function normalizeMessageIdArg(arg: string): string {
  return messageIdArgument(arg);
}

/** One node of `patchlore thread`. */
export interface ThreadEntry {
  messageId: string;
  parent: string | null;
  depth: number;
  ghost: boolean;
  from: string | null;
  date: string | null;
  subject: string | null;
}

/** Whether a message with this Message-ID is stored (a ghost, only referenced, is not). */
export function hasMessage(store: Store, mid: string): boolean {
  return store.db.prepare('SELECT 1 FROM messages WHERE message_id = ? LIMIT 1').get(mid) !== undefined;
}

/** The node id (message key or ghost id) a Message-ID names, and its thread. */
export function locate(store: Store, mid: string): { id: string; threadId: string } | null {
  const byKey = store.db.prepare('SELECT key AS id, thread_id AS threadId FROM messages WHERE key = ?').get(mid) as
    | { id: string; threadId: string | null }
    | undefined;
  const row =
    byKey ??
    (store.db.prepare('SELECT key AS id, thread_id AS threadId FROM messages WHERE message_id = ? ORDER BY imposter LIMIT 1').get(mid) as
      | { id: string; threadId: string | null }
      | undefined) ??
    (store.db.prepare('SELECT id, thread_id AS threadId FROM nodes WHERE id = ?').get(mid) as { id: string; threadId: string } | undefined);
  if (!row || row.threadId === null) return null;
  return { id: row.id, threadId: row.threadId };
}

/** `patchlore thread MSGID`: every shown node of the thread, in display order. */
export function findThread(store: Store, mid: string): { root: string; threadId: string; messages: ThreadEntry[] } | null {
  const at = locate(store, mid);
  if (!at) return null;
  const rows = store.db
    .prepare(
      `SELECT n.id, n.parent, n.depth, n.ghost, m.author, m.date, m.subject
       FROM nodes n LEFT JOIN messages m ON m.key = n.id
       WHERE n.thread_id = ? AND n.shown = 1 ORDER BY n.ord`,
    )
    .all(at.threadId) as Array<{ id: string; parent: string | null; depth: number; ghost: number; author: string | null; date: number | null; subject: string | null }>;
  return {
    root: rows[0]?.id ?? at.id,
    threadId: at.threadId,
    messages: rows.map((r) => ({
      messageId: r.id,
      parent: r.parent,
      depth: r.depth,
      ghost: r.ghost === 1,
      from: r.author,
      date: iso(r.date),
      subject: r.subject,
    })),
  };
}

/** One unparsed input of `patchlore report`. */
export interface UnparsedEntry {
  code: string;
  reason: string;
  expected: string | null;
  found: string | null;
  bytes: number;
  seen: Array<{ source: string; locator: string; list: string }>;
}

/** `patchlore report`. */
export interface Report {
  unparsed: UnparsedEntry[];
  ghosts: number;
  imposters: number;
  imposterIds: Array<{ messageId: string; keys: string[] }>;
  diagnostics: Record<string, number>;
  sourceDiagnostics: Array<{ code: string; message: string; source: string; locator: string; messageId: string }>;
  examples: Record<string, Array<{ messageId: string; message: string; found: string | null }>>;
}

export function storeReport(store: Store, opts: { examples: number } = { examples: 3 }): Report {
  const unparsedRows = store.db
    .prepare(
      `SELECT c.raw_id AS rawId, c.unparsed_code AS code, c.unparsed_message AS reason, c.unparsed_expected AS expected,
              c.unparsed_found AS found, length(r.bytes) AS bytes
       FROM copies c JOIN raw r ON r.id = c.raw_id WHERE c.message IS NULL ORDER BY c.raw_id`,
    )
    .all() as Array<{ rawId: number; code: string; reason: string; expected: string | null; found: string | null; bytes: number }>;
  const seen = store.db.prepare('SELECT source, locator, list FROM sightings WHERE raw_id = ? ORDER BY source, locator');
  const diagnostics: Record<string, number> = {};
  for (const r of store.db.prepare('SELECT code, count(*) AS n FROM diagnostics GROUP BY code ORDER BY code').all() as Array<{ code: string; n: number }>) {
    diagnostics[r.code] = r.n;
  }
  const sourceDiagnostics = store.db
    .prepare('SELECT code, message, source, locator, message_id AS messageId FROM source_diagnostics ORDER BY source, locator')
    .all() as Report['sourceDiagnostics'];
  for (const d of sourceDiagnostics) diagnostics[d.code] = (diagnostics[d.code] ?? 0) + 1;
  const examples: Report['examples'] = {};
  const ex = store.db.prepare('SELECT message_key AS messageId, message, found FROM diagnostics WHERE code = ? ORDER BY message_key LIMIT ?');
  for (const code of Object.keys(diagnostics)) examples[code] = ex.all(code, opts.examples) as Report['examples'][string];
  const imposterIds = (
    store.db
      .prepare(`SELECT message_id AS messageId, group_concat(key, ' ') AS keys FROM messages
                WHERE message_id IN (SELECT message_id FROM messages WHERE imposter = 1) GROUP BY message_id ORDER BY message_id`)
      .all() as Array<{ messageId: string; keys: string }>
  ).map((r) => ({ messageId: r.messageId, keys: r.keys.split(' ').sort() }));
  return {
    unparsed: unparsedRows.map((r) => ({
      code: r.code,
      reason: r.reason,
      expected: r.expected,
      found: r.found,
      bytes: r.bytes,
      seen: seen.all(r.rawId) as UnparsedEntry['seen'],
    })),
    ghosts: count(store, 'SELECT count(*) AS n FROM nodes WHERE ghost = 1 AND shown = 1'),
    imposters: count(store, 'SELECT count(*) AS n FROM messages WHERE imposter = 1'),
    imposterIds,
    diagnostics,
    sourceDiagnostics,
    examples,
  };
}
