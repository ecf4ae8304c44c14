// What one message became (`patchlore merged MSGID`): for a patch, the commits it became (else
// those of the same patch, by title, in another revision of its lineage); for a cover letter or a
// reply, every commit of its lineage; with the revision that landed and the first release holding
// them, from store rows.
import type { MergedAnswer, MergedCommit } from '../read-models.ts';
import { revisionLabel } from '../series/revision-label.ts';
import { familyOf, postingOf } from '../series/series-queries.ts';
import type { Store } from '../store/store-port.ts';
import { mergedCommits, postingMerge, releaseOfAll } from './merged-view.ts';
import { normalTitle } from './title-similarity.ts';

/** What the message `mid` became: for a patch, its commits (else those of the same patch, by
 *  title, in another revision of its lineage); for a cover letter or a reply, its lineage's. Null
 *  when it is in no posting. */
export function mergedOf(store: Store, mid: string): MergedAnswer | null {
  const postingId = postingOf(store, mid);
  if (!postingId) return null;
  const key = store.mail.locate(mid)?.id ?? mid;
  const family = familyOf(store, postingId);
  const revisions = family ? store.series.revisions(family) : [];
  const merge = family ? store.commits.lineageMerge(family) : null;
  const own = store.series.patches(postingId);
  const patch = own.find((p) => p.key === key);
  let commits: MergedCommit[];
  let state: MergedAnswer['state'];
  if (patch) {
    commits = mergedCommits(store.commits.linksOfPatches([patch.key]));
    if (commits.length === 0 && family) {
      // The same patch in another revision: the same title.
      const title = normalTitle(patch.title);
      const twins = revisions.flatMap((r) => store.series.patches(r.id)).filter((p) => p.key !== patch.key && normalTitle(p.title) === title);
      commits = mergedCommits(store.commits.linksOfPatches(twins.map((p) => p.key)));
    }
    state = commits.length > 0 ? 'merged' : merge ? 'not-merged' : null;
  } else {
    commits = family ? mergedCommits(store.commits.linksOfFamily(family)) : [];
    state = merge?.state ?? (commits.length > 0 ? 'merged' : null);
  }
  const landed = merge?.landedPosting ?? null;
  const landedRevision = revisions.find((r) => r.id === landed);
  return {
    messageId: key,
    kind: patch ? 'patch' : 'lineage',
    family,
    postingId,
    state,
    landedPosting: landed,
    landedRevision: landedRevision ? revisionLabel(landedRevision) : null,
    release: releaseOfAll(commits),
    commits,
    posting: postingMerge(
      own.map((p) => p.key),
      mergedCommits(store.commits.linksOfPatches(own.map((p) => p.key))),
    ),
  };
}
