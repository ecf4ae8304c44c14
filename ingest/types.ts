// The records that cross stage boundaries in the ingest pipeline, in the order they appear:
// RawMessage (bytes + where they came from) -> ParseOutcome (Message or Unparsed) -> the store ->
// ThreadInput -> ThreadNode. Stages exchange only these; nothing here does any work.

/** A stable code for a diagnostic. Codes are part of the report format: add, never rename. */
export type DiagnosticCode =
  // reading containers
  | 'mbox/preamble' // bytes before the first "From " line of an mbox
  | 'mbox/content-length' // a Content-Length header did not delimit the message; fell back to "From " lines
  | 'mbox/truncated' // the input ended in the middle of a message or compressed stream
  | 'source/unreadable' // a file or directory could not be read
  | 'source/unknown-format' // a file is neither mail nor a container of mail
  | 'epoch/deletion' // a public-inbox epoch commit removed a message
  | 'epoch/not-a-message' // an epoch commit whose blob is not a message
  // parsing one message
  | 'mail/empty' // nothing but whitespace
  | 'mail/no-headers' // no header block: not a mail message
  | 'mail/parse-failed' // the MIME parser gave up
  | 'mail/too-large' // over MAX_MESSAGE_BYTES; kept raw, not parsed
  | 'mid/missing' // no Message-ID: a synthetic one was derived from the content
  | 'mid/unbracketed' // Message-ID without angle brackets; taken as written
  | 'mid/multiple' // several Message-IDs; the first is used
  | 'mid/too-long' // an ID over MAX_MESSAGE_ID_LENGTH was truncated
  | 'ref/junk' // In-Reply-To/References held something that is not an ID (y, n, an address)
  | 'date/missing' // no usable Date header
  | 'date/unparseable' // a Date header that could not be read at all
  | 'date/repaired' // a Date header read with a repair (2- or 3-digit year, no zone, bad zone)
  | 'date/fallback' // the date came from Received or the mbox From line instead of Date
  | 'charset/unknown' // a declared charset no decoder knows; decoded as UTF-8 or Latin-1
  | 'header/raw-8bit' // a header with raw 8-bit bytes (not RFC 2047); decoded as UTF-8 or Latin-1
  | 'store/imposter' // a different message reusing a Message-ID already seen
  | 'series/overrides' // the manual lineage file (content/series-links.json) could not be used
  | 'thread/cycle' // a reference that would make a message its own ancestor was ignored
  | 'thread/self-reference'; // a message that references itself

/** Something wrong or repaired in the input. Bad mail is data: stages return these, never throw. */
export interface Diagnostic {
  /** Stable machine-readable code. */
  code: DiagnosticCode;
  /** One human sentence: what was found and what was done about it. */
  message: string;
  /** The input the problem came from (file, directory or repository path). */
  source?: string;
  /** Where inside the source: byte offset in an mbox, file name in a maildir, commit in an epoch. */
  locator?: string;
  /** The Message-ID concerned, when one is known. */
  messageId?: string;
  /** What a well-formed input would have had here. */
  expected?: string;
  /** What was actually there (truncated to DIAGNOSTIC_FOUND_MAX characters). */
  found?: string;
}

/** Where one copy of a raw message was read from. */
export interface Origin {
  /** The input as given, made absolute: an mbox file, a maildir, a .eml, a git epoch. */
  source: string;
  /** Position inside the source: `@<byte offset>` in an mbox (of the decompressed stream),
   *  a relative file name in a maildir or directory, a commit id in a git epoch. */
  locator: string;
  /** The mailing list this copy was delivered by ('' when unknown). */
  list: string;
}

/** One message's bytes exactly as stored in the source (mbox From_ line removed, >From unquoted). */
export interface RawMessage {
  kind: 'raw';
  /** The message as received. Never edited after this point. */
  bytes: Uint8Array;
  /** Where these bytes came from. */
  origin: Origin;
  /** The date written on the mbox "From " line, when there was one (for date fallback). */
  envelopeDate: string | null;
}

/** A name and address from From/To/Cc, decoded. */
export interface Address {
  /** Display name, decoded from RFC 2047 ('' when absent). */
  name: string;
  /** Address, lower-cased domain ('' when absent or unparseable). */
  email: string;
}

/** Which header a message's date was taken from. */
export type DateSource = 'date' | 'received' | 'envelope' | 'none';

