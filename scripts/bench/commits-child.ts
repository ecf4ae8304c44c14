// One measured linking of a whole history in a process of its own: reads the history with git
// (nothing known before), reads the posted patches from the store, links, computes outcomes, then
// reads the history again as the next run would (nothing new). Prints the times and counts.
import { commitOutcomes } from '../../ingest/commits/commit-outcome.ts';
import { linkCommits } from '../../ingest/commits/link-commits.ts';
import { commitInputs } from '../../ingest/commits/commit-inputs.ts';
import { readGitHistory } from '../../ingest/commits/read-git-history-fs.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';

const [db, repo] = process.argv.slice(2);
const t0 = performance.now();
const history = await readGitHistory(repo!);
const t1 = performance.now();
const store = openStore(db!, { readonly: true });
const inputs = commitInputs(store);
store.close();
const t2 = performance.now();
const linking = linkCommits({ commits: history.commits, ...inputs });
const t3 = performance.now();
const outcomes = commitOutcomes(inputs.patches, linking.links);
const t4 = performance.now();
const again = await readGitHistory(repo!, { known: { heads: history.heads, tags: history.tags } });
const t5 = performance.now();
const hashes = new Set(history.commits.map((c) => c.hash));
const merged = [...outcomes.lineages.values()].filter((l) => l.state !== 'not-merged').length;
process.stdout.write(
  JSON.stringify({
    commits: history.commits.length,
    releases: history.releases.filter((r) => hashes.has(r.commit)).length,
    patches: inputs.patches.length,
    links: linking.links.length,
    linkedCommits: new Set(linking.links.map((l) => l.commit)).size,
    lineagesLanded: merged,
    lineages: outcomes.lineages.size,
    secondReadCommits: again.commits.length,
    ms: { history: t1 - t0, inputs: t2 - t1, link: t3 - t2, outcomes: t4 - t3, total: t4 - t0, secondRead: t5 - t4 },
  }) + '\n',
);
