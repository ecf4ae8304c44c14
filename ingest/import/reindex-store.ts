// Rebuilds every derived table from the raw mail in the store: the proof that raw mail is the
// only primary data. Parses each stored raw message again, in the order it was first stored,
// then runs every derivation from scratch.
import { deriveStore } from '../derive/derive-store.ts';
import type { Derivation } from '../derive/derivation.ts';
import type { Store } from '../store/store-port.ts';
import type { Diagnostic } from '../types.ts';
import { ParsePool, type MinedOutcome } from './parse-pool.ts';
import { recordSighting, storeMessage } from './store-message.ts';

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

export async function reindexStore(
  store: Store,
  opts: { workers: number; onProgress?: (done: number) => void; onDerive?: (d: Derivation) => void; onDeriveProgress?: (name: string, done: number, total: number) => void },
): Promise<ReindexSummary> {
  const summary: ReindexSummary = { raw: 0, messages: 0, duplicates: 0, unparsed: 0, imposters: 0, threads: 0, series: 0 };
  store.derived.resetDerived();
  const pool = new ParsePool(opts.workers);
  try {
    let after = 0;
    for (;;) {
      const page = store.mail.rawPage(after, PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      const outcomes = page.map((r): Promise<MinedOutcome> => {
        if (r.refused) {
          const reason = JSON.parse(r.refused) as Diagnostic;
          return Promise.resolve({ kind: 'unparsed', unparsed: { rawHash: r.sha256, reason } });
        }
        const raw = { kind: 'raw' as const, bytes: r.bytes, origin: { source: r.source, locator: r.locator, list: '' }, envelopeDate: r.envelopeDate };
        return pool.parse(raw, r.sha256);
      });
      const done = await pool.waitFor(Promise.all(outcomes));
      store.transaction(() => {
        page.forEach((r, i) => {
          const o = done[i]!;
          summary.raw++;
          if (o.kind === 'unparsed') {
            store.mail.storeUnparsed(r.id, o.unparsed.reason);
            summary.unparsed++;
            return;
          }
          const s = storeMessage(store, r.id, o.message, o.meta);
          // The lists each copy was seen on, again: a message's lists are derived.
          for (const origin of store.mail.sightingsOf(r.id)) recordSighting(store, r.id, origin, s.message);
          if (s.outcome === 'duplicate' || s.outcome === 'superseded') summary.duplicates++;
          else summary.messages++;
          if (s.outcome === 'imposter') summary.imposters++;
        });
        store.derived.bumpGeneration();
      });
      opts.onProgress?.(summary.raw);
    }
  } finally {
    await pool.close();
  }
  const report = await deriveStore(store, { workers: opts.workers, onStep: opts.onDerive, onProgress: opts.onDeriveProgress });
  summary.threads = report.steps.find((s) => s.name === 'thread')?.count ?? 0;
  summary.series = report.steps.find((s) => s.name === 'series')?.count ?? 0;
  return summary;
}
