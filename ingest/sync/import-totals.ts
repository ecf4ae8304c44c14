// Adds up the import stage's counts over the several imports of one sync (each list's epochs,
// each download), starting from import-sources.ts's emptySummary. Pure.
import { emptySummary } from '../import/import-sources.ts';
import type { ImportSummary } from '../types.ts';

/** Add `b` into `a` (read = stored + duplicates + unparsed still holds for the sum); timings are
 *  summed when `b` has them. */
export function addImportSummary(a: ImportSummary, b: ImportSummary): void {
  a.read += b.read;
  a.stored += b.stored;
  a.duplicates += b.duplicates;
  a.identical += b.identical;
  a.unparsed += b.unparsed;
  a.imposters += b.imposters;
  a.diagnostics.push(...b.diagnostics);
  if (b.timings) {
    const t = (a.timings ??= emptySummary().timings!);
    t.mineMs += b.timings.mineMs;
    t.patchStoreMs += b.timings.patchStoreMs;
    t.threadMs += b.timings.threadMs;
    t.seriesMs += b.timings.seriesMs;
    t.discussionMs += b.timings.discussionMs;
  }
}
