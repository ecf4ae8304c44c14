// The rows the store port (store-port.ts) takes and gives: plain typed records, one per question
// or per write, shaped by the tables. Read models built from them (a lineage with its changes, a
// citation) are the stages' (ingest/read-models.ts). Pure types.
import type { StoredPart } from '../message/message-body.ts';
import type { SearchField, SearchFields } from '../search/query-types.ts';
import type {
  Address,
  CommitLink,
  CommitRelease,
  DateSource,
  Diagnostic,
  DiffSummary,
  DiscussionInput,
  GitCommit,
  GitTag,
  LineageMergeOutcome,
  LineageState,
  Origin,
  PatchworkCover,
  PatchworkCursor,
  PatchworkMailRef,
  PatchworkPatch,
  PatchworkProject,
  PatchworkSeries,
  Recovered,
  Posting,
  PostingTrailer,
  Revision,
  RevisionSignal,
  SeriesMessage,
  ThreadDiscussion,
  TrailerMismatch,
  UnresolvedTrailer,
} from '../types.ts';

export type { StoredPart };

// ---- mail ----

/** A raw message already in the store. */
export interface KnownRaw {
  /** Row id of the raw bytes. */
  id: number;
  /** The stored message it is a copy of, null when it could not be parsed. */
  message: number | null;
}

/** One raw message as reindex reads it back. */
export interface RawRow {
  /** Row id of the raw bytes. */
  id: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  /** The bytes as read. */
  bytes: Buffer;
  /** Date of the mbox From_ line of the copy first read, null when none. */
  envelopeDate: string | null;
  /** JSON of the diagnostic that refused the bytes as incomplete, null when whole. */
  refused: string | null;
  /** One place the bytes were read from ('' when none is recorded). */
  source: string;
  locator: string;
}

/** A stored message sharing a Message-ID (imposters are several). */
export interface VariantRow {
  /** Row id. */
  id: number;
  /** Its key: the Message-ID, or an imposter key. */
  key: string;
  /** Hex content hash (ingest/message/content-hash.ts). */
  contentHash: string;
  /** Date in ms, null when unknown. */
  date: number | null;
  /** Who rebuilt its stored content ('patchwork'), null for mail as sent (Message.rebuiltBy). */
  rebuiltBy: string | null;
  /** How it was recovered from an archive page; null for mail as received. */
  recovered: Recovered | null;
}

/** What matching a page copy with a stored message compares (ingest/archive/match-page.ts), and
 *  what a page copy stored under a placeholder ID is found by. */
export interface MessageFacts {
  /** Row id. */
  id: number;
  /** Its key (the Message-ID, an imposter key, or a page copy's placeholder ID). */
  key: string;
  /** Message-ID without angle brackets. */
  messageId: string;
  /** Decoded Subject. */
  subject: string;
  /** Sender. */
  from: Address;
  /** Date in ms, null when unknown. */
  date: number | null;
  /** The Date header as written. */
  dateHeader: string;
  /** How it was recovered from an archive page; null for mail as received. */
  recovered: Recovered | null;
}

/** A stored message's references, as threading reads them. */
export interface ReferencesRow {
  /** Row id. */
  id: number;
  /** Its key. */
  key: string;
  /** Parent candidates, oldest first. */
  references: string[];
  /** The In-Reply-To ID ('' when none). */
  inReplyTo: string;
}

