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
});
