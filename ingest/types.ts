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

/** Stable codes of Patchwork problems. Part of the JSON output: add, never rename. */
export type PatchworkProblemCode =
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

/** Something that went wrong reading a Patchwork server. Bad answers are data, not crashes. */
export interface PatchworkProblem {
  /** A Patchwork code, or the HTTP client's when the request itself failed. */
  code: PatchworkProblemCode | import('./sync/sync-types.ts').FetchProblemCode;
  /** One sentence: what failed and why. */
  message: string;
  /** The URL concerned ('' when none). */
  url: string;
  /** What the user can do about it. */
  hint: string;
  /** error: something asked for was not read (the run exits 1); warning: read anyway, or only
   *  partly (a field left empty). */
  severity: 'error' | 'warning';
  /** What a well-formed answer would have had here. */
  expected?: string;
  /** What was there (truncated). */
  found?: string;
  /** Requests made for it, retries included (for failed requests). */
  attempts?: number;
}
