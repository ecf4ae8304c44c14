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

/** A measured child that exited with an error: what it printed before, and what it used. */
export class ChildFailed<T> extends Error {
  constructor(
    message: string,
    /** The JSON lines it printed, in order. */
    readonly lines: T[],
    readonly wallMs: number,
    readonly peakRssBytes: number,
    readonly cpuMs: number,
  ) {
    super(message);
  }
}

/** Run `node --import tsx ARGS` and measure it; the result is the last line it prints (JSON). A
 *  child that fails throws ChildFailed with the lines it printed. */
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
  // A child killed by a signal or V8's heap limit writes no usage: it counts as unknown (0).
  const usage = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssBytes: number; cpuMs: number }) : { maxRssBytes: 0, cpuMs: 0 };
  rmSync(dir, { recursive: true, force: true });
  const lines = Buffer.concat(out)
    .toString('utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as T);
  if (code !== 0 || lines.length === 0) throw new ChildFailed(`${args.join(' ')} exited ${code}`, lines, wallMs, usage.maxRssBytes, usage.cpuMs);
  return { result: lines[lines.length - 1]!, wallMs, peakRssBytes: usage.maxRssBytes, cpuMs: usage.cpuMs };
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
