// What the site reads from the store, at build time. The store is opened read-only from
// $PATCHLORE_DB (set by `patchlore build`), again when that changes. Pages call these per page, so
// memory stays flat however many threads there are. Each call records what it read (site-reads.ts)
// for the incremental build, which asks valueDigest() whether a value read before has changed.
// Rows and read models only: shaping them for pages is the view models' job; questions are the
// stages' query functions, rows the store's.
import { createHash } from 'node:crypto';
import { threadCommits as threadCommitsOf } from '../../ingest/commits/commits-queries.ts';
import { lineageLinks, lineageStatus, threadLinks } from '../../ingest/discussion/discussion-queries.ts';
import type { LineageStatus, MergedCommit, PatchworkSummary, SeriesLineage, SeriesRow, StatementOut, ThreadLink, ThreadSeries, TopicEntry } from '../../ingest/read-models.ts';
import { outsideVersion } from '../../ingest/publish/site-changes.ts';
import { lineageOf, seriesRows, threadRoles as threadRolesOf, threadSeries } from '../../ingest/series/series-queries.ts';
import type { PatchRole } from '../../ingest/series/patch-roles.ts';
import { postingsPatchwork, threadPatchwork as patchworkOfThread } from '../../ingest/patchwork/patchwork-queries.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import type { ListRow, NodeRow, QuoteSourceRow, StatementSpanRow, Store, ThreadRow } from '../../ingest/store/store-port.ts';
import { citationResolver, storeTopicsFs } from '../../ingest/topic/read-topics-fs.ts';
import type { Topic } from '../../ingest/topic/read-topic.ts';
import { renderTopic } from '../../ingest/topic/render-topic.ts';
import { topicEntries, topicStatements } from '../../ingest/topic/topic-queries.ts';
import { formatProblem } from '../../ingest/cli/format-problem.ts';
import { messagePath } from './paths.ts';
import { ALWAYS_READ, SERIES_READ, citationsRead, lineageRead, threadRead, valueRead } from './site-reads.ts';

let store: Store | null = null;
/** Each list's threads in page order, read once per store (pages of a list are slices of it:
 *  reading each page with an OFFSET would be quadratic in the threads of the list). */
let listRows = new Map<string, ThreadRow[]>();

function db(): Store {
  const path = process.env.PATCHLORE_DB;
  if (!path) throw new Error('PATCHLORE_DB is not set: build the site with `patchlore build`');
  if (store && store.path !== path) {
    store.close();
    store = null;
    listRows = new Map();
  }
  if (!store) store = openStore(path, { readonly: true });
  return store;
}

/** Keys read since recordReads(), or null when not recording. */
let reads: Set<string> | null = null;

function read(key: string): void {
  reads?.add(key);
}

/** Start recording what is read (one page renders at a time). */
export function recordReads(): void {
  reads = new Set();
}

/** What was read since recordReads(), sorted; stops recording. */
export function takeReads(): string[] {
  const out = [...(reads ?? [])].sort();
  reads = null;
  return out;
}

export function threadIds(): string[] {
  read(valueRead('threads'));
  return db().threads.ids();
}

export function threadRow(id: string): ThreadRow | null {
  read(threadRead(id));
  return db().threads.row(id);
}

/** The shown nodes of a thread in display order. */
export function threadNodes(id: string): NodeRow[] {
  read(threadRead(id));
  return db().threads.shownNodes(id);
}

export function lists(): ListRow[] {
  read(valueRead('lists'));
  return db().threads.lists();
}

function allListThreads(list: string): ThreadRow[] {
  let rows = listRows.get(list);
  if (!rows) {
    const total = db().threads.lists().find((l) => l.name === list)?.threads ?? 0;
    rows = total > 0 ? db().threads.listThreads(list, 0, total) : [];
    listRows.set(list, rows);
  }
  return rows;
}

/** Threads of a list, most recently active first. */
export function listThreads(list: string, offset: number, limit: number): ThreadRow[] {
  read(valueRead(`list:${offset}:${limit}:${list}`));
  return allListThreads(list).slice(offset, offset + limit);
}

/** Threads active most recently, across lists. */
export function recentThreads(limit: number): ThreadRow[] {
  read(valueRead(`recent:${limit}`));
  return db().threads.recent(limit);
}

export function totals(): { messages: number; threads: number; ghosts: number } {
  read(valueRead('totals'));
  const s = db().mail.stats();
  return { messages: s.messages, threads: s.threads, ghosts: s.ghosts };
}

/** Every series lineage id. */
export function seriesFamilies(): string[] {
  read(valueRead('families'));
  return db().series.familyIds();
}

/** A lineage: its revisions, oldest first, with patches, trailers, reply counts and changes. */
export function seriesLineage(family: string): Omit<SeriesLineage, 'postingId'> | null {
  read(lineageRead(family));
  return lineageOf(db(), family);
}

/** Every revision of every lineage with a posting on `list` (all lineages when list is null). */
export function seriesTable(list: string | null): SeriesRow[] {
  read(SERIES_READ);
  return seriesRows(db(), list ?? undefined);
}

/** The postings a thread starts, placed in their lineages. */
export function seriesOfThread(threadId: string): ThreadSeries[] {
  read(threadRead(threadId));
  const out = threadSeries(db(), threadId);
  for (const s of out) read(lineageRead(s.family));
  return out;
}

