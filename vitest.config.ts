import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['ingest/**/*.test.ts', 'src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Two test files at a time at least: vitest's default (cores - 1) runs one at a time on a
    // 2-core machine, where most files wait on servers, git, the browser or the disk (on a fresh
    // clone the suite took 851 s with one worker, 618 s with two, all passing both times).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Tests build sites from stores of their own: the project's topics are not about them. Tests
    // of topics name their directory themselves.
    env: { PATCHLORE_TOPICS: 'none' },
  },
});
