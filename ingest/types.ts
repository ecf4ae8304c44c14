// The records that cross stage boundaries in the ingest pipeline, in the order they appear:
// RawMessage (bytes + where they came from) -> ParseOutcome (Message or Unparsed) -> the store ->
// ThreadInput -> ThreadNode; per message, MineInput -> PatchMeta; per store, SeriesMessage ->
// Posting -> Revision and PostingTrailer; per thread, DiscussionInput -> ThreadDiscussion (blocks,
// quote sources, statements, verdicts) and the Citation printed from them. Stages exchange only
// these; nothing here does any work. The store's and the site's row types are declared where they
// are read.

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
  | 'thread/self-reference' // a message that references itself
  | FetchCode
  | ConfigCode
  | TopicCode
  | QueryCode;

/** Problems fetching from a public-inbox server (sync): `source` is the URL (the last one
 *  tried), `attempts` the requests made. In sync's --json "problems". */
export type FetchCode =
  | 'http/not-found' // 404 or 410: the server does not have it (not retried)
  | 'http/refused' // another 4xx, or a 5xx that says "never" (501, 505): not retried
  | 'http/server-error' // 429 or 5xx, still after every retry
  | 'http/network' // connection refused or reset, timeout, body cut off: still after every retry
  | 'http/truncated' // the body's gzip stream ended early, still after every retry
  | 'http/not-mbox' // the body is not what was asked for (an HTML page instead of an mbox)
  | 'http/retry-after' // the server asked to wait longer than patchlore waits
  | 'http/limit' // the request limit of the run was reached
  | 'manifest/malformed' // manifest.js.gz is not the grokmirror JSON it should be
  | 'atom/malformed' // new.atom is not an Atom feed, or an entry has no message link
  | 'git/not-found' // the server has no such epoch
  | 'git/failed'; // git clone or fetch failed, still after every retry

/** Problems of the project file (patchlore.config.json): `source` is the file; the message names
 *  the field ("sync.lists[1].since: expected ..."). */
export type ConfigCode =
  | 'config/missing' // --config names a file that does not exist
  | 'config/unreadable' // the file cannot be read, is not JSON, or is not a JSON object
  | 'config/db' // the "db" entry is not a path
  | 'config/sync' // a field of the "sync" section is unknown or has a bad value
  | 'config/unknown-key'; // a top-level key that nothing reads

/** Problems of a topic file (content/topics/*.md): `source` is the file, `locator` the line. */
export type TopicCode =
  | 'topic/front-matter' // no front matter, or front matter that is not YAML fields
  | 'topic/field' // a front matter field that is missing, unknown or of the wrong type
  | 'topic/slug' // the file name gives no page name, or the same one as another topic
  | 'topic/query' // the topic's query cannot be read
  | 'topic/pin' // a pinned lineage or message is not in the store
  | 'topic/citation'; // a citation in the text resolves to nothing

/** Problems of the value of a search query's "d:" prefix: `span` says where in the value. */
export type QueryCode =
  | 'query/bad-date' // a date in none of the forms read
  | 'query/impossible-date' // a date that is not in the calendar (2024-02-30)
  | 'query/empty-range'; // a range that ends before it starts

/** How much a problem matters. error: what was given or asked for could not be used (mail kept
 *  unparsed, a download that failed, a bad config field); warning: used, with a repair or a
 *  fallback; info: noted, nothing to do. */
export type Severity = 'error' | 'warning' | 'info';

/** Something wrong or repaired in the input: in mail, in a file patchlore reads (config, topics,
 *  manual links), in a query, or in what a server answered. Bad input is data: stages return
 *  these, never throw. The one problem record of the project. */
