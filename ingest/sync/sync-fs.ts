// The sync stage's composition root: take the cache's lock, sync each list from its git epochs,
// run each targeted HTTP pull, sync each Patchwork project, all through one polite HTTP client,
// and report what was imported (the import stage's counts) and what was fetched. The imports
// along the way only store and thread; the derivations (series, discussion, Patchwork states...)
// are brought up to date once, at the end. It decides nothing about what to sync: the CLI turns
// arguments and the config into lists, pulls and projects.
import { readFileSync } from 'node:fs';
import { deriveAll, emptySummary } from '../import/import-sources.ts';
import type { Store } from '../store/store-port.ts';
import type { ImportSummary } from '../types.ts';
import { HttpClient } from './http-client-fs.ts';
import { addImportSummary } from './import-totals.ts';
import { describe, pullHttpFs } from './pull-http-fs.ts';
import { acquireSyncLockFs } from './sync-lock-fs.ts';
import { syncListFs } from './sync-list-fs.ts';
import { syncProjectFs, type StepProgress } from '../patchwork/sync-project-fs.ts';
import type { FetchedReport, HttpSettings, ListPlan, PatchworkPlan, PatchworkReport, ProgressSink, PullPlan, SyncEnv } from './sync-types.ts';

/** Another sync holds the cache: the user's to resolve. */
export class SyncLockedError extends Error {}

/** What to sync. */
export interface SyncRun {
  lists: ListPlan[];
  pulls: PullPlan[];
  /** Patchwork projects (their decisions, then the mail they name), after the lists and pulls. */
  patchwork?: PatchworkPlan[];
}

/** How. */
export interface SyncOptions {
  cacheDir: string;
  http: HttpSettings;
  workers: number;
  log(line: string): void;
  progress(label: string): ProgressSink;
  /** Called before each HTTP request (for tests and benchmarks). */
  onRequest?(method: string, url: string): void;
  /** Progress of a Patchwork sync, by step. */
  steps?: StepProgress;
}

/** The outcome of a run. */
export interface SyncResult {
  summary: ImportSummary;
  fetched: FetchedReport;
  /** One per Patchwork project synced. */
  patchwork: PatchworkReport[];
}

/** `patchlore/<version>`, the User-Agent (with `+<plus>` when given, as liblore's useragentplus). */
export function userAgent(plus = ''): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `patchlore/${pkg.version}${plus ? `+${plus}` : ''}`;
}

/** What a session's work adds to: the import's counts and the fetch report. */
export interface SyncSession {
  env: SyncEnv;
  summary: ImportSummary;
  fetched: FetchedReport;
  /** One per Patchwork project synced. */
  patchwork: PatchworkReport[];
}

/** Sync the lists and run the pulls. Throws SyncLockedError when another sync runs on the cache,
 *  and for failures of the environment (disk, git missing); fetch failures are in the report. */
export async function syncFs(store: Store, run: SyncRun, opts: SyncOptions): Promise<SyncResult> {
  return withSyncSession(store, opts, async ({ env, summary, fetched, patchwork }) => {
    const skipped: string[] = [];
    for (const list of run.lists) {
      if (env.client.limitReached) {
        skipped.push(`list ${list.name}`);
        continue;
      }
      const r = await syncListFs(store, list, env);
      addImportSummary(summary, r.summary);
      fetched.epochs.push(...r.epochs);
      fetched.downloads.push(...r.downloads);
      fetched.problems.push(...r.problems);
    }
    for (const pull of run.pulls) {
      if (env.client.limitReached) {
        skipped.push(describe(pull));
        continue;
      }
      const r = await pullHttpFs(store, pull, env);
      addImportSummary(summary, r.summary);
      fetched.downloads.push(...r.downloads);
      fetched.problems.push(...r.problems);
    }
    for (const p of run.patchwork ?? []) {
      if (env.client.limitReached) {
        skipped.push(`Patchwork project ${p.project} at ${p.base}`);
        continue;
      }
      const r = await syncProjectFs(store, p, env, opts.steps);
      addImportSummary(summary, r.import);
      patchwork.push(r);
    }
    if (skipped.length) {
      fetched.problems.push({
        code: 'http/limit',
        message: `not synced because the request limit was reached: ${skipped.join(', ')}`,
        hint: 'run patchlore sync again to continue, or raise the limit with --max-requests N',
        attempts: 0,
        severity: 'error',
      });
    }
  });
}

/**
 * Run `work` holding the sync cache's lock, with one polite HTTP client for everything it
 * fetches; then bring the derivations up to date once and fill in the fetch report. Throws
 * SyncLockedError when another sync (or add) runs on the cache.
 */
export async function withSyncSession(store: Store, opts: SyncOptions, work: (s: SyncSession) => Promise<void>): Promise<SyncResult> {
  const lock = await acquireSyncLockFs(opts.cacheDir);
  if ('heldBy' in lock) {
    throw new SyncLockedError(`another patchlore sync (process ${lock.heldBy}) is using ${opts.cacheDir}; wait for it to finish (or remove ${lock.path} if that process is not patchlore)`);
  }
  const client = new HttpClient(opts.http, `${opts.cacheDir}/http`, { log: opts.log, onRequest: opts.onRequest });
  const env: SyncEnv = { client, settings: opts.http, cacheDir: opts.cacheDir, workers: opts.workers, log: opts.log, progress: opts.progress };
  const summary = emptySummary();
  const fetched: FetchedReport = {
    requests: 0,
    retries: 0,
    notModified: 0,
    cacheHits: 0,
    bytes: 0,
    git: { operations: 0, retries: 0, bytes: 0 },
    epochs: [],
    downloads: [],
    problems: [],
    limitReached: false,
  };
  const patchwork: PatchworkReport[] = [];
  try {
    await work({ env, summary, fetched, patchwork });
    // Once for the whole session: a no-op unless something was stored (or an earlier run left
    // the series or the discussion outdated). Were it interrupted before this, the next command
    // to open the store would catch up.
    await deriveAll(store, { workers: opts.workers }, summary);
  } finally {
    await client.close();
    await lock.release();
  }
  const s = client.stats;
  Object.assign(fetched, { requests: s.requests, retries: s.retries, notModified: s.notModified, cacheHits: s.cacheHits, bytes: s.bytes, limitReached: client.limitReached });
  fetched.git = { operations: s.gitOperations, retries: s.gitRetries, bytes: fetched.epochs.reduce((n, e) => n + e.bytes, 0) };
  return { summary, fetched, patchwork };
}