/** A message to store: its columns, its full-text fields and its patch facts. */
export interface MessageRecord {
  /** Node id in threads: the Message-ID, or a provisional key the caller re-keys. */
  key: string;
  /** Message-ID without angle brackets. */
  messageId: string;
  contentHash: string;
  /** True when the Message-ID was derived from the content (the mail had none). */
  syntheticId: boolean;
  /** "Name <address>" of the sender, as lists and search show it. */
  author: string;
  subject: string;
  from: Address;
  to: Address[];
  cc: Address[];
  /** ms since the epoch, UTC; null when unknown. */
  date: number | null;
  dateSource: DateSource;
  /** The Date header as written. */
  dateHeader: string;
  inReplyTo: string;
  /** Parent candidates, oldest first. */
  references: string[];
  /** List-Id header values. */
  listIds: string[];
  /** How it was recovered from an archive page (Message.recovered); null for mail as received. */
  recovered: Recovered | null;
  /** Text parts joined (ingest/message/message-body.ts). */
  body: string;
  /** Where each part is in `body`, and the non-text parts. */
  parts: StoredPart[];
  /** The text of each lore search field. */
  fields: SearchFields;
  /** Who rebuilt this content ('patchwork'), null for mail as sent (Message.rebuiltBy). */
  rebuiltBy: string | null;
}

/** What mining reads of a stored message (MineInput), with its row id. */
export interface MineInputRow {
  /** The message's row id. */
  id: number;
  /** Decoded Subject. */
  subject: string;
  /** Text parts joined, as stored. */
  body: string;
  /** Decoded sender. */
  from: Address;
  /** Whether it names a parent (References or In-Reply-To). */
  isReply: boolean;
}

/** Where a Message-ID or key sits in the thread forest. */
export interface Located {
  /** Node id: the message key (or the ghost's Message-ID). */
  id: string;
  threadId: string;
}

/** The head and text of one stored message. */
export interface MessageHead {
  /** Row id (what the discussion tables refer to). */
  id: number;
  key: string;
  messageId: string;
  subject: string;
  /** Sender's display name ('' when none) and address. */
  fromName: string;
  fromEmail: string;
  /** ms, null when unknown. */
  date: number | null;
  /** The Date header as written ('' when absent): the author's own time zone. */
  dateHeader: string;
  body: string;
}

/** Counts in the store (`patchlore stats`). */
export interface StoreStats {
  messages: number;
  threads: number;
  /** Shown ghosts: referenced messages never seen, with replies under them. */
  ghosts: number;
  /** Lineages. */
  series: number;
  /** Postings. */
  revisions: number;
  statements: number;
  verdicts: number;
  /** Links from messages to other messages. */
  links: number;
  unparsed: number;
  imposters: number;
  /** Messages known only from an archive web page (no original mail stored). */
  recovered: number;
  /** Distinct raw byte sequences. */
  raw: number;
  lists: Array<{ name: string; messages: number }>;
  /** ISO dates of the oldest and newest message, null for an empty store. */
  firstDate: string | null;
  lastDate: string | null;
}

/** One input that could not be parsed. */
export interface UnparsedEntry {
  /** Diagnostic code of the reason. */
  code: string;
  reason: string;
  expected: string | null;
  found: string | null;
  /** Size of the raw bytes. */
  bytes: number;
  /** Every place it was read. */
  seen: Array<{ source: string; locator: string; list: string }>;
}

/** What could not be parsed or placed (`patchlore report`). */
export interface StoreReport {
  unparsed: UnparsedEntry[];
  ghosts: number;
  imposters: number;
  /** Each reused Message-ID with the keys of its variants. */
  imposterIds: Array<{ messageId: string; keys: string[] }>;
  /** Messages known only from archive web pages: how many, by generator, and how many of them
   *  are stored under a placeholder ID (the page damaged or lacked the Message-ID). */
  recovered: { messages: number; placeholders: number; byGenerator: Record<string, number> };
  /** Diagnostics by code (message and source diagnostics). */
  diagnostics: Record<string, number>;
  sourceDiagnostics: Array<{ code: string; message: string; source: string; locator: string; messageId: string }>;
  /** Up to N examples per code. */
  examples: Record<string, Array<{ messageId: string; message: string; found: string | null }>>;
}

// ---- threads ----

/** What a thread summary needs of one stored message. */
export interface ThreadFact {
  /** Row id. */
  id: number;
  subject: string;
  /** Its sender's name, else address. */
  author: string;
  date: number | null;
  /** Lists the message was seen on. */
  lists: string[];
}

