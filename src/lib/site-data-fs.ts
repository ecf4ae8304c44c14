// What the site reads from the store, at build time. The store is opened read-only once, from
// $PATCHLORE_DB (set by `patchlore build`). Pages call these per page, so memory stays flat however
// many threads there are. Rows and read models only: shaping them for pages is the view models'
// job; questions are the stages' query functions, rows the store's.
import { threadCommits as threadCommitsOf } from '../../ingest/commits/commits-queries.ts';
import { lineageLinks, lineageStatus, threadLinks } from '../../ingest/discussion/discussion-queries.ts';
import type { LineageStatus, MergedCommit, PatchworkSummary, SeriesLineage, SeriesRow, StatementOut, ThreadLink, ThreadSeries, TopicEntry } from '../../ingest/read-models.ts';
import { lineageOf, seriesRows, threadSeries } from '../../ingest/series/series-queries.ts';
import { postingsPatchwork, threadPatchwork as patchworkOfThread } from '../../ingest/patchwork/patchwork-queries.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import type { ListRow, MessageIndexRow, NodeRow, QuoteSourceRow, StatementSpanRow, Store, ThreadRow } from '../../ingest/store/store-port.ts';
import { citationResolver, storeTopicsFs } from '../../ingest/topic/read-topics-fs.ts';
import type { Topic } from '../../ingest/topic/read-topic.ts';
import { renderTopic } from '../../ingest/topic/render-topic.ts';
import { topicEntries, topicStatements } from '../../ingest/topic/topic-queries.ts';
import { formatProblem } from '../../ingest/cli/format-problem.ts';
import { messagePath } from './paths.ts';

let store: Store | null = null;

function db(): Store {
  if (!store) {
    const path = process.env.PATCHLORE_DB;
    if (!path) throw new Error('PATCHLORE_DB is not set: build the site with `patchlore build`');
    store = openStore(path, { readonly: true });
  }
  return store;
}

export function threadIds(): string[] {
  return db().threads.ids();
}

export function threadRow(id: string): ThreadRow | null {
  return db().threads.row(id);
}

/** The shown nodes of a thread in display order. */
export function threadNodes(id: string): NodeRow[] {
  return db().threads.shownNodes(id);
}

export function lists(): ListRow[] {
  return db().threads.lists();
}

/** Threads of a list, most recently active first. */
export function listThreads(list: string, offset: number, limit: number): ThreadRow[] {
  return db().threads.listThreads(list, offset, limit);
}

/** Threads active most recently, across lists. */
export function recentThreads(limit: number): ThreadRow[] {
  return db().threads.recent(limit);
}

export function totals(): { messages: number; threads: number; ghosts: number } {
  const s = db().mail.stats();
  return { messages: s.messages, threads: s.threads, ghosts: s.ghosts };
}

/** Every message key with its Message-ID and thread, for /m/ pages and the search index. */
export function messageIndex(): Iterable<MessageIndexRow> {
  return db().threads.messageIndex();
}

/** Ghost ids with their thread: /m/<ghost>/ leads to where the missing message would be. */
export function ghostIndex(): Array<{ id: string; threadId: string }> {
  return db().threads.ghosts();
}

/** Every series lineage id. */
export function seriesFamilies(): string[] {
  return db().series.familyIds();
}

/** A lineage: its revisions, oldest first, with patches, trailers, reply counts and changes. */
export function seriesLineage(family: string): Omit<SeriesLineage, 'postingId'> | null {
  return lineageOf(db(), family);
}

/** Every revision of every lineage with a posting on `list` (all lineages when list is null). */
export function seriesTable(list: string | null): SeriesRow[] {
  return seriesRows(db(), list ?? undefined);
}

/** The postings a thread starts, placed in their lineages. */
export function seriesOfThread(threadId: string): ThreadSeries[] {
  return threadSeries(db(), threadId);
}

/** Lineages with a posting on each list. */
export function seriesCounts(): Map<string, number> {
  return db().series.countsByList();
}

/** Whether the store holds Patchwork records (asked once: most stores hold none). */
let patchworkStored: boolean | null = null;
/** The Patchwork summary of every posting it tracks, read once for every series table. */
let postingSummaries: Map<string, PatchworkSummary> | null = null;

/** What Patchwork says of each posting's patches, by posting (series tables). */
export function seriesPatchwork(): ReadonlyMap<string, PatchworkSummary> {
  patchworkStored ??= db().patchwork.stamp() !== '';
  postingSummaries ??= patchworkStored ? postingsPatchwork(db()) : new Map();
  return postingSummaries;
}

/** What Patchwork says of a thread's patches (of its shown `nodes`), and of its cover letters'
 *  series; and which of its messages are Patchwork's rebuilds. */
export function threadPatchwork(threadId: string, nodes: readonly NodeRow[]): ReturnType<typeof patchworkOfThread> & { rebuilt: Map<string, string> } {
  const keys = nodes.flatMap((n) => (n.ghost ? [] : [n.id]));
  const rebuilt = db().mail.rebuiltAmong(keys);
  patchworkStored ??= db().patchwork.stamp() !== '';
  if (!patchworkStored) return { patches: new Map(), covers: new Map(), rebuilt };
  return { ...patchworkOfThread(db(), threadId, keys), rebuilt };
}

/** The statements and quote sources of a thread's messages. */
export function threadDiscussion(threadId: string): { statements: StatementSpanRow[]; quotes: QuoteSourceRow[] } {
  return db().discussion.threadSpans(threadId);
}

/** What a thread cites in other threads, and what cites it. */
export function threadCitations(threadId: string): { cites: ThreadLink[]; citedBy: ThreadLink[] } {
  return threadLinks(db(), threadId);
}

/** The commits the patches of a thread's messages became, by message key. */
export function threadCommits(threadId: string): Map<string, MergedCommit[]> {
  return threadCommitsOf(db(), threadId);
}

/** Where a lineage stands: latest revision, applied or not, NAKs outstanding, superseded. */
export function seriesStatus(family: string): LineageStatus | null {
  return lineageStatus(db(), family);
}

/** What the threads of a lineage cite, and what cites them, leaving out links between its own
 *  threads (revisions pointing at each other). */
export function seriesCitations(family: string): { cites: ThreadLink[]; citedBy: ThreadLink[] } {
  return lineageLinks(db(), family);
}

/** The topics of content/topics about this store's lists (a topic that cannot be read fails
 *  the build, naming it). */
export function siteTopics(): Topic[] {
  const { topics, problems } = storeTopicsFs(db());
  if (problems.length) throw new Error(`topics cannot be built:\n${problems.map(formatProblem).join('\n')}`);
  return topics;
}

/** What a topic page shows: its body with citations, its timeline, its key statements. */
export function topicData(topic: Topic): { html: string; entries: TopicEntry[]; statements: StatementOut[] } {
  const rendered = renderTopic(topic, citationResolver(db(), messagePath));
  if (rendered.problems.length) throw new Error(rendered.problems.map(formatProblem).join('\n'));
  const entries = topicEntries(db(), topic.query, topic.lineages);
  const statements = topicStatements(db(), entries.flatMap((e) => e.threads), topic.messages);
  return { html: rendered.html, entries, statements };
}
