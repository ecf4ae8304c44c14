// View model of topic pages: the timeline of lineages and threads grouped by year, with their
// revisions and status, and the key statements in date order with their citations; and the
// list of topics. Pure; the pages only render it.
import { formatCitation } from '../../ingest/discussion/format-citation.ts';
import type { LineageState, StatementOut, TopicEntry } from '../../ingest/read-models.ts';
import type { Topic } from '../../ingest/topic/read-topic.ts';
import { messagePath, seriesPath, threadPath } from './paths.ts';
import { patchworkLineageState } from './patchwork-view.ts';
import { clip } from './thread-view.ts';
import { lineageStateBadge } from './commits-view.ts';

/** Characters of a quoted point shown beside a key statement. */
export const TOPIC_ANSWER_CHARS = 200;

/** A topic's page. */
export function topicPath(slug: string): string {
  return `/topics/${slug}/`;
}

export interface TopicEntryView {
  kind: 'lineage' | 'thread';
  title: string;
  href: string;
  author: string;
  span: string;
  revisions: Array<{ label: string; href: string; date: string }>;
  /** "merged (v4, in v81)", "applied (v9, by Andrew Morton)", "NAKed by ...", "latest v3",
   *  "discussion". */
  status: string;
  /** A lineage's state (LineageState), or 'discussion' for a thread. */
  state: LineageState | 'discussion';
  /** The status badge's class besides "badge": 'merged' or 'partial' when commits say so, 'ok'
   *  when applied (or accepted), 'nak' when NAKed (or changes requested, rejected), 'old' when
   *  superseded, else ''. */
  badgeClass: string;
  pinned: boolean;
  hits: number;
}

export interface TopicYear {
  year: string;
  entries: TopicEntryView[];
}

export interface TopicStatementView {
  date: string;
  author: string;
  kind: string;
  text: string;
  /** What it answers; `excerpt` is `text` cut to TOPIC_ANSWER_CHARS, or, when the quoted point
   *  is only a link to a stored message, that message's subject and author (`href` its page). */
  answers: { author: string; text: string; excerpt: string; href: string | null } | null;
  href: string;
  cite: string;
  why: string;
}

const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : 'undated');

export function topicYears(entries: TopicEntry[]): TopicYear[] {
  const years = new Map<string, TopicEntryView[]>();
  for (const e of entries) {
    const year = e.first ? e.first.slice(0, 4) : 'undated';
    const labelOf = (posting: string) => e.revisions.find((r) => r.postingId === posting)?.label ?? '';
    let status = 'discussion';
    let state: TopicEntryView['state'] = 'discussion';
    let pwTone = '';
    if (e.kind === 'lineage' && e.status) {
      const latest = labelOf(e.status.latestPosting);
      const merged = lineageStateBadge(e.status.state);
      const pw = patchworkLineageState(e.status.state);
      if (merged && e.status.merged) {
        state = 'merged';
        status = `${merged.text} (${labelOf(e.status.merged.landedPosting ?? '')}${e.status.merged.release ? `, in ${e.status.merged.release}` : ''})`;
        pwTone = merged.className;
      } else if (e.status.applied) {
        state = 'applied';
        status = `applied (${labelOf(e.status.applied.posting)}${e.status.applied.by ? `, by ${e.status.applied.by}` : ''})`;
      } else if (pw) {
        state = e.status.state;
        status = `${pw.text} (latest ${latest})`;
        pwTone = pw.tone;
      } else if (e.status.naks.length) {
        state = 'nacked';
        status = `NAKed by ${e.status.naks.map((n) => n.by).join(', ')} (latest ${latest})`;
      } else {
        state = 'open';
        status = `latest ${latest}, not applied on these lists`;
      }
    }
    const view: TopicEntryView = {
      kind: e.kind,
      title: e.title || '(no subject)',
      href: e.kind === 'lineage' ? seriesPath(e.id) : threadPath(e.id),
      author: e.author,
      span: e.first && e.last && day(e.first) !== day(e.last) ? `${day(e.first)} – ${day(e.last)}` : day(e.first),
      revisions: e.revisions.map((r) => ({ label: r.label, href: threadPath(r.threadId), date: day(r.date) })),
      status,
      state,
      badgeClass: state === 'applied' ? 'ok' : state === 'nacked' ? 'nak' : pwTone,
      pinned: e.pinned,
      hits: e.hits,
    };
    years.set(year, [...(years.get(year) ?? []), view]);
  }
  return [...years.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([year, list]) => ({ year, entries: list }));
}

export function topicStatementViews(statements: StatementOut[]): TopicStatementView[] {
  return statements.map((s) => {
    const refers = s.answers?.refers;
    const answers = s.answers ? { author: s.answers.author || 'someone', text: refers ? `“${refers.subject}” by ${refers.author}` : s.answers.text } : null;
    return {
      date: day(s.date),
      author: s.author,
      kind: s.kind,
      text: s.text,
      answers: answers && { ...answers, excerpt: clip(answers.text, TOPIC_ANSWER_CHARS), href: refers ? messagePath(refers.messageId) : null },
      href: messagePath(s.messageId),
      cite: formatCitation({ messageId: s.messageId, author: s.author, email: s.email, date: s.date, subject: s.subject, text: s.text, answers }, 'markdown'),
      why: `${s.why} (confidence ${s.confidence})`,
    };
  });
}

/** A topic's page: its account, its timeline and key statements, and what found them. */
export interface TopicPageView {
  title: string;
  summary: string;
  /** The account, rendered (citations resolved). */
  html: string;
  /** Series lineages on the timeline. */
  lineages: number;
  /** Other threads on the timeline. */
  threads: number;
  /** The topic's query, and the search page running it. */
  query: string;
  queryHref: string;
  /** Lineages the topic pins besides what the query finds. */
  pinned: number;
  years: TopicYear[];
  statements: TopicStatementView[];
}

export function topicPageView(
  topic: Pick<Topic, 'title' | 'summary' | 'query' | 'lineages'>,
  data: { html: string; entries: TopicEntry[]; statements: StatementOut[] },
): TopicPageView {
  const lineages = data.entries.filter((e) => e.kind === 'lineage').length;
  return {
    title: topic.title,
    summary: topic.summary,
    html: data.html,
    lineages,
    threads: data.entries.length - lineages,
    query: topic.query,
    queryHref: `/search/?q=${encodeURIComponent(topic.query)}`,
    pinned: topic.lineages.length,
    years: topicYears(data.entries),
    statements: topicStatementViews(data.statements),
  };
}

/** A topic in the list of topics. */
export interface TopicLinkView {
  title: string;
  href: string;
  /** One line on what it tells, '' when none. */
  summary: string;
}

export function topicLinkViews(topics: ReadonlyArray<Pick<Topic, 'slug' | 'title' | 'summary'>>): TopicLinkView[] {
  return topics.map((t) => ({ title: t.title, href: topicPath(t.slug), summary: t.summary }));
}
