// The import pipeline's composition root: read sources -> hash -> parse (worker threads) ->
// store in batches -> thread -> derive (series, discussion, ...: ingest/derive/). Counts every
// message read as stored, duplicate or unparsed, so read = stored + duplicates + unparsed always
// holds, and nothing read is dropped.
import { createHash } from 'node:crypto';
import type { Diagnostic, ImportSummary, ReadProgress, SourceItem } from '../types.ts';
import { readSourceFs } from '../source/read-source-fs.ts';
import type { MboxFormat } from '../source/split-mbox.ts';
import { deriveStore, type DeriveReport } from '../derive/derive-store.ts';
import type { Derivation } from '../derive/derivation.ts';
import type { Store } from '../store/store-port.ts';
import { ParsePool, type MinedOutcome } from './parse-pool.ts';
import { recordSighting, storeMessage, timings as storeTimings } from './store-message.ts';

/** Messages stored per transaction: large enough to amortize commits, small enough that an
 *  interrupted import loses little work. */
const BATCH_MESSAGES = 1000;
/** Bytes of raw mail held per batch, bounding memory whatever the message sizes. */
const BATCH_BYTES = 32 * 1024 * 1024;
/** Batches stored between threading passes. A pass rethreads every thread the new mail touches
 *  whole, so a long thread that gets replies in every batch is redone once per pass: fewer
 *  passes, less work; the last batch is always followed by one. */
const BATCHES_PER_THREADING = 4;
/** Batches read and parsed ahead of the one being written. */
const READ_AHEAD_BATCHES = 4;

/** Options for an import. */
export interface ImportOptions {
  /** List name for every message ('' to take it from List-Id). */
  list: string;
  /** mbox variant of mbox inputs. */
  mboxFormat: MboxFormat;
  /** Parser worker threads (0 parses on the main thread). */
  workers: number;
  /** Files fetched from the web (pages, raw mail): the URL each was fetched from, which names
   *  it in provenance and sightings instead of the file. */
  sourceUrls?: ReadonlyMap<string, string>;
  /** Called now and then with progress. */
  onProgress?: (p: ImportProgress) => void;
  /** Bring every derivation up to date at the end (default true). A caller running many small
   *  imports in a row (sync, one per download) says false and calls deriveAll once after the
   *  last; the derivations stay stale meanwhile, so an interrupted run is caught up by the next
   *  command that opens the store. */
  derive?: boolean;
  /** Told when a derivation starts (for progress). */
  onDerive?: (d: Derivation) => void;
  /** Progress within a derivation. */
  onDeriveProgress?: (name: string, done: number, total: number) => void;
}

/** Progress of an import. */
export interface ImportProgress {
  read: number;
  stored: number;
  bytes: ReadProgress;
}

interface Entry {
  item: Extract<SourceItem, { kind: 'raw' }>;
  rawHash: string;
  /** null when the bytes were already stored (or queued earlier in this run). */
  outcome: Promise<MinedOutcome> | null;
}

/** Counts of nothing imported yet (with zero timings). */
export function emptySummary(): ImportSummary {
  return { read: 0, stored: 0, duplicates: 0, identical: 0, unparsed: 0, imposters: 0, diagnostics: [], timings: { mineMs: 0, patchStoreMs: 0, threadMs: 0, seriesMs: 0, discussionMs: 0 } };
}

/** Run every stale derivation (ingest/derive/registry.ts) with `workers` worker threads; their
 *  diagnostics and time go into `summary`. The last step of an import, unless it was told not to
 *  (derive: false). */
export async function deriveAll(store: Store, opts: Pick<ImportOptions, 'workers' | 'onDerive' | 'onDeriveProgress'>, summary: ImportSummary): Promise<DeriveReport> {
  const timings = (summary.timings ??= emptySummary().timings!);
  const report = await deriveStore(store, { workers: opts.workers, onStep: opts.onDerive, onProgress: opts.onDeriveProgress });
  for (const s of report.steps) {
    if (s.name === 'thread') timings.threadMs += s.ms;
    if (s.name === 'series') timings.seriesMs += s.ms;
    if (s.name === 'discussion') timings.discussionMs += s.ms;
  }
  summary.diagnostics.push(...report.diagnostics);
  return report;
}

/** Thread what the last batches stored (the thread derivation alone). */
async function threadNow(store: Store, summary: ImportSummary): Promise<void> {
  const report = await deriveStore(store, { workers: 0, only: ['thread'] });
  for (const s of report.steps) summary.timings!.threadMs += s.ms;
  summary.diagnostics.push(...report.diagnostics);
}

