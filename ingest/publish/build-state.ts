// What a build of the site leaves for the next one (kept in the output directory by
// build-state-fs.ts): the sources the pages were rendered from, what each page read and what it
// held, how each thread and lineage stood, the values pages read, and the search index's own
// state. An incremental build compares these with the store now. Types and pure helpers.
import type { IndexState } from '../../src/build/search-update.ts';

/** Bumped when the state's shape or meaning changes: a state of another version is ignored (the
 *  next build is a full one). */
export const STATE_VERSION = 1;

/** A page: the hash of its file, what it read while rendering (src/lib/site-reads.ts), and the
 *  digest of the props its route gave it (src/build/site-renderer-fs.ts). */
export type PageState = [hash: string, reads: string[], props: string];

/** Row ids of the store's messages and the keys they had, sampled: a store whose row ids mean
 *  other messages now (reindexed, or another store at the same path) gets a full build. */
export type NumberingSample = Array<[id: number, key: string]>;

export interface BuildState {
  version: number;
  /** Hash of the sources the pages were rendered from (ingest/publish/site-bundle-fs.ts). */
  bundle: string;
  /** The highest message row id the site holds (its messages have ids up to this one). */
  maxMessageId: number;
  numbering: NumberingSample;
  /** Digest of each thread and lineage as the pages were rendered (site-changes.ts). */
  threads: Record<string, string>;
  families: Record<string, string>;
  /** Digests of value reads ("v:" keys without the prefix). */
  values: Record<string, string>;
  /** Every page by URL path. */
  pages: Record<string, PageState>;
  /** /m/ pages. */
  messagePages: number;
  /** Files published from the bundle's client directory (copy-assets-fs.ts). */
  assets: string[];
  /** The static search index (src/build/search-update.ts). */
  search: IndexState | null;
}

/** Samples kept in a NumberingSample: between SAMPLES and twice as many. */
const SAMPLES = 64;

/** Samples messages given in row id order, however many: keeps every step-th, doubling the step
 *  whenever twice SAMPLES are kept, so the sample spreads over all of them. */
export class NumberingSampler {
  private readonly kept: NumberingSample = [];
  private step = 1;
  private seen = 0;
  add(id: number, key: string): void {
    if (this.seen++ % this.step !== 0) return;
    this.kept.push([id, key]);
    if (this.kept.length < 2 * SAMPLES) return;
    for (let i = 0; i < SAMPLES; i++) this.kept[i] = this.kept[2 * i]!;
    this.kept.length = SAMPLES;
    this.step *= 2;
  }
  sample(): NumberingSample {
    return [...this.kept];
  }
}
