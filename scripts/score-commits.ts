// How well commits are linked to posted patches without trailers. Takes the nvdimm list (a store
// given with --db, else one imported from the corpus into a scratch directory) and the ndctl
// history (the corpus bundle, cloned twice into a scratch directory, one clone with every
// Link:/Message-Id: trailer stripped by `git filter-branch --msg-filter`), links both, and prints
// recall and precision of the stripped run against the pairs the trailers name (those whose mail
// is in the store), and how many of those pairs the run with trailers finds.
//   npx tsx scripts/score-commits.ts [--db STORE] [--verbose]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { linkCommits } from '../ingest/commits/link-commits.ts';
import { commitInputs } from '../ingest/commits/commit-inputs.ts';
import { readGitHistory } from '../ingest/commits/read-git-history-fs.ts';
import { rewriteMap, scoreLinks, trailerTruth, type LinkScore } from '../ingest/commits/score-links.ts';
import { importSources } from '../ingest/import/import-sources.ts';
import { defaultWorkers } from '../ingest/workers/worker-pool.ts';
import { openStore } from '../ingest/store/sqlite-store-fs.ts';
import { corpusMissing, corpusPath } from '../ingest/test-support/corpus.ts';
import { ndctlClones, ndctlMissing } from '../ingest/test-support/ndctl-history-fs.ts';
import type { CommitLink, GitCommit, PostedPatch } from '../ingest/types.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
const missing = ndctlMissing() ?? (values.db ? null : corpusMissing('nvdimm/full/all.mboxrd.gz'));
if (missing) {
  console.error(`cannot score: ${missing}`);
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'patchlore-score-'));
const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
try {
  let t0 = performance.now();
  const dbPath = values.db ?? join(scratch, 'nvdimm.sqlite');
  if (!values.db) {
    const store = openStore(dbPath);
    await importSources(store, [corpusPath('nvdimm/full/all.mboxrd.gz')], { list: 'nvdimm', mboxFormat: 'auto', workers: defaultWorkers() });
    store.close();
    console.log(`store: the nvdimm list imported into ${dbPath} (${seconds(t0)})`);
  } else console.log(`store: ${dbPath}`);
  const store = openStore(dbPath, { readonly: true });
  t0 = performance.now();
  const inputs = commitInputs(store);
  store.close();
  console.log(`posted patches: ${inputs.patches.length}, cover letters ${inputs.covers.length} (read in ${seconds(t0)})`);

  t0 = performance.now();
  const clones = ndctlClones({ stripped: true });
  console.log(`ndctl cloned twice, trailers stripped from one with git filter-branch (${seconds(t0)})`);
  try {
    t0 = performance.now();
    const original = await readGitHistory(clones.original);
    const stripped = await readGitHistory(clones.stripped!);
    console.log(`history: ${original.commits.length} commits, ${stripped.commits.length} after stripping (read in ${seconds(t0)})`);
    const truth = trailerTruth(original.commits, inputs.patches);
    const strippedTruth = trailerTruth(stripped.commits, inputs.patches);
    if (strippedTruth.size > 0) throw new Error(`BUG: ${strippedTruth.size} trailer pairs survived filter-branch`);
    const toOriginal = rewriteMap(original.commits, stripped.commits);
    console.log(`truth: ${truth.size} (commit, patch) pairs whose Link: trailer names a stored patch, in ${new Set([...truth].map((p) => p.split(' ')[0])).size} commits`);
    console.log(`stripped commits mapped back to the originals: ${toOriginal.size} of ${stripped.commits.length}`);

    t0 = performance.now();
    const withTrailers = linkCommits({ commits: original.commits, ...inputs });
    const linkMs = performance.now() - t0;
    const withoutTrailers = linkCommits({ commits: stripped.commits, ...inputs });
    const a = scoreLinks(truth, withTrailers.links);
    const b = scoreLinks(truth, withoutTrailers.links, toOriginal);
    console.log(`\nwith trailers (linked in ${(linkMs / 1000).toFixed(2)} s): ${withTrailers.links.length} links`);
    report(a);
    console.log(`  trailers naming a message that is not a stored patch or cover: ${withTrailers.unresolved.length}`);
    console.log(`\ntrailers stripped: ${withoutTrailers.links.length} links`);
    report(b);
    if (values.verbose) details(b, original.commits, inputs.patches);
  } finally {
    clones.cleanup();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function report(s: LinkScore): void {
  console.log(`  recall    ${s.found}/${s.truth} = ${pct(s.recall)}   by evidence: ${JSON.stringify(s.foundBy)}`);
  console.log(`  precision ${s.found}/${s.judged} = ${pct(s.precision)}   judged links [right, wrong] by evidence: ${JSON.stringify(s.judgedBy)}`);
  console.log(`  links no trailer pair can judge (commit and patch in no truth pair): ${s.unjudged}`);
}

/** The truth pairs missed and the judged links that are not truth pairs, with what they compared. */
function details(s: LinkScore, original: GitCommit[], patches: PostedPatch[]): void {
  const commit = new Map(original.map((c) => [c.hash, c]));
  const patch = new Map(patches.map((p) => [p.messageId, p]));
  const show = (pair: string, link?: CommitLink) => {
    const [h, m] = pair.split(' ') as [string, string];
    const c = commit.get(h);
    const p = patch.get(m);
    console.log(`  ${h.slice(0, 12)} ${c?.subject.slice(0, 60)}\n      <${m}> v${p?.version} ${p?.title.slice(0, 60)}${link ? `\n      ${link.evidence} ${link.confidence} ${JSON.stringify(link.match)} ${link.forms.join(',')}` : ''}`);
  };
  console.log(`\nmissed (${s.missed.length}):`);
  for (const p of s.missed) show(p);
  console.log(`\nwrong (${s.wrong.length}):`);
  for (const w of s.wrong) show(w.pair, w.link);
}
