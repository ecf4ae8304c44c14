// One measured `patchlore commits` of a whole history in a process of its own, on a copy of the
// store: reading the history into the store with git (nothing known before), then the derivations
// it makes stale (commit links: posted patches read, linked, written with the merged: facet; then
// lineage outcomes), then the next read with nothing new. Prints the times and counts.
import { copyFileSync, existsSync } from 'node:fs';
import { readRepository } from '../../ingest/commits/read-repository-fs.ts';
import { deriveStore } from '../../ingest/derive/derive-store.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';

const [source, db, repo] = process.argv.slice(2) as [string, string, string];
for (const suffix of ['', '-wal']) if (existsSync(source + suffix)) copyFileSync(source + suffix, db + suffix);
const store = openStore(db);
const t0 = performance.now();
const first = await readRepository(store, { path: repo, name: 'ndctl' });
const t1 = performance.now();
const steps: Record<string, number> = {};
await deriveStore(store, { workers: 0, onStep: (d) => (steps[d.name] = performance.now()) });
const t2 = performance.now();
const again = await readRepository(store, { path: repo, name: 'ndctl' });
const stale = await deriveStore(store, { workers: 0 });
const t3 = performance.now();
const counts = store.commits.counts('ndctl');
const merges = store.commits.mergeCounts();
store.close();
const linksMs = (steps.outcomes ?? t2) - (steps.commits ?? t1);
process.stdout.write(
  JSON.stringify({
    commits: first.read,
    released: counts.released,
    linked: counts.linked,
    links: counts.links,
    merges,
    secondReadCommits: again.read,
    secondDerived: stale.steps.map((s) => s.name),
    ms: { history: t1 - t0, links: linksMs, outcomes: t2 - (steps.outcomes ?? t2), total: t2 - t0, secondRead: t3 - t2 },
  }) + '\n',
);
