// Commit linking benchmark: links the whole ndctl history (the corpus bundle, 1,604 commits) to
// the posted patches of the nvdimm list (a store given with --db, else imported from the corpus
// into a scratch directory first, untimed). Each run is a fresh process: reading the history with
// git (commits, files, patch-ids, first releases), reading the posted patches from the store
// (patch-ids computed), linking, outcomes; then the next run's read, with nothing new.
// Target: linking all of ndctl <= 30 s (issue "commits").
//   npm run bench:commits [-- --db STORE] [--runs N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ndctlClones, ndctlMissing } from '../ingest/test-support/ndctl-history-fs.ts';
import { benchInput, measureNode } from './bench/measure-fs.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const missing = ndctlMissing();
if (missing) {
  console.error(`cannot run: ${missing}`);
  process.exit(2);
}
const runs = Number(values.runs);
const MB = 1024 * 1024;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

type Result = {
  commits: number;
  releases: number;
  patches: number;
  links: number;
  linkedCommits: number;
  lineagesLanded: number;
  lineages: number;
  secondReadCommits: number;
  ms: { history: number; inputs: number; link: number; outcomes: number; total: number; secondRead: number };
};

const scratch = mkdtempSync(join(tmpdir(), 'patchlore-bench-commits-'));
const clones = ndctlClones({ stripped: false });
try {
  let db = values.db;
  if (!db) {
    db = join(scratch, 'nvdimm.sqlite');
    const file = benchInput(undefined);
    const imp = await measureNode<{ read: number }>([join(import.meta.dirname, 'bench/import-child.ts'), db, file]);
    console.log(`store: ${imp.result.read} messages of ${file} imported in ${s(imp.wallMs)} (not timed below)`);
  } else console.log(`store: ${db}`);
  const totals: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const m = await measureNode<Result>([join(import.meta.dirname, 'bench/commits-child.ts'), db, clones.original]);
    const r = m.result;
    totals.push(r.ms.total);
    console.log(`run ${run}/${runs}: ${r.commits} commits (${r.releases} with a release), ${r.patches} posted patches -> ${r.links} links, ${r.linkedCommits} commits linked, ${r.lineagesLanded} of the list's ${r.lineages} lineages landed`);
    console.log(`  read history (git log, git log -p | git patch-id --stable, releases)  ${s(r.ms.history)}`);
    console.log(`  read posted patches from the store (patch-ids computed)               ${s(r.ms.inputs)}`);
    console.log(`  link                                                                   ${s(r.ms.link)}`);
    console.log(`  outcomes                                                               ${s(r.ms.outcomes)}`);
    console.log(`  total                                                                  ${s(r.ms.total)}   (process wall ${s(m.wallMs)}, peak RSS ${(m.peakRssBytes / MB).toFixed(0)} MB)`);
    console.log(`  next read, nothing new: ${r.secondReadCommits} commits in ${s(r.ms.secondRead)}`);
  }
  totals.sort((a, b) => a - b);
  console.log(`linking all of ndctl: ${s(totals[0]!)}..${s(totals[totals.length - 1]!)} over ${runs} runs (target <= 30 s)`);
} finally {
  clones.cleanup();
  rmSync(scratch, { recursive: true, force: true });
}
