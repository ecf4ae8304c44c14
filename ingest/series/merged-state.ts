// What the commits a lineage became say of its state (lineage-outcome.ts): merged when every patch
// of the revision that landed is in a repository read (`patchlore commits`), partially merged when
// some are. The commits are the strongest evidence there is, so this state goes before what the
// list says, with one exception: a maintainer saying a later revision than the one that partially
// landed was applied is newer than the history read (a repository read before that revision went
// in), so that lineage stays applied. Says nothing of lineages no repository reaches or that did
// not land (they stay applied, nacked or open). Pure.
import type { LineageMergeRow } from '../store/store-rows.ts';
import type { LineageState } from '../types.ts';

/** The state the commits give a lineage, null when they give none. `appliedPosting` is the
 *  posting a maintainer said was applied (null: none), `postings` the lineage's, oldest first. */
export function mergedState(merge: LineageMergeRow | null | undefined, appliedPosting: string | null, postings: readonly string[]): LineageState | null {
  if (merge?.state === 'merged') return 'merged';
  if (merge?.state !== 'partially-merged') return null;
  const landed = merge.landedPosting === null ? -1 : postings.indexOf(merge.landedPosting);
  if (appliedPosting !== null && postings.indexOf(appliedPosting) > landed) return null;
  return 'partially-merged';
}
