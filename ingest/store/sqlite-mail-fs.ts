// The mail tables of the SQLite store: raw bytes, sightings, messages with their full-text row
// and patch facts, copies, diagnostics, epoch cursors; and the counts and report over them.
// Rows in, rows out: which key a message gets and what counts as a duplicate are decided by the
// import stage (ingest/import/store-message.ts).
import type Database from 'better-sqlite3';
import type { Diagnostic, Origin, PatchMeta, Recovered } from '../types.ts';
import { FTS_COLUMNS } from './schema.ts';
import type { SqliteContext } from './sqlite-store-fs.ts';
import type { SqliteThreads } from './sqlite-threads-fs.ts';
import type { MailTables } from './store-port.ts';
import type * as R from './store-rows.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const recoveredOf = (json: string | null): Recovered | null => (json === null ? null : (JSON.parse(json) as Recovered));

/** The columns of a message as matching compares it (MessageFacts). */
const FACT_COLUMNS = `id, key, message_id AS messageId, subject, from_name AS fromName, from_email AS fromEmail, date, date_header AS dateHeader, recovered`;
type FactRow = { id: number; key: string; messageId: string; subject: string; fromName: string; fromEmail: string; date: number | null; dateHeader: string; recovered: string | null };
const facts = (r: FactRow): R.MessageFacts => ({
  id: r.id,
  key: r.key,
  messageId: r.messageId,
  subject: r.subject,
  from: { name: r.fromName, email: r.fromEmail },
  date: r.date,
  dateHeader: r.dateHeader,
  recovered: recoveredOf(r.recovered),
});

/** A message record as the named parameters of the insert and the update. */
function columns(m: R.MessageRecord): Record<string, unknown> {
  return {
    key: m.key,
    messageId: m.messageId,
    contentHash: m.contentHash,
    syntheticId: m.syntheticId ? 1 : 0,
    subject: m.subject,
    author: m.author,
    fromName: m.from.name,
    fromEmail: m.from.email,
    recipients: JSON.stringify({ to: m.to, cc: m.cc }),
    date: m.date,
    dateSource: m.dateSource,
    dateHeader: m.dateHeader,
    inReplyTo: m.inReplyTo,
    refs: JSON.stringify(m.references),
    listIds: JSON.stringify(m.listIds),
    recovered: m.recovered ? JSON.stringify(m.recovered) : null,
    body: m.body,
    parts: JSON.stringify(m.parts),
  };
}

export class SqliteMail implements MailTables {
  private readonly db: Database.Database;
  private readonly q;
  /** Whether the store has the rebuilt_messages table (asked once). */
  private rebuiltTable: boolean | null = null;
  /** Statements on rebuilt_messages, prepared when first used: a store opened read-only that was
   *  written before the table existed lacks it, and preparing them would fail. */
  private rebuiltQ: { variants: Database.Statement; set: Database.Statement; clear: Database.Statement; byKey: Database.Statement } | null = null;
  private rebuilt() {
    return (this.rebuiltQ ??= {
      variants: this.db.prepare(`SELECT m.id, m.key, m.content_hash AS contentHash, m.date, m.recovered, r.rebuilt_by AS rebuiltBy
        FROM messages m LEFT JOIN rebuilt_messages r ON r.message = m.id WHERE m.message_id = ?`),
      set: this.db.prepare('INSERT OR REPLACE INTO rebuilt_messages (message, rebuilt_by) VALUES (?, ?)'),
      clear: this.db.prepare('DELETE FROM rebuilt_messages WHERE message = ?'),
      byKey: this.db.prepare('SELECT r.rebuilt_by FROM rebuilt_messages r JOIN messages m ON m.id = r.message WHERE m.key = ?').pluck(),
    });
  }

