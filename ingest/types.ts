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
  | 'store/rebuilt-copy' // a server's rebuild of a stored message (Patchwork's mbox): kept as a copy of it
  | 'store/superseded' // the mail as sent replaced a server's rebuild of it, or the original mail (or a better page copy) one recovered from a page
  | 'series/overrides' // the manual lineage file (content/series-links.json) could not be used
  | 'thread/cycle' // a reference that would make a message its own ancestor was ignored
  | 'thread/self-reference' // a message that references itself
  | 'commit/unresolved-trailer' // a commit's Link:/Message-Id: trailer names no stored patch or cover letter
  // archive web pages (ingest/archive/)
  | 'page/foreign' // HTML no known archive generator wrote: nothing imported from it
  | 'page/index' // an archive's index page (by date, thread, author...): it holds no message
  | 'page/incomplete' // a recognised page lacking a part its generator always writes (body, subject, header list)
  | 'page/message-id' // the page carries no usable Message-ID (truncated, made up, absent): a placeholder is used
  | 'page/parent' // the page says only approximately which message this one answers
  | 'store/recovered-copy' // a message recovered from a page, stored as another copy of the message it is
  | FetchCode
  | ConfigCode
  | TopicCode
  | QueryCode
  | PatchworkCode;

/** Problems fetching from a public-inbox server (sync): `source` is the URL (the last one
 *  tried), `attempts` the requests made. In sync's --json "problems". */
export type FetchCode =
  | 'http/not-found' // 404 or 410: the server does not have it (not retried)
  | 'http/refused' // another 4xx, or a 5xx that says "never" (501, 505): not retried
  | 'http/server-error' // 429 or 5xx, still after every retry
  | 'http/network' // connection refused or reset, timeout, body cut off: still after every retry
  | 'http/truncated' // the body's gzip stream ended early, still after every retry
  | 'http/not-mbox' // the body is not what was asked for (an HTML page instead of an mbox)
  | 'http/not-json' // an API answer (Patchwork's) that is not JSON (an HTML error page instead)
  | 'http/retry-after' // the server asked to wait longer than patchlore waits
  | 'http/limit' // the request limit of the run was reached
  | 'manifest/malformed' // manifest.js.gz is not the grokmirror JSON it should be
  | 'atom/malformed' // new.atom is not an Atom feed, or an entry has no message link
  | 'git/not-found' // the server has no such epoch
  | 'git/failed'; // git clone or fetch failed, still after every retry

/** Problems reading a Patchwork server (ingest/patchwork/): `source` is the URL concerned,
 *  `expected`/`found` what a well-formed answer would have had and what was there. A request
 *  that failed has the HTTP client's FetchCode instead. */
export type PatchworkCode =
  | 'patchwork/bad-json' // an answer that does not parse as JSON
  | 'patchwork/bad-shape' // JSON without a field it must have, or with one of another type
  | 'patchwork/no-api' // no REST API version patchlore reads (1.0 to 1.3) answers at the base URL
  | 'patchwork/no-project' // the server has no such project
  | 'patchwork/gone' // a record an event named is not there any more
  | 'patchwork/link' // a Link header that leads elsewhere or in a circle
  | 'patchwork/cursor' // the cursor given could not be used: everything is read again
  | 'patchwork/unknown-event' // events of categories patchlore does not know, skipped
  | 'patchwork/mbox' // an mbox from Patchwork lacked messages it should hold
  | 'patchwork/mail-missing'; // mail that Patchwork has no mbox for either

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
  /** Set when these bytes are a server's rebuild of the mail, not the mail as sent: 'patchwork'
   *  for Patchwork's mbox downloads (rebuilt-by.ts). The mail as sent supersedes such a copy
   *  (ingest/import/rebuilt-copy.ts). Absent for mail as sent. */
  rebuiltBy?: 'patchwork';
  /** Set when this message was recovered from an archive web page rather than received as mail:
   *  read only from the X-Patchlore-Recovered header the page synthesiser writes first
   *  (ingest/message/read-recovered.ts); null for mail. */
  recovered: Recovered | null;
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
  /** Where the time went, for benchmarks: patch mining, storing its results, threading (after
   *  each batch and at the end), linking series, extracting the discussion (quotes, statements,
   *  verdicts, links). */
  timings?: { mineMs: number; patchStoreMs: number; threadMs: number; seriesMs: number; discussionMs: number };
}

