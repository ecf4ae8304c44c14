// What became of each posted patch, posting and lineage, from the commit links: merged, partially
// merged or not, which revision landed and as which commits. Pure. It does not link (see
// link-commits.ts), and says "not merged" only of lineages a repository read can reach
// (repository-scope.ts): nothing is known of the others.
import type { CommitLink, LineageMergeOutcome, MergeState, PatchOutcome, PostedPatch, PostingOutcome } from '../types.ts';
import { normalTitle } from './title-similarity.ts';

/** Outcomes by patch message, posting and lineage. */
export interface CommitOutcomes {
  patches: Map<string, PatchOutcome>;
  postings: Map<string, PostingOutcome>;
  /** Lineages that landed, or that a repository read reaches. */
  lineages: Map<string, LineageMergeOutcome>;
}

function state(landed: number, total: number): MergeState {
  return landed === 0 ? 'not-merged' : landed >= total ? 'merged' : 'partially-merged';
}

/** Earlier postings first; unknown dates first, then by id. */
function oldestFirst(a: PostedPatch, b: PostedPatch): number {
  return (a.postedAt ?? -Infinity) - (b.postedAt ?? -Infinity) || (a.postingId < b.postingId ? -1 : a.postingId > b.postingId ? 1 : 0);
}

/** Keys under which a patch is the same change as a patch of another revision of its lineage:
 *  its title, and its patch-id. */
export function sameChangeKeys(p: Pick<PostedPatch, 'title' | 'patchId'>): string[] {
  return [`t\0${normalTitle(p.title)}`, ...(p.patchId ? [`p\0${p.patchId}`] : [])];
}

/** Outcomes of every patch, posting and lineage of `patches`, given the links of the histories
 *  read (each in history order, newest commit first, as linkCommits returns them). `reaches`
 *  says whether a lineage is in reach of a repository read (default: every one is). */
export function commitOutcomes(patches: readonly PostedPatch[], links: readonly CommitLink[], reaches: (family: string) => boolean = () => true): CommitOutcomes {
  const commitsOf = new Map<string, string[]>();
  for (const l of links) {
    const list = commitsOf.get(l.messageId) ?? [];
    if (!list.includes(l.commit)) list.push(l.commit);
    commitsOf.set(l.messageId, list);
  }
  const out: CommitOutcomes = { patches: new Map(), postings: new Map(), lineages: new Map() };
  const byPosting = new Map<string, PostedPatch[]>();
  const byFamily = new Map<string, PostedPatch[]>();
  for (const p of patches) {
    const commits = commitsOf.get(p.messageId) ?? [];
    out.patches.set(p.messageId, { messageId: p.messageId, postingId: p.postingId, state: commits.length ? 'merged' : 'not-merged', changeLanded: commits.length > 0, commits });
    byPosting.set(p.postingId, [...(byPosting.get(p.postingId) ?? []), p]);
    byFamily.set(p.family, [...(byFamily.get(p.family) ?? []), p]);
  }
  const order = new Map<string, number>();
  for (const l of links) if (!order.has(l.commit)) order.set(l.commit, order.size);
  const inHistoryOrder = (commits: Iterable<string>): string[] => [...new Set(commits)].sort((a, b) => order.get(a)! - order.get(b)!);
  const merged = (p: PostedPatch): boolean => out.patches.get(p.messageId)!.state === 'merged';

  for (const [family, list] of byFamily) {
    // The same change in another revision landed when one revision of it did.
    const landedAs = new Set(list.filter(merged).flatMap(sameChangeKeys));
    for (const p of list) if (sameChangeKeys(p).some((k) => landedAs.has(k))) out.patches.get(p.messageId)!.changeLanded = true;
    const landedPostings = [...new Set(list.filter(merged).sort(oldestFirst).map((p) => p.postingId))];
    if (landedPostings.length === 0 && !reaches(family)) continue;
    const latest = landedPostings.at(-1) ?? null;
    const revision = latest ? byPosting.get(latest)! : [];
    const landed = revision.filter((p) => out.patches.get(p.messageId)!.changeLanded).length;
    out.lineages.set(family, {
      family,
      state: latest ? state(landed, revision.length) : 'not-merged',
      landed,
      patches: revision.length,
      landedPosting: latest,
      landedPostings,
      commits: inHistoryOrder(list.flatMap((p) => out.patches.get(p.messageId)!.commits)),
    });
  }

  for (const [postingId, list] of byPosting) {
    out.postings.set(postingId, {
      postingId,
      family: list[0]!.family,
      state: state(list.filter(merged).length, list.length),
      landed: list.filter(merged).length,
      changesLanded: list.filter((p) => out.patches.get(p.messageId)!.changeLanded).length,
      patches: list.length,
      commits: inHistoryOrder(list.flatMap((p) => out.patches.get(p.messageId)!.commits)),
    });
  }
  return out;
}
