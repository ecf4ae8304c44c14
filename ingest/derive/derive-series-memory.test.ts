// A full recomputation of the series of 100,000 messages holds a grouping scope, an author's
// postings or a batch of lineages at a time, never every message. Measured on this machine with
// the synthetic list below: what the heap holds (collected at every eighth progress report) grew
// by 6.5 MB, 11 MB at most; with garbage not yet collected, by 63-116 MB; the largest read was
// 3,163 messages.
// The in-memory series stage over the same messages holds 141 MB (237-323 MB with garbage), and
// grows with the list.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_OVERRIDES } from '../series/link-revisions.ts';
import type { Store } from '../store/store-port.ts';
import { tempDir, tempStore } from '../test-support/mail-builder.ts';
import { storeSynthetic, syntheticList } from '../test-support/synthetic-list.ts';
import { refreshSeries } from './derive-series.ts';

const MESSAGES = 100_000;
/** Growth of what the heap holds, allowed: 6.5-11 MB measured, with room; holding every message's
 *  patch facts takes 141 MB here. */
const HELD_GROWTH_MB = 40;
/** Growth of the heap with its garbage, allowed: 63-116 MB measured, with room for the
 *  collector's timing. */
const HEAP_GROWTH_MB = 200;
/** Messages read at once, at most: a grouping scope's (THREAD_CHUNK threads and what they must
 *  be grouped with). */
const MESSAGES_READ_AT_ONCE = 5_000;

describe(`a full series recomputation of ${MESSAGES.toLocaleString('en')} messages`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  beforeAll(() => {
    tmp = tempDir();
    store = tempStore(tmp.dir);
    storeSynthetic(store, syntheticList({ seed: 7 }), MESSAGES);
  }, 0);
  afterAll(() => {
    store.close();
    tmp.cleanup();
  });

  it('never holds every message: bounded reads, bounded heap', { timeout: 0 }, () => {
    let largestRead = 0;
    const read = store.series.threadMessages.bind(store.series);
    store.series.threadMessages = (threads) => {
      const ms = read(threads);
      largestRead = Math.max(largestRead, ms.length);
      return ms;
    };
    // The collector, to weigh what is held rather than what awaits collection.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = (): number => process.memoryUsage().heapUsed;
    gc();
    const before = heap();
    let peak = before;
    let held = before;
    let reports = 0;
    const progress = (): void => {
      peak = Math.max(peak, heap());
      if (++reports % 8 === 0) {
        gc();
        held = Math.max(held, heap());
      }
    };
    const lineages = store.transaction(() => refreshSeries(store, NO_OVERRIDES, { full: true, progress }));
    peak = Math.max(peak, heap());
    const figures = store.series.figures();
    expect(lineages).toBeGreaterThan(5_000);
    expect(figures.postings).toBeGreaterThan(10_000);
    expect(largestRead).toBeGreaterThan(0);
    expect(largestRead).toBeLessThan(MESSAGES_READ_AT_ONCE);
    expect(reports).toBeGreaterThan(64);
    expect((held - before) / 1e6).toBeLessThan(HELD_GROWTH_MB);
    expect((peak - before) / 1e6).toBeLessThan(HEAP_GROWTH_MB);
  });
});
