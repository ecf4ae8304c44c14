import { describe, expect, it } from 'vitest';
import { WorkerPool } from './worker-pool.ts';

const pool = (size: number, opts: { perPost?: number; window?: number } = {}) =>
  new WorkerPool<number, string>({ module: new URL('./fixtures/echo-worker.ts', import.meta.url), size, data: { tag: 't' }, label: 'echo', ...opts });

describe('WorkerPool', () => {
  it('answers every request, in batches, with the data the workers were given', async () => {
    const p = pool(2, { perPost: 4, window: 16 });
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => p.run(100 + i)));
      expect(answers).toEqual(Array.from({ length: 50 }, (_, i) => `t:${(100 + i) * 2}`));
      expect(p.busy).toBe(0);
    } finally {
      await p.close();
    }
  });

  it('fails one request whose handler throws, as a bug, and goes on', async () => {
    const p = pool(1);
    try {
      await expect(p.run(13)).rejects.toThrow(/^BUG: echo worker failed: Error: unlucky/);
      expect(await p.run(2)).toBe('t:4');
    } finally {
      await p.close();
    }
  });

  it('fails what a dying worker held', async () => {
    const p = pool(1, { window: 4 });
    try {
      const results = await Promise.allSettled([p.run(-1), p.run(1)]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect((results[0] as PromiseRejectedResult).reason.message).toMatch(/^BUG: echo worker stopped \(exit 3\)/);
    } finally {
      await p.close();
    }
  });

  it('fails the queued requests when the only worker stops before it serves', async () => {
    const p = new WorkerPool<number, string>({ module: new URL('./fixtures/dead-worker.ts', import.meta.url), size: 1, label: 'dead' });
    try {
      await expect(p.run(1)).rejects.toThrow(/^BUG: dead worker stopped \(exit 4\)/);
      expect(await p.answerOne(() => 'x')).toBe(false);
    } finally {
      await p.close();
    }
  });

  it('lets a waiting thread answer the newest queued requests, leaving the oldest with the workers', async () => {
    const p = pool(1, { perPost: 1, window: 2 });
    try {
      const answers = Array.from({ length: 6 }, (_, i) => p.run(i + 1));
      const mine: number[] = [];
      const local = (n: number): string => {
        mine.push(n);
        return `here:${n}`;
      };
      // The worker is still starting: every request waits in the queue, the newest are taken.
      expect(await p.answerOne(local)).toBe(true);
      expect(await p.answerOne(local)).toBe(true);
      expect(mine).toEqual([6, 5]);
      expect(await Promise.all(answers)).toEqual(['t:2', 't:4', 't:6', 't:8', 'here:5', 'here:6']);
      expect(await p.answerOne(local)).toBe(false);
    } finally {
      await p.close();
    }
  });

  it('fails a request its local answer threw on, as a bug', async () => {
    const p = pool(1, { perPost: 1, window: 1 });
    try {
      const first = p.run(1);
      const second = p.run(2);
      expect(
        await p.answerOne(() => {
          throw new Error('no');
        }),
      ).toBe(true);
      await expect(second).rejects.toThrow(/^BUG: echo failed on this thread: Error: no/);
      expect(await first).toBe('t:2');
    } finally {
      await p.close();
    }
  });
});