/** A MIME part worth showing: text parts are decoded; other parts are described only. */
export type MessagePart =
  | {
      kind: 'text';
      /** Decoded text (LF line endings). */
      text: string;
      /** Attachment file name, '' for the inline body. */
      filename: string;
      /** Declared content type, e.g. text/x-patch. */
      contentType: string;
    }
  | {
      kind: 'binary';
      /** Attachment file name ('' when none was given). */
      filename: string;
      /** Declared content type. */
      contentType: string;
      /** Decoded size in bytes. */
      size: number;
    };

/** A message normalized from its raw bytes: everything later stages need, nothing they derive. */
export interface Message {
  /** Message-ID without angle brackets; synthetic (see syntheticMessageId) when the mail had none. */
  messageId: string;
  /** True when messageId was derived from the content because the header was missing. */
  syntheticId: boolean;
  /** Hex SHA-256 of the raw bytes. Identical bytes are the same copy. */
  rawHash: string;
  /** Hex SHA-256 of the content that survives re-delivery (see content-hash.ts). Same content,
   *  same message, even when transport headers differ. */
  contentHash: string;
  /** Decoded Subject ('' when absent). */
  subject: string;
  /** Decoded sender. */
  from: Address;
  /** Decoded To addresses. */
  to: Address[];
  /** Decoded Cc addresses. */
  cc: Address[];
  /** Milliseconds since the epoch, UTC; null when no source gave a date. */
  date: number | null;
  /** Which header gave `date`. */
  dateSource: DateSource;
  /** The Date header exactly as written (unfolded), '' when absent. */
  dateHeader: string;
  /** Parent candidates in order, oldest first: References, then In-Reply-To if not already
   *  there; without this message's own ID, junk, or duplicates. The last one is the parent. */
  references: string[];
  /** The first ID of In-Reply-To, '' when none. */
  inReplyTo: string;
  /** List names from List-Id headers (e.g. "nvdimm.lists.linux.dev"). */
  listIds: string[];
  /** The message's parts: inline text first, then attachments. */
  parts: MessagePart[];
  /** Problems met while normalizing; the message is still usable. */
  diagnostics: Diagnostic[];
}

/** A raw message that could not be turned into a Message. Kept raw, listed by `report`. */
export interface Unparsed {
  /** Hex SHA-256 of the raw bytes. */
  rawHash: string;
  /** Why it could not be parsed. */
  reason: Diagnostic;
}

/** What the parse stage made of one RawMessage. */
export type ParseOutcome =
  | { kind: 'message'; message: Message }
  | { kind: 'unparsed'; unparsed: Unparsed };

/** The little the threader needs of a stored message. */
export interface ThreadInput {
  /** The message's node id: its Message-ID, or its imposter key (see variant-keys.ts). */
  key: string;
  /** Parent candidates, oldest first (Message.references). */
  references: readonly string[];
  /** Date in ms, null when unknown (sorts last). */
  date: number | null;
}

/** One node of a thread forest: a stored message or a ghost (referenced but never seen). */
export interface ThreadNode {
  /** Message key for a message, Message-ID for a ghost. */
  id: string;
  /** True when no message with this ID is stored. */
  ghost: boolean;
  /** Thread this node belongs to (see thread-messages.ts for how it is named). */
  threadId: string;
  /** Parent node id, null for a root. */
  parent: string | null;
  /** 0 for a root. */
  depth: number;
  /** Position of this node in the thread's depth-first display order, from 0. Hidden nodes: -1. */
  order: number;
  /** False for childless ghosts: they join the thread but are not displayed. */
  shown: boolean;
}

/** The threading of a set of messages. */
export interface Threading {
  /** Every node of every thread touched, messages and ghosts. */
  nodes: ThreadNode[];
  /** Links that were refused (cycles, self-references). */
  diagnostics: Diagnostic[];
}

/** Counts one import run reports; read = stored + duplicates + unparsed, always. */
export interface ImportSummary {
  /** Messages (and unreadable chunks) read from the inputs. */
  read: number;
  /** New messages added to the store (imposters included). */
  stored: number;
  /** Messages whose content was already stored (byte-identical or re-delivered). */
  duplicates: number;
  /** Of `duplicates`, how many were byte-identical to a stored copy. */
  identical: number;
  /** Inputs that could not be parsed; kept raw. */
  unparsed: number;
  /** Of `stored`, messages reusing a Message-ID with different content. */
  imposters: number;
  /** Problems met (source problems as found, message problems as their batch is stored). */
  diagnostics: Diagnostic[];
  /** Where the time went, for benchmarks: patch mining, storing its results, linking series,
   *  extracting the discussion (quotes, statements, verdicts, links). */
  timings?: { mineMs: number; patchStoreMs: number; seriesMs: number; discussionMs: number };
}