export interface Diagnostic {
  /** Stable machine-readable code. */
  code: DiagnosticCode;
  /** One human sentence: what was found and what was done about it. */
  message: string;
  /** The input the problem came from: a file, directory or repository path, or a URL. */
  source?: string;
  /** Where inside the source: byte offset in an mbox, file name in a maildir, commit in an epoch,
   *  line in a topic file. */
  locator?: string;
  /** The Message-ID concerned, when one is known. */
  messageId?: string;
  /** What a well-formed input would have had here. */
  expected?: string;
  /** What was actually there (truncated to DIAGNOSTIC_FOUND_MAX characters). */
  found?: string;
  /** How much it matters; when absent, the default of its code (severityOf, severity-of.ts). */
  severity?: Severity;
  /** What the user can do about it: one sentence. */
  hint?: string;
  /** For a fetch: requests made for it, retries included. */
  attempts?: number;
  /** For a problem inside a one-line input (a query's date value): where, in characters. */
  span?: { offset: number; length: number };
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

// ---- Patch metadata: what one message says about patches (ingest/patch/) ----

/** What mining needs of a message (mine-patch.ts: minePatch). */
export interface MineInput {
  /** Decoded Subject, as Message.subject ('' when absent). */
  subject: string;
  /** The text parts joined (message-body.ts: joinParts), attachments included: a patch may come
   *  as a text/x-patch part. LF line endings. */
  body: string;
  /** Decoded sender (Message.from): a standalone "NAK" in a reply is a Nacked-by from it. */
  from: Address;
  /** Whether the message names a parent (In-Reply-To/References): a reply without "Re:". */
  isReply: boolean;
}

/** What kind of message, for series purposes: a patch, a cover letter ("0/N", or a tagged
 *  posting with a diffstat and no diff), a git pull request, a maintainer tool's notice about a
 *  patch (Andrew Morton's "+ foo.patch added to mm-unstable branch": it carries the patch but is
 *  not a posting of it), a reply, or anything else. */
export type PatchKind = 'patch' | 'cover' | 'pull' | 'notice' | 'reply' | 'other';

/** What a subject line says about the message (subject-tags.ts: parseSubject). */
export interface SubjectTags {
  /** "Re:", "Aw:", "Sv:"... before the tags: a reply. */
  reply: boolean;
  /** "Fwd:"/"Fw:" before the tags. */
  forward: boolean;
  /** Tagged as a patch posting: a PATCH (PATCHES, PATCHSET...), RFC or RESEND word, a version or
   *  a counter in a bracket group ("[RFC 00/10]" is a patch posting without the word PATCH). */
  patch: boolean;
  /** An RFC word was found. */
  rfc: boolean;
  /** A RESEND word was found. */
  resend: boolean;
  /** PATCHSETS: one posting bundling several series; its version is the bundle's own. */
  bundle: boolean;
  /** Other words of note: "GIT PULL", "ANNOUNCE"... upper-cased, without PATCH/RFC/RESEND; ''
   *  when none. */
  kind: string;
  /** Version as written ("3", "5.1"), null when none: "[PATCH]" is an implied v1. */
  version: string | null;
  /** Patch number within the posting (0 for a cover letter), null when none. */
  index: number | null;
  /** Patches in the posting, null when none. */
  total: number | null;
  /** Other words of the bracket groups, as written ("net-next", "ndctl", "Nouveau"). */
  prefixes: string[];
  /** The subject without any of the above ('' when nothing is left). */
  title: string;
}

/** One file of a diff. */
export interface DiffFile {
  /** Path after the change, without git's "a/"/"b/" prefix; for a deletion the old path (never
   *  '/dev/null'). */
  path: string;
  /** Path before the change when it differs (renames, copies), null otherwise. */
  oldPath: string | null;
  /** What the change does to the file, from git's extended headers or a /dev/null side. */
  status: 'modified' | 'added' | 'deleted' | 'renamed' | 'copied';
  /** Lines added ("+" lines of its hunks). */
  insertions: number;
  /** Lines removed ("-" lines of its hunks). */
  deletions: number;
  /** A "GIT binary patch" or "Binary files ... differ": no lines counted. */
  binary: boolean;
}

/** One hunk of a diff: where, and the function context git printed after "@@ ... @@". */
export interface DiffHunk {
  /** The file's path (DiffFile.path when the hunk was read). */
  file: string;
  /** First line of the hunk in the old file, 1-based (0 for an empty side). */
  oldStart: number;
  /** First line of the hunk in the new file, 1-based (0 for an empty side). */
  newStart: number;
  /** Function name or other context text after the "@@" ('' when none). */
  context: string;
}

/** What a body's diff holds (parse-diff.ts: parseDiff). Quoted diffs ("> diff") are not read. */
export interface DiffSummary {
  /** Files in the order the diff names them. */
  files: DiffFile[];
  /** Sum of the files' insertions. */
  insertions: number;
  /** Sum of the files' deletions. */
  deletions: number;
  /** Hunks in order, at most MAX_HUNKS (parse-diff.ts). */
  hunks: DiffHunk[];
  /** 40 hex digits identifying the change across revisions, after `git patch-id --stable`
   *  (parse-diff.ts: fingerprint); null without a file. */
  fingerprint: string | null;
}

/** One trailer as found in a message (trailers.ts). */
export interface FoundTrailer {
  /** Canonical name: "Reviewed-by", "Fixes", "Cc"; NAK, NACK and Nack-by are "Nacked-by". */
  name: string;
  /** The value as written, without extra information ("# comment", "<mailto:...>"); for a
   *  person-trailer with a name and an address, "Name <address>". */
  value: string;
  /** Person of a person-trailer, '' for utility trailers (Fixes, Link...) and bare addresses. */
  person: string;
  /** Address of a person-trailer, lower-cased; '' for utility trailers and when none is given. */
  email: string;
}

/** A git pull request ("The following changes since commit ... are available in the Git
 *  repository at:"). */
export interface PullRequest {
  /** The base commit as written (7 to 64 hex digits). */
  base: string;
  /** The repository URL. */
  url: string;
  /** The branch or tag to pull ("tags/v5.4-next-soc"), '' when the request names none. */
  ref: string;
}

/** The patch facts of one message (mine-patch.ts: minePatch). Stored with the message; the series
 *  stage reads them (SeriesMessage.meta). */
export interface PatchMeta {
  /** What kind of message it is for series purposes. */
  kind: PatchKind;
  /** What its subject says. */
  tags: SubjectTags;
  /** Its text holds a diff of its own (quoted lines not counted). */
  hasDiff: boolean;
  /** Its text holds a git diffstat (" N files changed, ..."). */
  hasDiffstat: boolean;
  /** The diff, for kind 'patch'; null for every other kind. */
  diff: DiffSummary | null;
  /** "base-commit:" (b4, git format-patch --base): 7 to 64 hex digits; null when absent. */
  baseCommit: string | null;
  /** "change-id:" (b4): the same for every revision of a series; null when absent. */
  changeId: string | null;
  /** Message-IDs of the "prerequisite-patch-id:"/"prerequisite-message-id:" lines, in order. */
  prerequisites: string[];
  /** Trailers this message gives: a patch's or cover letter's trailer block, or a reply's own
   *  lines (never quoted ones). */
  trailers: FoundTrailer[];
  /** Message-IDs its own text points at (lore URLs, "previous version: <id>"), in order. */
  links: string[];
  /** Of `links`, the ones on lines about versions ("v2: https://lore...", "Link to v3:"); empty
   *  unless a patch or cover letter. */
  versionLinks: string[];
  /** Versions a changelog says this posting changes from ("Changes since v3" -> 3; 0 for an
   *  unnumbered RFC: "Changes since RFC"), ascending; empty unless a patch or cover letter. */
  changelogFrom: number[];
  /** The pull request it makes, null when none (a reply quoting one is not one). */
  pullRequest: PullRequest | null;
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
  /** Decoded sender. */
  from: Address;
  /** Decoded Subject ('' when absent). */
  subject: string;
  /** Patch facts of the message (ingest/patch/mine-patch.ts). */
  meta: PatchMeta;
}

/** One patch of a posting. */
export interface PostingPatch {
  /** The patch's message key. */
  key: string;
  /** Position in the posting, from 1; a single patch is 1 of 1. */
  index: number;
  /** Patches its subject announces (N of "k/N"), 1 for an unnumbered single patch. */
  total: number;
  /** The patch's subject as received (decoded). */
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
  /** Thread of its first message (a posting sent without threading may span several). */
  threadId: string;
  /** Sender of the cover letter, else of the first patch. */
  author: Address;
  /** The cover letter's date, else its earliest message's; ms, null when none is dated. */
  date: number | null;
  /** Version as tagged ("3", "5.1"), null when untagged. */
  version: string | null;
  /** Tagged RFC. */
  rfc: boolean;
  /** One of its messages is tagged RESEND: the same revision sent again. */
  resend: boolean;
  /** A PATCHSETS bundle of several series: its version is the bundle's, not the series'. */
  bundle: boolean;
  /** Patches announced (N of "k/N"), null for an unnumbered single patch. */
  total: number | null;
  /** Bracket words besides PATCH syntax ("net-next", "ndctl"). */
  prefixes: string[];
  /** The posting's title: the cover letter's, else the first patch's (its subject when the
   *  title is empty). */
  title: string;
  /** Subject of the cover letter, else of the first patch. */
  subject: string;
  /** The cover letter's key, null for a posting without one. */
  coverKey: string | null;
  /** How the cover letter was recognized: "0/N"; a tagged parent of patch 1 with a diffstat; an
   *  untagged thread root by the same author ("naked", as b4 calls it); null without one. */
  cover: 'numbered' | 'diffstat' | 'naked' | null;
  /** Its patches by index. */
  patches: PostingPatch[];
  /** "change-id:" of the cover letter, else of a patch; null when none has one. */
  changeId: string | null;
  /** Message-IDs the cover letter and patches point at on lines about versions ("v2: <url>"),
   *  its own messages left out. */
  links: string[];
  /** Versions its changelog says it changes from (PatchMeta.changelogFrom of its messages),
   *  ascending, without repeats. */
  changelogFrom: number[];
  /** Parent of the cover (or first patch) when outside the posting: sent in reply to it. */
  inReplyTo: string | null;
}

/** How a posting was linked to the previous one of its lineage, strongest first. */
export type RevisionSignal = 'manual' | 'change-id' | 'changelog-link' | 'in-reply-to' | 'changelog' | 'subject' | 'patch-id';

/** One posting's place in its lineage. */
export interface Revision {
  /** The posting (Posting.id). */
  postingId: string;
  /** Lineage id: the earliest posting's id. */
  family: string;
  /** Version number: as tagged, else inferred (changelog, order in the lineage); RFCs without a
   *  number count as the version they precede. */
  version: number;
  /** True when `version` is not the subject's (shown as "v2?"). */
  versionInferred: boolean;
  /** The earlier posting this one was linked to, null for the first. */
  linkFrom: string | null;
  /** For the first posting of a lineage split off another one (a series divided in two: both
   *  halves continue the numbering), the posting of the other lineage it continues. */
  forkedFrom: string | null;
  /** The evidence that linked it to `linkFrom`; null for the first posting. */
  signal: RevisionSignal | null;
  /** How sure that link is (link-revisions.ts: SIGNAL_CONFIDENCE), 0 to 1; 1 for the first
   *  posting. */
  confidence: number;
}

/** Evidence that a posting revises an earlier one (link-revisions.ts). */
export interface RevisionCandidate {
  /** The earlier posting (Posting.id). */
  from: string;
  /** The strongest signal found. */
  signal: RevisionSignal;
  /** Its confidence (SIGNAL_CONFIDENCE). */
  confidence: number;
}

/** What linking found for one posting by comparing it with earlier postings (link-revisions.ts:
 *  findEvidence), before forks, manual decisions and families. Kept in the store, so that new
 *  mail recomputes it only for the postings the mail can concern. */
export interface PostingEvidence {
  /** The posting (Posting.id). */
  postingId: string;
  /** Its predecessor: the strongest tier of evidence, then the most recent posting; null when no
   *  earlier posting has any. */
  predecessor: RevisionCandidate | null;
  /** For a bundle (PATCHSETS), every earlier posting of its author with evidence, oldest first
   *  (the bundle continues their lineages too); empty for any other posting. */
  bundled: RevisionCandidate[];
}

/** A trailer of one patch of a posting. */
export interface PostingTrailer {
  /** The posting (Posting.id). */
  postingId: string;
  /** The patch it is given to (PostingPatch.key). */
  patchKey: string;
  /** Canonical name (FoundTrailer.name). */
  name: string;
  /** Person of a person-trailer, '' otherwise (FoundTrailer.person). */
  person: string;
  /** Lower-cased address of a person-trailer, '' otherwise (FoundTrailer.email). */
  email: string;
  /** The value (FoundTrailer.value). */
  value: string;
  /** patch: in the patch itself; reply: a reply to the patch; cover: a reply to the cover letter
   *  (applies to every patch); carried: from an earlier revision of an unchanged patch. */
  source: 'patch' | 'reply' | 'cover' | 'carried';
  /** Key of the message that gave it (for 'carried', the message in the earlier revision). */
  messageId: string;
}

/** A person-trailer whose person is not the sender of the reply that gave it. */
export interface TrailerMismatch {
  /** The posting the reply is about. */
  postingId: string;
  /** Key of the reply. */
  messageId: string;
  /** Canonical trailer name. */
  name: string;
  /** The trailer's value, naming someone else. */
  value: string;
  /** The reply's sender, "Name <address>" (the one of the two it has, when not both). */
  sender: string;
}

/** Manual decisions on lineages (content/series-links.json, read by read-overrides-fs.ts), by
 *  Message-ID of any message of the postings concerned. */
export interface RevisionOverrides {
  /** These two postings are revisions of one series. */
  pin: Array<{ from: string; to: string }>;
  /** These two postings are not of the same series. */
  split: Array<{ from: string; to: string }>;
}

/** The lineages of a set of postings (link-revisions.ts: linkRevisions). */
export interface Lineages {
  /** One per posting, lineage by lineage in date order; a bundle (PATCHSETS) once more for each
   *  other lineage it continues. */
  revisions: Revision[];
  /** Trailers carried from earlier revisions of unchanged patches (source 'carried'). */
  carried: PostingTrailer[];
}

// ---- Discussion: what the replies of a thread say (ingest/discussion/) ----

/** A message of a thread as the discussion stage needs it (discuss-thread.ts: discussThread). */
export interface DiscussionInput {
  /** The message's row id in the store; the stage's output rows name their message by it. */
  id: number;
  /** Message key (Message-ID, or imposter key). */
  key: string;
  /** Parent node in its thread (a message key or a ghost's Message-ID), null for a root. */
  parent: string | null;
  /** Date in ms since the epoch, UTC; null when unknown. */
  date: number | null;
  /** Decoded sender. */
  from: Address;
  /** The text parts joined (message-body.ts: joinParts), LF line endings. */
  body: string;
  /** PatchMeta.kind of the message ('patch', 'cover', 'pull', 'notice', 'reply', 'other'; 'other'
   *  when it was never mined). */
  kind: string;
}

/** Who wrote what an attribution line above a quote names ("Dan Williams wrote:"). */
export interface Attribution {
  /** The person named, '' when the line names only an address. */
  name: string;
  /** Their address, lower-cased, '' when not given. */
  email: string;
}

/** What a block of a message body is (segment-message.ts): the author's own text, a quote, the
 *  attribution line above a quote, the author's trailers, a diff (with its "---" and diffstat),
 *  the signature, or a mailing-list footer. */
export type BlockKind = 'text' | 'quote' | 'attribution' | 'trailers' | 'diff' | 'signature' | 'footer';

/** One block of a message body: a run of lines of one kind and quote depth. */
export interface Block {
  /** What the lines are. */
  kind: BlockKind;
  /** Quote depth: 0 for the author's own lines, n for n levels of ">". */
  depth: number;
  /** Index of the first line in the body's lines (split on "\n"). */
  start: number;
  /** Index of the line after the last. */
  end: number;
  /** Character offset in the body of the block's first character (also where the body has
   *  "\r\n" line ends). */
  from: number;
  /** Character offset in the body after its last character (its "\r", if any, included). */
  to: number;
  /** The block's lines with quote markers (and one space after them) and "\r" removed, joined by
   *  "\n". */
  text: string;
  /** For an attribution: who it names; absent for other kinds. */
  attribution?: Attribution;
}

/** A message body cut into blocks (segment-message.ts: segmentMessage). */
export interface SegmentedMessage {
  /** The blocks in body order, never overlapping; blank lines around own text and between quote
   *  runs of different depths belong to none. */
  blocks: Block[];
}

/** A sentence of a block of own text (sentences.ts: splitSentences). */
export interface Sentence {
  /** The sentence with its lines joined and runs of whitespace as one space. */
  text: string;
  /** Offset of its first character in the block's text. */
  from: number;
  /** Offset after its last character in the block's text. */
  to: number;
  /** Index of its paragraph in the block (0 = first); code lines end a paragraph too. */
  paragraph: number;
}

/** Who wrote a quoted block (attribute-quotes.ts: attributeQuotes). */
export interface QuoteSource {
  /** Key of the quoted message, when it is in the thread; null when it is not archived or not
   *  found. */
  messageKey: string | null;
  /** Who wrote the quoted text: the quoted message's sender, or the person an attribution line
   *  names; null when nothing says. */
  author: Address | null;
  /** How it was found: the text is in that message; an attribution line names the author; or
   *  only by position (depth n quotes the n-th ancestor). */
  how: 'text' | 'attribution' | 'position';
  /** 0 to 1, two decimals: for 'text', the share of the quote found in that message (lowered
   *  when it is not an ancestor, or an attribution line names someone else); 0.7 or 0.6 by
   *  attribution line; 0.4 by position; 0 when nothing is known. */
  confidence: number;
}

/** What quote attribution needs of each message of a thread. */
export interface QuotableMessage {
  /** Message key. */
  key: string;
  /** Parent node key, null for a root. */
  parent: string | null;
  /** Date in ms, null when unknown (earlier messages are searched by it). */
  date: number | null;
  /** Decoded sender. */
  from: Address;
  /** The message's blocks (segmentMessage). */
  blocks: readonly Block[];
}

/** What position a statement takes (extract-statements.ts). */
export type StatementKind = 'agreement' | 'objection' | 'proposal' | 'conclusion' | 'answer';

/** The quoted words a statement answers, and who wrote them. */
export interface StatementAnswers {
  /** Who wrote the quoted words (QuoteSource.author); null when unknown. */
  author: Address | null;
  /** The point answered: the quote's last sentence, or its last lines when it ends in code, at
   *  most 600 characters. */
  text: string;
  /** The quoted message's key (QuoteSource.messageKey); null when not in the thread. */
  messageKey: string | null;
}

/** A design statement: a sentence of own text that takes a position (extract-statements.ts). */
export interface Statement {
  /** The position it takes; 'answer' when it only answers a quoted question. */
  kind: StatementKind;
  /** The sentence, at most 600 characters ("…" ending a cut one). */
  text: string;
  /** Character offset of the sentence in the message body. */
  from: number;
  /** Character offset after its end in the message body. */
  to: number;
  /** What it answers (a sentence in the first paragraph after a quote); null when it answers
   *  nothing quoted. */
  answers: StatementAnswers | null;
  /** 0 to 0.95, two decimals: the rule's, raised when the quote's source is known. */
  confidence: number;
  /** Why it was picked: the rule ("objects (rule object-phrase)"), and what it answers. */
  why: string;
}

/** What a review verdict says (extract-verdicts.ts). */
export type VerdictKind = 'reviewed' | 'acked' | 'tested' | 'nacked' | 'applied' | 'changes-requested';

/** A review verdict in a reply's own text, with its evidence (extract-verdicts.ts). */
export interface Verdict {
  /** What it says. */
  kind: VerdictKind;
  /** The evidence: the trailer line or sentence that says it, trimmed. */
  text: string;
  /** Character offset of the evidence in the message body. */
  from: number;
  /** Character offset after the evidence in the message body. */
  to: number;
  /** 0 to 1: 0.95 for a trailer naming the sender, less for words. */
  confidence: number;
  /** Why it was picked ("Reviewed-by naming the sender", "a standalone NAK"). */
  why: string;
}

/** A quoted block of a message and who wrote it. */
export interface ThreadQuote {
  /** DiscussionInput.id of the quoting message. */
  message: number;
  /** Index of the quote block in the message's blocks. */
  block: number;
  /** Its quote depth (Block.depth). */
  depth: number;
  /** Character offset of the block in the message body (Block.from). */
  from: number;
  /** Character offset after the block (Block.to). */
  to: number;
  /** Who wrote it. */
  source: QuoteSource;
}

/** A statement of a message of the thread. */
export interface ThreadStatement extends Statement {
  /** DiscussionInput.id of the message that makes it. */
  message: number;
}

/** A verdict of a message of the thread, placed on what it is about. */
export interface ThreadVerdict extends Verdict {
  /** DiscussionInput.id of the message that gives it. */
  message: number;
  /** Key of the patch or cover letter it is about (the nearest above it in the thread), null
   *  when none is. */
  target: string | null;
  /** Who gives it: the message's sender. */
  by: Address;
}

/** The discussion of one thread (discuss-thread.ts: discussThread): rows the store keeps. Patches,
 *  cover letters and pull requests give none (robots' mail gives no statements). */
export interface ThreadDiscussion {
  /** Quote blocks with their sources, by message then block order. */
  quotes: ThreadQuote[];
  /** Statements, by message then body order. */
  statements: ThreadStatement[];
  /** Verdicts, by message then body order. */
  verdicts: ThreadVerdict[];
}

/** How a citation is printed (format-citation.ts): a Markdown quote with author, date and lore
 *  permalink; plain text; or a `Link:` trailer. */
export type CitationFormat = 'markdown' | 'text' | 'trailer';

/** The words of a message (or one statement in it), ready to cite (format-citation.ts). */
export interface Citation {
  /** Message-ID without angle brackets. */
  messageId: string;
  /** The author's name (their address when the mail gives no name). */
  author: string;
  /** The author's address, '' when unknown. */
  email: string;
  /** ISO 8601 date (UTC), null when the message has none. */
  date: string | null;
  /** The Date header as written, when known: the citation gives the day in the author's zone. */
  dateHeader?: string;
  /** The message's subject. */
  subject: string;
  /** The cited words (a statement, or an excerpt of the message's own text). */
  text: string;
  /** When the words answer a quoted question or point: that, and who wrote it (their name or
   *  address); absent or null otherwise. */
  answers?: { author: string; text: string } | null;
}
