// Writes the static search index of a store into a directory, in a worker thread so that it is
// built while Astro renders the pages (the two share nothing but the read-only store). The
// index goes to a staging directory beside the site and is moved into place once Astro is done:
// Astro empties its output directory when it starts building.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WorkerPool } from '../../ingest/workers/worker-pool.ts';
import { searchDocs } from '../lib/search-data-fs.ts';
import { buildSearchIndex, type SearchIndexSummary } from './search-index.ts';

/** Build the index of the store at `db` and write its files under `dir` (dir/search/...). */
export function writeSearchIndexFs(db: string, dir: string): SearchIndexSummary {
  const dirs = new Set<string>();
  return buildSearchIndex(searchDocs(db), (path, content) => {
    const d = dirname(join(dir, path));
    if (!dirs.has(d)) mkdirSync(d, { recursive: true });
    dirs.add(d);
    writeFileSync(join(dir, path), content);
  });
}

/** What the worker is asked, and answers. */
export interface IndexJob {
  db: string;
  dir: string;
}
export type IndexAnswer = SearchIndexSummary & { ms: number };

/** An index being built in a worker for the site at `out`. A build that fails never places it:
 *  the staging directory goes when the process exits. */
export interface PendingIndex {
  /** Wait for the worker, then move search/ into `out`. Throws what the worker threw. */
  place(): Promise<SearchIndexSummary & { ms: number }>;
}

export function startSearchIndexFs(db: string, out: string): PendingIndex {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(out)}.search-`));
  const cleanup = (): void => rmSync(staging, { recursive: true, force: true });
  process.once('exit', cleanup);
  const pool = new WorkerPool<IndexJob, IndexAnswer>({ module: new URL('./search-index-worker.ts', import.meta.url), size: 1, label: 'search index' });
  const answer = pool.run({ db, dir: staging }).finally(() => pool.close());
  // Failures are reported by place(); until then the promise must not count as unhandled.
  answer.catch(() => undefined);
  return {
    async place() {
      try {
        let a: IndexAnswer;
        try {
          a = await answer;
        } catch (err) {
          throw new Error(`building the search index failed: ${(err as Error).message}`, { cause: err });
        }
        // search/ also holds the search page Astro rendered: move the index's entries into it.
        const from = join(staging, 'search');
        const target = join(out, 'search');
        mkdirSync(target, { recursive: true });
        for (const e of existsSync(from) ? readdirSync(from) : []) {
          rmSync(join(target, e), { recursive: true, force: true });
          renameSync(join(from, e), join(target, e));
        }
        return a;
      } finally {
        cleanup();
        process.off('exit', cleanup);
      }
    },
  };
}