/** A thread's summary, for listings. */
export interface ThreadSummary {
  id: string;
  /** The first node in display order. */
  root: string;
  /** Subject of the first message in display order ('' when none). */
  subject: string;
  /** Sender (name, else address) of the first message in display order ('' when none). */
  author: string;
  /** Stored messages. */
  messages: number;
  /** Shown ghosts. */
  ghosts: number;
  /** Oldest and newest message date (ms), null when none is dated. */
  first: number | null;
  last: number | null;
  /** Each list the thread's messages were seen on, with its newest message date there. */
  lists: Array<{ list: string; last: number | null }>;
}

/** A thread as listings show it. */
export interface ThreadRow {
  id: string;
  root: string;
  subject: string;
  /** Who started it: the first message's sender (name, else address). */
  author: string;
  messages: number;
  ghosts: number;
  firstDate: number | null;
  lastDate: number | null;
}

/** A thread in numbers (ThreadTables.versions): equal rows, unchanged thread. */
export interface ThreadVersionRow {
  id: string;
  root: string;
  subject: string;
  messages: number;
  ghosts: number;
  firstDate: number | null;
  lastDate: number | null;
  /** Sums of its messages' row ids and places in the thread, and of its nodes' ids' lengths. */
  idSum: number;
  ordSum: number;
  keyChars: number;
  /** Lists of its messages: (message, list) sightings, and the thread's lists. */
  listings: number;
  lists: string;
}

/** A stored message as pages show it. */
export interface MessageRow {
  /** Store row id (what the discussion tables refer to). */
  rowId: number;
  key: string;
  messageId: string;
  imposter: boolean;
  subject: string;
  fromName: string;
  fromEmail: string;
  date: number | null;
  /** The Date header as written ('' when absent). */
  dateHeader: string;
  body: string;
  parts: StoredPart[];
  /** Lists it was seen on, sorted. */
  lists: string[];
  /** How it was recovered from an archive page; null for mail as received. */
  recovered: Recovered | null;
}

/** A shown node of a thread, with its message when it is not a ghost. */
export interface NodeRow {
  id: string;
  ghost: boolean;
  parent: string | null;
  depth: number;
  message: MessageRow | null;
}

/** A shown message of a thread as patch roles need it. */
export interface RoleNodeRow {
  /** Message key. */
  key: string;
  subject: string;
  /** Its parent node, null for a root. */
  parent: string | null;
  /** Reuses the Message-ID of another message. */
  imposter: boolean;
  /** Sender's address. */
  fromEmail: string;
}

/** A node as reply counting needs it. */
export interface NodeLink {
  id: string;
  parent: string | null;
  ghost: boolean;
}

/** A list with its counts. */
export interface ListRow {
  name: string;
  messages: number;
  threads: number;
  lastDate: number | null;
}

/** A threaded message, for /m/ pages. */
export interface MessageIndexRow {
  /** Row id. */
  id: number;
  key: string;
  messageId: string;
  threadId: string;
  subject: string;
  author: string;
  date: number | null;
  imposter: boolean;
}

// ---- series ----

/** The series stage's input: a threaded message with its patch facts. */
export type SeriesInputRow = SeriesMessage;

/** Postings of some threads as the series stage grouped them, to store in place of others. */
export interface PostingsWrite {
  /** The postings, each with the key its author's postings are found by (link-revisions.ts:
   *  authorKey). */
  postings: Array<{ posting: Posting; authorKey: string; foundUnder: string[]; poolKeys: string[] }>;
  /** Their trailers collected from the patches and replies (not carried ones), in order. */
  trailers: PostingTrailer[];
  mismatches: TrailerMismatch[];
}

/** A patch or cover letter at the root of its thread, as stored (`rootMessages`). */
export interface RootMessageRow {
  key: string;
  threadId: string;
  /** The From address as stored. */
  fromEmail: string;
  date: number | null;
}

