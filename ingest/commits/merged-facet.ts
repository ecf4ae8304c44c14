// The values of the `merged:` search prefix (ingest/search/query-prefixes.ts FACETS) for every
// posted patch and cover letter: a patch is `yes` when its change landed (itself, or the same
// patch in another revision of its lineage, became a commit), else `no`; a cover letter is `yes`
// when the change of every patch of its posting landed, `partial` when some did, else `no`.
// `no` only for lineages a repository read reaches: of the others nothing is known. Pure.
import type { PostedCover, PostedPatch } from '../types.ts';
import type { CommitOutcomes } from './commit-outcome.ts';

/** One message's value. */
export interface FacetRow {
  /** The message's key. */
  key: string;
  value: 'yes' | 'no' | 'partial';
}

export function mergedFacet(patches: readonly PostedPatch[], covers: readonly PostedCover[], outcomes: CommitOutcomes, reaches: (family: string) => boolean): FacetRow[] {
  const rows: FacetRow[] = [];
  for (const p of patches) {
    if (outcomes.patches.get(p.messageId)?.changeLanded) rows.push({ key: p.messageId, value: 'yes' });
    else if (reaches(p.family)) rows.push({ key: p.messageId, value: 'no' });
  }
  for (const c of covers) {
    const o = outcomes.postings.get(c.postingId);
    if (!o) continue;
    if (o.changesLanded > 0) rows.push({ key: c.messageId, value: o.changesLanded >= o.patches ? 'yes' : 'partial' });
    else if (reaches(o.family)) rows.push({ key: c.messageId, value: 'no' });
  }
  return rows;
}
