// The commit-link stage over every repository read: each history linked to the posted patches
// (link-commits.ts), the lineages each reaches (repository-scope.ts), what became of every
// lineage (commit-outcome.ts) and the `merged:` values of patches and cover letters
// (merged-facet.ts). Pure: histories and posted patches in, rows out; the derivation
// (ingest/derive/derive-commits.ts) reads and writes them.
import type { CommitLinkRecords } from '../store/store-rows.ts';
import type { GitCommit, PostedCover, PostedPatch } from '../types.ts';
import { commitOutcomes } from './commit-outcome.ts';
import { linkCommits } from './link-commits.ts';
import { mergedFacet, type FacetRow } from './merged-facet.ts';
import { reaches as reachesScope, repositoryScope } from './repository-scope.ts';

/** One repository's history. */
export interface RepositoryHistory {
  /** The repository's name. */
  repo: string;
  /** Its commits, newest first. */
  commits: readonly GitCommit[];
}

/** What the stage gives: rows for the commit tables and for the `merged` facet. */
export interface RepositoryLinks extends CommitLinkRecords {
  facet: FacetRow[];
}

export function linkRepositories(histories: readonly RepositoryHistory[], patches: readonly PostedPatch[], covers: readonly PostedCover[]): RepositoryLinks {
  const out: RepositoryLinks = { links: [], unresolved: [], merges: [], facet: [] };
  if (histories.length === 0) return out;
  const filesOf = new Map<string, Set<string>>();
  for (const p of patches) {
    const files = filesOf.get(p.family) ?? new Set<string>();
    for (const f of p.files) files.add(f);
    filesOf.set(p.family, files);
  }
  const reached = new Set<string>();
  for (const h of histories) {
    const linking = linkCommits({ commits: h.commits, patches, covers });
    for (const l of linking.links) out.links.push({ ...l, repo: h.repo });
    for (const u of linking.unresolved) out.unresolved.push({ ...u, repo: h.repo });
    const scope = repositoryScope(h.commits);
    for (const [family, files] of filesOf) if (!reached.has(family) && reachesScope(scope, files)) reached.add(family);
  }
  const reaches = (family: string): boolean => reached.has(family);
  const outcomes = commitOutcomes(patches, out.links, reaches);
  out.merges = [...outcomes.lineages.values()].map(({ commits: _c, ...m }) => m);
  out.facet = mergedFacet(patches, covers, outcomes, reaches);
  return out;
}
