// The records commands print and pages render, assembled from store rows by the stages' query
// functions (ingest/*/…-queries.ts): a thread as `patchlore thread` lists it, a series lineage
// with its changes, statements and verdicts as printed, a citation, a lineage's status, a topic's
// timeline. Shapes printed with --json follow ../shared/docs/cli.md. Pure types.
import type { ComparedPatch } from './series/compare-revisions.ts';
import type { PatchRole } from './series/patch-roles.ts';
import type { LinkRow, TrailerRow, MismatchRow } from './store/store-rows.ts';
import type { SearchFields } from './search/query-types.ts';
import type { Address, CommitEvidence, LandingForm, LineageOutcome, LineageState, MergeState, PatchworkSummary, RevisionSignal } from './types.ts';

export type { PatchworkSummary };

export type { LineageState };

// ---- threads ----

/** One node of `patchlore thread`. */
export interface ThreadEntry {
  /** Message key (or a ghost's Message-ID). */
  messageId: string;
  parent: string | null;
  /** 0 for a root. */
  depth: number;
  /** Referenced but not archived. */
  ghost: boolean;
  /** "Name <address>" of the sender; null for a ghost. */
  from: string | null;
  /** ISO date; null for a ghost or an undated message. */
  date: string | null;
  subject: string | null;
  /** What it is to the series the thread holds (cover letter, patch k/N, a patch sent again, one
   *  tagged as a patch that no posting holds, a reused Message-ID); null for a reply or a ghost. */
  role: PatchRole | null;
}

/** `patchlore thread MSGID`. */
export interface ThreadListing {
  /** The first node in display order. */
  root: string;
  threadId: string;
  /** Every shown node, in display order. */
  messages: ThreadEntry[];
}

// ---- series ----

/** A trailer in `patchlore series` output (docs/cli.md): its posting and patch are where it sits. */
export type SeriesTrailer = TrailerRow;

/** A patch of a revision. */
export interface SeriesPatch {
  /** The patch's message key. */
  messageId: string;
  /** Position in the posting, from 1. */
  index: number;
  /** Patches announced by its subject ("k/N"). */
  total: number;
  subject: string;
  /** Subject without tags. */
  title: string;
  /** Fingerprint of its diff ('' for none). */
  fingerprint: string;
  /** Trailers given to this posting of the patch: in it, in replies to it, in replies to its
   *  cover letter (what b4 am -t applies). */
  trailers: SeriesTrailer[];
  /** Trailers given to an earlier revision of the same patch (same fingerprint) that this
   *  revision does not repeat (source 'carried'): shown apart, not applied. */
  carried: SeriesTrailer[];
  /** Messages in the thread below this patch (and not below another patch of the posting). */
  replies: number;
  /** The commits it became in the repositories read; absent when none was read. */
  commits?: MergedCommit[];
  /** What Patchwork says of it, null when no synced project tracks it (absent where Patchwork
   *  was not asked). */
  patchwork?: PatchworkStatus | null;
}

/** What Patchwork says of one patch (`series --json`: per patch `patchwork`; thread and lineage
 *  pages). A patch several projects track: the record with its most decisive state, the others in
 *  `elsewhere`. */
export interface PatchworkStatus {
  /** State slug ("changes-requested") and the name Patchwork shows ("Changes Requested"). */
  state: string;
  stateName: string;
  /** Who it is delegated to (name, else username), null when nobody. */
  delegate: string | null;
  /** Archived: done with, hidden from Patchwork's default lists. */
  archived: boolean;
  /** Its checks (the newest per context and reporter), null when Patchwork ran none: the
   *  combined state, counts by state, and each check. */
  checks: { state: string; counts: Record<string, number>; list: Array<{ context: string; state: string; description: string; url: string | null }> } | null;
  /** The commit the maintainer recorded, and its page when the project says where commits are. */
  commitRef: string | null;
  commitUrl: string | null;
  /** Its page on the Patchwork server, null when the API gave none. */
  url: string | null;
  server: string;
  project: string;
  /** When patchlore first read it in this state (ISO). */
  since: string;
  /** The other projects tracking it: each one's state. */
  elsewhere: Array<{ server: string; project: string; state: string; url: string | null }>;
}

