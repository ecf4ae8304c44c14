// The store: one SQLite file holding every raw message as read, where it was seen, and the
// tables derived from it (messages, threads, full-text index). Writes happen in the caller's
// transactions so an interrupted import leaves either a batch or nothing. Threads are recomputed
// for the messages not yet threaded, so a killed import is completed by the next command.
// It does not parse mail (parse-message.ts) or decide threads (thread-messages.ts).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic, Message, Origin, Recovered, ThreadInput, ThreadNode } from '../types.ts';
import type { PatchMeta } from '../patch/mine-patch.ts';
import { preferCopy } from '../archive/prefer-copy.ts';
import { formatAddress } from '../message/format-address.ts';
import { joinParts, type StoredPart } from '../message/message-body.ts';
export type { StoredPart } from '../message/message-body.ts';
import { listName } from '../message/list-name.ts';
import { ALL_FIELDS } from '../search/query-prefixes.ts';
import { searchFields } from '../search/search-fields.ts';
import { threadMessages } from '../thread/thread-messages.ts';
import { DERIVED_SCHEMA, DERIVED_TABLES, DERIVED_VERSION, PRIMARY_SCHEMA, PRIMARY_VERSION } from './schema.ts';
import { variantKeys } from './variant-keys.ts';

/** What storing one parsed message did. */
export type StoreOutcome = 'stored' | 'imposter' | 'duplicate';

/** A raw message already in the store. */
export interface KnownRaw {
  id: number;
  /** The stored message it is a copy of, null when it could not be parsed. */
  message: number | null;
}

/** Thrown when a store was written by an incompatible version: the user must act. */
export class StoreVersionError extends Error {}

export { formatAddress };

/** A message's full-text row: its row id, then one value per search field. */
function ftsValues(id: number, m: Message, body: string, parts: StoredPart[]): unknown[] {
  const fields = searchFields({
    messageId: m.messageId,
    subject: m.subject,
    from: formatAddress(m.from.name, m.from.email),
    to: m.to.map((a) => formatAddress(a.name, a.email)),
    cc: m.cc.map((a) => formatAddress(a.name, a.email)),
    body,
    parts,
  });
  return [id, ...ALL_FIELDS.map((f) => fields[f])];
}

/** Open (creating if needed) the store at `path`. */
/** Open (or create) a store. A store whose derived tables another version wrote is refused
 *  with a StoreVersionError naming `patchlore reindex`, unless `rebuild`: then those tables are
 *  dropped and created empty, for reindex to fill. */
export function openStore(path: string, opts: { readonly?: boolean; rebuild?: boolean } = {}): Store {
  return new Store(path, opts.readonly ?? false, opts.rebuild ?? false);
}

export class Store {
  readonly db: Database.Database;
  readonly path: string;
  private readonly q: ReturnType<Store['prepare']>;
  /** Time spent storing patch metadata (series work), for the import benchmark. */
  readonly timings = { patchMetaMs: 0 };

  constructor(path: string, readonly: boolean, rebuild = false) {
    this.path = path;
    if (!readonly) mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path, { readonly, fileMustExist: readonly });
    if (!readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('cache_size = -65536');
    this.db.pragma('temp_store = MEMORY');
    // Integrity is kept by the code that writes (one writer, in transactions); enforcing
    // foreign keys made each insert into copies look up its parents and cost 40% of the import.
    this.db.pragma('foreign_keys = OFF');
    if (!readonly) this.migrate(rebuild);
    else this.checkVersion();
    this.q = this.prepare();
  }