/** A dated thread root kept for grouping mail sent without threading
 *  (ingest/series/grouping-scope.ts). */
export interface SeriesRootRow {
  /** Message key. */
  key: string;
  /** The sender as the series stage compares senders. */
  sender: string;
  /** Date in ms. */
  date: number;
}

/** A kept thread root with the thread its message is in now. */
export interface LocatedRootRow extends SeriesRootRow {
  threadId: string;
}

/** A revision of a lineage with its posting. */
export interface RevisionRow {
  /** Posting id. */
  id: string;
  threadId: string;
  author: Address;
  date: number | null;
  /** Version as tagged ("3", "5.1"), null when untagged. */
  versionTag: string | null;
  rfc: boolean;
  resend: boolean;
  bundle: boolean;
  total: number | null;
  title: string;
  subject: string;
  coverKey: string | null;
  /** Version as tagged or inferred. */
  version: number;
  versionInferred: boolean;
  linkFrom: string | null;
  forkedFrom: string | null;
  signal: RevisionSignal | null;
  confidence: number;
}

/** A patch of a posting. */
export interface PatchRow {
  key: string;
  index: number;
  total: number;
  subject: string;
  title: string;
  fingerprint: string;
}

/** A stored trailer (the posting and patch are the question's). */
export type TrailerRow = Omit<PostingTrailer, 'postingId' | 'patchKey'>;

/** A stored trailer mismatch (the posting is the question's). */
export type MismatchRow = Omit<TrailerMismatch, 'postingId'>;

/** One revision of a lineage as series tables list it, before grouping by lineage. */
export interface SeriesTableRow {
  family: string;
  postingId: string;
  threadId: string;
  title: string;
  subject: string;
  authorName: string;
  authorEmail: string;
  date: number | null;
  version: number;
  versionInferred: boolean;
  rfc: boolean;
  resend: boolean;
  bundle: boolean;
  /** Patches in the posting. */
  patches: number;
  /** Patches with a Reviewed-by or Acked-by (given, or carried unchanged). */
  reviewed: number;
  /** Whether any patch has a Nacked-by. */
  nacked: boolean;
  /** Where its lineage stands ('open' until the outcome derivation ran). */
  state: LineageState;
}

/** A posting of a lineage, as neighbours are listed. */
export interface NeighbourRow {
  family: string;
  postingId: string;
  threadId: string;
  subject: string;
  title: string;
  coverKey: string | null;
  /** Patches announced, null for an unnumbered single patch. */
  total: number | null;
  /** Patches in the posting. */
  patches: number;
  date: number | null;
  version: number;
  versionInferred: boolean;
  rfc: boolean;
  resend: boolean;
  bundle: boolean;
}

/** A posting with its lineage and where it is. */
export interface PostingFamilyRow {
  id: string;
  family: string;
  cover: string | null;
  thread: string;
  title: string;
  /** Version as tagged, null when untagged. */
  tag: string | null;
  rfc: boolean;
}

/** Figures over every lineage (scripts/series-report.ts). */
export interface SeriesFigures {
  postings: number;
  lineages: number;
  /** Lineages with two postings or more. */
  multiPosting: number;
  /** Postings in the largest lineage. */
  largest: number;
  resends: number;
  bundles: number;
  forks: number;
  /** Revisions whose version was inferred. */
  inferred: number;
  /** Links by signal, most used first, with the lowest confidence given. */
  signals: Array<{ signal: string; n: number; minConfidence: number }>;
  /** Lineages whose postings have several author addresses, with the signals linking them. */
  severalAuthors: Array<{ family: string; authors: string[]; signals: string[] }>;
  mismatches: number;
  trailersBySource: Array<{ source: string; n: number }>;
}

// ---- discussion ----

/** A thread whose discussion is computed: its message count and id sum identify the messages it
 *  was computed from. */
export interface PendingThread {
  id: string;
  messages: number;
  idSum: number;
}

/** A message as the discussion stage reads it. */
export type DiscussionInputRow = DiscussionInput;