/** What `patchlore add` made of one message an argument names (ingest/add/add-fs.ts): one per
 *  Message-ID an argument names, or one with messageId null when it names none that could be
 *  read. In add's --json "resolved". */
export interface AddResolution {
  /** The argument as given. */
  input: string;
  /** The Message-ID, without angle brackets; null when none could be read. */
  messageId: string | null;
  /** Where the Message-ID was read: the URL itself, the argument (a bare Message-ID), the page
   *  (fetched, or saved on disk: 'file'), header fields (a site's raw or headers view), or, for
   *  a page without a usable one, a lore search for its subject and date whose thread the page
   *  was then matched to ('search'). */
  via: 'url' | 'message-id' | 'page' | 'file' | 'headers' | 'search' | null;
  /** What was imported for it: its thread from lore; the page itself (lore could not serve the
   *  thread, or the page gives no usable Message-ID); nothing new (its mail was already stored);
   *  or nothing (see the problems). */
  imported: 'thread' | 'page' | 'stored' | 'nothing';
  /** The page or file the Message-ID was read from, '' when none was read. */
  source: string;
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
  /** `git patch-id --stable` of the diff, exactly as git computes it (patch-id.ts), so the commit
   *  it became can be found by id; null when git would print none (no "diff " line). Absent in
   *  stores imported before it was kept: commit linking computes it then. */
  patchId?: string | null;
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
  /** The version of the mining rules that made it (mine-patch.ts: MINE_RULES); facts mined by
   *  older rules (absent: 1) are mined again from the stored message (derive/derive-patches.ts). */
  rules?: number;
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
  /** Paths its patches change, sorted, without repeats (revisions of a series change some of the
   *  same files; a kernel series and its user-space counterpart change none). Not stored as a
   *  column (kept in the posting's record, posting_records). */
  files: string[];
  /** Addresses (lower case) its patches are signed off or co-developed by: a series taken over
   *  by someone else keeps its first author's sign-off. Not stored as a column (kept in the
   *  posting's record, posting_records, and as its pool keys, posting_keys). */
  signers: string[];
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

// ---- Lineage outcomes: where a series stands (ingest/series/lineage-outcome.ts) ----

/** The one state of a lineage every page, table and command shows, the first that holds
 *  (lineage-outcome.ts; the Patchwork ones from the states of the latest revision's patches,
 *  ingest/series/patchwork-outcome.ts): merged / partially-merged: every patch / some patches of
 *  the revision that landed are commits of a repository read (`patchlore commits`); applied: a
 *  maintainer said on the list that a revision was applied or queued; accepted: Patchwork has every
 *  patch of the latest revision accepted; nacked: a NAK on the latest revision stands;
 *  changes-requested: Patchwork has changes requested on a patch of it; rejected: Patchwork has all
 *  of them rejected; superseded: Patchwork has all of them superseded (a later revision this
 *  archive may lack); open: none of these. */
export type LineageState = 'merged' | 'partially-merged' | 'applied' | 'accepted' | 'nacked' | 'changes-requested' | 'rejected' | 'superseded' | 'open';

/** What Patchwork says of one revision's patches (ingest/series/patchwork-outcome.ts). */
export interface PatchworkSummary {
  /** Patches of the revision, and how many of them Patchwork tracks. */
  total: number;
  tracked: number;
  /** Tracked patches by state slug (a patch several projects track: its most decisive state). */
  states: Record<string, number>;
  /** The state of every tracked patch when they agree, else 'mixed'. */
  state: string;
  /** For people: "20 of 20 accepted", "18 of 20 accepted, 1 changes requested, 1 new". */
  text: string;
}

/** Where a lineage stands: a derived record, one per lineage. */
export interface LineageOutcome {
  /** Lineage id. */
  family: string;
  /** Its most recent posting. */
  latestPosting: string;
  state: LineageState;
  /** A maintainer's "applied"/"queued" on some revision (the latest revision that has one): which
   *  posting, who said it (name, else address), where, the words, when (ISO) and on which day
   *  where they were (authorDay); null when none. */
  applied: { posting: string; by: string; messageId: string; text: string; date: string | null; day?: string | null } | null;
  /** NAKs on the latest revision not withdrawn by an ack or review of the same person. */
  naks: Array<{ by: string; messageId: string; text: string }>;
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
  /** `git patch-id --stable` of its diff (ingest/patch/patch-id.ts); null without one. */
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
  /** Whether it, or the same change (same title or patch-id) in another revision of its
   *  lineage, became a commit: what `merged:yes` finds. */
  changeLanded: boolean;
  /** The commits it became, in history order (newest first). */
  commits: string[];
}

/** Outcome of one posting (a revision). */
export interface PostingOutcome {
  postingId: string;
  family: string;
  /** merged: every patch has a commit; partially-merged: some do. */
  state: MergeState;
  /** Patches with a commit, patches whose change landed (PatchOutcome.changeLanded), and
   *  patches in all. */
  landed: number;
  changesLanded: number;
  patches: number;
  /** Commits its patches became, in history order (newest first), without repeats. */
  commits: string[];
}

/** Outcome of a whole lineage. */
export interface LineageMergeOutcome {
  family: string;
  /** The state of the revision that landed: merged when each of its patches landed, from it or
   *  as the same patch (same title or patch-id) of another revision; not-merged when no revision
   *  did (said only of lineages a repository read reaches: repository-scope.ts). */
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

// ---- Patchwork: a Patchwork server's records of patches and the maintainers' decisions ----
// Read from Patchwork's REST API (1.0 to 1.3) by ingest/patchwork/. Not derived from mail: a
// second source beside it, each record kept with where it was read.

/** Where a Patchwork record was read. */
export interface PatchworkOrigin {
  /** The server's base URL as asked, without a trailing slash ("https://patchwork.kernel.org"). */
  server: string;
  /** The project's link name on that server ("linux-nvdimm"). */
  project: string;
  /** The REST API version it was read with ("1.3"). */
  apiVersion: string;
  /** The record's id on that server. Ids are per server: never compare them across servers. */
  id: number;
  /** The record's API URL as the server wrote it. */
  apiUrl: string;
  /** The record's web page on the server; null when the API version has none (1.0). */
  webUrl: string | null;
  /** When patchlore read it, ms since the epoch. */
  readAt: number;
}

/** A patch state: Patchwork's slug and the name it shows. */
export interface PatchworkState {
  /** As the API gives it ("changes-requested", a server's own "handled-elsewhere"). */
  slug: string;
  /** The name Patchwork shows: its own for the ten default states ("Changes Requested"), else
   *  the slug's words capitalised ("Handled Elsewhere"). */
  name: string;
  /** False for a state that is not one of Patchwork's ten defaults (a server's own). */
  known: boolean;
  /** Whether Patchwork's defaults count it as waiting for the maintainer (New, Under Review);
   *  null for a server's own state, whose setting the API does not tell. */
  actionRequired: boolean | null;
}

/** Someone who sent mail, as Patchwork knows them (a "person"). */
export interface PatchworkPerson {
  /** Display name ('' when Patchwork has none). */
  name: string;
  /** Address as Patchwork keeps it. */
  email: string;
}

/** A Patchwork account: a maintainer, a delegate, a CI robot. */
export interface PatchworkUser {
  username: string;
  /** First and last name ('' when not set). */
  name: string;
  /** '' when the API does not show it. */
  email: string;
}

/** A test or CI result on a patch (Patchwork's "check"). */
export interface PatchworkCheck {
  /** What ran ("build-x86_64", "checkpatch"). */
  context: string;
  /** pending, success, warning or fail; another value is kept as given. */
  state: string;
  /** Where the full results are (the check's target_url), null when not given. */
  url: string | null;
  /** One line from the reporter ('' when none). */
  description: string;
  /** When it was reported, ms since the epoch; null when unreadable. */
  date: number | null;
  /** Username of the account that reported it ('' when the API does not say). */
  user: string;
}

/** The series a patch or a cover letter belongs to, as other records name it. */
export interface PatchworkSeriesRef {
  /** Series id on the server. */
  id: number;
  /** Version Patchwork read from the subject (1 when none). */
  version: number;
  /** Series name (the cover letter's subject, else the first patch's), '' when none. */
  name: string;
}

/** One patch as Patchwork tracks it: the maintainer's decision on it and what ran on it. */
export interface PatchworkPatch {
  kind: 'patch';
  /** Message-ID of the patch mail, without angle brackets: how it joins the store. */
  messageId: string;
  /** Subject as Patchwork keeps it ("[v9,1/5] mm/sparse-vmemmap: add a pgmap argument ..."). */
  name: string;
  /** The mail's date, ms since the epoch; null when unreadable. */
  date: number | null;
  /** The maintainer's decision. */
  state: PatchworkState;
  /** Archived patches are hidden from Patchwork's default lists (done with). */
  archived: boolean;
  /** The maintainer it is delegated to, null when none. */
  delegate: PatchworkUser | null;
  /** The commit it became, as the maintainer recorded it; null when not set. */
  commitRef: string | null;
  /** For a pull request: the tree to pull; null otherwise. */
  pullUrl: string | null;
  /** Patchwork's hash of the diff (its patch-id), null for no diff. */
  hash: string | null;
  /** Patchwork's summary of the checks (its patch "check"): fail, warning, pending (also when
   *  there are none) or success. */
  checkState: string;
  /** The newest check per reporter and context, as Patchwork's patch page shows them; null when
   *  they were not read in this run (keep the ones read before). */
  checks: PatchworkCheck[] | null;
  /** Its series (Patchwork 2.0 and later keep at most one; the API gives a list). */
  series: PatchworkSeriesRef[];
  /** Who sent it. */
  submitter: PatchworkPerson;
  /** The project's mail archive page of the message (lore), null when the project sets none. */
  listArchiveUrl: string | null;
  origin: PatchworkOrigin;
}

/** A cover letter as Patchwork tracks it (covers have no state). */
export interface PatchworkCover {
  kind: 'cover';
  /** Message-ID without angle brackets. */
  messageId: string;
  /** Subject as Patchwork keeps it. */
  name: string;
  /** The mail's date, ms; null when unreadable. */
  date: number | null;
  series: PatchworkSeriesRef[];
  submitter: PatchworkPerson;
  /** The mail archive page of the message, null when none. */
  listArchiveUrl: string | null;
  origin: PatchworkOrigin;
}

/** A series as Patchwork grouped it: a cover letter (if any) and its patches. */
export interface PatchworkSeries {
  kind: 'series';
  /** Name ('' when Patchwork has none). */
  name: string;
  /** Version read from the subjects (1 when none). */
  version: number;
  /** Patches announced ("N" of "k/N"). */
  total: number;
  /** Patches received so far. */
  receivedTotal: number;
  /** True once every announced patch arrived. */
  receivedAll: boolean;
  /** Date of its first mail, ms; null when unreadable. */
  date: number | null;
  submitter: PatchworkPerson;
  /** The cover letter's Message-ID, null when the series has none. */
  coverMessageId: string | null;
  /** Message-IDs of its patches in patch order. */
  patchMessageIds: string[];
  origin: PatchworkOrigin;
}

/** A project on a Patchwork server. */
export interface PatchworkProject {
  id: number;
  /** The name in its URLs ("linux-nvdimm"). */
  linkName: string;
  /** Display name. */
  name: string;
  /** List-Id of the list it tracks ("nvdimm.lists.linux.dev"). */
  listId: string;
  /** The list's address. */
  listEmail: string;
  /** Where a Message-ID's archive page is ("https://lore.kernel.org/r/{}"), '' when not set. */
  listArchiveUrlFormat: string;
  /** Where a commit is shown ("https://git.kernel.org/.../commit/?id={}"), '' when not set. */
  commitUrlFormat: string;
}

/** One entry of Patchwork's event log (what changed, when). */
export interface PatchworkEvent {
  /** Event id on the server (increasing). */
  id: number;
  /** patch-created, patch-state-changed, patch-delegated, check-created, series-created, ...;
   *  kept as given. */
  category: string;
  /** When the server logged it, exactly as written (UTC without zone, microseconds:
   *  "2026-12-04T13:23:10.107007"), to be handed back as a `since` filter. */
  date: string;
  /** The same in ms since the epoch; null when unreadable. */
  dateMs: number | null;
  /** Username of whoever caused it; null for mail arriving (API 1.2 and later say). */
  actor: string | null;
  /** The patch it is about, when it is about one. */
  patch: { id: number; messageId: string; name: string; date: number | null } | null;
  /** The cover letter it is about, when it is about one. */
  cover: { id: number; messageId: string; date: number | null } | null;
  /** The series it is about, when it says. */
  series: { id: number; date: number | null } | null;
  /** For patch-state-changed: the state before and after (slugs). */
  previousState: string | null;
  currentState: string | null;
}

/** A message Patchwork has and the store lacks: what fetching it needs. */
export interface PatchworkMailRef {
  /** Message-ID without angle brackets. */
  messageId: string;
  kind: 'patch' | 'cover';
  /** Patch or cover id on the server. */
  id: number;
  /** Its series on the server, null when none. */
  seriesId: number | null;
}

/** Work that events named and a run has not done yet (it stopped early): done first next time. */
export interface PatchworkWork {
  /** Patches to read again, with the name their event gave (to guess series siblings). */
  patches: Array<{ id: number; messageId: string; name: string }>;
  /** Patches whose checks to read. */
  checks: number[];
  /** Cover letters to read. */
  covers: Array<{ id: number; messageId: string }>;
  /** Series to read, with their patches. */
  series: number[];
}

/** Where incremental sync of one (server, project) stands. The store keeps one per pair. */
export interface PatchworkCursor {
  /** Base URL of the server, without a trailing slash. */
  server: string;
  /** Project link name. */
  project: string;
  /** The project's id on the server: incremental reads filter events by it, so a project renamed
   *  on the server keeps its cursor (Patchwork's project filter takes an id or a link name). */
  projectId: number;
  /** The project as the user named it (its link name, List-Id, list address or name). */
  asked: string;
  /** REST API version found at the last full read ("1.3"). */
  apiVersion: string;
  /** The since-date (YYYY-MM-DD) of the last full read; null when it read everything. */
  since: string | null;
  /** When the last full read started, ms since the epoch (patchlore's clock). */
  fullReadAt: number;
  /** Date of the newest event taken into account, as the server wrote it; null when the project
   *  had none. The next run asks for events since a little before it (EVENT_OVERLAP_MS). */
  eventDate: string | null;
  /** Ids of the events taken into account that are dated within the overlap before eventDate:
   *  the next run skips them. */
  eventIds: number[];
  /** Work named by events already taken into account but not done yet. */
  owed: PatchworkWork;
}
// ---- Archive pages: messages recovered from list-archive web pages (ingest/archive/) ----

/** The program that wrote an archive web page. */
export type PageGenerator =
  | 'hypermail' // hypermail (lkml.iu.edu: 2.1.x markup; 2.2 and later write XHTML)
  | 'mhonarc' // MHonArc (spinics.net, many list archives)
  | 'public-inbox' // a public-inbox message page, /<list>/<msgid>/ (lore.kernel.org)
  | 'public-inbox-thread' // a public-inbox thread page: /T/ (flat) or /t/ (nested), every message in full
  | 'patchwork'; // a Patchwork patch or cover letter page, /project/<p>/patch|cover/<msgid>/

/** What a page (or any file handed to the page reader) is. */
export type PageRecognition =
  | {
      kind: 'messages';
      /** The program that wrote it. */
      generator: PageGenerator;
      /** Its version as the page states it ('' when the page does not say). */
      version: string;
    }
  | {
      kind: 'index';
      /** The program that wrote it. */
      generator: PageGenerator;
      /** Its version as the page states it ('' when the page does not say). */
      version: string;
      /** What it lists, as the page calls itself ("thread index", "by date", "patch list"). */
      what: string;
    }
  /** Mail, not a page (public-inbox's /raw, a saved .eml): read it as mail. */
  | { kind: 'mail' }
  /** HTML (or text) no known archive generator wrote. */
  | { kind: 'foreign'; reason: string };

/** A Message-ID as an archive page gives it. */
export interface PageMessageId {
  /** The ID without angle brackets, obfuscation undone ("_at_" -> "@"); '' when missing. */
  id: string;
  /** complete: the original ID. truncated: damaged on the page (hypermail 2.4 cuts the domain
   *  off); `id` is what is left. made-up: the archiver's own placeholder (hypermail's
   *  "....hypermail.dummy" for a duplicate). missing: the page gives none. */
  state: 'complete' | 'truncated' | 'made-up' | 'missing';
  /** Exactly as written on the page ('' when missing). */
  written: string;
}

/** A name and address as a page shows them. */
export interface PageAddress {
  /** Display name ('' when the page shows none). */
  name: string;
  /** The address as recovered ('' when the page shows none): "_at_" turned back into "@"; a domain
   *  the archive hid stays hidden ("jgg@xxxxxxxxxx"). */
  email: string;
}

/** A field an archive hid or damaged, and whether patchlore could restore it. */
export interface Obfuscation {
  /** Which field: the sender, recipients, the body's addresses, the Message-ID, the parents. */
  field: 'from' | 'to' | 'cc' | 'body' | 'message-id' | 'references';
  /** x-domain: domain replaced by x's (hch@xxxxxx). spelt-out: "@" written "_at_" or "[at]",
   *  or public-inbox's "•" for the domain's first dot. truncated: cut short. name-only: the
   *  address left out, the name shown. */
  how: 'x-domain' | 'spelt-out' | 'truncated' | 'name-only';
  /** True when the original was restored (MHonArc's X-From-R13 comment holds the real From;
   *  "_at_" is turned back), false when it is lost. */
  restored: boolean;
}

/** The date of a message as a page shows it. */
export interface PageDate {
  /** As written on the page (the Date header when the page keeps it; else the page's rendering,
   *  e.g. public-inbox's "2024-04-11 12:25 UTC"); '' when the page shows none. */
  written: string;
  /** Milliseconds since the epoch, UTC; null when unreadable or absent. */
  ms: number | null;
  /** How precise `ms` is: the page may show only minutes (public-inbox thread pages). */
  precision: 'second' | 'minute' | 'day' | 'none';
}

/** One message as read from an archive page: what the page carries, nothing guessed. */
export interface PageMessage {
  /** The program that wrote the page. */
  generator: PageGenerator;
  /** Its version as the page states it ('' when unstated). */
  version: string;
  /** Where it was read: the page's URL or file, and the message's anchor on it ('' for a page
   *  holding one message; "m<sha1>" on public-inbox thread pages). */
  provenance: { source: string; anchor: string };
  /** The message's own Message-ID. */
  messageId: PageMessageId;
  /** Parent candidates the page carries, oldest first, as Message.references orders them; the
   *  In-Reply-To is last. Pages keep few: hypermail one, public-inbox the thread's ancestors. */
  references: PageMessageId[];
  /** The Message-ID this one answers (In-Reply-To, else the last reference); null for none. */
  inReplyTo: PageMessageId | null;
  /** Subject, entities decoded ('' when the page shows none). */
  subject: string;
  /** Sender. */
  from: PageAddress;
  /** Recipients, when the page lists them (hypermail does not). */
  to: PageAddress[];
  cc: PageAddress[];
  /** Date. */
  date: PageDate;
  /** The body as plain text: quoting ("> ") and diffs intact, entities decoded, whitespace of
   *  <pre> kept, links turned back into their text. LF line ends. */
  body: string;
  /** Fields the archive hid or damaged. */
  obfuscated: Obfuscation[];
  /** The list's List-Id when the page names the list (public-inbox: "public inbox for
   *  nvdimm@lists.linux.dev" -> "nvdimm.lists.linux.dev"), '' otherwise. */
  listId: string;
  /** Problems met reading this message from the page. */
  diagnostics: Diagnostic[];
}

/** What an archive page holds. */
export interface PageParse {
  /** What the page is. */
  recognition: PageRecognition;
  /** Its messages in page order (none for index pages, mail and foreign HTML). */
  messages: PageMessage[];
  /** Message-IDs the page links to without holding those messages (a thread overview's, a
   *  Patchwork series' patches), in page order, without duplicates: what to pull from lore. */
  mentions: string[];
  /** Problems with the page as a whole. */
  diagnostics: Diagnostic[];
}

/** How a stored message was recovered from a page (X-Patchlore-Recovered, parsed). */
export interface Recovered {
  /** The program that wrote the page. */
  generator: PageGenerator;
  /** Its version ('' when the page did not say). */
  version: string;
  /** The page: its URL, or a file: URL, with the message's anchor as fragment. */
  source: string;
  /** State of the Message-ID on the page (see PageMessageId.state). */
  messageId: PageMessageId['state'];
  /** The Message-ID as the page wrote it when it is not complete (what the matcher compares with
   *  stored mail); '' for a complete or missing one. */
  writtenId: string;
  /** Fields the archive hid or damaged. */
  obfuscated: Obfuscation[];
  /** How precise the date is. */
  datePrecision: PageDate['precision'];
}

/** What the matcher reads of a page message (match-page.ts): a PageMessage, or a stored page
 *  copy read back (page-facts.ts). */
export type PageFacts = Pick<PageMessage, 'messageId' | 'subject' | 'from' | 'date'>;

/** A stored message a page might be a copy of (what the matcher compares). */
export interface MatchCandidate {
  /** Message-ID (or key) of the stored message. */
  messageId: string;
  /** Its decoded Subject. */
  subject: string;
  /** Its sender. */
  from: Address;
  /** Date in ms, null when unknown. */
  date: number | null;
}

/** Why the matcher took (or refused) a candidate: one line per field compared. */
export interface MatchEvidence {
  /** The field compared. */
  field: 'message-id' | 'subject' | 'author' | 'date';
  /** agrees, differs, or cannot tell (the page lacks the field, or hides it). */
  verdict: 'agrees' | 'differs' | 'unknown';
  /** What was compared, for people: "page 20240411122530.GQ5383@x.., stored 20240411122530.GQ5383@nvidia.com". */
  detail: string;
}

/** What the matcher found for a page message without a usable Message-ID. */
export type PageMatch =
  | {
      kind: 'match';
      /** The stored message the page is a copy of. */
      messageId: string;
      /** 0..1: how sure (see match-page.ts for the scale). */
      confidence: number;
      /** One line per field compared. */
      evidence: MatchEvidence[];
    }
  | {
      kind: 'none';
      /** no-candidates, too-weak (best below the threshold), ambiguous (two candidates equally good). */
      reason: 'no-candidates' | 'too-weak' | 'ambiguous';
      /** The best candidate considered and why it was not taken; null when none was. */
      best: { messageId: string; confidence: number; evidence: MatchEvidence[] } | null;
    };
