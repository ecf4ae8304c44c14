// The derivation registry's bookkeeping in the SQLite store (meta rows): the mail generation, and
// per derivation what it was last computed from. When a derivation is stale is the registry's
// decision (ingest/derive/).
import type Database from 'better-sqlite3';
import type { SqliteContext } from './sqlite-store-fs.ts';
import type { DeriveState } from './store-port.ts';
import type { DerivationStamp } from './store-rows.ts';

export class SqliteDerived implements DeriveState {
  private readonly db: Database.Database;
  private readonly q;

  constructor(
    ctx: SqliteContext,
    readonly resetDerived: () => void,
  ) {
    const db = (this.db = ctx.db);
    this.q = {
      get: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      set: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    };
  }

  generation(): number {
    return Number((this.q.get.get('generation') as string | undefined) ?? 0);
  }

  bumpGeneration(): void {
    this.q.set.run('generation', String(this.generation() + 1));
  }

  stamp(name: string): DerivationStamp | null {
    const v = this.q.get.get(`derivation:${name}`) as string | undefined;
    return v === undefined ? null : (JSON.parse(v) as DerivationStamp);
  }

  setStamp(name: string, stamp: DerivationStamp): void {
    this.q.set.run(`derivation:${name}`, JSON.stringify(stamp));
  }
}
