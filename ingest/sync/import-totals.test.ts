import { describe, expect, it } from 'vitest';
import { emptySummary } from '../import/import-sources.ts';
import type { Diagnostic, ImportSummary } from '../types.ts';
import { addImportSummary } from './import-totals.ts';

const d: Diagnostic = { code: 'mid/missing', message: 'no Message-ID' };

describe('addImportSummary', () => {
  it('adds counts, diagnostics and timings', () => {
    const a = emptySummary();
    const b: ImportSummary = { read: 5, stored: 3, duplicates: 1, identical: 1, unparsed: 1, imposters: 1, diagnostics: [d], timings: { mineMs: 1, patchStoreMs: 2, threadMs: 5, seriesMs: 3, discussionMs: 4 } };
    addImportSummary(a, b);
    addImportSummary(a, b);
    expect(a).toEqual({ read: 10, stored: 6, duplicates: 2, identical: 2, unparsed: 2, imposters: 2, diagnostics: [d, d], timings: { mineMs: 2, patchStoreMs: 4, threadMs: 10, seriesMs: 6, discussionMs: 8 } });
    expect(a.read).toBe(a.stored + a.duplicates + a.unparsed);
  });

  it('sums timings only when the added summary has them', () => {
    const a: ImportSummary = { ...emptySummary(), timings: undefined };
    addImportSummary(a, { ...emptySummary(), read: 1, unparsed: 1, timings: undefined });
    expect(a.timings).toBeUndefined();
    addImportSummary(a, emptySummary());
    expect(a.timings).toEqual({ mineMs: 0, patchStoreMs: 0, threadMs: 0, seriesMs: 0, discussionMs: 0 });
  });
});
