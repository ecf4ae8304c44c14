// The store's surface (a port): everything the pipeline, the CLI and the site ask of the store,
// as typed rows in and out, grouped by the tables' nouns (and Patchwork's records, synced beside
// the mail). The SQLite engine (sqlite-store-fs.ts) implements it; a second engine would
// implement the same interfaces. Nothing here decides anything: which key an imposter gets, how
// threads, series and statements are computed, how a query is matched, are the stages' business.
// See README "Architecture: the store port".
import type { Diagnostic, GitCommit, LineageOutcome, MergeState, Origin, PatchMeta, PatchworkCursor, PostedCover, Posting, PostingEvidence, PostingTrailer, Revision, ThreadInput, ThreadNode } from '../types.ts';
import type * as R from './store-rows.ts';

export type * from './store-rows.ts';

/** Raw mail, where it was seen, the messages parsed from it, and the problems met. */
export interface MailTables {
  /** The raw message with these bytes' hash, if already stored. */
  knownRaw(sha256: string): R.KnownRaw | undefined;
  /** Store a new raw message; returns its id. `refused` marks bytes known to be incomplete. */
  insertRaw(sha256: string, bytes: Uint8Array, envelopeDate: string | null, refused: Diagnostic | null): number;
  /** Record where a raw message was read and on which list (`list`, '' when unknown). When the
   *  message is newly seen on that list, its thread's summary is invalidated and this says true. */
  addSighting(rawId: number, origin: Origin, message: number | null, list: string): boolean;
  /** Every place a raw message was read from. */
  sightingsOf(rawId: number): Origin[];
  /** Raw messages after row id `after`, in id order, with one place each was read from. */
  rawPage(after: number, limit: number): R.RawRow[];
  /** Raw messages stored. */
  rawCount(): number;
  /** Record a raw message that could not be parsed, with the reason. */
  storeUnparsed(rawId: number, reason: Diagnostic): void;
  /** Problems about a stored raw message (`rawId` null: about a message key only). */
  addDiagnostics(rawId: number | null, key: string, diagnostics: readonly Diagnostic[]): void;
  /** Problems with an input that concern no stored message. Idempotent. */
  addSourceDiagnostic(d: Diagnostic): void;
  /** The stored messages carrying this Message-ID (one, or several imposters). */
  variantsOf(messageId: string): R.VariantRow[];
  /** Store a new message with its full-text fields; returns its row id. */
  insertMessage(m: R.MessageRecord): number;
  /** Of these message keys, those whose stored content is a server's rebuild, with who rebuilt it
   *  ('patchwork'). */
  rebuiltAmong(keys: readonly string[]): Map<string, string>;
  /** Give stored message `id` other content in place: every column of `m` (its key and
   *  Message-ID included, and who rebuilt it), its full-text row and its patch facts; its copies,
   *  lists and row id stay. It leaves the message unthreaded: the caller invalidates its old thread (by its old
   *  key) and that thread's discussion. */
  replaceMessage(id: number, m: R.MessageRecord, meta: PatchMeta): void;
  /** Fold stored message `from` into message `into`: its copies and lists become `into`'s, and
   *  `from` is deleted with its full-text row, patch facts and discussion rows. The caller
   *  invalidates `from`'s thread first. */
  mergeMessage(from: number, into: number): void;
  /** Messages recovered from archive pages dated within [from, to] (ms), whatever their ID. */
  pageCopiesNear(from: number, to: number): R.MessageFacts[];
  /** Every message dated within [from, to] (ms), mail and page copies. */
  messagesNear(from: number, to: number): R.MessageFacts[];
  /** The stored message with this key, as matching compares it. */
  factsOf(key: string): R.MessageFacts | undefined;
  /** Record that `alias` (a page copy's placeholder ID) names the message `messageId`. */
  addAlias(alias: string, messageId: string): void;
  /** The Message-IDs these IDs are aliases of (only those that are). */
  aliasesOf(ids: readonly string[]): Map<string, string>;
  /** Messages that may name `id` among their references: of those in the thread holding node
   *  `id` and those not threaded yet, the ones whose references hold its text (the caller reads
   *  each one's references). */
  mayReference(id: string): R.ReferencesRow[];
  /** Give stored message `id` other references (its thread is invalidated by the caller). */
  setReferences(id: number, references: readonly string[], inReplyTo: string): void;
  /** Store a message's patch facts (ingest/patch/mine-patch.ts); replaces earlier ones. */
  addPatchMeta(message: number, meta: PatchMeta): void;
  /** Messages whose patch facts were mined by rules other than `rules` (PatchMeta.rules; absent
   *  counts as 1), after row id `after`, in id order, with what mining reads of them. */
  staleMineInputs(rules: number, after: number, limit: number): R.MineInputRow[];
  /** Record raw copy `rawId` as a copy of stored message `message`. */
  addCopy(rawId: number, message: number): void;
  /** Give stored messages new keys (imposters re-keyed); `imposter` says whether the key is the
   *  plain Message-ID's. The threads of the old keys must be invalidated by the caller. */
  rekey(changes: ReadonlyArray<{ id: number; key: string; imposter: boolean }>): void;
  /** List-Id header values of a stored message. */
  listIdsOf(message: number): string[];
  /** Whether a message (not a ghost) with this Message-ID is stored. */
  hasMessage(messageId: string): boolean;
  /** Whether any message was seen on this list. */
  hasList(list: string): boolean;
  /** The node id (message key or ghost id) a Message-ID or key names, and its thread. */
  locate(messageIdOrKey: string): R.Located | null;
  /** One stored message by key. */
  messageByKey(key: string): R.MessageHead | undefined;
  /** The text (joined parts) of a stored message, '' when there is none. */
  bodyOf(key: string): string;
  /** The last commit imported from an epoch, or null. */
  epochCursor(gitDir: string): string | null;
  setEpochCursor(gitDir: string, commit: string): void;
  /** Forget how far an epoch was read: its next import reads it whole. */
  forgetEpochCursor(gitDir: string): void;
  /** Counts of everything in the store (`patchlore stats`). */
  stats(): R.StoreStats;
  /** What could not be parsed or placed (`patchlore report`). */
  report(examples: number): R.StoreReport;
}

