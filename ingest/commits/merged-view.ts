// Commit links as readers see them: each commit with its subject, author, date, evidence, first
// release and web address (a per-repository URL template), and the first release holding a set of
// commits. Pure: shapes rows the store gave (store.commits.links*); commits-queries.ts asks.
import { formatAddress } from '../message/format-address.ts';
import type { MergedCommit, PostingMerge } from '../read-models.ts';
import type { CommitLinkRow } from '../store/store-rows.ts';
import { compareReleases } from './release-order.ts';

/** A commit's URL: `template` with `%H` (or `{commit}`) replaced by the hash, as in
 *  "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=%H". */
export function commitUrl(template: string, hash: string): string {
  return template.replaceAll('%H', hash).replaceAll('{commit}', hash);
}

/** Whether a URL template names where the hash goes. */
export function isCommitUrlTemplate(template: string): boolean {
  return template.includes('%H') || template.includes('{commit}');
}

/** Link rows as readers see them, in the order given, each (commit, patch) once. */
export function mergedCommits(rows: readonly CommitLinkRow[]): MergedCommit[] {
  const seen = new Set<string>();
  const out: MergedCommit[] = [];
  for (const r of rows) {
    const key = `${r.repo} ${r.commit} ${r.messageId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      commit: r.commit,
      subject: r.subject,
      author: formatAddress(r.author.name, r.author.email),
      authorDate: new Date(r.authorDate).toISOString(),
      evidence: r.evidence,
      confidence: r.confidence,
      release: r.release,
      repo: r.repo,
      messageId: r.messageId,
      forms: r.forms,
      url: r.urlTemplate ? commitUrl(r.urlTemplate, r.commit) : null,
    });
  }
  return out;
}

/** The first release holding every one of `commits`: the latest of their first releases; null
 *  when there are none or one is in no release yet. */
export function releaseOfAll(commits: readonly Pick<MergedCommit, 'release'>[]): string | null {
  const tags = commits.map((c) => c.release);
  if (tags.length === 0 || tags.some((t) => t === null)) return null;
  return (tags as string[]).sort(compareReleases).at(-1)!;
}

/** Whether a posting landed, by which of its patches have a commit. */
export function postingMerge(patchKeys: readonly string[], commits: readonly Pick<MergedCommit, 'messageId'>[]): PostingMerge {
  const withCommit = new Set(commits.map((c) => c.messageId));
  const landed = patchKeys.filter((k) => withCommit.has(k)).length;
  return { state: landed === 0 ? 'not-merged' : landed >= patchKeys.length ? 'merged' : 'partially-merged', landed, patches: patchKeys.length };
}