/** What a source reader yields: a raw message to parse, or a problem with the source itself. */
export type SourceItem =
  | {
      kind: 'raw';
      /** The message as read. */
      raw: RawMessage;
      /** Problems met cutting it out of its container. */
      diagnostics: Diagnostic[];
      /** When set, the message is known to be incomplete (truncated input): keep it raw,
       *  unparsed, with this reason, instead of importing it as if whole. */
      refuse: Diagnostic | null;
      /** For a git epoch: the epoch and commit to remember once this message is stored, so the
       *  next import of the epoch starts after it. */
      checkpoint?: { epoch: string; commit: string };
    }
  | { kind: 'diagnostic'; diagnostic: Diagnostic };

/** Progress of reading, in bytes of input consumed. Readers add to both fields as they go. */
export interface ReadProgress {
  /** Bytes consumed so far (compressed bytes for gzip input). */
  done: number;
  /** Bytes known to exist (grows as sources are opened). */
  total: number;
}

// ---- Series: postings of patch series, their revisions, their trailers ----

/** A message as the series stage sees it. */
export interface SeriesMessage {
  /** Message key (Message-ID, or imposter key). */
  key: string;
  /** Thread it belongs to. */
  threadId: string;
  /** Parent node in its thread (a message key or a ghost's Message-ID), null for a root. */
  parent: string | null;
  /** Date in ms, null when unknown. */
  date: number | null;
  from: Address;
  subject: string;
  /** Patch facts of the message (ingest/patch/mine-patch.ts). */
  meta: import('./patch/mine-patch.ts').PatchMeta;
}

/** One patch of a posting. */
export interface PostingPatch {
  key: string;
  /** Position in the posting, from 1; a single patch is 1 of 1. */
  index: number;
  total: number;
  subject: string;
  /** Subject title without tags. */
  title: string;
  /** Fingerprint of the diff (parse-diff.ts), '' for none. */
  fingerprint: string;
}

/** One posting of a series: the cover letter (if any) and patches sent together. */
export interface Posting {
  /** The cover letter's key, else the first patch's. */
  id: string;
  threadId: string;
  author: Address;
  date: number | null;
  /** Version as tagged ("3", "5.1"), null when untagged. */
  version: string | null;
  rfc: boolean;
  resend: boolean;
  /** A PATCHSETS bundle of several series: its version is the bundle's, not the series'. */
  bundle: boolean;
  /** Patches announced (N of "k/N"), null for an unnumbered single patch. */
  total: number | null;
  /** Bracket words besides PATCH syntax ("net-next", "ndctl"). */
  prefixes: string[];
  /** The posting's title: the cover letter's, else the first patch's. */
  title: string;
  subject: string;
  coverKey: string | null;
  /** How the cover letter was recognized. */
  cover: 'numbered' | 'diffstat' | 'naked' | null;
  patches: PostingPatch[];
  /** "change-id:" of the cover or patches. */
  changeId: string | null;
  /** Message-IDs the cover letter and patches point at on lines about versions ("v2: <url>"). */
  links: string[];
  /** Versions its changelog says it changes from. */
  changelogFrom: number[];
  /** Parent of the cover (or first patch) when outside the posting: sent in reply to it. */
  inReplyTo: string | null;
}

/** How a posting was linked to the previous one of its lineage, strongest first. */
export type RevisionSignal = 'manual' | 'change-id' | 'changelog-link' | 'in-reply-to' | 'changelog' | 'subject' | 'patch-id';

/** One posting's place in its lineage. */
export interface Revision {
  postingId: string;
  /** Lineage id: the earliest posting's id. */
  family: string;
  /** Version number: as tagged, else inferred (changelog, order in the lineage); RFCs without a
   *  number count as the version they precede. */
  version: number;
  versionInferred: boolean;
  /** The earlier posting this one was linked to, null for the first. */
  linkFrom: string | null;
  /** For the first posting of a lineage split off another one (a series divided in two: both
   *  halves continue the numbering), the posting of the other lineage it continues. */
  forkedFrom: string | null;
  signal: RevisionSignal | null;
  confidence: number;
}