/** One thread's discussion rows. */
export type DiscussionRecords = ThreadDiscussion;

/** A statement with its message. */
export interface StatementRow {
  /** Key of the message that makes it. */
  messageId: string;
  subject: string;
  /** Sender's display name ('' when none) and address. */
  author: string;
  email: string;
  /** ms, null when unknown. */
  date: number | null;
  text: string;
  kind: string;
  /** What it answers (a quoted sentence) and who wrote that; null when nothing. */
  answersText: string | null;
  answersName: string | null;
  answersEmail: string | null;
  answersKey: string | null;
  confidence: number;
  /** The rule that matched. */
  why: string;
}

/** A statement's place in its message, for thread pages. */
export interface StatementSpanRow extends Omit<StatementRow, 'messageId' | 'subject' | 'author' | 'email' | 'date'> {
  /** Row id of the message. */
  message: number;
  /** Character offsets in the message's body. */
  from: number;
  to: number;
}

/** A verdict with its message. */
export interface VerdictRow {
  /** Key of the message that gives it. */
  messageId: string;
  /** Who gave it. */
  author: string;
  email: string;
  date: number | null;
  kind: string;
  /** The line that says so. */
  text: string;
  /** The patch or cover letter it is about. */
  target: string | null;
  confidence: number;
  why: string;
}

/** Who wrote a quoted block of a message. */
export interface QuoteSourceRow {
  /** Row id of the quoting message. */
  message: number;
  /** Character offsets of the block in the quoting message's body. */
  from: number;
  to: number;
  depth: number;
  /** Key of the quoted message, null when not archived. */
  sourceKey: string | null;
  authorName: string;
  authorEmail: string;
  /** How it was found (ancestor, thread, attribution line). */
  how: string;
}

/** A cross-thread link, resolved: local when the target is in the store. */
export interface LinkRow {
  /** The citing message. */
  from: string;
  fromAuthor: string;
  /** The cited Message-ID. */
  target: string;
  /** The thread holding the target and its key there, when it is in the store. */
  targetThread: string | null;
  targetKey: string | null;
  targetSubject: string | null;
  /** The thread of the citing message. */
  fromThread: string;
  fromSubject: string;
}

/** A verdict on a member of one of a lineage's postings. */
export interface LineageVerdictRow {
  posting: string;
  kind: string;
  name: string;
  email: string;
  text: string;
  /** Key of the message that gives it. */
  messageId: string;
  date: number | null;
  /** That message's Date header as written ('' when absent). */
  dateHeader: string;
}

// ---- search ----

/** A word or phrase of a query, resolved against the index's words. */
export type MatchTerm =
  /** Any of these words (a word and the other words of its stem, or one exact word). */
  | { kind: 'words'; fields: readonly SearchField[]; words: string[] }
  /** These words adjacent, in order; with lastIsPrefix the last is any word starting so. */
  | { kind: 'phrase'; fields: readonly SearchField[]; words: string[]; lastIsPrefix: boolean }
  /** Every word starting so. */
  | { kind: 'prefix'; fields: readonly SearchField[]; word: string }
  /** Nothing (a term without a word, e.g. "--"). */
  | { kind: 'nothing' };

/** A query in engine-neutral form: the search stage builds it from a parsed query; an engine
 *  runs it. */
export type SearchPlan =
  | { kind: 'text'; term: MatchTerm }
  /** from <= date < to, ms; null = open. */
  | { kind: 'date'; from: number | null; to: number | null }
  /** Messages whose facet has one of these values (message_facets). */
  | { kind: 'facet'; facet: string; values: string[] }
  | { kind: 'and'; children: SearchPlan[] }
  | { kind: 'or'; children: SearchPlan[] }
  | { kind: 'not'; child: SearchPlan };