  constructor(
    private readonly ctx: SqliteContext,
    private readonly threads: SqliteThreads,
  ) {
    const db = (this.db = ctx.db);
    this.q = {
      rawBySha: db.prepare('SELECT r.id AS id, c.message AS message FROM raw r LEFT JOIN copies c ON c.raw_id = r.id WHERE r.sha256 = ?'),
      insertRaw: db.prepare('INSERT INTO raw (sha256, bytes, envelope_date, refused) VALUES (?, ?, ?, ?)'),
      insertSighting: db.prepare('INSERT OR IGNORE INTO sightings (raw_id, source, locator, list) VALUES (?, ?, ?, ?)'),
      sightings: db.prepare('SELECT source, locator, list FROM sightings WHERE raw_id = ? ORDER BY source, locator'),
      messageLists: db.prepare('SELECT list_ids AS listIds FROM messages WHERE id = ?'),
      insertMessageList: db.prepare('INSERT OR IGNORE INTO message_lists (message, list) VALUES (?, ?)'),
      threadOf: db.prepare('SELECT thread_id AS t FROM messages WHERE id = ?'),
      insertMessage: db.prepare(`INSERT INTO messages (key, message_id, content_hash, synthetic_id, imposter, subject, author,
        from_name, from_email, recipients, date, date_source, date_header, in_reply_to, refs, list_ids, recovered, body, parts)
        VALUES (@key, @messageId, @contentHash, @syntheticId, 0, @subject, @author, @fromName, @fromEmail,
        @recipients, @date, @dateSource, @dateHeader, @inReplyTo, @refs, @listIds, @recovered, @body, @parts)`),
      updateMessage: db.prepare(`UPDATE messages SET key = @key, message_id = @messageId, content_hash = @contentHash, synthetic_id = @syntheticId,
        imposter = 0, subject = @subject, author = @author, from_name = @fromName, from_email = @fromEmail, recipients = @recipients,
        date = @date, date_source = @dateSource, date_header = @dateHeader, in_reply_to = @inReplyTo, refs = @refs, list_ids = @listIds,
        recovered = @recovered, body = @body, parts = @parts, thread_id = NULL, parent = NULL, depth = NULL, ord = NULL WHERE id = @id`),
      deleteFts: db.prepare('DELETE FROM messages_fts WHERE rowid = ?'),
      moveCopies: db.prepare('UPDATE copies SET message = ? WHERE message = ?'),
      moveLists: db.prepare('INSERT OR IGNORE INTO message_lists (message, list) SELECT ?, list FROM message_lists WHERE message = ?'),
      // Everything keyed by a message's row id, but its copies (moved first).
      deleteOf: ['message_lists', 'patch_meta', 'quote_sources', 'statements', 'verdicts', 'message_links'].map((t) => db.prepare(`DELETE FROM ${t} WHERE message = ?`)),
      deleteMessage: db.prepare('DELETE FROM messages WHERE id = ?'),
      pageCopiesNear: db.prepare(`SELECT ${FACT_COLUMNS} FROM messages WHERE recovered IS NOT NULL AND date BETWEEN ? AND ? ORDER BY date, id`),
      messagesNear: db.prepare(`SELECT ${FACT_COLUMNS} FROM messages WHERE date BETWEEN ? AND ? ORDER BY date, id`),
      factsOf: db.prepare(`SELECT ${FACT_COLUMNS} FROM messages WHERE key = ?`),
      addAlias: db.prepare('INSERT OR REPLACE INTO aliases (alias, message_id) VALUES (?, ?)'),
      aliasOf: db.prepare('SELECT message_id FROM aliases WHERE alias = ?').pluck(),
      // A cheap test on the JSON text first: only rows whose references may hold the ID are read.
      mayReference: db.prepare(`SELECT id, key, refs, in_reply_to AS inReplyTo FROM messages
        WHERE (thread_id IS NULL OR thread_id = (SELECT thread_id FROM nodes WHERE id = @id)) AND instr(refs, json_quote(@id)) > 0 ORDER BY id`),
      setReferences: db.prepare('UPDATE messages SET refs = ?, in_reply_to = ?, thread_id = NULL WHERE id = ?'),
      setKey: db.prepare('UPDATE messages SET key = ?, imposter = ?, thread_id = NULL WHERE id = ?'),
      insertPatchMeta: db.prepare('INSERT OR REPLACE INTO patch_meta (message, kind, meta) VALUES (?, ?, ?)'),
      staleMine: db.prepare(`SELECT m.id, m.subject, m.body, m.from_name AS fromName, m.from_email AS fromEmail, m.refs
        FROM messages m JOIN patch_meta p ON p.message = m.id
        WHERE m.id > ? AND coalesce(json_extract(p.meta, '$.rules'), 1) != ? ORDER BY m.id LIMIT ?`),
      insertCopy: db.prepare('INSERT OR REPLACE INTO copies (raw_id, message) VALUES (?, ?)'),
      insertUnparsed: db.prepare(`INSERT OR REPLACE INTO copies (raw_id, message, unparsed_code, unparsed_message, unparsed_expected, unparsed_found)
        VALUES (?, NULL, ?, ?, ?, ?)`),
      insertDiagnostic: db.prepare('INSERT INTO diagnostics (raw_id, message_key, code, message, expected, found) VALUES (?, ?, ?, ?, ?, ?)'),
      insertSourceDiagnostic: db.prepare(`INSERT OR IGNORE INTO source_diagnostics (code, message, source, locator, message_id) VALUES (?, ?, ?, ?, ?)`),
      epochCursor: db.prepare('SELECT last_commit AS c FROM epochs WHERE git_dir = ?'),
      setEpochCursor: db.prepare('INSERT OR REPLACE INTO epochs (git_dir, last_commit) VALUES (?, ?)'),
      forgetEpochCursor: db.prepare('DELETE FROM epochs WHERE git_dir = ?'),
      hasMessage: db.prepare('SELECT 1 FROM messages WHERE message_id = ? LIMIT 1'),
      hasList: db.prepare('SELECT 1 FROM message_lists WHERE list = ? LIMIT 1'),
      byKey: db.prepare('SELECT key AS id, thread_id AS threadId FROM messages WHERE key = ?'),
      byMessageId: db.prepare('SELECT key AS id, thread_id AS threadId FROM messages WHERE message_id = ? ORDER BY imposter LIMIT 1'),
      byNode: db.prepare('SELECT id, thread_id AS threadId FROM nodes WHERE id = ?'),
      head: db.prepare(`SELECT id, key, message_id AS messageId, subject, from_name AS fromName, from_email AS fromEmail, date,
        date_header AS dateHeader, body FROM messages WHERE key = ?`),
      body: db.prepare('SELECT body FROM messages WHERE key = ?').pluck(),
      rawPage: db.prepare(`SELECT r.id, r.sha256, r.bytes, r.envelope_date AS envelopeDate, r.refused,
          (SELECT source FROM sightings s WHERE s.raw_id = r.id ORDER BY source, locator LIMIT 1) AS source,
          (SELECT locator FROM sightings s WHERE s.raw_id = r.id ORDER BY source, locator LIMIT 1) AS locator
        FROM raw r WHERE r.id > ? ORDER BY r.id LIMIT ?`),
    };
  }

