import { describe, expect, it } from 'vitest';
import { titleSimilarity } from './title-similarity.ts';

describe('titleSimilarity', () => {
  it('is 1 for the same title whatever the case, spacing or final period', () => {
    expect(titleSimilarity('cxl/list: Add  the widget.', 'cxl/list: add the widget')).toBe(1);
  });

  it('sees a rewritten subsystem prefix as a small change', () => {
    expect(titleSimilarity('ndctl: cxl: add monitor command for event trace events', 'cxl/monitor: add monitor command for event trace events')).toBeGreaterThan(0.9);
  });

  it('keeps different titles apart', () => {
    expect(titleSimilarity('cxl/list: Fix typo in cxl-list documentation', 'cxl: fix changed function name in a comment')).toBeLessThan(0.5);
  });
});