/** How hits are ordered and grouped. */
export interface FindOptions {
  /** Hits wanted (0: only count). */
  limit: number;
  /** Newest first instead of by relevance (always, when nothing ranks). */
  byDate: boolean;
  /** One hit per thread or lineage. */
  collapse: 'none' | 'thread' | 'series';
  /** How much a match in each field counts in the relevance rank. */
  weights: Readonly<Record<SearchField, number>>;
}

/** One hit. */
export interface HitRow {
  /** Row id. */
  id: number;
  key: string;
  threadId: string | null;
  subject: string;
  author: string;
  date: number | null;
  /** Engine score, lower is better (bm25 in SQLite); 0 when nothing ranks. */
  rank: number;
  /** With collapse=series: the hit's lineage. */
  family: string | null;
  /** With collapse: hits in its group. */
  collapsed: number;
}

/** Hits and counts. */
export interface FindResult {
  rows: HitRow[];
  /** Matching messages. */
  total: number;
  /** With collapse: matching groups. */
  groups?: number;
}

/** What a hit shows beyond its row. */
export interface HitDetailRow {
  messageId: string;
  to: Address[];
  cc: Address[];
  body: string;
  parts: StoredPart[];
  lists: string[];
  /** Its lineage when asked for, else null. */
  family: string | null;
}

/** A threaded message as the static search index reads it. */
export interface DocumentRow {
  /** Row id: the message's number in the static search index. */
  id: number;
  key: string;
  messageId: string;
  threadId: string;
  subject: string;
  author: string;
  fromName: string;
  to: Address[];
  cc: Address[];
  date: number | null;
  body: string;
  parts: StoredPart[];
  lists: string[];
  /** Its facets: [facet, value] pairs. */
  facets: Array<[string, string]>;
}

// ---- commits ----

/** A git repository read by `patchlore commits`, as stored. */
export interface RepositoryRow {
  /** Its name in the store (`--name`; by default the directory's, without ".git"). */
  name: string;
  /** Where it was last read (an absolute path). */
  path: string;
  /** A commit's web address, `%H` (or `{commit}`) standing for the hash; null when none given. */
  urlTemplate: string | null;
  /** The refs read (branches, tags, commits). */
  refs: string[];
  /** Each ref read and the commit it pointed at: where the next read starts. */
  heads: Record<string, string>;
  /** The release tags the last read saw, in version order. */
  tags: GitTag[];
  /** When it was last read, ms since the epoch. */
  readAt: number;
}

/** One read of a repository, stored in one transaction. */
export interface RepositoryRead {
  repo: RepositoryRow;
  /** Commits the store does not hold yet, newest first (git log order): they go before the ones
   *  stored. */
  commits: GitCommit[];
  /** Tags whose release assignments stay; assignments to any other tag are dropped and
   *  `releases` stored (GitHistory.keptTags). */
  keptTags: string[];
  /** First release of commits, new or reassigned. */
  releases: CommitRelease[];
}

/** What commit linking reads of one patch of a posting. */
export interface PostedPatchRow {
  /** The patch message's key. */
  key: string;
  posting: string;
  /** The posting's lineage: the one it starts, else the first by id (as `patchlore series`). */
  family: string;
  /** The posting's version in that lineage. */
  version: number;
  /** Position in the posting, from 1, and patches announced. */
  index: number;
  total: number;
  /** Subject without tags (PostingPatch.title). */
  title: string;
  /** The sender. */
  from: Address;
  /** The message's date, ms; null when unknown. */
  date: number | null;
  /** The first characters of its text (as many as asked for): in-body From:, Date:, Subject:. */
  bodyHead: string;
  /** Its diff (PatchMeta.diff): files and patch-id; null when it has none. */
  diff: DiffSummary | null;
}

/** A commit link as stored: a link of one repository's history. */
export interface CommitLinkRecord extends CommitLink {
  /** The repository's name. */
  repo: string;
}

/** A trailer that resolved to nothing, in one repository's history. */
export interface UnresolvedRecord extends UnresolvedTrailer {
  repo: string;
}

