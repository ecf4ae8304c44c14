// The records commands print and pages render, assembled from store rows by the stages' query
// functions (ingest/*/…-queries.ts): a thread as `patchlore thread` lists it, a series lineage
// with its changes, statements and verdicts as printed, a citation, a lineage's status, a topic's
// timeline. Shapes printed with --json follow ../shared/docs/cli.md. Pure types.
import type { ComparedPatch } from './series/compare-revisions.ts';
import type { LinkRow, TrailerRow, MismatchRow } from './store/store-rows.ts';
import type { SearchFields } from './search/query-types.ts';
import type { Address, LineageOutcome, LineageState, RevisionSignal } from './types.ts';

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
  trailers: SeriesTrailer[];
  /** Messages in the thread below this patch (and not below another patch of the posting). */
  replies: number;
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
  /** Where its lineage stands (the lineage outcome). */
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