/** Thread nodes and per-thread summaries. */
export interface ThreadTables {
  /** Messages not threaded yet. */
  unthreadedCount(): number;
  /** The messages to thread now: every unthreaded message, plus the members of each thread one
   *  of them touches (holds its key or an id it references). The touched threads are removed:
   *  call inside a transaction that writes the new threading. */
  takeDirty(): ThreadInput[];
  /** Facts of stored messages that thread summaries are made of, by key. */
  summaryFacts(keys: readonly string[]): Map<string, R.ThreadFact>;
  /** Store the threading of `keys`' messages: nodes, per-thread summaries, and the threading
   *  diagnostics (replacing earlier ones of those keys). */
  write(nodes: readonly ThreadNode[], summaries: readonly R.ThreadSummary[], keys: readonly string[], diagnostics: readonly Diagnostic[]): void;
  /** Mark the threads holding any of these node ids as needing threading again. */
  invalidate(nodeIds: readonly string[]): void;
  /** Every thread id, sorted. */
  ids(): string[];
  /** One thread's summary. */
  row(threadId: string): R.ThreadRow | null;
  /** Shown nodes of a thread in display order, each with its message head (null for ghosts). */
  shownNodes(threadId: string): R.NodeRow[];
  /** Shown messages of a thread with the heads patch roles read (no bodies), in display order. */
  roleNodes(threadId: string): R.RoleNodeRow[];
  /** Every node of a thread, shown or not (for counting replies). */
  allNodes(threadId: string): R.NodeLink[];
  /** The thread holding a node. */
  threadOfNode(nodeId: string): string | null;
  /** A node's parent, null for a root or an unknown node. */
  parentOf(nodeId: string): string | null;
  /** Lists with their counts. */
  lists(): R.ListRow[];
  /** Threads of a list, most recently active first. */
  listThreads(list: string, offset: number, limit: number): R.ThreadRow[];
  /** Threads active most recently, across lists. */
  recent(limit: number): R.ThreadRow[];
  /** Every threaded message key with its Message-ID and thread (for /m/ pages), by row id; only
   *  those with a row id above `afterId` when given. */
  messageIndex(afterId?: number): Iterable<R.MessageIndexRow>;
  /** What each thread is made of, in numbers (members, their row ids and places, lists): two
   *  equal rows mean an unchanged thread (the site's incremental build). */
  versions(): Iterable<R.ThreadVersionRow>;
  /** Shown ghosts with their thread. */
  ghosts(): Array<{ id: string; threadId: string }>;
  /** The earliest message of a thread's author. */
  firstAuthor(threadId: string): { name: string; email: string } | null;
}

/** Postings, revisions and trailers (the series stage's output), what it reads, and what it keeps
 *  to recompute only what new mail changes (ingest/derive/derive-series.ts). */
