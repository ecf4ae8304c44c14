// The commit-link derivation: every history `patchlore commits` read, linked to the posted
// patches (ingest/commits/link-repositories.ts), with what became of each lineage and the
// `merged:` search values. It reads the series tables, so it runs after them; its outside input is
// the repositories' heads and release tags as last read (a new read makes it stale), its version
// that of the linker's rules. Recomputed whole: for all of ndctl against the nvdimm list, reading
// the posted patches, linking and writing take one to two seconds (npm run bench:commits).
import { createHash } from 'node:crypto';
import { commitInputs } from '../commits/commit-inputs.ts';
import { linkRepositories } from '../commits/link-repositories.ts';
import type { Store } from '../store/store-port.ts';
import type { Derivation } from './derivation.ts';

/** The repositories as last read: names, heads and release tags. */
function repositoriesFingerprint(store: Store): string {
  const repos = store.commits.repositories();
  return repos.length === 0 ? '' : createHash('sha256').update(JSON.stringify(repos.map((r) => [r.name, r.heads, r.tags]))).digest('hex').slice(0, 16);
}

export const commitsDerivation: Derivation = {
  name: 'commits',
  title: 'commit links',
  version: 1,
  after: ['series'],
  external: (_opts, store) => repositoriesFingerprint(store),
  async run(store, { opts }) {
    const repos = store.commits.repositories();
    opts.onProgress?.('commits', 0, repos.length + 1);
    const { patches, covers } = repos.length ? commitInputs(store) : { patches: [], covers: [] };
    const histories = repos.map((r, i) => {
      opts.onProgress?.('commits', i + 1, repos.length + 1);
      return { repo: r.name, commits: store.commits.commits(r.name) };
    });
    const result = linkRepositories(histories, patches, covers);
    store.transaction(() => {
      store.commits.replaceLinks(result);
      store.search.replaceFacet('merged', result.facet);
    });
    opts.onProgress?.('commits', repos.length + 1, repos.length + 1);
    return { count: new Set(result.links.map((l) => `${l.repo} ${l.commit}`)).size, diagnostics: [] };
  },
};