  /** The full-text insert, prepared once the table exists (the store flushes deferred rows). */
  ftsInsert(): Database.Statement {
    return this.db.prepare(`INSERT INTO messages_fts (rowid, ${FTS_COLUMNS.join(', ')}) VALUES (?, ${FTS_COLUMNS.map(() => '?').join(', ')})`);
  }

  knownRaw(sha256: string): R.KnownRaw | undefined {
    return this.q.rawBySha.get(sha256) as R.KnownRaw | undefined;
  }

  insertRaw(sha256: string, bytes: Uint8Array, envelopeDate: string | null, refused: Diagnostic | null): number {
    return Number(this.q.insertRaw.run(sha256, bytes, envelopeDate, refused ? JSON.stringify(refused) : null).lastInsertRowid);
  }

  addSighting(rawId: number, origin: Origin, message: number | null, list: string): boolean {
    this.q.insertSighting.run(rawId, origin.source, origin.locator, list);
    if (message === null || !list || this.q.insertMessageList.run(message, list).changes === 0) return false;
    // Seen on a list it was not known on: its thread's list summary must be redone.
    const t = this.q.threadOf.get(message) as { t: string | null } | undefined;
    if (t?.t) this.threads.drop(t.t);
    return true;
  }

  sightingsOf(rawId: number): Origin[] {
    return this.q.sightings.all(rawId) as Origin[];
  }

