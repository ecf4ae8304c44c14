// Recomputes postings, lineages and trailers from the store's messages (after an import or a
// reindex). Lineages span threads and years, so the whole store is redone; on the nvdimm list
// this takes well under a second.
import type { Diagnostic } from '../types.ts';
import { buildSeries } from '../series/build-series.ts';
import { readRevisionOverrides } from '../series/read-overrides-fs.ts';
import { readSeriesMessages, writeSeries } from '../store/series-store-fs.ts';
import type { Store } from '../store/store-fs.ts';

export function refreshSeries(store: Store, overridesPath?: string): { postings: number; families: number; diagnostics: Diagnostic[] } {
  const { overrides, diagnostics } = readRevisionOverrides(overridesPath);
  const result = buildSeries(readSeriesMessages(store), overrides);
  writeSeries(store, result);
  return { postings: result.postings.length, families: new Set(result.revisions.map((r) => r.family)).size, diagnostics };
}
