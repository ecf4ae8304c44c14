// What became of each posted patch, posting and lineage, from the commit links: merged, partially
// merged or not, which revision landed and as which commits. Pure. It does not link (see
// link-commits.ts) and says nothing of patches no history was read for.
import type { CommitLink, LineageMergeOutcome, MergeState, PatchOutcome, PostedPatch, PostingOutcome } from '../types.ts';
import { normalTitle } from './title-similarity.ts';

/** Outcomes by patch message, posting and lineage. */
export interface CommitOutcomes {
  patches: Map<string, PatchOutcome>;
  postings: Map<string, PostingOutcome>;
  lineages: Map<string, LineageMergeOutcome>;
}

function state(landed: number, total: number): MergeState {
  return landed === 0 ? 'not-merged' : landed >= total ? 'merged' : 'partially-merged';
}

/** Earlier postings first; unknown dates first, then by id. */
function oldestFirst(a: PostedPatch, b: PostedPatch): number {
  return (a.postedAt ?? -Infinity) - (b.postedAt ?? -Infinity) || (a.postingId < b.postingId ? -1 : a.postingId > b.postingId ? 1 : 0);
}

/** Outcomes of every patch, posting and lineage of `patches`, given the links of a history (in
 *  history order, newest commit first, as linkCommits returns them). */
export function commitOutcomes(patches: readonly PostedPatch[], links: readonly CommitLink[]): CommitOutcomes {
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
    out.patches.set(p.messageId, { messageId: p.messageId, postingId: p.postingId, state: commits.length ? 'merged' : 'not-merged', commits });
    byPosting.set(p.postingId, [...(byPosting.get(p.postingId) ?? []), p]);
    byFamily.set(p.family, [...(byFamily.get(p.family) ?? []), p]);
  }
  const order = new Map<string, number>();
  for (const l of links) if (!order.has(l.commit)) order.set(l.commit, order.size);
  const inHistoryOrder = (commits: Iterable<string>): string[] => [...new Set(commits)].sort((a, b) => order.get(a)! - order.get(b)!);

  for (const [postingId, list] of byPosting) {
    const landed = list.filter((p) => out.patches.get(p.messageId)!.state === 'merged').length;
    out.postings.set(postingId, {
      postingId,
      family: list[0]!.family,
      state: state(landed, list.length),
      landed,
      patches: list.length,
      commits: inHistoryOrder(list.flatMap((p) => out.patches.get(p.messageId)!.commits)),
    });
  }

  for (const [family, list] of byFamily) {
    // Titles and patch-ids that landed anywhere in the lineage: the same patch in a later revision
    // landed when an earlier revision of it did.
    const landedAs = new Set<string>();
    for (const p of list) {
      if (out.patches.get(p.messageId)!.state !== 'merged') continue;
      landedAs.add(`t\0${normalTitle(p.title)}`);
      if (p.patchId) landedAs.add(`p\0${p.patchId}`);
    }
    const landedPostings = [...new Set(list.filter((p) => out.patches.get(p.messageId)!.state === 'merged').sort(oldestFirst).map((p) => p.postingId))];
    const latest = landedPostings.at(-1) ?? null;
    const revision = latest ? byPosting.get(latest)! : [];
    const landed = revision.filter((p) => landedAs.has(`t\0${normalTitle(p.title)}`) || (p.patchId !== null && landedAs.has(`p\0${p.patchId}`))).length;
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
  return out;
}