  rawPage(after: number, limit: number): R.RawRow[] {
    return (this.q.rawPage.all(after, limit) as Array<R.RawRow & { source: string | null; locator: string | null }>).map((r) => ({
      ...r,
      source: r.source ?? '',
      locator: r.locator ?? '',
    }));
  }

  rawCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM raw').get() as { n: number }).n;
  }

  storeUnparsed(rawId: number, reason: Diagnostic): void {
    this.q.insertUnparsed.run(rawId, reason.code, reason.message, reason.expected ?? null, reason.found ?? null);
  }

  addDiagnostics(rawId: number | null, key: string, diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.q.insertDiagnostic.run(rawId, key, d.code, d.message, d.expected ?? null, d.found ?? null);
  }

  addSourceDiagnostic(d: Diagnostic): void {
    this.q.insertSourceDiagnostic.run(d.code, d.message, d.source ?? '', d.locator ?? '', d.messageId ?? '');
  }

  variantsOf(messageId: string): R.VariantRow[] {
    return (this.rebuilt().variants.all(messageId) as Array<Omit<R.VariantRow, 'recovered'> & { recovered: string | null }>).map((v) => ({ ...v, recovered: recoveredOf(v.recovered) }));
  }

  insertMessage(m: R.MessageRecord): number {
    const id = Number(this.q.insertMessage.run(columns(m)).lastInsertRowid);
    this.writeFts(id, m);
    if (m.rebuiltBy) this.rebuilt().set.run(id, m.rebuiltBy);
    return id;
  }

  rebuiltAmong(keys: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    // A store opened read-only that was written before rebuilt copies existed has no such table.
    this.rebuiltTable ??= this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rebuilt_messages'").get() !== undefined;
    if (!this.rebuiltTable || keys.length === 0) return out;
    const q = this.rebuilt().byKey;
    for (const k of keys) {
      const by = q.get(k) as string | undefined;
      if (by) out.set(k, by);
    }
    return out;
  }

  private writeFts(id: number, m: R.MessageRecord): void {
    const ftsRow = [id, ...FTS_COLUMNS.map((f) => m.fields[f])];
    if (this.ctx.inTransaction()) this.ctx.deferFts(ftsRow);
    else this.ftsInsert().run(...ftsRow);
  }

  /** Remove a message's full-text row, written or still waiting for the end of the transaction. */
  private removeFts(id: number): void {
    if (!this.ctx.dropDeferredFts(id)) this.q.deleteFts.run(id);
  }

  replaceMessage(id: number, m: R.MessageRecord, meta: PatchMeta): void {
    this.removeFts(id);
    this.q.updateMessage.run({ ...columns(m), id });
    this.writeFts(id, m);
    this.addPatchMeta(id, meta);
    if (m.rebuiltBy) this.rebuilt().set.run(id, m.rebuiltBy);
    else this.rebuilt().clear.run(id);
  }

  mergeMessage(from: number, into: number): void {
    this.q.moveCopies.run(into, from);
    this.q.moveLists.run(into, from);
    this.removeFts(from);
    for (const st of this.q.deleteOf) st.run(from);
    this.rebuilt().clear.run(from);
    this.q.deleteMessage.run(from);
  }

  pageCopiesNear(from: number, to: number): R.MessageFacts[] {
    return (this.q.pageCopiesNear.all(from, to) as FactRow[]).map(facts);
  }

  messagesNear(from: number, to: number): R.MessageFacts[] {
    return (this.q.messagesNear.all(from, to) as FactRow[]).map(facts);
  }

  factsOf(key: string): R.MessageFacts | undefined {
    const r = this.q.factsOf.get(key) as FactRow | undefined;
    return r ? facts(r) : undefined;
  }

  addAlias(alias: string, messageId: string): void {
    this.q.addAlias.run(alias, messageId);
  }

  aliasesOf(ids: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const id of ids) {
      const to = this.q.aliasOf.get(id) as string | undefined;
      if (to !== undefined) out.set(id, to);
    }
    return out;
  }

  mayReference(id: string): R.ReferencesRow[] {
    return (this.q.mayReference.all({ id }) as Array<{ id: number; key: string; refs: string; inReplyTo: string }>).map((r) => ({
      id: r.id,
      key: r.key,
      references: JSON.parse(r.refs) as string[],
      inReplyTo: r.inReplyTo,
    }));
  }

  setReferences(id: number, references: readonly string[], inReplyTo: string): void {
    this.q.setReferences.run(JSON.stringify(references), inReplyTo, id);
  }

  addPatchMeta(message: number, meta: PatchMeta): void {
    this.q.insertPatchMeta.run(message, meta.kind, JSON.stringify(meta));
  }

  staleMineInputs(rules: number, after: number, limit: number): R.MineInputRow[] {
    const rows = this.q.staleMine.all(after, rules, limit) as Array<{ id: number; subject: string; body: string; fromName: string; fromEmail: string; refs: string }>;
    return rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      body: r.body,
      from: { name: r.fromName, email: r.fromEmail },
      isReply: (JSON.parse(r.refs) as string[]).length > 0,
    }));
  }

  addCopy(rawId: number, message: number): void {
    this.q.insertCopy.run(rawId, message);
  }

  rekey(changes: ReadonlyArray<{ id: number; key: string; imposter: boolean }>): void {
    for (const c of changes) this.q.setKey.run(c.key, c.imposter ? 1 : 0, c.id);
  }

  listIdsOf(message: number): string[] {
    const row = this.q.messageLists.get(message) as { listIds: string } | undefined;
    return row ? (JSON.parse(row.listIds) as string[]) : [];
  }

  hasMessage(messageId: string): boolean {
    return this.q.hasMessage.get(messageId) !== undefined;
  }

  hasList(list: string): boolean {
    return this.q.hasList.get(list) !== undefined;
  }

  locate(mid: string): R.Located | null {
    const row = (this.q.byKey.get(mid) ?? this.q.byMessageId.get(mid) ?? this.q.byNode.get(mid)) as { id: string; threadId: string | null } | undefined;
    if (!row || row.threadId === null) return null;
    return { id: row.id, threadId: row.threadId };
  }

  messageByKey(key: string): R.MessageHead | undefined {
    return this.q.head.get(key) as R.MessageHead | undefined;
  }

  bodyOf(key: string): string {
    return (this.q.body.get(key) as string | undefined) ?? '';
  }

  epochCursor(gitDir: string): string | null {
    return (this.q.epochCursor.get(gitDir) as { c: string } | undefined)?.c ?? null;
  }

  setEpochCursor(gitDir: string, commit: string): void {
    this.q.setEpochCursor.run(gitDir, commit);
  }

  forgetEpochCursor(gitDir: string): void {
    this.q.forgetEpochCursor.run(gitDir);
  }

  private count(sql: string): number {
    return (this.db.prepare(sql).get() as { n: number }).n;
  }

  stats(): R.StoreStats {
    const range = this.db.prepare('SELECT min(date) AS a, max(date) AS b FROM messages').get() as { a: number | null; b: number | null };
    return {
      messages: this.count('SELECT count(*) AS n FROM messages'),
      threads: this.count('SELECT count(*) AS n FROM threads'),
      ghosts: this.count('SELECT count(*) AS n FROM nodes WHERE ghost = 1 AND shown = 1'),
      series: this.count('SELECT count(DISTINCT family) AS n FROM revisions'),
      revisions: this.count('SELECT count(*) AS n FROM postings'),
      statements: this.count('SELECT count(*) AS n FROM statements'),
      verdicts: this.count('SELECT count(*) AS n FROM verdicts'),
      links: this.count('SELECT count(*) AS n FROM message_links'),
      unparsed: this.count('SELECT count(*) AS n FROM copies WHERE message IS NULL'),
      imposters: this.count('SELECT count(*) AS n FROM messages WHERE imposter = 1'),
      recovered: this.count('SELECT count(*) AS n FROM messages WHERE recovered IS NOT NULL'),
      raw: this.count('SELECT count(*) AS n FROM raw'),
      lists: this.db.prepare('SELECT list AS name, count(*) AS messages FROM message_lists GROUP BY list ORDER BY messages DESC, list').all() as R.StoreStats['lists'],
      firstDate: iso(range.a),
      lastDate: iso(range.b),
    };
  }

  private recoveredCounts(): R.StoreReport['recovered'] {
    const rows = this.db
      .prepare(
        `SELECT json_extract(recovered, '$.generator') AS generator, count(*) AS n,
                sum(json_extract(recovered, '$.messageId') != 'complete') AS placeholders
         FROM messages WHERE recovered IS NOT NULL GROUP BY generator ORDER BY generator`,
      )
      .all() as Array<{ generator: string; n: number; placeholders: number }>;
    return {
      messages: rows.reduce((a, r) => a + r.n, 0),
      placeholders: rows.reduce((a, r) => a + r.placeholders, 0),
      byGenerator: Object.fromEntries(rows.map((r) => [r.generator, r.n])),
    };
  }

  report(examples: number): R.StoreReport {
    const db = this.db;
    const unparsedRows = db
      .prepare(
        `SELECT c.raw_id AS rawId, c.unparsed_code AS code, c.unparsed_message AS reason, c.unparsed_expected AS expected,
                c.unparsed_found AS found, length(r.bytes) AS bytes
         FROM copies c JOIN raw r ON r.id = c.raw_id WHERE c.message IS NULL ORDER BY c.raw_id`,
      )
      .all() as Array<{ rawId: number; code: string; reason: string; expected: string | null; found: string | null; bytes: number }>;
    const diagnostics: Record<string, number> = {};
    for (const r of db.prepare('SELECT code, count(*) AS n FROM diagnostics GROUP BY code ORDER BY code').all() as Array<{ code: string; n: number }>) {
      diagnostics[r.code] = r.n;
    }
    const sourceDiagnostics = db
      .prepare('SELECT code, message, source, locator, message_id AS messageId FROM source_diagnostics ORDER BY source, locator')
      .all() as R.StoreReport['sourceDiagnostics'];
    for (const d of sourceDiagnostics) diagnostics[d.code] = (diagnostics[d.code] ?? 0) + 1;
    const byCode: R.StoreReport['examples'] = {};
    const ex = db.prepare('SELECT message_key AS messageId, message, found FROM diagnostics WHERE code = ? ORDER BY message_key LIMIT ?');
    for (const code of Object.keys(diagnostics)) byCode[code] = ex.all(code, examples) as R.StoreReport['examples'][string];
    const imposterIds = (
      db
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
        seen: this.q.sightings.all(r.rawId) as R.UnparsedEntry['seen'],
      })),
      ghosts: this.count('SELECT count(*) AS n FROM nodes WHERE ghost = 1 AND shown = 1'),
      imposters: this.count('SELECT count(*) AS n FROM messages WHERE imposter = 1'),
      imposterIds,
      recovered: this.recoveredCounts(),
      diagnostics,
      sourceDiagnostics,
      examples: byCode,
    };
  }
}