  private meta(key: string): string | undefined {
    const hasMeta = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").get();
    if (!hasMeta) return undefined;
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  private checkVersion(): void {
    const primary = this.meta('primary_version');
    const derived = this.meta('derived_version');
    if (primary !== String(PRIMARY_VERSION)) {
      throw new StoreVersionError(`${this.path} is not a patchlore store of this version (primary schema ${primary ?? 'missing'}, expected ${PRIMARY_VERSION})`);
    }
    if (derived !== String(DERIVED_VERSION)) {
      throw new StoreVersionError(`${this.path} was indexed by another patchlore version; run: patchlore reindex --db ${this.path}`);
    }
  }

  private migrate(rebuild: boolean): void {
    const primary = this.meta('primary_version');
    if (primary !== undefined && primary !== String(PRIMARY_VERSION)) {
      throw new StoreVersionError(`${this.path} has primary schema ${primary}; this patchlore reads ${PRIMARY_VERSION}`);
    }
    this.db.exec(PRIMARY_SCHEMA);
    this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run('primary_version', String(PRIMARY_VERSION));
    const derived = this.meta('derived_version');
    const hasRaw = (this.db.prepare('SELECT count(*) AS n FROM raw').get() as { n: number }).n > 0;
    if (derived !== undefined && derived !== String(DERIVED_VERSION) && hasRaw) {
      if (!rebuild) throw new StoreVersionError(`${this.path} was indexed by another patchlore version; run: patchlore reindex --db ${this.path}`);
      for (const t of DERIVED_TABLES) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
    }
    this.db.exec(DERIVED_SCHEMA);
    this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run('derived_version', String(DERIVED_VERSION));
  }

  /** Drop every derived table and create them empty (raw mail and sightings stay). */
  resetDerived(): void {
    this.db.transaction(() => {
      for (const t of DERIVED_TABLES) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
      this.db.exec(DERIVED_SCHEMA);
      this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run('derived_version', String(DERIVED_VERSION));
    })();
  }

  private prepare() {
    const db = this.db;
    return {
      rawBySha: db.prepare('SELECT r.id AS id, c.message AS message FROM raw r LEFT JOIN copies c ON c.raw_id = r.id WHERE r.sha256 = ?'),
      insertRaw: db.prepare('INSERT INTO raw (sha256, bytes, envelope_date, refused) VALUES (?, ?, ?, ?)'),
      insertSighting: db.prepare('INSERT OR IGNORE INTO sightings (raw_id, source, locator, list) VALUES (?, ?, ?, ?)'),
      messageLists: db.prepare('SELECT list_ids AS listIds FROM messages WHERE id = ?'),
      insertMessageList: db.prepare('INSERT OR IGNORE INTO message_lists (message, list) VALUES (?, ?)'),
      threadOf: db.prepare('SELECT thread_id AS t FROM messages WHERE id = ?'),
      variants: db.prepare('SELECT id, key, content_hash AS contentHash, date, recovered FROM messages WHERE message_id = ?'),
      insertMessage: db.prepare(`INSERT INTO messages (key, message_id, content_hash, synthetic_id, imposter, subject, author,
        from_name, from_email, recipients, date, date_source, date_header, in_reply_to, refs, list_ids, recovered, body, parts)
        VALUES (@key, @messageId, @contentHash, @syntheticId, @imposter, @subject, @author, @fromName, @fromEmail,
        @recipients, @date, @dateSource, @dateHeader, @inReplyTo, @refs, @listIds, @recovered, @body, @parts)`),
      setKey: db.prepare('UPDATE messages SET key = ?, imposter = ?, thread_id = NULL WHERE id = ?'),
      insertFts: db.prepare(`INSERT INTO messages_fts (rowid, ${ALL_FIELDS.join(', ')}) VALUES (?, ${ALL_FIELDS.map(() => '?').join(', ')})`),
      insertPatchMeta: db.prepare('INSERT OR REPLACE INTO patch_meta (message, kind, meta) VALUES (?, ?, ?)'),
      insertCopy: db.prepare('INSERT OR REPLACE INTO copies (raw_id, message) VALUES (?, ?)'),
      insertUnparsed: db.prepare(`INSERT OR REPLACE INTO copies (raw_id, message, unparsed_code, unparsed_message, unparsed_expected, unparsed_found)
        VALUES (?, NULL, ?, ?, ?, ?)`),
      insertDiagnostic: db.prepare('INSERT INTO diagnostics (raw_id, message_key, code, message, expected, found) VALUES (?, ?, ?, ?, ?, ?)'),
      insertSourceDiagnostic: db.prepare(`INSERT OR IGNORE INTO source_diagnostics (code, message, source, locator, message_id) VALUES (?, ?, ?, ?, ?)`),
      epochCursor: db.prepare('SELECT last_commit AS c FROM epochs WHERE git_dir = ?'),
      setEpochCursor: db.prepare('INSERT OR REPLACE INTO epochs (git_dir, last_commit) VALUES (?, ?)'),
    };
  }

  close(): void {
    this.db.close();
  }

  /** Run `fn` in one transaction. */
  transaction<T>(fn: () => T): T {
    const outermost = this.depth === 0;
    this.depth++;
    try {
      return this.db.transaction(() => {
        const result = fn();
        if (outermost) this.flushFts();
        return result;
      })();
    } finally {
      this.depth--;
      // Rolled back or written: either way nothing is pending any more.
      if (outermost) this.pendingFts = [];
    }
  }

  /** Store.transaction calls open now: only they write pending full-text rows out, so rows are
   *  deferred inside them alone (a transaction opened on `db` directly writes them at once). */
  private depth = 0;

  /** Full-text rows of messages stored in the current transaction, written at its end. */
  private pendingFts: unknown[][] = [];

  private flushFts(): void {
    for (const row of this.pendingFts) this.q.insertFts.run(...row);
    this.pendingFts = [];
  }

  /** The raw message with these bytes' hash, if already stored. */
  knownRaw(sha256: string): KnownRaw | undefined {
    return this.q.rawBySha.get(sha256) as KnownRaw | undefined;
  }

  /** Store a new raw message; returns its id. `refused` marks bytes known to be incomplete. */
  insertRaw(sha256: string, bytes: Uint8Array, envelopeDate: string | null, refused: Diagnostic | null = null): number {
    return Number(this.q.insertRaw.run(sha256, bytes, envelopeDate, refused ? JSON.stringify(refused) : null).lastInsertRowid);
  }

  /** Record where a raw message was read; the list is the origin's, else the message's List-Id. */
  addSighting(rawId: number, origin: Origin, message: number | null): void {
    let list = origin.list;
    if (!list && message !== null) {
      const row = this.q.messageLists.get(message) as { listIds: string } | undefined;
      const ids = row ? (JSON.parse(row.listIds) as string[]) : [];
      list = ids[0] ? listName(ids[0]) : '';
    }
    this.q.insertSighting.run(rawId, origin.source, origin.locator, list);
    if (message !== null && list && this.q.insertMessageList.run(message, list).changes > 0) {
      // Seen on a list it was not known on: its thread's list summary must be redone.
      const t = this.q.threadOf.get(message) as { t: string | null } | undefined;
      if (t?.t) this.dropThread(t.t);
    }
  }

  /** Raw messages after row id `after`, in id order (for reindexing). */
  rawPage(after: number, limit: number): Array<{ id: number; sha256: string; bytes: Buffer; envelopeDate: string | null; refused: string | null; source: string; locator: string }> {
    return this.db
      .prepare(
        `SELECT r.id, r.sha256, r.bytes, r.envelope_date AS envelopeDate, r.refused,
                (SELECT source FROM sightings s WHERE s.raw_id = r.id ORDER BY source, locator LIMIT 1) AS source,
                (SELECT locator FROM sightings s WHERE s.raw_id = r.id ORDER BY source, locator LIMIT 1) AS locator
         FROM raw r WHERE r.id > ? ORDER BY r.id LIMIT ?`,
      )
      .all(after, limit) as ReturnType<Store['rawPage']>;
  }

  /** Re-derive the lists of a message from every sighting of a raw copy of it. */
  relinkSightings(rawId: number, message: number): void {
    const rows = this.db.prepare('SELECT source, locator, list FROM sightings WHERE raw_id = ?').all(rawId) as Array<{ source: string; locator: string; list: string }>;
    for (const r of rows) this.addSighting(rawId, { source: r.source, locator: r.locator, list: r.list }, message);
  }

  /** Record a raw message that could not be parsed, with the reason. */
  storeUnparsed(rawId: number, reason: Diagnostic): void {
    this.q.insertUnparsed.run(rawId, reason.code, reason.message, reason.expected ?? null, reason.found ?? null);
  }

  /** Record problems about a stored raw message (e.g. how it was cut from its mbox). */
  addDiagnostics(rawId: number, key: string, diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.q.insertDiagnostic.run(rawId, key, d.code, d.message, d.expected ?? null, d.found ?? null);
  }

  /** Problems with an input that concern no stored message. Idempotent. */
  addSourceDiagnostic(d: Diagnostic): void {
    this.q.insertSourceDiagnostic.run(d.code, d.message, d.source ?? '', d.locator ?? '', d.messageId ?? '');
  }

  /**
   * Store a parsed message read as raw `rawId`. Same Message-ID and content as a stored message:
   * a duplicate, recorded as another copy. Same Message-ID, other content: an imposter, stored
   * under its own key. Returns the stored message's row id and what happened.
   */
  storeParsed(rawId: number, m: Message, meta: PatchMeta): { outcome: StoreOutcome; message: number; diagnostics: Diagnostic[] } {
    const existing = this.q.variants.all(m.messageId) as Array<{ id: number; key: string; contentHash: string; date: number | null; recovered: string | null }>;
    const page = this.storeRecovered(rawId, m, meta, existing);
    if (page) return page;
    const same = existing.find((e) => e.contentHash === m.contentHash);
    if (same) {
      this.q.insertCopy.run(rawId, same.id);
      return { outcome: 'duplicate', message: same.id, diagnostics: [] };
    }
    const diagnostics = [...m.diagnostics];
    const { body, parts } = joinParts(m);
    const author = formatAddress(m.from.name, m.from.email);
    const row = {
      key: existing.length ? `pending.${rawId}` : m.messageId,
      messageId: m.messageId,
      contentHash: m.contentHash,
      syntheticId: m.syntheticId ? 1 : 0,
      imposter: 0,
      subject: m.subject,
      author,
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
      body,
      parts: JSON.stringify(parts),
    };
    const id = Number(this.q.insertMessage.run(row).lastInsertRowid);
    const ftsRow = ftsValues(id, m, body, parts);
    // In a transaction, full-text rows wait for its end: FTS5 writes its pending terms out at
    // every statement savepoint (INSERT OR REPLACE opens one), so interleaving them with the
    // other inserts made the index many times slower to build.
    if (this.depth > 0) this.pendingFts.push(ftsRow);
    else this.q.insertFts.run(...ftsRow);
    const t0 = performance.now();
    this.q.insertPatchMeta.run(id, meta.kind, JSON.stringify(meta));
    this.timings.patchMetaMs += performance.now() - t0;
    this.q.insertCopy.run(rawId, id);
    let key = m.messageId;
    if (existing.length) {
      // Re-key all variants so the choice of the primary does not depend on arrival order.
      const all = [...existing, { id, key: row.key, contentHash: m.contentHash, date: m.date }];
      const keys = variantKeys(m.messageId, all);
      const changed = all.map((v, i) => ({ v, key: keys[i]! })).filter(({ v, key }) => v.key !== key);
      this.invalidate([m.messageId, ...all.map((v) => v.key)]);
      // Move rows off the plain Message-ID first, so the UNIQUE key never collides.
      changed.sort((a, b) => (a.key === m.messageId ? 1 : 0) - (b.key === m.messageId ? 1 : 0));
      for (const { v, key: k } of changed) this.q.setKey.run(k, k === m.messageId ? 0 : 1, v.id);
      key = keys[keys.length - 1]!;
      diagnostics.push({
        code: 'store/imposter',
        message: `Message-ID reused by a message with different content; stored as ${key === m.messageId ? 'the primary' : key}`,
        messageId: m.messageId,
      });
    }
    for (const d of diagnostics) {
      this.q.insertDiagnostic.run(rawId, key, d.code, d.message, d.expected ?? null, d.found ?? null);
    }
    return { outcome: existing.length ? 'imposter' : 'stored', message: id, diagnostics };
  }

  /**
   * Copies of one Message-ID when one of them was recovered from an archive page: never
   * imposters. A page copy of a stored message is another copy of it; the original mail replaces
   * a page copy's content (and a page copy that lost less replaces one that lost more), keeping
   * its row, key and copies. Either way the outcome is a duplicate: the message was already
   * there. Null when neither side is a page copy (the usual rules then apply).
   */
  private storeRecovered(
    rawId: number,
    m: Message,
    meta: PatchMeta,
    existing: ReadonlyArray<{ id: number; key: string; contentHash: string; recovered: string | null }>,
  ): { outcome: StoreOutcome; message: number; diagnostics: Diagnostic[] } | null {
    if (existing.length === 0) return null;
    // A Message-ID has either one page copy as its message or only mail (see below).
    const page = existing.length === 1 && existing[0]!.recovered !== null ? existing[0]! : null;
    if (!m.recovered && !page) return null;
    const target = page ?? existing.find((e) => e.key === m.messageId) ?? existing[0]!;
    const stored = { recovered: target.recovered ? (JSON.parse(target.recovered) as Recovered) : null, contentHash: target.contentHash };
    const note = (code: Diagnostic['code'], message: string): Diagnostic[] => {
      const d: Diagnostic = { code, message, messageId: m.messageId };
      this.q.insertDiagnostic.run(rawId, target.key, d.code, d.message, null, null);
      return [d];
    };
    if (!preferCopy(m, stored)) {
      this.q.insertCopy.run(rawId, target.id);
      const from = m.recovered ? `the page ${m.recovered.source}` : 'mail';
      return { outcome: 'duplicate', message: target.id, diagnostics: note('store/recovered-copy', `a copy recovered from ${from}: kept as another copy of the stored message`) };
    }
    this.replaceContent(target.id, m, meta);
    this.q.insertCopy.run(rawId, target.id);
    for (const d of m.diagnostics) this.q.insertDiagnostic.run(rawId, target.key, d.code, d.message, d.expected ?? null, d.found ?? null);
    const what = m.recovered ? `a better page copy (${m.recovered.source})` : 'the original mail';
    const replaced = note('store/superseded', `${what} replaced the copy recovered from ${stored.recovered?.source ?? 'a page'}; the page copy is kept as another copy`);
    return { outcome: 'duplicate', message: target.id, diagnostics: [...m.diagnostics, ...replaced] };
  }

  /** Give message row `id` the content of `m` (same Message-ID and key), its full-text row and
   *  patch facts, and have its thread, series and discussion computed again. */
  private replaceContent(id: number, m: Message, meta: PatchMeta): void {
    type Row = { messageId: string; subject: string; author: string; recipients: string; body: string; parts: string; threadId: string | null };
    const old = this.db
      .prepare('SELECT message_id AS messageId, subject, author, recipients, body, parts, thread_id AS threadId FROM messages WHERE id = ?')
      .get(id) as Row;
    const pending = this.pendingFts.findIndex((r) => r[0] === id);
    if (pending >= 0) this.pendingFts.splice(pending, 1);
    else {
      // A contentless FTS5 table forgets a row only when told its exact values again.
      const r = JSON.parse(old.recipients) as { to: Message['to']; cc: Message['cc'] };
      const fields = searchFields({
        messageId: old.messageId,
        subject: old.subject,
        from: old.author,
        to: r.to.map((a) => formatAddress(a.name, a.email)),
        cc: r.cc.map((a) => formatAddress(a.name, a.email)),
        body: old.body,
        parts: JSON.parse(old.parts) as StoredPart[],
      });
      this.db
        .prepare(`INSERT INTO messages_fts (messages_fts, rowid, ${ALL_FIELDS.join(', ')}) VALUES ('delete', ?, ${ALL_FIELDS.map(() => '?').join(', ')})`)
        .run(id, ...ALL_FIELDS.map((f) => fields[f]));
    }
    const { body, parts } = joinParts(m);
    this.db
      .prepare(
        `UPDATE messages SET content_hash = ?, synthetic_id = ?, subject = ?, author = ?, from_name = ?, from_email = ?, recipients = ?,
         date = ?, date_source = ?, date_header = ?, in_reply_to = ?, refs = ?, list_ids = ?, recovered = ?, body = ?, parts = ?, thread_id = NULL
         WHERE id = ?`,
      )
      .run(m.contentHash, m.syntheticId ? 1 : 0, m.subject, formatAddress(m.from.name, m.from.email), m.from.name, m.from.email,
        JSON.stringify({ to: m.to, cc: m.cc }), m.date, m.dateSource, m.dateHeader, m.inReplyTo, JSON.stringify(m.references),
        JSON.stringify(m.listIds), m.recovered ? JSON.stringify(m.recovered) : null, body, JSON.stringify(parts), id);
    const row = ftsValues(id, m, body, parts);
    if (this.depth > 0) this.pendingFts.push(row);
    else this.q.insertFts.run(...row);
    this.q.insertPatchMeta.run(id, meta.kind, JSON.stringify(meta));
    this.invalidate([m.messageId]);
    // The thread keeps its messages and their row ids, so the discussion would not see it changed.
    if (old.threadId) this.db.prepare('DELETE FROM discussed_threads WHERE thread_id = ?').run(old.threadId);
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('discussion_dirty', '1')").run();
    this.setSeriesStale(true);
  }

  /** Mark the threads holding any of these node ids as needing threading again. */
  private invalidate(ids: string[]): void {
    const threads = new Set<string>();
    const find = this.db.prepare('SELECT thread_id AS t FROM nodes WHERE id = ?');
    for (const id of ids) {
      const r = find.get(id) as { t: string } | undefined;
      if (r) threads.add(r.t);
    }
    for (const t of threads) this.dropThread(t);
  }

  private dropThread(threadId: string): void {
    this.db.prepare('UPDATE messages SET thread_id = NULL WHERE thread_id = ?').run(threadId);
    this.db.prepare('DELETE FROM nodes WHERE thread_id = ?').run(threadId);
    this.db.prepare('DELETE FROM threads WHERE id = ?').run(threadId);
    this.db.prepare('DELETE FROM thread_lists WHERE thread_id = ?').run(threadId);
  }

  /** The last commit imported from an epoch, or null. */
  epochCursor(gitDir: string): string | null {
    return (this.q.epochCursor.get(gitDir) as { c: string } | undefined)?.c ?? null;
  }

  setEpochCursor(gitDir: string, commit: string): void {
    this.q.setEpochCursor.run(gitDir, commit);
  }

  /** Forget how far an epoch was read: its next import reads it whole (already stored mail
   *  counts as duplicates). */
  forgetEpochCursor(gitDir: string): void {
    this.db.prepare('DELETE FROM epochs WHERE git_dir = ?').run(gitDir);
  }

  /** Whether messages were stored since the series tables were last computed (also after an
   *  import interrupted between the two). */
  seriesStale(): boolean {
    return this.meta('series_dirty') === '1';
  }

  /** Record that the series tables no longer reflect the messages, or (false) that they do. */
  setSeriesStale(stale: boolean): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('series_dirty', stale ? '1' : '0');
  }