export interface SeriesTables {
  /** Record threads written since the series were derived (the thread derivation does, in the
   *  transaction that writes them). */
  markThreadsDirty(threadIds: readonly string[]): void;
  /** The threads recorded by markThreadsDirty, sorted. */
  dirtyThreads(): string[];
  /** Forget the recorded threads (the series derivation, when it is done with them). */
  clearDirtyThreads(): void;
  /** Empty every series table and what the series derivation keeps (not the dirty threads). */
  clear(): void;
  /** The messages of these threads with their patch facts: the series stage's input. */
  threadMessages(threadIds: readonly string[]): R.SeriesInputRow[];
  /** The thread roots whose patch facts are of one of these kinds, in these threads (null: in
   *  every thread). */
  rootMessages(kinds: readonly string[], threadIds: readonly string[] | null): Iterable<R.RootMessageRow>;
  /** Kept thread roots of these message keys, with their messages' threads now. */
  roots(keys: readonly string[]): R.LocatedRootRow[];
  /** Kept thread roots of a sender dated from `from` to `to` (both included). */
  rootsNear(sender: string, from: number, to: number): R.LocatedRootRow[];
  /** Keep thread roots beside those kept. */
  keepRoots(rows: readonly R.SeriesRootRow[]): void;
  /** Forget the kept roots of `keys`, then keep `rows`. */
  replaceRoots(keys: readonly string[], rows: readonly R.SeriesRootRow[]): void;
  /** Postings with a cover letter or patch in these threads, or started in one. */
  postingsInThreads(threadIds: readonly string[]): string[];
  /** The threads the cover letters and patches of these postings are in now. */
  memberThreads(postingIds: readonly string[]): string[];
  /** Stored postings as the series stage made them (those stored). */
  postingRecords(postingIds: readonly string[]): Posting[];
  /** Every posting id, sorted. */
  postingIds(): string[];
  /** Every author key of a stored posting, sorted. */
  authorKeys(): string[];
  /** The postings of an author (PostingsWrite's authorKey). */
  postingsOfAuthor(authorKey: string): Posting[];
  /** Postings found under one of these keys (PostingsWrite's foundUnder). */
  postingsUnder(keys: readonly string[]): Posting[];
  /** Postings looking under one of these keys (PostingsWrite's poolKeys). */
  postingsLookingUnder(keys: readonly string[]): Posting[];
  /** The postings with this change-id. */
  postingsWithChangeId(changeId: string): Posting[];
  /** Postings whose links (Posting.links) name one of these message keys. */
  postingsLinkingTo(keys: readonly string[]): string[];
  /** Remove postings (their patches, trailers, mismatches and revisions; not their evidence),
   *  then store new ones. */
  replacePostings(remove: readonly string[], add: R.PostingsWrite): void;
  /** The kept evidence of these postings (those that have it). */
  evidence(postingIds: readonly string[]): PostingEvidence[];
  /** Postings whose kept evidence names one of these postings. */
  evidenceNaming(postingIds: readonly string[]): string[];
  /** Keep the evidence of postings, in place of what was kept for them. */
  writeEvidence(evidence: readonly PostingEvidence[]): void;
  /** Forget the evidence of these postings. */
  forgetEvidence(postingIds: readonly string[]): void;
  /** The trailers collected for these postings (not carried ones), in the order stored. */
  collectedTrailers(postingIds: readonly string[]): PostingTrailer[];
  /** Replace the revisions and carried trailers of these postings. */
  replaceLineages(postingIds: readonly string[], revisions: readonly Revision[], carried: readonly PostingTrailer[]): void;
  /** The posting a message key is a member of (cover letter or patch), null if none. */
  postingOfMember(key: string): string | null;
  /** The lineages a posting is in: the one it starts first, then by id. */
  familiesOf(postingId: string): string[];
  /** Every revision of a lineage with its posting, oldest first. */
  revisions(family: string): R.RevisionRow[];
  /** The patches of a posting in order. */
  patches(postingId: string): R.PatchRow[];
  /** Trailers of one patch of a posting, as stored. */
  trailers(postingId: string, patchKey: string): R.TrailerRow[];
  /** Trailer mismatches of a posting. */
  mismatches(postingId: string): R.MismatchRow[];
  /** Every revision of every lineage (of lineages with a posting on `list`, when given), with
   *  review counts, ordered by lineage then date. */
  table(list: string | null): R.SeriesTableRow[];
  /** Postings started in a thread, by date. */
  postingsInThread(threadId: string): string[];
  /** The revisions of every lineage the posting is in, by lineage then date. */
  neighbours(postingId: string): R.NeighbourRow[];
  /** Every lineage id, sorted. */
  familyIds(): string[];
  /** Lineages with a posting on each list. */
  countsByList(): Map<string, number>;
  /** Threads holding a posting of the lineage. */
  threadsOf(family: string): string[];
  /** Every posting with its lineage, by posting date (a posting in several lineages: one row
   *  each), and every patch's posting: for labelling search results by series. */
  postingFamilies(): Iterable<R.PostingFamilyRow>;
  patchPostings(): Iterable<{ posting: string; key: string }>;
  /** The lineage of a message: its posting's, else its thread's first posting's. */
  familyOfMessage(key: string, threadId: string | null): string | null;
  /** Figures over every lineage, for reviewing the series stage on a whole list. */
  figures(): R.SeriesFigures;
  /** Replace every lineage outcome. */
  replaceOutcomes(outcomes: Iterable<LineageOutcome>): void;
  /** Where a lineage stands, null when unknown. */
  outcome(family: string): LineageOutcome | null;
}

