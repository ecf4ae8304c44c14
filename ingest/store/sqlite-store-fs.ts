// The SQLite engine of the store port (store-port.ts): one file holding every raw message as
// read, where it was seen, and the tables derived from it. Writes happen in the callers'
// transactions, so an interrupted import leaves either a batch or nothing. This file opens the
// database, checks its version and runs transactions; each group of tables has its own file.
// It decides nothing about mail: the stages do.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EnvironmentError } from '../environment-error.ts';
import { DERIVED_SCHEMA, DERIVED_TABLES, DERIVED_VERSION, PRIMARY_SCHEMA, PRIMARY_VERSION } from './schema.ts';
import { SqliteDerived } from './sqlite-derived-fs.ts';
import { SqliteDiscussion } from './sqlite-discussion-fs.ts';
import { SqliteMail } from './sqlite-mail-fs.ts';
import { SqliteSearch } from './sqlite-search-fs.ts';
import { SqliteSeries } from './sqlite-series-fs.ts';
import { SqliteThreads } from './sqlite-threads-fs.ts';
import type { Store } from './store-port.ts';

/** Thrown when a store was written by an incompatible version: the user must act. */
export class StoreVersionError extends Error {}

/** Thrown when the store file cannot be opened (missing, not a database, no permission): the
 *  environment's failure, not patchlore's. */
export class StoreOpenError extends EnvironmentError {}

/** SQLite's result codes that mean the disk, the file or another process, not patchlore's SQL
 *  (https://www.sqlite.org/rescode.html; extended codes such as SQLITE_IOERR_WRITE included). */
const SQLITE_ENVIRONMENT = /^SQLITE_(?:BUSY|LOCKED|NOMEM|READONLY|IOERR|CORRUPT|FULL|CANTOPEN|PROTOCOL|NOTADB|PERM|AUTH)(?:_|$)/;

/** Whose an error thrown by SQLite is: the environment's (disk, locks, a file that is not a
 *  database) or a bug in patchlore's SQL; null for an error SQLite did not throw. */
export function sqliteFailure(err: unknown): 'environment' | 'bug' | null {
  if (!(err instanceof Database.SqliteError)) return null;
  return SQLITE_ENVIRONMENT.test(err.code) ? 'environment' : 'bug';
}

/** How to open a store. */
export interface OpenOptions {
  /** Open read-only: nothing is ever written, not even the schema. */
  readonly?: boolean;
  /** Open a store whose derived tables another version wrote, dropping them (for reindex). */
  rebuild?: boolean;
  /** Page cache size in KiB (SQLite's cache_size); a one-pass reader wants a small one. */
  cacheKiB?: number;
}

/** What the table groups share: the connection, and the transaction state that full-text rows
 *  wait on. */
export interface SqliteContext {
  readonly db: Database.Database;
  /** Whether a Store.transaction is open: full-text rows then wait for its end. */
  inTransaction(): boolean;
  /** Queue a full-text row for the end of the current transaction. */
  deferFts(row: unknown[]): void;
  /** Drop the queued full-text row of message `id`; false when none is queued. */
  dropDeferredFts(id: number): boolean;
}

/** Open (or create) a store. A store whose derived tables another version wrote is refused with
 *  a StoreVersionError naming `patchlore reindex`, unless `rebuild`. */
export function openStore(path: string, opts: OpenOptions = {}): Store {
  return new SqliteStore(path, opts);
}

/** The SQLite connection behind a store opened here, for tests that check what the port does not
 *  show (table contents after an import). Production code asks the port. */
export function sqlOf(store: Store): Database.Database {
  if (!(store instanceof SqliteStore)) throw new Error('BUG: sqlOf needs a SQLite store');
  return store.connection;
}

class SqliteStore implements Store {
  readonly path: string;
  readonly readonly: boolean;
  readonly mail: SqliteMail;
  readonly threads: SqliteThreads;
  readonly series: SqliteSeries;
  readonly discussion: SqliteDiscussion;
  readonly search: SqliteSearch;
  readonly derived: SqliteDerived;
  private readonly db: Database.Database;
  /** For sqlOf. */
  get connection(): Database.Database {
    return this.db;
  }
  /** Store.transaction calls open now: only they write pending full-text rows out. */
  private depth = 0;
  /** Full-text rows of messages stored in the current transaction, written at its end: FTS5
   *  writes its pending terms out at every statement savepoint (INSERT OR REPLACE opens one), so
   *  interleaving them with the other inserts made the index many times slower to build. */
  private pendingFts: unknown[][] = [];
  private readonly insertFts: () => Database.Statement;

  constructor(path: string, opts: OpenOptions) {
    this.path = path;
    this.readonly = opts.readonly ?? false;
    try {
      if (!this.readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path, { readonly: this.readonly, fileMustExist: this.readonly });
      if (!this.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
      }
      this.db.pragma(`cache_size = -${opts.cacheKiB ?? 65536}`);
      this.db.pragma('temp_store = MEMORY');
      // Integrity is kept by the code that writes (one writer, in transactions); enforcing
      // foreign keys made each insert into copies look up its parents and cost 40% of the import.
      this.db.pragma('foreign_keys = OFF');
    } catch (err) {
      // Not a database, no permission, a directory missing: the file's fault, not the SQL's.
      if (sqliteFailure(err) === 'bug') throw err;
      throw new StoreOpenError(`cannot open the store ${path}: ${(err as Error).message}`, { cause: err });
    }
    if (this.readonly) this.checkVersion();
    else this.migrate(opts.rebuild ?? false);
    const ctx: SqliteContext = {
      db: this.db,
      inTransaction: () => this.depth > 0,
      deferFts: (row) => void this.pendingFts.push(row),
      dropDeferredFts: (id) => {
        const i = this.pendingFts.findIndex((r) => r[0] === id);
        if (i >= 0) this.pendingFts.splice(i, 1);
        return i >= 0;
      },
    };
    this.derived = new SqliteDerived(ctx, () => this.resetDerived());
    this.threads = new SqliteThreads(ctx);
    this.mail = new SqliteMail(ctx, this.threads);
    this.series = new SqliteSeries(ctx);
    this.discussion = new SqliteDiscussion(ctx);
    this.search = new SqliteSearch(ctx);
    let insertFts: Database.Statement | null = null;
    this.insertFts = () => (insertFts ??= this.mail.ftsInsert());
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
  private resetDerived(): void {
    this.db.transaction(() => {
      for (const t of DERIVED_TABLES) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
      this.db.exec(DERIVED_SCHEMA);
      this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run('derived_version', String(DERIVED_VERSION));
      this.db.prepare("DELETE FROM meta WHERE key LIKE 'derivation:%' OR key = 'generation'").run();
    })();
  }

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

  private flushFts(): void {
    if (this.pendingFts.length === 0) return;
    const st = this.insertFts();
    for (const row of this.pendingFts) st.run(...row);
    this.pendingFts = [];
  }

  close(): void {
    this.db.close();
  }
}
