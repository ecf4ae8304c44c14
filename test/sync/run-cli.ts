// Runs the patchlore CLI in this process with its output captured, and writes sync configs, for
// the sync tests.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../ingest/cli/main.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err, json: () => JSON.parse(out) };
}

/** Polite but quick settings for tests: small pauses and backoff, short timeout. */
export const TEST_HTTP = { delayMs: 20, timeoutMs: 2000, retries: 3, backoffMs: 50, maxBackoffMs: 2000, maxRetryAfterMs: 5000 };

/** Write a patchlore.config.json with a sync section into `dir`; returns its path. */
export function writeConfig(dir: string, sync: Record<string, unknown>, name = 'patchlore.config.json'): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ sync: { ...sync, http: { ...TEST_HTTP, ...((sync.http as object) ?? {}) } } }, null, 2));
  return path;
}
