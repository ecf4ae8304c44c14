// The CLI runner (ingest/test-support/run-cli.ts) and sync configs, for the sync tests.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
export { cli, type CliRun } from '../../ingest/test-support/run-cli.ts';

/** Polite but quick settings for tests: small pauses and backoff, short timeout. */
export const TEST_HTTP = { delayMs: 20, timeoutMs: 2000, retries: 3, backoffMs: 50, maxBackoffMs: 2000, maxRetryAfterMs: 5000 };

/** Write a patchlore.config.json with a sync section into `dir`; returns its path. */
export function writeConfig(dir: string, sync: Record<string, unknown>, name = 'patchlore.config.json'): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ sync: { ...sync, http: { ...TEST_HTTP, ...((sync.http as object) ?? {}) } } }, null, 2));
  return path;
}
