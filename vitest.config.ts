import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['ingest/**/*.test.ts', 'src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Tests build sites from stores of their own: the project's topics are not about them. Tests
    // of topics name their directory themselves.
    env: { PATCHLORE_TOPICS: 'none' },
  },
});