/** Whether a lineage landed, as stored (its commits are its links'). */
export type LineageMergeRow = Omit<LineageMergeOutcome, 'commits'>;

/** The commit-link derivation's output, stored whole. */
export interface CommitLinkRecords {
  /** Every link, per repository in history order (newest commit first). */
  links: CommitLinkRecord[];
  unresolved: UnresolvedRecord[];
  /** One per lineage in reach of a repository read (see commit-outcome.ts). */
  merges: LineageMergeRow[];
}

/** A commit link with what readers show of the commit. */
export interface CommitLinkRow extends CommitLinkRecord {
  subject: string;
  author: Address;
  /** ms since the epoch. */
  authorDate: number;
  commitDate: number;
  /** The first release tag containing the commit, null when none does yet. */
  release: string | null;
  /** The repository's commit URL template (RepositoryRow.urlTemplate). */
  urlTemplate: string | null;
}

/** Counts of one repository's history and links (`patchlore commits`). */
export interface CommitCounts {
  /** Commits stored. */
  commits: number;
  /** Commits with a release. */
  released: number;
  /** Commits linked to at least one patch. */
  linked: number;
  /** (commit, patch) links. */
  links: number;
  /** Linked commits by the strongest evidence of their links. */
  byEvidence: Record<string, number>;
  /** Trailers naming a message no link was made to. */
  unresolved: number;
}

// ---- derivations ----

/** What a derivation was computed from (ingest/derive/). */
export interface DerivationStamp {
  /** The derivation's version when it ran. */
  version: number;
  /** The mail generation it saw. */
  generation: number;
  /** Fingerprint of its inputs outside the mail (a file, a repository), '' for none. */
  external: string;
}

// ---- Patchwork (primary data: what a Patchwork server said, kept by reindex) ----

/** What one Patchwork sync read, written at once with where the next sync starts. */
export interface PatchworkWrite {
  /** Base URL of the server, without a trailing slash. */
  server: string;
  /** The project's id on the server. */
  projectId: number;
  /** The project, when this run read it (a full read); null keeps the stored one. */
  project: PatchworkProject | null;
  /** The API version it was read with. */
  apiVersion: string;
  patches: readonly PatchworkPatch[];
  covers: readonly PatchworkCover[];
  series: readonly PatchworkSeries[];
  /** Where the next sync starts; null keeps the stored one. */
  cursor: PatchworkCursor | null;
  /** When it was read, ms. */
  at: number;
}

/** A patch whose state differs from the one stored before. */
export interface PatchworkStateChange {
  server: string;
  /** Patch id on the server. */
  id: number;
  messageId: string;
  /** State slugs: stored before, and read now. */
  from: string;
  to: string;
  /** When the new state was read, ms. */
  at: number;
}

/** A stored Patchwork patch, with its project. */
export interface PatchworkPatchRow {
  patch: PatchworkPatch;
  /** Its project's id on the server, and link name now (a renamed project keeps its id). */
  projectId: number;
  project: string;
  /** The project's commit URL template ("https://git.kernel.org/...?id={}"), '' when none. */
  commitUrlFormat: string;
  /** When patchlore first read the patch in its current state, ms. */
  stateSince: number;
}

/** A stored Patchwork project. */
export interface PatchworkProjectRow {
  server: string;
  project: PatchworkProject;
  apiVersion: string;
  /** When it was last read, ms. */
  readAt: number;
  /** Its stored patches by state slug. */
  states: Record<string, number>;
}

/** A Patchwork cover letter with the Message-IDs of its series' patches (its series as Patchwork
 *  grouped it). */
export interface PatchworkCoverRow {
  messageId: string;
  server: string;
  patchMessageIds: string[];
}

/** A message a stored Patchwork record names that no stored message carries. */
export interface PatchworkMailRow extends PatchworkMailRef {
  server: string;
  /** The mail's date as Patchwork has it, ms; null when unknown. */
  date: number | null;
}

export type { Diagnostic, Origin };