/** Lineages with a posting on each list. */
export function seriesCounts(): Map<string, number> {
  read(SERIES_READ);
  return db().series.countsByList();
}

/** Whether the store holds Patchwork records (asked once: most stores hold none). */
let patchworkStored: boolean | null = null;
/** The Patchwork summary of every posting it tracks, read once for every series table. */
let postingSummaries: Map<string, PatchworkSummary> | null = null;

/** What Patchwork says of each posting's patches, by posting (series tables). */
export function seriesPatchwork(): ReadonlyMap<string, PatchworkSummary> {
  read(SERIES_READ);
  read(valueRead('outside'));
  patchworkStored ??= db().patchwork.stamp() !== '';
  postingSummaries ??= patchworkStored ? postingsPatchwork(db()) : new Map();
  return postingSummaries;
}

/** What Patchwork says of a thread's patches (of its shown `nodes`), and of its cover letters'
 *  series; and which of its messages are Patchwork's rebuilds. */
export function threadPatchwork(threadId: string, nodes: readonly NodeRow[]): ReturnType<typeof patchworkOfThread> & { rebuilt: Map<string, string> } {
  read(threadRead(threadId));
  read(valueRead('outside'));
  const keys = nodes.flatMap((n) => (n.ghost ? [] : [n.id]));
  const rebuilt = db().mail.rebuiltAmong(keys);
  patchworkStored ??= db().patchwork.stamp() !== '';
  if (!patchworkStored) return { patches: new Map(), covers: new Map(), rebuilt };
  return { ...patchworkOfThread(db(), threadId, keys), rebuilt };
}

/** What each message of a thread is to the series it holds (of its shown `nodes`), by key. */
export function threadRoles(threadId: string, nodes: readonly NodeRow[]): Map<string, PatchRole> {
  read(threadRead(threadId));
  return threadRolesOf(db(), threadId, nodes);
}

/** The statements and quote sources of a thread's messages. */
export function threadDiscussion(threadId: string): { statements: StatementSpanRow[]; quotes: QuoteSourceRow[] } {
  read(threadRead(threadId));
  return db().discussion.threadSpans(threadId);
}

/** What a thread cites in other threads, and what cites it. */
export function threadCitations(threadId: string): { cites: ThreadLink[]; citedBy: ThreadLink[] } {
  read(citationsRead(threadId));
  return threadLinks(db(), threadId);
}

/** The commits the patches of a thread's messages became, by message key. */
export function threadCommits(threadId: string): Map<string, MergedCommit[]> {
  read(threadRead(threadId));
  read(valueRead('outside'));
  return threadCommitsOf(db(), threadId);
}

/** Where a lineage stands: latest revision, applied or not, NAKs outstanding, superseded. */
export function seriesStatus(family: string): LineageStatus | null {
  read(lineageRead(family));
  return lineageStatus(db(), family);
}

/** What the threads of a lineage cite, and what cites them, leaving out links between its own
 *  threads (revisions pointing at each other). */
export function seriesCitations(family: string): { cites: ThreadLink[]; citedBy: ThreadLink[] } {
  read(lineageRead(family));
  return lineageLinks(db(), family);
}

/** The topics of content/topics about this store's lists (a topic that cannot be read fails
 *  the build, naming it). */
export function siteTopics(): Topic[] {
  read(valueRead('topics'));
  const { topics, problems } = storeTopicsFs(db());
  if (problems.length) throw new Error(`topics cannot be built:\n${problems.map(formatProblem).join('\n')}`);
  return topics;
}

/** What a topic page shows: its body with citations, its timeline, its key statements. */
export function topicData(topic: Topic): { html: string; entries: TopicEntry[]; statements: StatementOut[] } {
  read(ALWAYS_READ);
  const rendered = renderTopic(topic, citationResolver(db(), messagePath));
  if (rendered.problems.length) throw new Error(rendered.problems.map(formatProblem).join('\n'));
  const entries = topicEntries(db(), topic.query, topic.lineages);
  const statements = topicStatements(db(), entries.flatMap((e) => e.threads), topic.messages);
  return { html: rendered.html, entries, statements };
}

/** The values behind value keys (valueRead), by name. */
const VALUES: Array<[RegExp, (m: RegExpExecArray) => unknown]> = [
  [/^threads$/, () => db().threads.ids()],
  [/^lists$/, () => db().threads.lists()],
  [/^totals$/, () => db().mail.stats()],
  [/^families$/, () => db().series.familyIds()],
  [/^topics$/, () => storeTopicsFs(db())],
  [/^recent:(\d+)$/, (m) => db().threads.recent(Number(m[1]))],
  [/^outside$/, () => outsideVersion(db())],
  [/^list:(\d+):(\d+):(.*)$/s, (m) => allListThreads(m[3]!).slice(Number(m[1]), Number(m[1]) + Number(m[2]))],
];

/** A digest of the current value behind a value key (the name after "v:"), null for a name this
 *  module does not read (the page is then rendered again). */
export function valueDigest(name: string): string | null {
  for (const [re, value] of VALUES) {
    const m = re.exec(name);
    if (m) return createHash('sha1').update(JSON.stringify(value(m))).digest('base64url').slice(0, 16);
  }
  return null;
}