  /** Fingerprint of the manual series links the series tables were computed with. */
  seriesOverrides(): string | undefined {
    return this.meta('series_overrides');
  }

  setSeriesOverrides(fingerprint: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('series_overrides', fingerprint);
  }

  /** Number of messages waiting to be threaded. */
  unthreaded(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM messages WHERE thread_id IS NULL').get() as { n: number }).n;
  }

  /**
   * Thread every message not threaded yet, together with the threads it touches (any thread
   * holding its ID or an ID it names), and store the result. Returns the number of threads
   * written and the threading diagnostics.
   */
  threadPending(): { threads: number; diagnostics: Diagnostic[] } {
    return this.transaction(() => {
      type Row = { key: string; refs: string; date: number | null };
      const dirty = this.db.prepare('SELECT key, refs, date FROM messages WHERE thread_id IS NULL').all() as Row[];
      if (dirty.length === 0) return { threads: 0, diagnostics: [] };
      this.db.exec('CREATE TEMP TABLE IF NOT EXISTS wanted (id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM wanted;');
      const want = this.db.prepare('INSERT OR IGNORE INTO wanted (id) VALUES (?)');
      const inputs: ThreadInput[] = [];
      for (const r of dirty) {
        const refs = JSON.parse(r.refs) as string[];
        inputs.push({ key: r.key, references: refs, date: r.date });
        want.run(r.key);
        for (const id of refs) want.run(id);
      }
      const touched = (this.db.prepare('SELECT DISTINCT n.thread_id AS t FROM nodes n JOIN wanted w ON w.id = n.id').all() as Array<{ t: string }>).map((r) => r.t);
      const members = this.db.prepare('SELECT key, refs, date FROM messages WHERE thread_id = ?');
      for (const t of touched) {
        for (const r of members.all(t) as Row[]) inputs.push({ key: r.key, references: JSON.parse(r.refs) as string[], date: r.date });
        this.dropThread(t);
      }
      this.db.exec('DELETE FROM wanted');
      const result = threadMessages(inputs);
      this.writeThreads(result.nodes, inputs.map((i) => i.key));
      for (const d of result.diagnostics) {
        this.q.insertDiagnostic.run(null, d.messageId ?? '', d.code, d.message, d.expected ?? null, d.found ?? null);
      }
      return { threads: new Set(result.nodes.map((n) => n.threadId)).size, diagnostics: result.diagnostics };
    });
  }

