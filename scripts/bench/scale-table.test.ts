import { describe, expect, it } from 'vitest';
import { growthExponent, parseSize, scaleTable, type ScaleFigures } from './scale-table.ts';

describe('parseSize', () => {
  it('reads k, M and plain counts', () => {
    expect([parseSize('15k'), parseSize('100K'), parseSize('1M'), parseSize('2500'), parseSize('1.5k')]).toEqual([15_000, 100_000, 1_000_000, 2500, 1500]);
  });
  it('refuses what is not a whole positive count', () => {
    expect([parseSize('1G'), parseSize('k'), parseSize('0'), parseSize('1.0005k'), parseSize('')]).toEqual([null, null, null, null, null]);
  });
});

describe('growthExponent', () => {
  it('is 1 for linear growth, 2 for quadratic, 0 for flat', () => {
    expect(growthExponent([{ n: 10, y: 5 }, { n: 1000, y: 500 }])).toBeCloseTo(1);
    expect(growthExponent([{ n: 10, y: 5 }, { n: 1000, y: 50_000 }])).toBeCloseTo(2);
    expect(growthExponent([{ n: 10, y: 7 }, { n: 1000, y: 7 }])).toBeCloseTo(0);
  });
  it('takes the smallest and largest sizes that were measured', () => {
    expect(growthExponent([{ n: 10, y: undefined }, { n: 100, y: 1 }, { n: 1000, y: 10 }, { n: 10_000, y: undefined }])).toBeCloseTo(1);
    expect(growthExponent([{ n: 10, y: 1 }])).toBeNull();
  });
});

describe('scaleTable', () => {
  const small: ScaleFigures = {
    label: '15k',
    messages: 15_000,
    copies: 2,
    import: { wallMs: 15_000, cpuMs: 24_000, peakRssBytes: 600 * 1024 * 1024, read: 15_000, stored: 14_950, storeBytes: 900 * 1024 * 1024, storedMs: 11_000, storedPeakRssBytes: 500 * 1024 * 1024, threadMs: 1000, seriesMs: 800, discussionMs: 3000 },
    bare: { wallMs: 9000, cpuMs: 9000, peakRssBytes: 1 },
  };
  const large: ScaleFigures = {
    label: '150k',
    messages: 150_000,
    copies: 11,
    import: { wallMs: 300_000, cpuMs: 480_000, peakRssBytes: 900 * 1024 * 1024, read: 150_000, stored: 149_500, storeBytes: 9000 * 1024 * 1024, storedMs: 110_000, storedPeakRssBytes: 700 * 1024 * 1024, threadMs: 10_000, seriesMs: 80_000, discussionMs: 30_000 },
  };

  it('puts sizes in columns, smallest first, with each total’s growth', () => {
    const t = scaleTable([large, small]).split('\n');
    expect(t[0]).toBe('| | 15k | 150k | growth (n^b) |');
    expect(t).toContain('| messages (copies of the list) | 15,000 (2) | 150,000 (11) |  |');
    expect(t).toContain('| import: wall, derivations included | 15.0 s | 300.0 s | n^1.30 |');
    expect(t).toContain('| import: mail stored and threaded (before the derivations): wall | 11.0 s | 110.0 s | n^1.00 |');
    expect(t).toContain('| import: peak RSS, storing / whole | 500 MB / 600 MB | 700 MB / 900 MB | n^0.15 |');
    expect(t).toContain('| import: messages/s | 1,000 | 500 |  |');
    expect(t).toContain('| import: CPU time, all threads (per message) | 24.0 s (1.60 ms) | 480.0 s (3.20 ms) | n^1.30 |');
    expect(t).toContain('| import speed / bare pass speed | 0.60x | – |  |');
    expect(t).toContain('| `series` derivation | 0.80 s | 80.0 s | n^2.00 |');
    expect(t).toContain('| store size | 900 MB | 8.8 GB | n^1.00 |');
  });

  it('shows a failed import by what it did before it failed', () => {
    const failed: ScaleFigures = { ...large, import: { ...large.import!, failed: 'exited 134', threadMs: undefined, seriesMs: undefined, discussionMs: undefined, peakRssBytes: 0 } };
    const t = scaleTable([small, failed]).split('\n');
    expect(t).toContain('| import: wall, derivations included | 15.0 s | failed after 300.0 s |  |');
    expect(t).toContain('| import: messages/s | 1,000 | – |  |');
    expect(t).toContain('| import: mail stored and threaded: messages/s | 1,364 | 1,364 |  |');
    expect(t).toContain('| import: peak RSS, storing / whole | 500 MB / 600 MB | 700 MB / unknown | n^0.15 |');
    expect(t[t.length - 1]).toBe('150k: the import failed: exited 134');
  });

  it('leaves out the rows of stages no size ran', () => {
    expect(scaleTable([small]).includes('build')).toBe(false);
  });
});
