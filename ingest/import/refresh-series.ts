// Recomputes postings, lineages and trailers from the store's messages (after an import or a
// reindex, or when the manual links in content/series-links.json changed). Lineages span threads
// and years, so the whole store is redone; on the nvdimm list this takes well under a second.
import type { Diagnostic } from '../types.ts';
import { buildSeries } from '../series/build-series.ts';
import { overridesFingerprint, readRevisionOverrides, seriesLinksPath } from '../series/read-overrides-fs.ts';
import { readSeriesMessages, writeSeries } from '../store/series-store-fs.ts';
import type { Store } from '../store/store-fs.ts';

export function refreshSeries(store: Store, overridesPath = seriesLinksPath()): { postings: number; families: number; diagnostics: Diagnostic[] } {
  const { overrides, diagnostics, fingerprint } = readRevisionOverrides(overridesPath);
  const result = buildSeries(readSeriesMessages(store), overrides);
  writeSeries(store, result);
  store.setSeriesOverrides(fingerprint);
  return { postings: result.postings.length, families: new Set(result.revisions.map((r) => r.family)).size, diagnostics };
}

/** Whether the series tables are behind the messages or the manual links. */
export function seriesOutdated(store: Store, overridesPath = seriesLinksPath()): boolean {
  return store.seriesStale() || store.seriesOverrides() !== overridesFingerprint(overridesPath);
}

/** Refresh the series tables when outdated; the diagnostics of the refresh, or null if none ran. */
export function refreshSeriesIfOutdated(store: Store, overridesPath = seriesLinksPath()): Diagnostic[] | null {
  return seriesOutdated(store, overridesPath) ? refreshSeries(store, overridesPath).diagnostics : null;
}
