// What a derivation is: a table (or tables) computed from the stored mail by a pure stage,
// declared once in the registry (registry.ts) with its version, what it depends on, and its inputs
// outside the mail. Its state is one stamp of one kind (DerivationStamp: version, mail generation,
// external fingerprint): it is stale when the stamp differs from what it would be now, or when a
// derivation it depends on ran. Types only.
import type { DerivationStamp, Store } from '../store/store-port.ts';
import type { Diagnostic } from '../types.ts';

/** What every derivation is given when it runs. */
export interface DeriveOptions {
  /** Worker threads it may use (0: none, all on this thread). */
  workers: number;
  /** Progress within a derivation: `done` of `total` units (threads, postings, ...). */
  onProgress?: (name: string, done: number, total: number) => void;
  /** The manual series links file (content/series-links.json by default). */
  seriesLinks?: string;
}

/** What one run of a derivation did. */
export interface DerivationRun {
  /** Problems met (a broken input file, a refused link). */
  diagnostics: Diagnostic[];
  /** Units it (re)computed, for the summary ("412 threads"). */
  count: number;
}

/** One registry entry. */
export interface Derivation {
  /** Stable name: the stamp's key, the progress label, `--only` values. */
  name: string;
  /** What it computes, for people ("series lineages"). */
  title: string;
  /** Bump when the stage's rules change: every store recomputes it once. */
  version: number;
  /** Derivations whose tables it reads; they run first. */
  after: readonly string[];
  /** Fingerprint of inputs outside the mail ('' for none): a file's, what the store keeps of
   *  another source (a repository's heads as last read, the stamp of data synced from another
   *  server; read from the store, which may be read-only here). */
  external(opts: DeriveOptions, store: Store): string;
  /**
   * Bring its tables up to date. `previous` is what it was last computed from (null: never, or
   * since a reindex); when `full` the whole store must be recomputed (its version or external
   * inputs changed), otherwise only what the mail changes since `previous` touched.
   */
  run(store: Store, ctx: { previous: DerivationStamp | null; full: boolean; opts: DeriveOptions }): Promise<DerivationRun>;
}
