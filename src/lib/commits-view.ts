// View models of what landed, for the pages: the commits a patch became (short hash linked by the
// repository's URL template, subject, release, how it was found and how it differs), a lineage's
// merged / partially merged / not merged box with the revision that landed, a revision's badge
// on the timeline, and the state badge of the series tables. Pure: read models in, plain data out.
// Commit subjects and author names are repository-controlled text; pages render them as text.
import type { LineageMerge, MergedCommit, PostingMerge } from '../../ingest/read-models.ts';
import type { LineageState, MergeState } from '../../ingest/types.ts';
import { formatDate } from './thread-view.ts';

/** Characters of a hash shown (as `git log --abbrev=12`, what kernel Fixes: tags use). */
const SHORT_HASH = 12;

/** How each kind of evidence is said. */
const EVIDENCE_TEXT: Record<MergedCommit['evidence'], string> = {
  trailer: 'its Link: or Message-Id: trailer names the mail',
  'patch-id': 'same git patch-id',
  subject: 'same author, date or subject',
};

/** One commit as pages show it. */
export interface CommitView {
  /** The first SHORT_HASH characters of the hash, and the hash. */
  short: string;
  hash: string;
  subject: string;
  /** The commit on the web, null without the repository's URL template. */
  href: string | null;
  /** "v6.8", or "not released yet". */
  release: string;
  released: boolean;
  repo: string;
  author: string;
  /** The author's date, "2024-05-06". */
  day: string;
  /** "same git patch-id (0.99)". */
  evidence: string;
  /** How it differs from the patch ("reworded, edited"), '' when as posted. */
  forms: string;
  /** The tooltip: the evidence, how it differs, who and when. */
  title: string;
}

export function commitViews(commits: readonly MergedCommit[] | undefined): CommitView[] {
  return (commits ?? []).map((c) => {
    const evidence = `${EVIDENCE_TEXT[c.evidence]} (${c.confidence})`;
    const forms = c.forms.join(', ');
    const day = formatDate(Date.parse(c.authorDate)).slice(0, 10);
    return {
      short: c.commit.slice(0, SHORT_HASH),
      hash: c.commit,
      subject: c.subject,
      href: c.url,
      release: c.release ?? 'not released yet',
      released: c.release !== null,
      repo: c.repo,
      author: c.author,
      day,
      evidence,
      forms,
      title: [`linked by: ${evidence}`, forms ? `landed ${forms}` : '', `${c.author}, ${day}`, c.repo].filter(Boolean).join('; '),
    };
  });
}

/** The commits of each patch message of a thread page, by message key. */
export function commitViewsByKey(commits: ReadonlyMap<string, readonly MergedCommit[]>): Map<string, CommitView[]> {
  return new Map([...commits].map(([key, list]) => [key, commitViews(list)]));
}

/** How each merge state is said, and its class on the page. */
const MERGE_TEXT: Record<MergeState, { text: string; className: string }> = {
  merged: { text: 'merged', className: 'merged' },
  'partially-merged': { text: 'partially merged', className: 'partial' },
  'not-merged': { text: 'not merged', className: 'not-merged' },
};

/** A revision of the lineage page, as the merge box names it. */
export interface RevisionRef {
  label: string;
  anchor: string;
}

/** The lineage page's box of what landed. */
export interface MergeStatusView {
  /** "merged", "partially merged (2 of 3 patches)", "not merged". */
  text: string;
  className: string;
  /** The revision that landed. */
  landed: RevisionRef | null;
  /** Other revisions with a commit (a patch applied from an earlier one). */
  alsoLanded: RevisionRef[];
  /** The first release holding every commit, null while one is in none. */
  release: string | null;
  commits: CommitView[];
}

/** The box of a lineage that a repository read reaches; null for one none reaches. `revisions`
 *  are the page's revisions (posting id, label, anchor), oldest first. */
export function mergeStatusView(merged: LineageMerge | null | undefined, revisions: ReadonlyArray<RevisionRef & { postingId: string }>): MergeStatusView | null {
  if (!merged) return null;
  const at = (posting: string | null): RevisionRef | null => {
    const r = revisions.find((x) => x.postingId === posting);
    return r ? { label: r.label, anchor: r.anchor } : null;
  };
  const { text, className } = MERGE_TEXT[merged.state];
  return {
    text: merged.state === 'partially-merged' ? `${text} (${merged.landed} of ${merged.patches} patches)` : text,
    className,
    landed: at(merged.landedPosting),
    alsoLanded: merged.landedPostings
      .filter((p) => p !== merged.landedPosting)
      .map(at)
      .filter((r): r is RevisionRef => r !== null),
    release: merged.release,
    commits: commitViews(merged.commits),
  };
}

/** A revision's badge on the timeline: "merged 2/2", "partially merged 1/3"; null when no
 *  repository was read or none of its patches landed. */
export function revisionMergeBadge(merge: PostingMerge | undefined): { text: string; className: string } | null {
  if (!merge || merge.state === 'not-merged') return null;
  const { text, className } = MERGE_TEXT[merge.state];
  return { text: `${text} ${merge.landed}/${merge.patches}`, className };
}

/** The badge of a lineage's state in the series tables, for the states commits give (the others
 *  have badges of their own); null otherwise. */
export function lineageStateBadge(state: LineageState | undefined): { text: string; className: string } | null {
  return state === 'merged' || state === 'partially-merged' ? MERGE_TEXT[state] : null;
}
