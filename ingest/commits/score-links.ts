// Scores commit links against the truth a history's own trailers give: the pairs (commit, patch)
// whose Link:/Message-Id: trailer names a stored patch. Used by scripts/score-commits.ts and the
// corpus test, which link a copy of the history with those trailers stripped and map its commits
// back (a message rewrite keeps tree, author, dates). Pure.
import type { CommitEvidence, CommitLink, GitCommit, PostedPatch } from '../types.ts';
import { commitTrailerIds } from './commit-trailers.ts';

/** A (commit, patch message) pair. */
export type Pair = `${string} ${string}`;

export function pair(commit: string, messageId: string): Pair {
  return `${commit} ${messageId}`;
}

/** Pairs whose commit's trailers name a stored patch. */
export function trailerTruth(commits: readonly GitCommit[], patches: readonly PostedPatch[]): Set<Pair> {
  const stored = new Set(patches.map((p) => p.messageId));
  const out = new Set<Pair>();
  for (const c of commits) for (const t of commitTrailerIds(c.message)) if (stored.has(t.messageId)) out.add(pair(c.hash, t.messageId));
  return out;
}

/** What a message-only rewrite keeps of a commit. */
function rewriteKey(c: GitCommit): string {
  return `${c.tree} ${c.author.email} ${c.authorDate} ${c.commitDate} ${c.subject}`;
}

/** Hash of each rewritten commit to the original it was rewritten from (same tree, author, dates
 *  and subject); commits without a unique counterpart are left out. */
export function rewriteMap(original: readonly GitCommit[], rewritten: readonly GitCommit[]): Map<string, string> {
  const byKey = new Map<string, string | null>();
  for (const c of original) byKey.set(rewriteKey(c), byKey.has(rewriteKey(c)) ? null : c.hash);
  const out = new Map<string, string>();
  for (const c of rewritten) {
    const o = byKey.get(rewriteKey(c));
    if (o) out.set(c.hash, o);
  }
  return out;
}

/** How links compare with the truth. */
export interface LinkScore {
  /** Truth pairs. */
  truth: number;
  /** Truth pairs linked. */
  found: number;
  /** found / truth. */
  recall: number;
  /** Links that can be judged: their commit or their patch is in a truth pair. */
  judged: number;
  /** found / judged. */
  precision: number;
  /** Links whose commit and patch are in no truth pair (no trailer, or one naming mail not
   *  stored): neither right nor wrong by this truth. */
  unjudged: number;
  /** Found truth pairs by the evidence that found them. */
  foundBy: Partial<Record<CommitEvidence, number>>;
  /** Judged links by evidence: [right, wrong]. */
  judgedBy: Partial<Record<CommitEvidence, [number, number]>>;
  /** Truth pairs not linked. */
  missed: Pair[];
  /** Judged links that are not truth pairs. */
  wrong: Array<{ pair: Pair; link: CommitLink }>;
}

/** Compare `links` (their commits mapped by `toOriginal`, when given) with `truth`. */
export function scoreLinks(truth: ReadonlySet<Pair>, links: readonly CommitLink[], toOriginal?: ReadonlyMap<string, string>): LinkScore {
  const truthCommits = new Set<string>();
  const truthPatches = new Set<string>();
  for (const p of truth) {
    const [c, m] = p.split(' ') as [string, string];
    truthCommits.add(c);
    truthPatches.add(m);
  }
  const linked = new Set<Pair>();
  const score: LinkScore = { truth: truth.size, found: 0, recall: 0, judged: 0, precision: 0, unjudged: 0, foundBy: {}, judgedBy: {}, missed: [], wrong: [] };
  for (const l of links) {
    const commit = toOriginal ? toOriginal.get(l.commit) : l.commit;
    if (!commit) continue;
    const p = pair(commit, l.messageId);
    if (linked.has(p)) continue;
    linked.add(p);
    if (!truthCommits.has(commit) && !truthPatches.has(l.messageId)) {
      score.unjudged++;
      continue;
    }
    score.judged++;
    const by = (score.judgedBy[l.evidence] ??= [0, 0]);
    if (truth.has(p)) {
      score.found++;
      score.foundBy[l.evidence] = (score.foundBy[l.evidence] ?? 0) + 1;
      by[0]++;
    } else {
      by[1]++;
      score.wrong.push({ pair: p, link: l });
    }
  }
  for (const p of truth) if (!linked.has(p)) score.missed.push(p);
  score.recall = score.truth ? score.found / score.truth : 1;
  score.precision = score.judged ? score.found / score.judged : 1;
  return score;
}
