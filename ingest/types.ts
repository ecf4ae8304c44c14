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
