// Runs a Node script in a child process and measures it: wall time, peak RSS and CPU time (via
// report-rss.mjs), and the JSON line it prints.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpusPath } from '../../ingest/test-support/corpus.ts';

/** The archive a benchmark reads: the positional argument, else the whole nvdimm list of the
 *  corpus ($PATCHLORE_CORPUS, default ../shared/corpus beside the project). Exits with a clear
 *  error when it does not exist: a benchmark of nothing would print figures of nothing. */
export function benchInput(positional: string | undefined): string {
  const file = resolve(positional ?? corpusPath('nvdimm/full/all.mboxrd.gz'));
  if (!existsSync(file)) {
    console.error(`no such archive: ${file} (give a file, or set PATCHLORE_CORPUS to the corpus directory)`);
    process.exit(2);
  }
  return file;
}

export interface Measured<T> {
  result: T;
  wallMs: number;
  peakRssBytes: number;
  /** CPU time of every thread of the process, user and system: what the work cost, less
   *  sensitive than wall time to other work on the machine. */
  cpuMs: number;
}

export async function measureNode<T>(args: string[], env: Record<string, string> = {}): Promise<Measured<T>> {
  const dir = mkdtempSync(join(tmpdir(), 'patchlore-bench-'));
  const rssFile = join(dir, 'rss');
  const t0 = performance.now();
  const out: Buffer[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', new URL('./report-rss.mjs', import.meta.url).href, '--import', 'tsx', ...args], {
      env: { ...process.env, ...env, PATCHLORE_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const wallMs = performance.now() - t0;
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
  const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssBytes: number; cpuMs: number };
  rmSync(dir, { recursive: true, force: true });
  const lines = Buffer.concat(out).toString('utf8').trim().split('\n');
  return { result: JSON.parse(lines[lines.length - 1]!) as T, wallMs, peakRssBytes: usage.maxRssBytes, cpuMs: usage.cpuMs };
}

/** Bytes of the files at `paths` (a directory: every file under it); what does not exist counts
 *  0. For a store, give its -wal and -shm files too. */
export function diskBytes(...paths: string[]): number {
  let total = 0;
  const stack = paths.filter((p) => existsSync(p));
  while (stack.length) {
    const p = stack.pop()!;
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) stack.push(join(p, e));
    else total += st.size;
  }
  return total;
}