  private writeThreads(nodes: ThreadNode[], keys: string[]): void {
    const delDiag = this.db.prepare("DELETE FROM diagnostics WHERE message_key = ? AND code LIKE 'thread/%'");
    for (const k of keys) delDiag.run(k);
    const insNode = this.db.prepare('INSERT OR REPLACE INTO nodes (id, thread_id, ghost, parent, depth, ord, shown) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const setMsg = this.db.prepare('UPDATE messages SET thread_id = ?, parent = ?, depth = ?, ord = ? WHERE key = ?');
    const info = this.db.prepare('SELECT id, subject, date FROM messages WHERE key = ?');
    const listsOf = this.db.prepare('SELECT list FROM message_lists WHERE message = ?');
    type Summary = { root: string; subject: string | null; messages: number; ghosts: number; first: number | null; last: number | null; lists: Map<string, number | null> };
    const summaries = new Map<string, Summary>();
    const sorted = [...nodes].sort((a, b) => (a.threadId < b.threadId ? -1 : a.threadId > b.threadId ? 1 : a.order - b.order));
    for (const n of sorted) {
      insNode.run(n.id, n.threadId, n.ghost ? 1 : 0, n.parent, n.depth, n.order, n.shown ? 1 : 0);
      let s = summaries.get(n.threadId);
      if (!s) {
        s = { root: '', subject: null, messages: 0, ghosts: 0, first: null, last: null, lists: new Map() };
        summaries.set(n.threadId, s);
      }
      if (n.order === 0) s.root = n.id;
      if (n.ghost) {
        if (n.shown) s.ghosts++;
        continue;
      }
      setMsg.run(n.threadId, n.parent, n.depth, n.order, n.id);
      const m = info.get(n.id) as { id: number; subject: string; date: number | null };
      s.messages++;
      if (s.subject === null) s.subject = m.subject;
      if (m.date !== null) {
        s.first = s.first === null ? m.date : Math.min(s.first, m.date);
        s.last = s.last === null ? m.date : Math.max(s.last, m.date);
      }
      for (const { list } of listsOf.all(m.id) as Array<{ list: string }>) {
        const prev = s.lists.get(list);
        s.lists.set(list, m.date === null ? (prev ?? null) : Math.max(prev ?? m.date, m.date));
      }
    }
    const insThread = this.db.prepare('INSERT OR REPLACE INTO threads (id, root, subject, messages, ghosts, first_date, last_date) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insList = this.db.prepare('INSERT OR REPLACE INTO thread_lists (thread_id, list, last_date) VALUES (?, ?, ?)');
    for (const [id, s] of summaries) {
      insThread.run(id, s.root, s.subject ?? '', s.messages, s.ghosts, s.first, s.last);
      for (const [list, last] of s.lists) insList.run(id, list, last);
    }
  }
}