/** A trailer of one patch of a posting. */
export interface PostingTrailer {
  postingId: string;
  patchKey: string;
  name: string;
  person: string;
  email: string;
  value: string;
  /** patch: in the patch itself; reply: a reply to the patch; cover: a reply to the cover letter
   *  (applies to every patch); carried: from an earlier revision of an unchanged patch. */
  source: 'patch' | 'reply' | 'cover' | 'carried';
  /** The message that gave it. */
  messageId: string;
}

/** A person-trailer whose person is not the sender of the reply that gave it. */
export interface TrailerMismatch {
  postingId: string;
  messageId: string;
  name: string;
  value: string;
  sender: string;
}

// ---- Commits: which posted patches a git history took in, as which commits ----

/** One commit read from a git repository (ingest/commits/read-git-history-fs.ts). */
export interface GitCommit {
  /** Full commit hash. */
  hash: string;
  /** Parent hashes, first parent first; two or more for a merge. */
  parents: string[];
  /** Hash of the tree it records: a rewrite of the message only (filter-branch --msg-filter)
   *  keeps it. */
  tree: string;
  /** Author as recorded (git am takes it from the mail's From, or an in-body From: line). */
  author: Address;
  /** Author date, ms since the epoch, UTC (git am takes it from the mail's Date). */
  authorDate: number;
  /** Who applied it. */
  committer: Address;
  /** Commit date, ms since the epoch, UTC: when it was applied, or last rebased. */
  commitDate: number;
  /** Subject: the message's first paragraph on one line, as `git log --format=%s` gives it. */
  subject: string;
  /** The whole message, trailers included. */
  message: string;
  /** Paths the commit changes against its first parent (new paths of renames); empty for merges. */
  files: string[];
  /** `git patch-id --stable` of its diff; null for merges and empty commits, which git gives no
   *  id. */
  patchId: string | null;
}

/** A release tag and the commit it points at (peeled). */
export interface GitTag {
  /** Tag name without refs/tags/ ("v6.8-rc1", "v81"). */
  name: string;
  /** The commit it names. */
  commit: string;
}

/** What an earlier read of a repository saw, so the next reads only what is new. */
export interface GitHistoryState {
  /** Each ref read and the commit it pointed at then. */
  heads: Record<string, string>;
  /** The release tags then, in version order. */
  tags: GitTag[];
}

/** The first release tag containing a commit. */
export interface CommitRelease {
  commit: string;
  /** Tag name. */
  tag: string;
}

/** What one read of a repository found (ingest/commits/read-git-history-fs.ts). */
export interface GitHistory {
  /** Commits reachable from the refs read and not from the heads of the earlier read, newest
   *  first (git log order). */
  commits: GitCommit[];
  /** Each ref read and the commit it points at now: the next read's `heads`. */
  heads: Record<string, string>;
  /** Release tags now, in version order: the next read's `tags`. */
  tags: GitTag[];
  /** How many of `tags` (from the first) keep the release assignments of the earlier read;
   *  assignments to every later tag are void and replaced by `releases`. */
  keptTags: number;
  /** First release of each commit whose first release is one of tags[keptTags..], and of new
   *  commits whose first release is an earlier tag. Covers every commit the tags contain,
   *  whether the refs read reach it or not. */
  releases: CommitRelease[];
}

/** A posted patch as commit linking sees it (ingest/commits/read-commit-inputs-fs.ts). */
export interface PostedPatch {
  /** The patch message's key. */
  messageId: string;
  /** The posting it was sent in (Posting.id). */
  postingId: string;
  /** Its posting's lineage (Revision.family). */
  family: string;
  /** Its posting's version in the lineage (Revision.version). */
  version: number;
  /** Position in the posting, from 1. */
  index: number;
  /** Patches in the posting. */
  total: number;
  /** What git am would make the commit subject: the in-body Subject:, else the subject without
   *  its tags. */
  title: string;
  /** What git am would record as author: an in-body From: line, else the sender. */
  author: Address;
  /** What git am would record as author date (an in-body Date:, else the message's), ms; null
   *  when unknown. */
  authorDate: number | null;
  /** When it was posted (the message's date), ms; null when unknown. */
  postedAt: number | null;
  /** `git patch-id --stable` of its diff (ingest/commits/patch-id.ts); null without one. */
  patchId: string | null;
  /** Paths its diff changes (both paths of a rename). */
  files: string[];
}

