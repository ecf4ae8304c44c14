// View model of topic pages: the timeline of lineages and threads grouped by year, with their
// revisions and status, and the key statements in date order with their citations. Pure.
import { formatCitation } from '../../ingest/discussion/format-citation.ts';
import type { StatementOut, TopicEntry } from '../../ingest/read-models.ts';
import { messagePath, seriesPath, threadPath } from './paths.ts';

export interface TopicEntryView {
  kind: 'lineage' | 'thread';
  title: string;
  href: string;
  author: string;
  span: string;
  revisions: Array<{ label: string; href: string; date: string }>;
  /** "applied (v9, by Andrew Morton)", "NAKed by ...", "latest v3", "discussion". */
  status: string;
  state: 'applied' | 'nacked' | 'open' | 'discussion';
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
  answers: { author: string; text: string } | null;
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
    if (e.kind === 'lineage' && e.status) {
      const latest = labelOf(e.status.latestPosting);
      if (e.status.applied) {
        state = 'applied';
        status = `applied (${labelOf(e.status.applied.posting)}${e.status.applied.by ? `, by ${e.status.applied.by}` : ''})`;
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
      pinned: e.pinned,
      hits: e.hits,
    };
    years.set(year, [...(years.get(year) ?? []), view]);
  }
  return [...years.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([year, list]) => ({ year, entries: list }));
}

export function topicStatementViews(statements: StatementOut[]): TopicStatementView[] {
  return statements.map((s) => {
    const answers = s.answers ? { author: s.answers.author || 'someone', text: s.answers.text } : null;
    return {
      date: day(s.date),
      author: s.author,
      kind: s.kind,
      text: s.text,
      answers,
      href: messagePath(s.messageId),
      cite: formatCitation({ messageId: s.messageId, author: s.author, email: s.email, date: s.date, subject: s.subject, text: s.text, answers }, 'markdown'),
      why: `${s.why} (confidence ${s.confidence})`,
    };
  });
}
