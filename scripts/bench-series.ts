// Series derivation benchmark on any store: the time, CPU and peak memory of recomputing the
// series from every thread, then of bringing them up to date after an increment of about 500
// new messages (the next revision of each of the newest postings, with a review in its old thread
// and one of the new revision). Works on a copy; the store given is not changed. With --check,
// the incremental result is compared with a full recomputation of the same mail.
//   npx tsx scripts/bench-series.ts --db STORE [--increment N] [--check]
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureNode } from './bench/measure-fs.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, increment: { type: 'string', default: '500' }, check: { type: 'boolean', default: false } } });
if (!values.db) {
  console.error('usage: bench-series --db STORE [--increment N] [--check]');
  process.exit(2);
}
const source = resolve(values.db);
if (!existsSync(source)) {
  console.error(`no such store: ${source}`);
  process.exit(2);
}

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'patchlore-bench-series-'));
const child = join(import.meta.dirname, 'bench/series-child.ts');
/** Copy a store with its write-ahead log. */
const copy = (from: string, to: string): string => {
  for (const suffix of ['', '-wal']) if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
  return to;
};
try {
  const db = copy(source, join(dir, basename(source)));
  const full = await measureNode<{ lineages: number; ms: number; cpuMs: number; postings: number; threads: number }>([child, 'full', db]);
  const f = full.result;
  console.log(
    `full recomputation      ${(f.ms / 1000).toFixed(2).padStart(8)} s (CPU ${(f.cpuMs / 1000).toFixed(2)} s)  peak RSS ${(full.peakRssBytes / MB).toFixed(0).padStart(5)} MB  ` +
      `${f.threads} threads, ${f.postings} postings, ${f.lineages} lineages`,
  );
  const before = values.check ? copy(db, join(dir, 'before-increment.sqlite')) : null;
  const inc = await measureNode<{ added: number; revised: number; dirtyThreads: number; lineages: number; ms: number; cpuMs: number }>([child, 'increment', db, values.increment!]);
  const i = inc.result;
  console.log(
    `after ${String(i.added).padStart(5)} new messages ${(i.ms / 1000).toFixed(2).padStart(8)} s (CPU ${(i.cpuMs / 1000).toFixed(2)} s)  peak RSS ${(inc.peakRssBytes / MB).toFixed(0).padStart(5)} MB  ` +
      `${i.revised} postings revised, ${i.dirtyThreads} threads written, ${i.lineages} lineages recomputed`,
  );
  if (before) {
    // The same increment into the copy taken before it, then everything recomputed.
    await measureNode([child, 'increment', before, values.increment!]);
    await measureNode([child, 'full', before]);
    const [a, b] = await Promise.all([measureNode<Record<string, string>>([child, 'digest', db]), measureNode<Record<string, string>>([child, 'digest', before])]);
    const same = JSON.stringify(a.result) === JSON.stringify(b.result);
    console.log(`check: incremental ${same ? 'equals' : 'DIFFERS FROM'} a full recomputation ${JSON.stringify(a.result)}`);
    if (!same) {
      console.log(`       full recomputation ${JSON.stringify(b.result)}`);
      process.exitCode = 1;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