/** A message of a revision's thread and what it is to the revision. */
export interface ThreadNote {
  /** Its message key. */
  messageId: string;
  /** patch (one of its own, not where expected), resent, stray or imposter. */
  kind: PatchRole['kind'];
  /** "patch 3/20 of v9, sent again: the series takes <key>". */
  text: string;
}

/** One revision of a lineage. */
export interface SeriesRevision {
  postingId: string;
  /** Version as tagged or inferred. */
  version: number;
  versionInferred: boolean;
  /** Version as tagged ("3", "5.1"), null when untagged. */
  versionTag: string | null;
  rfc: boolean;
  resend: boolean;
  /** A bundle of several series ([PATCHSETS]). */
  bundle: boolean;
  coverId: string | null;
  /** ISO date of the posting, null when unknown. */
  date: string | null;
  subject: string;
  title: string;
  author: Address;
  threadId: string;
  /** Patches announced (N of "k/N"), null for an unnumbered single patch. */
  total: number | null;
  patches: SeriesPatch[];
  /** A partial reroll: fewer patches than announced and no cover letter (lineage-title.ts). */
  fragment: boolean;
  /** Messages below the cover letter that answer the series as a whole. */
  coverReplies: number;
  /** How it was linked to the previous revision, null for the first. */
  link: { from: string; source: RevisionSignal; confidence: number } | null;
  /** The posting of another lineage it continues (a series split in two), null for none. */
  forkedFrom: string | null;
  /** Against the previous full revision of the lineage; empty for the first and for RESENDs. */
  changes: ComparedPatch[];
  /** The changelog the cover letter (or single patch) gives, '' for none. */
  changelog: string;
  mismatches: MismatchRow[];
  /** Messages of its thread that its subject tags do not explain: a patch sent again into a slot
   *  the posting fills with another message, a reply under a patch's subject without "Re:", one
   *  tagged as a patch that no posting holds, a reused Message-ID, a patch that is not a reply to
   *  its cover letter (patch-roles.ts). Empty for a thread holding just its cover and patches. */
  inThread: ThreadNote[];
  /** Whether its own patches became commits; absent when no repository was read. */
  merge?: PostingMerge;
  /** What Patchwork says of its patches, null when it tracks none (absent where not asked). */
  patchwork?: PatchworkSummary | null;
}

/** A whole lineage (`patchlore series`). */
export interface SeriesLineage {
  /** Lineage id: the first posting's id. */
  family: string;
  /** The posting the question was about. */
  postingId: string;
  /** The title of its latest non-bundle revision. */
  title: string;
  /** Its first revision's author. */
  author: Address;
  /** Every revision, oldest first. */
  revisions: SeriesRevision[];
  /** Where the lineage stands (`patchlore series` only; pages ask for it apart). */
  status?: LineageStatus | null;
}

/** A posting as lineage listings name it. */
export interface SeriesNeighbour {
  postingId: string;
  threadId: string;
  subject: string;
  /** ms, null when unknown. */
  date: number | null;
  version: number;
  versionInferred: boolean;
  rfc: boolean;
  resend: boolean;
  bundle: boolean;
}

/** One revision of a lineage, as series tables list it. */
export interface SeriesRow extends SeriesNeighbour {
  family: string;
  title: string;
  authorName: string;
  authorEmail: string;
  /** Patches in this posting. */
  patches: number;
  /** Patches of this posting with a Reviewed-by or Acked-by (given, or carried unchanged). */
  reviewed: number;
  nacked: boolean;
  /** The most recent posting of its lineage. */
  latest: boolean;
  /** Postings in its lineage. */
  revisions: number;
  /** Where its lineage stands (the outcome; 'open' until it is computed). */
  state: LineageState;
}

/** A posting started in a thread, placed in its lineage. */
export interface ThreadSeries {
  family: string;
  postingId: string;
  /** The lineage's title. */
  title: string;
  revision: SeriesNeighbour;
  /** Its place in the lineage, from 1, and how many postings the lineage has. */
  position: number;
  count: number;
  previous: SeriesNeighbour | null;
  next: SeriesNeighbour | null;
  /** Every posting of the lineage, oldest first. */
  revisions: SeriesNeighbour[];
}

// ---- discussion ----