/** Quote sources, statements, verdicts and links (the discussion stage's output). */
export interface DiscussionTables {
  /** Threads whose discussion is missing or was computed from other messages, largest first. */
  pendingThreads(): R.PendingThread[];
  /** All threads, as pendingThreads gives them (for a full recomputation). */
  allThreads(): R.PendingThread[];
  /** A thread's messages as the discussion stage reads them. */
  threadInputs(threadId: string): R.DiscussionInputRow[];
  /** Replace one thread's discussion rows (its messages' cited links come from their patch facts). */
  writeThread(thread: R.PendingThread, d: R.DiscussionRecords): void;
  /** Forget discussion bookkeeping of threads that no longer exist. */
  prune(): void;
  /** Forget what these threads' discussion was computed from, so the next run recomputes them
   *  (a message's content changed in place, which leaves the thread's message count and ids as
   *  they were). */
  forget(threadIds: readonly string[]): void;
  /** Statements of one message (by key) or of a thread, in thread order. */
  statementsOfMessage(key: string): R.StatementRow[];
  statementsOfThread(threadId: string, order: 'thread' | 'date'): R.StatementRow[];
  /** Statements of a message by row id, in text order (for citations). */
  statementsByRowId(rowId: number): R.StatementRow[];
  /** Every statement, by message key, then text order (for measuring the stage on a list). */
  allStatements(): R.StatementRow[];
  /** Verdicts of one message or a thread, in thread order. */
  verdictsOfMessage(key: string): R.VerdictRow[];
  verdictsOfThread(threadId: string): R.VerdictRow[];
  /** Who wrote quoted block `block` of a message (by row id). */
  quoteSource(rowId: number, block: number): R.QuoteSourceRow | undefined;
  /** Statement spans and quote sources of a thread's messages (thread pages). */
  threadSpans(threadId: string): { statements: R.StatementSpanRow[]; quotes: R.QuoteSourceRow[] };
  /** What a thread's messages cite outside it, and what cites its messages from elsewhere. */
  threadLinks(threadId: string): { cites: R.LinkRow[]; citedBy: R.LinkRow[] };
  /** Verdicts on every posting of a lineage (its cover letters and patches), by posting date,
   *  then member, then as said; and the lineage's postings in date order. */
  lineageVerdicts(family: string): { postings: string[]; verdicts: R.LineageVerdictRow[] };
}

/** The full-text index. */
export interface SearchTables {
  /** Indexed words w with from <= w < to. */
  wordsInRange(from: string, to: string): string[];
  /** Run a planned query: hit rows in order, with counts. */
  find(plan: R.SearchPlan, opts: R.FindOptions): R.FindResult;
  /** What a hit shows beyond its row: recipients, text, lists, lineage (unless known). */
  hitDetail(rowId: number, withFamily: boolean): R.HitDetailRow;
  /** Every threaded message by row id (only those above `afterId` when given), with what the
   *  static index needs. */
  documents(afterId?: number): Iterable<R.DocumentRow>;
  /** The threaded messages of these threads, by row id. */
  documentsOf(threadIds: readonly string[]): Iterable<R.DocumentRow>;
  /** Replace every value of one facet: each message (by key) with its values. Keys not stored
   *  are skipped. */
  replaceFacet(facet: string, rows: Iterable<{ key: string; value: string }>): void;
  /** The values of a facet per message key. */
  facetValues(facet: string): Map<string, string[]>;
  /** The messages (row ids) of each value of a facet, by value then row id. */
  facetMessages(facet: string): Iterable<{ value: string; id: number }>;
}

