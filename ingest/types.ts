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
  // archive web pages (ingest/archive/)
  | 'page/foreign' // HTML no known archive generator wrote: nothing imported from it
  | 'page/index' // an archive's index page (by date, thread, author...): it holds no message
  | 'page/incomplete' // a recognised page lacking a part its generator always writes (body, subject, header list)
  | 'page/message-id' // the page carries no usable Message-ID (truncated, made up, absent): a placeholder is used
  | 'page/parent' // the page says only approximately which message this one answers
  | 'store/recovered-copy' // a message recovered from a page, stored as another copy of the message it is
  | 'store/superseded'; // the original mail (or a better page copy) replaced a message recovered from a page

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
  /** Fields the archive hid or damaged. */
  obfuscated: Obfuscation[];
  /** How precise the date is. */
  datePrecision: PageDate['precision'];
}

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
