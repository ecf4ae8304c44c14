// Questions about commits, answered from store rows: the commits of the patches of a lineage
// (`series --json`, lineage pages) or of a thread (thread pages), whether a lineage landed (its
// status), and what a read of a repository found (`patchlore commits`). What one message became
// (`patchlore merged`) is merged-of.ts's. Reads no other stage's queries, so theirs can read it.
import type { CommitsSummary, LineageMerge, MergedCommit, SeriesRevision } from '../read-models.ts';
import type { Store } from '../store/store-port.ts';
import type { Diagnostic } from '../types.ts';
import { mergedCommits, postingMerge, releaseOfAll } from './merged-view.ts';

/** The commits each of these patch messages became (only those with some). */
export function patchCommits(store: Store, keys: readonly string[]): Map<string, MergedCommit[]> {
  const out = new Map<string, MergedCommit[]>();
  for (const c of mergedCommits(store.commits.linksOfPatches(keys))) out.set(c.messageId, [...(out.get(c.messageId) ?? []), c]);
  return out;
}

/** The commits of the patches of a thread's messages. */
export function threadCommits(store: Store, threadId: string): Map<string, MergedCommit[]> {
  return patchCommits(
    store,
    store.threads.allNodes(threadId).filter((n) => !n.ghost).map((n) => n.id),
  );
}

/** Whether a lineage landed, with its commits; null when no repository read reaches it. */
export function lineageMergeOf(store: Store, family: string): LineageMerge | null {
  const m = store.commits.lineageMerge(family);
  if (!m) return null;
  const commits = mergedCommits(store.commits.linksOfFamily(family));
  return { state: m.state, landed: m.landed, patches: m.patches, landedPosting: m.landedPosting, landedPostings: m.landedPostings, release: releaseOfAll(commits), commits };
}

/** A lineage's revisions with the commits of each patch and whether each revision landed (by its
 *  own patches); a revision is left as it is when no repository was read. */
export function withCommits(store: Store, revisions: SeriesRevision[]): SeriesRevision[] {
  if (store.commits.repositories().length === 0) return revisions;
  const commits = patchCommits(
    store,
    revisions.flatMap((r) => r.patches.map((p) => p.messageId)),
  );
  for (const r of revisions) {
    for (const p of r.patches) p.commits = commits.get(p.messageId) ?? [];
    r.merge = postingMerge(
      r.patches.map((p) => p.messageId),
      r.patches.flatMap((p) => p.commits ?? []),
    );
  }
  return revisions;
}

/** What the store holds of a repository after a read: its counts and links. `read` commits were
 *  read this time, continuing an earlier read when `incremental`. Null for a repository never
 *  read. */
export function commitsSummary(store: Store, name: string, read: { read: number; incremental: boolean }): CommitsSummary | null {
  const repo = store.commits.repository(name);
  if (!repo) return null;
  const counts = store.commits.counts(name);
  const merges = store.commits.mergeCounts();
  const lineages = { merged: merges.merged, partiallyMerged: merges['partially-merged'], notMerged: merges['not-merged'] };
  return {
    repo: name,
    path: repo.path,
    refs: repo.refs,
    commits: counts.commits,
    read: read.read,
    incremental: read.incremental,
    released: counts.released,
    tags: repo.tags.length,
    linked: counts.linked,
    links: counts.links,
    byEvidence: counts.byEvidence,
    lineages,
    unresolved: counts.unresolved,
    urlTemplate: repo.urlTemplate,
  };
}

/** Trailers of a repository's commits that named a message no link was made to, as problems
 *  (source: the repository's path; locator: the commit). */
export function unresolvedTrailers(store: Store, name: string): Diagnostic[] {
  const path = store.commits.repository(name)?.path ?? name;
  return store.commits.unresolved(name).map((u) => ({
    code: 'commit/unresolved-trailer',
    message:
      u.reason === 'cover-unmatched'
        ? `commit ${u.commit.slice(0, 12)} names the cover letter <${u.messageId}>, but no patch of its posting matches the commit`
        : `commit ${u.commit.slice(0, 12)} names <${u.messageId}>, which is no stored patch or cover letter`,
    source: path,
    locator: u.commit,
    messageId: u.messageId,
    hint: u.reason === 'cover-unmatched' ? 'the commit may squash the series or differ from every patch of it' : 'the mail is not archived here (another list), or is a reply; patchlore sync can fetch it',
  }));
}