/** Git histories read by `patchlore commits` (primary: kept through reindex), what linking reads
 *  of the posted patches, and the links, unresolved trailers and lineage merges derived from
 *  both (ingest/commits/). */
export interface CommitTables {
  /** Every repository read, by name. */
  repositories(): R.RepositoryRow[];
  /** One repository by name, null when never read. */
  repository(name: string): R.RepositoryRow | null;
  /** Store one read of a repository: its row (replacing the earlier one), its new commits (after
   *  every stored one in history order: newer), and its release assignments. */
  addRead(read: R.RepositoryRead): void;
  /** A repository's commits, newest first (git log order). */
  commits(repo: string): GitCommit[];
  /** Every patch of every posting, by posting then index. */
  postedPatches(headChars: number): R.PostedPatchRow[];
  /** Every cover letter with its posting. */
  covers(): PostedCover[];
  /** Replace every link, unresolved trailer and lineage merge. */
  replaceLinks(records: R.CommitLinkRecords): void;
  /** Links of these patch messages (by key), by repository, then history order (newest
   *  first), then patch. */
  linksOfPatches(keys: readonly string[]): R.CommitLinkRow[];
  /** Links of every patch of a lineage, in the same order. */
  linksOfFamily(family: string): R.CommitLinkRow[];
  /** Whether a lineage landed; null when no repository read reaches it. */
  lineageMerge(family: string): R.LineageMergeRow | null;
  /** Lineages by whether they landed (those no repository reaches are in none). */
  mergeCounts(): Record<MergeState, number>;
  /** Trailers of a repository's commits that named a message no link was made to. */
  unresolved(repo: string): R.UnresolvedRecord[];
  /** Counts of a repository's commits and links. */
  counts(repo: string): R.CommitCounts;
}

/** What Patchwork servers said about patches (primary data: synced, never rebuilt from mail). */
export interface PatchworkTables {
  /** Store what a sync read: records replace those stored with the same server and id (a patch's
   *  checks read as null keep those stored), the project and the cursor when given. Returns the
   *  patches whose state differs from the one stored (not those new to the store). Call inside a
   *  transaction. */
  write(w: R.PatchworkWrite): R.PatchworkStateChange[];
  /** Where the next sync of a server's project starts: by its link name or the name it was asked
   *  by (case-insensitive); null when never synced. */
  cursor(server: string, project: string): PatchworkCursor | null;
  /** Every stored project, with its patches counted by state. */
  projects(): R.PatchworkProjectRow[];
  /** The stored patches with these Message-IDs (one per project tracking it), by Message-ID, then
   *  server and project. */
  patchesOf(messageIds: readonly string[]): R.PatchworkPatchRow[];
  /** Every stored patch's Message-ID and state slug. */
  states(): Iterable<{ messageId: string; state: string }>;
  /** Every stored cover letter with its series' patches. */
  covers(): Iterable<R.PatchworkCoverRow>;
  /** What records of a server's project name that no stored message carries, leaving out mail
   *  marked unavailable after `retryAfter` (ms). */
  lackingMail(server: string, projectId: number, retryAfter: number): R.PatchworkMailRow[];
  /** Record that neither the list archive nor Patchwork could give these messages, at `at`. */
  markUnavailable(server: string, messageIds: readonly string[], at: number): void;
  /** A fingerprint of the stored records: it changes whenever a sync stores any ('' when none). */
  stamp(): string;
}

/** Which derivations are current: the registry's bookkeeping (ingest/derive/). */
export interface DeriveState {
  /** The mail generation: bumped in every transaction that stores or re-keys messages. */
  generation(): number;
  /** Bump the mail generation (inside the transaction that changed the messages). */
  bumpGeneration(): void;
  /** What a derivation was last computed from, null when never. */
  stamp(name: string): R.DerivationStamp | null;
  setStamp(name: string, stamp: R.DerivationStamp): void;
  /** Drop every derived table and create them empty (raw mail, sightings, cursors stay). */
  resetDerived(): void;
}

/** A patchlore store. */
export interface Store {
  /** Where it lives (':memory:' for a store in memory). */
  readonly path: string;
  /** Whether it was opened read-only. */
  readonly readonly: boolean;
  readonly mail: MailTables;
  readonly threads: ThreadTables;
  readonly series: SeriesTables;
  readonly discussion: DiscussionTables;
  readonly search: SearchTables;
  readonly commits: CommitTables;
  readonly patchwork: PatchworkTables;
  readonly derived: DeriveState;
  /** Run `fn` in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T;
  close(): void;
}
