// Rebuilds every derived table from the raw mail in the store: the proof that raw mail is the
// only primary data. Parses each stored raw message again, in the order it was first stored.
import type { Diagnostic } from '../types.ts';
import type { Store } from '../store/store-fs.ts';
import { ParsePool, type MinedOutcome } from './parse-pool.ts';
import { refreshSeries } from './refresh-series.ts';
import { markDiscussionStale, refreshDiscussionParallel } from '../store/discussion-store-fs.ts';

const PAGE = 1000;

/** Counts of a reindex. */
export interface ReindexSummary {
  raw: number;
  messages: number;
  duplicates: number;
  unparsed: number;
  imposters: number;
  threads: number;
  series: number;
}

export async function reindexStore(store: Store, opts: { workers: number; onProgress?: (done: number) => void }): Promise<ReindexSummary> {
  const summary: ReindexSummary = { raw: 0, messages: 0, duplicates: 0, unparsed: 0, imposters: 0, threads: 0, series: 0 };
  store.resetDerived();
  const pool = new ParsePool(opts.workers);
  try {
    let after = 0;
    for (;;) {
      const page = store.rawPage(after, PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      const outcomes = page.map((r): Promise<MinedOutcome> => {
        if (r.refused) {
          const reason = JSON.parse(r.refused) as Diagnostic;
          return Promise.resolve({ kind: 'unparsed', unparsed: { rawHash: r.sha256, reason } });
        }
        const raw = { kind: 'raw' as const, bytes: r.bytes, origin: { source: r.source ?? '', locator: r.locator ?? '', list: '' }, envelopeDate: r.envelopeDate };
        return pool.parse(raw, r.sha256);
      });
      const done = await Promise.all(outcomes);
      store.transaction(() => {
        page.forEach((r, i) => {
          const o = done[i]!;
          summary.raw++;
          if (o.kind === 'unparsed') {
            store.storeUnparsed(r.id, o.unparsed.reason);
            summary.unparsed++;
            return;
          }
          const s = store.storeParsed(r.id, o.message, o.meta);
          store.relinkSightings(r.id, s.message);
          if (s.outcome === 'duplicate') summary.duplicates++;
          else summary.messages++;
          if (s.outcome === 'imposter') summary.imposters++;
        });
      });
      opts.onProgress?.(summary.raw);
    }
  } finally {
    await pool.close();
  }
  summary.threads = store.threadPending().threads;
  summary.series = refreshSeries(store).families;
  markDiscussionStale(store);
  await refreshDiscussionParallel(store, opts.workers);
  return summary;
}
