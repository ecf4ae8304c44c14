// Commit links on real data: the nvdimm list against the ndctl history, whose 491 Link: trailers
// name the posted patch. With the trailers, every pair they name (whose mail is archived) is
// found; with them stripped by git filter-branch, the other evidence finds them again (recall
// >= 0.90, precision >= 0.98). Also: patch-ids of every archived patch equal git's own. Skipped,
// saying why, without the corpus or git.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkCommits } from '../../ingest/commits/link-commits.ts';
import { patchId, patchIds } from '../../ingest/patch/patch-id.ts';
import { commitInputs, type CommitInputs } from '../../ingest/commits/commit-inputs.ts';
import { readGitHistory } from '../../ingest/commits/read-git-history-fs.ts';
import { readRepository } from '../../ingest/commits/read-repository-fs.ts';
import { pair, rewriteMap, scoreLinks, trailerTruth } from '../../ingest/commits/score-links.ts';
import { deriveStore } from '../../ingest/derive/derive-store.ts';
import { importSources } from '../../ingest/import/import-sources.ts';
import { defaultWorkers } from '../../ingest/workers/worker-pool.ts';
import { sqlOf } from '../../ingest/store/sqlite-store-fs.ts';
import type { Store } from '../../ingest/store/store-port.ts';
import { CORPUS } from '../../ingest/test-support/corpus.ts';
import { tempDir, tempStore } from '../../ingest/test-support/mail-builder.ts';
import { ndctlClones, ndctlMissing } from '../../ingest/test-support/ndctl-history-fs.ts';
import type { GitHistory } from '../../ingest/types.ts';

const FULL = join(CORPUS, 'nvdimm/full/all.mboxrd.gz');
const missing = (existsSync(FULL) ? null : `no corpus at ${CORPUS} (set PATCHLORE_CORPUS)`) ?? ndctlMissing();