/** Import every input into the store. Throws only for failures of the environment. */
export async function importSources(store: Store, inputs: readonly string[], opts: ImportOptions): Promise<ImportSummary> {
  const summary = emptySummary();
  const timings = summary.timings!;
  const patchStoreBefore = storeTimings.patchMetaMs;
  const progress: ReadProgress = { done: 0, total: 0 };
  const pool = new ParsePool(opts.workers);
  const queued = new Set<string>();
  let batch: Entry[] = [];
  let batchBytes = 0;
  let committing: Promise<void> = Promise.resolve();
  const inFlight: Array<Promise<void>> = [];
  let lastReport = 0;
  let batches = 0;
  const report = (force = false): void => {
    const now = Date.now();
    if (!opts.onProgress || (!force && now - lastReport < 200)) return;
    lastReport = now;
    opts.onProgress({ read: summary.read, stored: summary.stored, bytes: progress });
  };

  const commit = async (entries: Entry[]): Promise<void> => {
    const outcomes = await pool.waitFor(Promise.all(entries.map((e) => e.outcome)));
    store.transaction(() => {
      const checkpoints = new Map<string, string>();
      let changed = false;
      entries.forEach((e, i) => (changed = storeEntry(store, e, outcomes[i] ?? null, summary) || changed));
      // In the same transaction as the messages: an interrupted import leaves the derivations
      // stale, and the next command catches up.
      if (changed) store.derived.bumpGeneration();
      for (const e of entries) if (e.item.checkpoint) checkpoints.set(e.item.checkpoint.epoch, e.item.checkpoint.commit);
      for (const [epoch, commit] of checkpoints) store.mail.setEpochCursor(epoch, commit);
    });
    // Thread as we go, while the parsers are busy; first let the workers' answers in (and send
    // them more) between the two long synchronous steps.
    if (++batches % BATCHES_PER_THREADING === 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await threadNow(store, summary);
    }
    for (const e of entries) queued.delete(e.rawHash);
    report();
  };

  try {
    for (const input of inputs) {
      const items = readSourceFs(input, {
        list: opts.list,
        mboxFormat: opts.mboxFormat,
        epochCursor: (epoch) => store.mail.epochCursor(epoch),
        progress,
        sourceUrls: opts.sourceUrls,
      });
      for await (const item of items) {
        if (item.kind === 'diagnostic') {
          summary.diagnostics.push(item.diagnostic);
          store.mail.addSourceDiagnostic(item.diagnostic);
          continue;
        }
        summary.read++;
        const rawHash = createHash('sha256').update(item.raw.bytes).digest('hex');
        let outcome: Promise<MinedOutcome> | null = null;
        if (item.refuse) {
          outcome = Promise.resolve({ kind: 'unparsed', unparsed: { rawHash, reason: item.refuse } });
        } else if (!queued.has(rawHash) && !store.mail.knownRaw(rawHash)) {
          outcome = pool.parse(item.raw, rawHash);
        }
        if (outcome) queued.add(rawHash);
        batch.push({ item, rawHash, outcome });
        batchBytes += item.raw.bytes.byteLength;
        if (batch.length >= BATCH_MESSAGES || batchBytes >= BATCH_BYTES) {
          const full = batch;
          batch = [];
          batchBytes = 0;
          // Batches commit in order; reading runs ahead by a few so the parsers never wait
          // while a batch is being written.
          committing = committing.then(() => commit(full));
          inFlight.push(committing);
          if (inFlight.length > READ_AHEAD_BATCHES) await pool.waitFor(inFlight.shift()!);
        }
        report();
      }
    }
    await pool.waitFor(committing);
    if (batch.length) await commit(batch);
  } finally {
    await committing.catch(() => undefined);
    await pool.close();
  }
  await threadNow(store, summary);
  report(true);
  if (opts.derive ?? true) await deriveAll(store, opts, summary);
  timings.patchStoreMs = storeTimings.patchMetaMs - patchStoreBefore;
  return summary;
}

/** Store one entry and count it; true when it changed the messages (or a thread must be redone).
 *  Runs inside the batch transaction. */
function storeEntry(store: Store, e: Entry, outcome: MinedOutcome | null, summary: ImportSummary): boolean {
  const { raw } = e.item;
  const known = store.mail.knownRaw(e.rawHash);
  if (known) {
    // Byte-identical to a stored copy: only where it was seen is new.
    const relisted = recordSighting(store, known.id, raw.origin, known.message);
    if (known.message === null) summary.unparsed++;
    else {
      summary.duplicates++;
      summary.identical++;
    }
    return relisted;
  }
  if (!outcome) throw new Error(`BUG: raw message ${e.rawHash} neither stored nor parsed`);
  const rawId = store.mail.insertRaw(e.rawHash, raw.bytes, raw.envelopeDate, e.item.refuse);
  const context: Diagnostic[] = e.item.diagnostics.map((d) => ({ ...d, source: d.source ?? raw.origin.source, locator: d.locator ?? raw.origin.locator }));
  if (outcome.kind === 'unparsed') {
    store.mail.storeUnparsed(rawId, outcome.unparsed.reason);
    store.mail.addDiagnostics(rawId, '', context);
    recordSighting(store, rawId, raw.origin, null);
    summary.unparsed++;
    summary.diagnostics.push(...context, outcome.unparsed.reason);
    return false;
  }
  outcome.message.diagnostics.push(...context);
  summary.timings!.mineMs += outcome.mineMs;
  const r = storeMessage(store, rawId, outcome.message, outcome.meta);
  const relisted = recordSighting(store, rawId, raw.origin, r.message, r.outcome === 'duplicate' ? undefined : outcome.message.listIds);
  if (r.outcome === 'duplicate' || r.outcome === 'superseded') summary.duplicates++;
  else {
    summary.stored++;
    if (r.outcome === 'imposter') summary.imposters++;
  }
  summary.diagnostics.push(...r.diagnostics);
  return r.changed || relisted;
}
