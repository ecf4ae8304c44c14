// What `patchlore merged MSGID --json` prints for a patch, a posting or a lineage: the commits it
// became (subject, author, author date, evidence, confidence, first release, a link to the commit
// when the repository has a URL template), its state, the revision that landed, and the first
// release holding all of it. Pure: built from links, commits and releases the caller read.
import { formatAddress } from '../message/format-address.ts';
import type { Address, CommitLink, LandingForm, MergeState } from '../types.ts';
import { compareReleases } from './release-order.ts';

/** What the view needs of a commit. */
export interface ViewedCommit {
  subject: string;
  author: Address;
  /** ms since the epoch. */
  authorDate: number;
}

/** One commit in the output. */
export interface MergedCommit {
  commit: string;
  subject: string;
  /** "Name <address>". */
  author: string;
  /** ISO 8601, UTC. */
  authorDate: string;
  evidence: CommitLink['evidence'];
  confidence: number;
  /** First release tag containing the commit, null when none does yet. */
  release: string | null;
  /** The patch it came from. */
  messageId: string;
  /** How it differs from that patch. */
  forms: LandingForm[];
  /** The commit on the web, from the repository's URL template; null without one. */
  url: string | null;
}

/** The whole answer. */
export interface MergedView {
  state: MergeState;
  /** The posting (revision) that landed, null when none. */
  landedPosting: string | null;
  /** The first release holding every commit, null when some commit is in none yet. */
  release: string | null;
  commits: MergedCommit[];
}

/** A commit's URL: `template` with `%H` (or `{commit}`) replaced by the hash, as in
 *  "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=%H". */
export function commitUrl(template: string, hash: string): string {
  return template.replaceAll('%H', hash).replaceAll('{commit}', hash);
}

/** The view of `links` (those of one patch, posting or lineage, in history order). */
export function mergedView(
  links: readonly CommitLink[],
  outcome: { state: MergeState; landedPosting: string | null },
  commits: ReadonlyMap<string, ViewedCommit>,
  releases: ReadonlyMap<string, string>,
  urlTemplate: string | null = null,
): MergedView {
  const out: MergedCommit[] = [];
  const seen = new Set<string>();
  for (const l of links) {
    const key = `${l.commit} ${l.messageId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const c = commits.get(l.commit);
    out.push({
      commit: l.commit,
      subject: c?.subject ?? '',
      author: c ? formatAddress(c.author.name, c.author.email) : '',
      authorDate: c ? new Date(c.authorDate).toISOString() : '',
      evidence: l.evidence,
      confidence: l.confidence,
      release: releases.get(l.commit) ?? null,
      messageId: l.messageId,
      forms: l.forms,
      url: urlTemplate ? commitUrl(urlTemplate, l.commit) : null,
    });
  }
  const tags = out.map((c) => c.release);
  const release = tags.length > 0 && tags.every((t) => t !== null) ? (tags as string[]).sort(compareReleases).at(-1)! : null;
  return { state: outcome.state, landedPosting: outcome.landedPosting, release, commits: out };
}
