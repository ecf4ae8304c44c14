// Adds up the import stage's counts over the several imports of one sync (each list's epochs,
// each download). Pure.
import type { ImportSummary } from '../types.ts';

/** Counts of nothing imported yet. */
export function emptyImportSummary(): ImportSummary {
  return { read: 0, stored: 0, duplicates: 0, identical: 0, unparsed: 0, imposters: 0, diagnostics: [] };
}

/** Add `b` into `a` (read = stored + duplicates + unparsed still holds for the sum). */
export function addImportSummary(a: ImportSummary, b: ImportSummary): void {
  a.read += b.read;
  a.stored += b.stored;
  a.duplicates += b.duplicates;
  a.identical += b.identical;
  a.unparsed += b.unparsed;
  a.imposters += b.imposters;
  a.diagnostics.push(...b.diagnostics);
}
