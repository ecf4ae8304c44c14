// What the commits a lineage became say of its state (lineage-outcome.ts): merged when every patch
// of the revision that landed is in a repository read (`patchlore commits`), partially merged when
// some are. The commits are the strongest evidence there is, so this state goes before what the
// list says (applied, nacked). Says nothing of lineages no repository reaches or that did not land
// (they stay applied, nacked or open). Pure.
import type { LineageMergeRow } from '../store/store-rows.ts';
import type { LineageState } from '../types.ts';

/** The state the commits give a lineage, null when they give none. */
export function mergedState(merge: LineageMergeRow | null | undefined): LineageState | null {
  if (merge?.state === 'merged') return 'merged';
  if (merge?.state === 'partially-merged') return 'partially-merged';
  return null;
}