/** A statement as `patchlore statements --json` prints it. */
export interface StatementOut {
  /** Key of the message that makes it. */
  messageId: string;
  subject: string;
  /** Its author's name (the address when there is none) and address. */
  author: string;
  email: string;
  /** ISO date, null when unknown. */
  date: string | null;
  text: string;
  /** agreement, objection, proposal, conclusion or answer. */
  kind: string;
  /** The quoted words it answers and who wrote them; null when it answers nothing quoted. When
   *  the quoted words are only a link to a stored message, `refers` names that message. */
  answers: { author: string; email: string; text: string; messageId: string | null; refers?: { messageId: string; subject: string; author: string } } | null;
  confidence: number;
  /** The rule that matched. */
  why: string;
}

/** A verdict as `patchlore verdicts --json` prints it. */
export interface VerdictOut {
  messageId: string;
  author: string;
  email: string;
  date: string | null;
  /** reviewed, acked, tested, nacked, applied, changes-requested. */
  kind: string;
  /** The line that says so. */
  text: string;
  /** The patch or cover letter it is about. */
  target: string | null;
  confidence: number;
  why: string;
}

/** A cross-thread link, resolved: local when the target is in the store. */
export type ThreadLink = LinkRow;

/** Where a lineage stands: its outcome (derived) and the postings a later one replaced. */
export interface LineageStatus extends Omit<LineageOutcome, 'family'> {
  /** Earlier postings a later one replaced. */
  superseded: string[];
  /** What Patchwork says of the latest revision's patches, null when it tracks none (absent where
   *  not asked). */
  patchwork?: PatchworkSummary | null;
  /** What it became in the repositories read; null (or absent) when none reaches it. */
  merged?: LineageMerge | null;
}

// ---- commits ----

/** A commit a patch became, as `patchlore merged`, `series --json` and pages show it (docs/cli.md). */
export interface MergedCommit {
  /** Full hash. */
  commit: string;
  subject: string;
  /** "Name <address>" of the commit's author. */
  author: string;
  /** ISO 8601, UTC. */
  authorDate: string;
  evidence: CommitEvidence;
  /** 0..1 (ingest/commits/link-commits.ts CONFIDENCE). */
  confidence: number;
  /** The first release tag containing it, null when none does yet. */
  release: string | null;
  /** The repository it is in (its name in the store). */
  repo: string;
  /** The patch it came from. */
  messageId: string;
  /** How it differs from that patch: reworded, edited, squashed, split; empty when as posted. */
  forms: LandingForm[];
  /** The commit on the web (the repository's URL template), null without a template. */
  url: string | null;
}

/** Whether one posting (a revision) landed, by its own patches' commits. */
export interface PostingMerge {
  state: MergeState;
  /** Patches with a commit, and patches in all. */
  landed: number;
  patches: number;
}

/** Whether a lineage landed: the state of the revision that landed, which it is, when. */
export interface LineageMerge {
  /** merged / partially-merged: every patch / some patches of the revision that landed have a
   *  commit (counting the same patch landed from another revision); not-merged: none did. */
  state: MergeState;
  landed: number;
  patches: number;
  /** The revision that landed (its posting id), null when none did. */
  landedPosting: string | null;
  /** Every revision with a commit, oldest first. */
  landedPostings: string[];
  /** The first release holding every commit of the lineage, null while one is in none. */
  release: string | null;
  /** Every commit of the lineage, per repository in history order (newest first). */
  commits: MergedCommit[];
}

/** `patchlore merged MSGID`: what a patch, or the lineage of a cover letter, became. */
export interface MergedAnswer {
  /** The message asked about (its key). */
  messageId: string;
  /** patch: the patch's own commits (else those of the same patch, by title, in another revision
   *  of its lineage); lineage: every commit of the lineage. */
  kind: 'patch' | 'lineage';
  family: string | null;
  /** The posting the message is in. */
  postingId: string;
  /** merged: a commit came from it (a patch) or from every patch of the revision that landed;
   *  null when no repository read reaches its lineage. */
  state: MergeState | null;
  /** The revision that landed (posting id) and its label ("v3"), null when none did. */
  landedPosting: string | null;
  landedRevision: string | null;
  /** The first release holding every commit listed, null while one is in none. */
  release: string | null;
  commits: MergedCommit[];
  /** The posting asked about, by its own patches. */
  posting: PostingMerge;
}

