// Commit linking benchmark: what `patchlore commits` does with the whole ndctl history (the corpus
// bundle, 1,604 commits) against the nvdimm list (a store given with --db, else the list imported
// from the corpus into a scratch directory first, untimed). Each run is a fresh process on a fresh
// copy of the store: reading the history into the store with git (commits, files, patch-ids, first
// releases), the commit-link derivation (posted patches read with the patch-ids mined at import,
// linked, written with the merged: facet), lineage outcomes; then the next read, with nothing new.
// Target: linking all of ndctl <= 30 s.
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
  released: number;
  linked: number;
  links: number;
  merges: Record<string, number>;
  secondReadCommits: number;
  secondDerived: string[];
  ms: { history: number; links: number; outcomes: number; total: number; secondRead: number };
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
    const copy = join(scratch, `run-${run}.sqlite`);
    const m = await measureNode<Result>([join(import.meta.dirname, 'bench/commits-child.ts'), db, copy, clones.original]);
    const r = m.result;
    totals.push(r.ms.total);
    console.log(`run ${run}/${runs}: ${r.commits} commits (${r.released} in a release), ${r.linked} linked by ${r.links} links; lineages ${JSON.stringify(r.merges)}`);
    console.log(`  read the history into the store (git log, git log -p | git patch-id --stable, releases)  ${s(r.ms.history)}`);
    console.log(`  commit links (posted patches read, linked, stored, merged: facet)                        ${s(r.ms.links)}`);
    console.log(`  lineage outcomes                                                                         ${s(r.ms.outcomes)}`);
    console.log(`  total                                                                                    ${s(r.ms.total)}   (process wall ${s(m.wallMs)}, peak RSS ${(m.peakRssBytes / MB).toFixed(0)} MB)`);
    console.log(`  next read, nothing new: ${r.secondReadCommits} commits, derivations run: [${r.secondDerived.join(', ')}], ${s(r.ms.secondRead)}`);
  }
  totals.sort((a, b) => a - b);
  console.log(`linking all of ndctl: ${s(totals[0]!)}..${s(totals[totals.length - 1]!)} over ${runs} runs (target <= 30 s)`);
} finally {
  clones.cleanup();
  rmSync(scratch, { recursive: true, force: true });
}
