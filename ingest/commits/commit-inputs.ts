// What commit linking reads of a store, through the store port: every patch of every posting as
// the commit `git am` would make of it (PostedPatch), and the cover letters. The patch-id comes
// from the patch facts mined at import; a store imported before they held it has it computed
// here from the stored text. Writes nothing.
import type { Store } from '../store/store-port.ts';
import { patchId } from '../patch/patch-id.ts';
import type { PostedCover, PostedPatch } from '../types.ts';
import { BODY_HEAD_CHARS, postedPatch } from './posted-patch.ts';

/** What linking reads of a store. */
export interface CommitInputs {
  patches: PostedPatch[];
  covers: PostedCover[];
}

/** Every posted patch and cover letter of the store. A posting in several lineages (a bundle)
 *  counts in the one it starts, else the first by id, as `patchlore series` shows it. */
export function commitInputs(store: Store): CommitInputs {
  const patches = store.commits.postedPatches(BODY_HEAD_CHARS).map((r) => postedPatch(r, r.diff?.patchId !== undefined ? r.diff.patchId : patchId(store.mail.bodyOf(r.key))));
  return { patches, covers: store.commits.covers() };
}