/** A cover letter, for trailers that name one. */
export interface PostedCover {
  messageId: string;
  /** The posting it opens. */
  postingId: string;
}

/** The evidence a commit was linked to a posted patch by, strongest first. */
export type CommitEvidence = 'trailer' | 'patch-id' | 'subject';

/** How a commit differs from the patch it was linked to. */
export type LandingForm =
  | 'reworded' // the subject was changed
  | 'edited' // the diff was changed (patch-ids differ)
  | 'squashed' // several patches of the posting became this one commit
  | 'split'; // the patch (one mail holding several) became several commits

/** A commit and one posted patch it came from. */
export interface CommitLink {
  /** Commit hash. */
  commit: string;
  /** The patch message. */
  messageId: string;
  /** The patch's posting and lineage. */
  postingId: string;
  family: string;
  /** The strongest evidence found. */
  evidence: CommitEvidence;
  /** 0..1: 1 for a trailer naming the patch, 0.99 for an equal patch-id, less for subject,
   *  author and date (see link-commits.ts). */
  confidence: number;
  /** What was compared, kept for review. */
  match: CommitMatch;
  /** How the commit differs from the patch; empty when it landed as posted. */
  forms: LandingForm[];
}

/** The facts behind a link. */
export interface CommitMatch {
  /** The trailer line naming the patch (or its cover letter), null when none did. */
  trailer: string | null;
  /** Whether the patch-ids are equal; null when either side has none. */
  patchId: boolean | null;
  /** Similarity of the commit subject and the patch title, 0..1 (1: the same words). */
  title: number;
  /** How the authors matched: same address, same name, or not. */
  author: 'email' | 'name' | null;
  /** Commit author date minus the patch's author date, ms (0: git am kept the mail's date);
   *  null when the patch has no date. */
  dateDelta: number | null;
  /** Share of the files the commit and the patch have in common (Jaccard), null when either
   *  lists none. */
  files: number | null;
}

/** A Link:/Message-Id: trailer of a commit naming a message that no link could be made from. */
export interface UnresolvedTrailer {
  commit: string;
  /** The Message-ID named. */
  messageId: string;
  /** not-posted: no stored patch or cover letter has that Message-ID (not archived, or a reply);
   *  cover-unmatched: a cover letter, but no patch of its posting matches the commit. */
  reason: 'not-posted' | 'cover-unmatched';
}

/** What linking a history's commits to the posted patches found. */
export interface CommitLinking {
  /** Every link, by commit (in the order commits were given), then by patch. */
  links: CommitLink[];
  /** Trailers that named a message no link was made to. */
  unresolved: UnresolvedTrailer[];
}

/** Whether a patch, posting or lineage landed. */
export type MergeState = 'merged' | 'partially-merged' | 'not-merged';

/** Outcome of one posted patch. */
export interface PatchOutcome {
  messageId: string;
  postingId: string;
  /** merged when some commit came from it. */
  state: 'merged' | 'not-merged';
  /** The commits it became, in history order (newest first). */
  commits: string[];
}

/** Outcome of one posting (a revision). */
export interface PostingOutcome {
  postingId: string;
  family: string;
  /** merged: every patch has a commit; partially-merged: some do. */
  state: MergeState;
  /** Patches with a commit, and patches in all. */
  landed: number;
  patches: number;
  /** Commits its patches became, in history order (newest first), without repeats. */
  commits: string[];
}

/** Outcome of a whole lineage. */
export interface LineageOutcome {
  family: string;
  /** The state of the revision that landed: merged when each of its patches landed, from it or
   *  as the same patch (same title or patch-id) of another revision; not-merged when no revision
   *  did. */
  state: MergeState;
  /** Patches of the revision that landed that landed so, and its patches in all (0 and 0 when
   *  none landed). */
  landed: number;
  patches: number;
  /** The revision that landed: the latest posting with a commit; null when none. */
  landedPosting: string | null;
  /** Every posting with at least one commit, oldest first. */
  landedPostings: string[];
  /** Commits of the whole lineage, in history order, without repeats. */
  commits: string[];
}