describe.skipIf(missing)(`commits of ndctl linked to the nvdimm list${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  let clones: ReturnType<typeof ndctlClones>;
  let inputs: CommitInputs;
  let original: GitHistory;
  let stripped: GitHistory;

  beforeAll(async () => {
    tmp = tempDir();
    store = tempStore(tmp.dir, 'nvdimm.sqlite');
    await importSources(store, [FULL], { list: 'nvdimm', mboxFormat: 'auto', workers: defaultWorkers() });
    inputs = commitInputs(store);
    clones = ndctlClones({ stripped: true });
    original = await readGitHistory(clones.original);
    stripped = await readGitHistory(clones.stripped!);
  }, 900_000);
  afterAll(() => {
    store?.close();
    clones?.cleanup();
    tmp?.cleanup();
  });

  it('computes the patch-id of every archived patch at import exactly as git patch-id --stable does', () => {
    const bodies = sqlOf(store).prepare('SELECT pp.key, m.body FROM posting_patches pp JOIN messages m ON m.key = pp.key ORDER BY pp.key').all() as Array<{ key: string; body: string }>;
    expect(bodies.length).toBe(inputs.patches.length);
    // What linking reads: the patch-id mined on the parse workers into the patch facts.
    const mined = new Map(inputs.patches.map((p) => [p.messageId, p.patchId]));
    // One git process for all: each body after a line naming a made-up commit (not the zero id,
    // under which git prints patches that follow a break).
    const header = (i: number) => `f${i.toString(16).padStart(39, '0')}`;
    const run = (input: string) => spawnSync('git', ['patch-id', '--stable'], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
    const git = new Map<string, string>();
    for (const line of run(bodies.map((b, i) => `commit ${header(i)}\n${b.body}\n`).join('')).split('\n')) {
      const [id, oid] = line.split(' ');
      if (id && oid) git.set(oid, id);
    }
    let compared = 0;
    let withId = 0;
    bodies.forEach((b, i) => {
      const mine = mined.get(b.key);
      expect(mine, `patch ${i}`).toBe(patchId(b.body));
      if (mine) withId++;
      // a body whose first diff git printed under another name is given to git alone
      const theirs = git.get(header(i)) ?? (run(b.body).split(' ')[0] || null);
      expect(mine, `patch ${i}`).toBe(theirs);
      compared++;
    });
    expect(compared).toBe(bodies.length);
    expect(withId).toBeGreaterThan(5000);
  });

  it('computes the patch-id of every ndctl commit exactly as git does in the history reader', () => {
    // --full-index as the reader: a binary file's id is made of the blob ids of its index line,
    // which format-patch writes in full
    const log = spawnSync('git', ['--git-dir', clones.original, 'log', '-p', '-M', '--full-index', '--format=commit %H', 'HEAD'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout;
    const mine = patchIds(log);
    const theirs = original.commits.filter((c) => c.patchId !== null).map((c) => c.patchId);
    expect(theirs.length).toBe(1547);
    expect(mine).toEqual(theirs);
  });

  it('finds every pair the trailers name when they are there', () => {
    const truth = trailerTruth(original.commits, inputs.patches);
    expect(truth.size).toBe(281);
    const score = scoreLinks(truth, linkCommits({ commits: original.commits, ...inputs }).links);
    expect(score.missed).toEqual([]);
    expect(score.found).toBe(281);
  });

  it('finds them again with the trailers stripped: recall >= 0.90, precision >= 0.98', () => {
    const truth = trailerTruth(original.commits, inputs.patches);
    expect(trailerTruth(stripped.commits, inputs.patches).size).toBe(0);
    const toOriginal = rewriteMap(original.commits, stripped.commits);
    expect(toOriginal.size).toBe(stripped.commits.length);
    const result = linkCommits({ commits: stripped.commits, ...inputs });
    expect(result.unresolved).toEqual([]);
    const score = scoreLinks(truth, result.links, toOriginal);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.precision).toBeGreaterThanOrEqual(0.98);
    // Both kinds of evidence carry weight: patch-ids find most, subject, author and the mail's
    // date the patches the maintainer changed.
    expect(score.foundBy['patch-id']).toBeGreaterThan(200);
    expect(score.foundBy.subject).toBeGreaterThan(20);
  });

  it('links a patch the maintainer reworded and edited by its author and the date git am kept', () => {
    // "ndctl: cxl: add QoS class check for CXL region creation" (v9) became
    // "cxl: Add QoS class checks for region creation" with an edited diff.
    const c = stripped.commits.find((x) => x.subject === 'cxl: Add QoS class checks for region creation')!;
    const links = linkCommits({ commits: [c], ...inputs }).links;
    expect(links).toHaveLength(1);
    const p = inputs.patches.find((x) => x.messageId === links[0]!.messageId)!;
    expect(p).toMatchObject({ title: 'ndctl: cxl: add QoS class check for CXL region creation', version: 9 });
    expect(links[0]).toMatchObject({ evidence: 'subject', forms: ['reworded', 'edited'], match: { dateDelta: 0, author: 'email', patchId: false } });
  });

  it('links them through the store as `patchlore commits` does: every trailer pair, the merged: facet, the lineages', async () => {
    await readRepository(store, { path: clones.original, name: 'ndctl' });
    await deriveStore(store, { workers: 0 });
    const truth = trailerTruth(original.commits, inputs.patches);
    const stored = new Set(store.commits.linksOfPatches(inputs.patches.map((p) => p.messageId)).map((l) => pair(l.commit, l.messageId)));
    expect([...truth].filter((t) => !stored.has(t))).toEqual([]);
    expect(store.commits.counts('ndctl')).toMatchObject({ commits: original.commits.length, links: linkCommits({ commits: original.commits, ...inputs }).links.length });
    // Every patch with a link is merged:yes; lineages landed, and some ndctl ones did not.
    const facet = store.search.facetValues('merged');
    for (const key of stored) expect(facet.get(key.split(' ')[1]!)).toEqual(['yes']);
    const merges = store.commits.mergeCounts();
    expect(merges.merged).toBeGreaterThan(100);
    expect(merges['not-merged']).toBeGreaterThan(0);
  });
});