/** `patchlore commits REPO`: a read of a repository and its links (docs/cli.md). */
export interface CommitsSummary {
  /** The repository's name in the store and where it was read. */
  repo: string;
  path: string;
  refs: string[];
  /** Commits stored for it, and read by this run (0: nothing new). */
  commits: number;
  read: number;
  /** Whether an earlier read was continued (only commits after its heads were read). */
  incremental: boolean;
  /** Commits with a release tag, release tags known. */
  released: number;
  tags: number;
  /** Commits linked to a posted patch, (commit, patch) links, linked commits by their strongest
   *  evidence. */
  linked: number;
  links: number;
  byEvidence: Record<string, number>;
  /** Lineages that landed in any repository read: merged, partially merged; and those a
   *  repository reaches that did not. */
  lineages: { merged: number; partiallyMerged: number; notMerged: number };
  /** Trailers naming a message no link was made to (not archived, or a reply), as problems. */
  unresolved: number;
  urlTemplate: string | null;
}

// ---- topics ----

/** A revision on a topic's timeline. */
export interface TopicRevision {
  postingId: string;
  /** "v3", "RFC v1", ... (revision-label.ts). */
  label: string;
  date: string | null;
  subject: string;
  threadId: string;
}

/** One entry of a topic's timeline: a series lineage, or a thread that posts no series. */
export interface TopicEntry {
  kind: 'lineage' | 'thread';
  /** Lineage family, or thread id. */
  id: string;
  title: string;
  author: string;
  /** ISO dates of its first and last posting (or message). */
  first: string | null;
  last: string | null;
  revisions: TopicRevision[];
  status: LineageStatus | null;
  /** Messages of it the query found (0 for pinned entries found by no hit). */
  hits: number;
  pinned: boolean;
  /** Threads it spans. */
  threads: string[];
}

// ---- search ----

/** One hit of `patchlore search`. */
export interface SearchHit {
  /** Message key. */
  messageId: string;
  threadId: string;
  subject: string;
  /** "Name <address>" of the sender. */
  from: string;
  /** ISO date, null when unknown. */
  date: string | null;
  /** bm25 (higher is better); 0 when the query has no full-text part to rank by. */
  score: number;
  /** Text around the matches, the matches between MARK_START and MARK_END. */
  snippet: string;
  /** Lists the message was seen on. */
  lists: string[];
  /** The series lineage the message belongs to (docs/cli.md `family`), null for none. */
  family: string | null;
  /** With --collapse: how many hits its thread (or lineage) has. */
  collapsed?: number;
}

/** `patchlore search` (docs/cli.md). */
export interface SearchResult {
  /** The query as given. */
  query: string;
  /** Matching messages. */
  total: number;
  /** With --collapse: matching threads (or lineages). */
  groups?: number;
  sort: 'relevance' | 'date';
  collapse: 'none' | 'thread' | 'series';
  hits: SearchHit[];
}

/** How `patchlore search` is asked. */
export interface SearchOptions {
  /** Hits wanted. */
  limit: number;
  sort: 'relevance' | 'date';
  collapse?: 'none' | 'thread' | 'series';
  /** Anchor of relative dates (ms); now by default. */
  now?: number;
}


/** One message as the static search index needs it. */
export interface SearchDoc {
  /** Its number in the index: the message's store row id. */
  id: number;
  /** Message key. */
  key: string;
  threadId: string;
  subject: string;
  /** "Name <address>" of the sender. */
  author: string;
  /** The sender's display name ('' when none). */
  fromName: string;
  /** ms, null when unknown. */
  date: number | null;
  /** Lists it was seen on, sorted. */
  lists: string[];
  /** The text of each lore search field; null when not read (a result row whose snippet stays). */
  fields: SearchFields | null;
  /** Series lineage (family id) of the message's posting or of its thread, null for none. */
  family: string | null;
  /** "v3 fs/dax: Fix ..." of that lineage's posting, '' for none. */
  seriesTitle: string;
  /** Its facets: [facet, value] pairs (a Patchwork state, merged or not). */
  facets: Array<[string, string]>;
}
