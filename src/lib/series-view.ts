// View models of the series pages: a lineage's timeline and revisions, the per-list table of
// series with the states its filters use, and the series box of a thread page. Pure: query
// results in, plain data out. Subjects, names and changelogs are mail-controlled text; pages
// render them as text.
import type { RevisionSignal } from '../../ingest/types.ts';
import type { ComparedPatch } from '../../ingest/series/compare-revisions.ts';
import type { LineageStatus, SeriesLineage, SeriesNeighbour, SeriesRevision, SeriesRow, SeriesTrailer, ThreadSeries } from '../../ingest/read-models.ts';
import { revisionLabel } from '../../ingest/series/revision-label.ts';
import { loreUrl, messagePath, seriesPath, threadPath } from './paths.ts';
import { formatDate } from './thread-view.ts';

/** How each signal is explained on the page. */
export const SIGNAL_TEXT: Record<RevisionSignal, string> = {
  manual: 'pinned by hand (content/series-links.json)',
  'change-id': 'same change-id trailer',
  'changelog-link': 'the cover letter links to the previous version',
  'in-reply-to': 'sent in reply to the previous version',
  changelog: 'changelog names the previous version',
  subject: 'same author and title, next version',
  'patch-id': 'same author, same patches (titles and diffs)',
};

/** Trailer names in the order a reviewer scans them; others follow alphabetically. */
const TRAILER_ORDER = ['Nacked-by', 'Reviewed-by', 'Acked-by', 'Tested-by', 'Reported-by', 'Suggested-by', 'Fixes', 'Closes', 'Link', 'Signed-off-by'];

export interface TrailerPerson {
  /** The person's name (or the value, for Fixes/Link). */
  text: string;
  /** Full value as written, for the tooltip. */
  value: string;
  source: SeriesTrailer['source'];
  /** Where it was given, for trailers given in replies. */
  href: string | null;
}

export interface TrailerGroup {
  name: string;
  people: TrailerPerson[];
}

export interface PatchView {
  index: number;
  total: number;
  title: string;
  href: string;
  replies: number;
  trailers: TrailerGroup[];
  /** Reviewed-by or Acked-by present. */
  reviewed: boolean;
  nacked: boolean;
}

export interface ChangeView {
  status: ComparedPatch['status'];
  title: string;
  href: string | null;
  previousHref: string | null;
}

export interface RevisionView {
  anchor: string;
  label: string;
  /** Explains a "?" (inferred version), RESEND and bundle. */
  labelNote: string;
  subject: string;
  author: string;
  date: string;
  isoDate: string;
  href: string;
  loreUrl: string;
  threadHref: string;
  patchCount: number;
  total: number | null;
  reviewed: number;
  nacked: boolean;
  replies: number;
  coverReplies: number;
  linkedBy: string;
  linkedFrom: { label: string; anchor: string } | null;
  confidence: number | null;
  forkedFrom: { label: string; anchor: string } | null;
  changelog: string;
  changes: Record<ComparedPatch['status'], ChangeView[]>;
  /** Compared with this earlier revision (null for the first, for RESENDs, for partial rerolls). */
  comparedWith: { label: string; anchor: string } | null;
  patches: PatchView[];
  mismatches: Array<{ text: string; href: string }>;
}

export interface LineageView {
  title: string;
  author: string;
  authors: string[];
  first: string;
  last: string;
  revisions: RevisionView[];
}

function trailerGroups(trailers: SeriesTrailer[]): TrailerGroup[] {
  const groups = new Map<string, TrailerPerson[]>();
  for (const t of trailers) {
    const people = groups.get(t.name) ?? [];
    people.push({
      text: t.person || t.email || t.value,
      value: t.value,
      source: t.source,
      href: t.source === 'patch' || t.source === 'carried' ? null : messagePath(t.messageId),
    });
    groups.set(t.name, people);
  }
  const rank = (n: string): number => {
    const i = TRAILER_ORDER.indexOf(n);
    return i < 0 ? TRAILER_ORDER.length - 1 : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([name, people]) => ({ name, people }));
}

function labelNote(r: { versionInferred: boolean; resend: boolean; bundle: boolean }): string {
  return [
    r.versionInferred ? 'version not tagged in the subject: inferred from the changelog or the order of postings' : '',
    r.resend ? 'a RESEND: the same revision sent again' : '',
    r.bundle ? 'a bundle of several series in one posting' : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** Anchors from labels ("v3", "rfc-v1", "v8-resend"), made unique in order. */
function anchors(labels: string[]): string[] {
  const used = new Map<string, number>();
  return labels.map((l) => {
    const base = l.toLowerCase().replace(/\?/g, '').replace(/[^a-z0-9.]+/g, '-').replace(/^-|-$/g, '') || 'r';
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

export function lineageView(s: Pick<SeriesLineage, 'title' | 'author' | 'revisions'>): LineageView {
  const labels = s.revisions.map((r) => revisionLabel(r));
  const ids = anchors(labels);
  const at = new Map(s.revisions.map((r, i) => [r.postingId, { label: labels[i]!, anchor: ids[i]! }]));
  const revisions = s.revisions.map((r, i): RevisionView => {
    const patches = r.patches.map((p): PatchView => {
      const trailers = trailerGroups(p.trailers);
      return {
        index: p.index,
        total: p.total,
        title: p.title || p.subject,
        href: messagePath(p.messageId),
        replies: p.replies,
        trailers,
        reviewed: p.trailers.some((t) => t.name === 'Reviewed-by' || t.name === 'Acked-by'),
        nacked: p.trailers.some((t) => t.name === 'Nacked-by'),
      };
    });
    const changes: RevisionView['changes'] = { added: [], dropped: [], changed: [], unchanged: [] };
    for (const c of r.changes) {
      changes[c.status].push({ status: c.status, title: c.title, href: c.key ? messagePath(c.key) : null, previousHref: c.previousKey ? messagePath(c.previousKey) : null });
    }
    const lead = r.coverId ?? r.patches[0]?.messageId ?? r.postingId;
    return {
      anchor: ids[i]!,
      label: labels[i]!,
      labelNote: labelNote(r),
      subject: r.subject,
      author: r.author.name || r.author.email,
      date: r.date ? formatDate(Date.parse(r.date)) : 'date unknown',
      isoDate: r.date ?? '',
      href: messagePath(lead),
      loreUrl: loreUrl(lead),
      threadHref: threadPath(r.threadId),
      patchCount: r.patches.length,
      total: r.total,
      reviewed: patches.filter((p) => p.reviewed).length,
      nacked: patches.some((p) => p.nacked),
      replies: r.coverReplies + r.patches.reduce((n, p) => n + p.replies, 0),
      coverReplies: r.coverReplies,
      linkedBy: r.link ? SIGNAL_TEXT[r.link.source] : i === 0 ? 'first posting' : 'not linked',
      linkedFrom: r.link ? (at.get(r.link.from) ?? null) : null,
      confidence: r.link ? r.link.confidence : null,
      forkedFrom: r.forkedFrom ? (at.get(r.forkedFrom) ?? null) : null,
      changelog: r.changelog,
      changes,
      comparedWith: r.changes.length > 0 ? comparedWith(s.revisions, i, at) : null,
      patches,
      mismatches: r.mismatches.map((m) => ({ text: `${m.name}: ${m.value}, sent by ${m.sender}`, href: messagePath(m.messageId) })),
    };
  });
  const authors = [...new Set(s.revisions.map((r) => r.author.name || r.author.email))];
  const dates = s.revisions.map((r) => r.date).filter((d): d is string => d !== null);
  return {
    title: s.title || '(untitled series)',
    author: s.author.name || s.author.email,
    authors,
    first: dates.length ? formatDate(Date.parse(dates[0]!)).slice(0, 10) : 'date unknown',
    last: dates.length ? formatDate(Date.parse(dates[dates.length - 1]!)).slice(0, 10) : 'date unknown',
    revisions,
  };
}

/** The revision a revision's changes are against: the latest earlier full, non-RESEND one (as
 *  series-queries compares). */
function comparedWith(revs: SeriesRevision[], i: number, at: Map<string, { label: string; anchor: string }>): { label: string; anchor: string } | null {
  for (let j = i - 1; j >= 0; j--) {
    const r = revs[j]!;
    const partial = r.versionTag !== null && !Number.isInteger(Number(r.versionTag));
    if (!partial && !r.resend) return at.get(r.postingId) ?? null;
  }
  return null;
}

/** A row of the series table, with the states its filters read. */
export interface SeriesRowView {
  family: string;
  revisionHref: string;
  threadHref: string;
  title: string;
  label: string;
  labelNote: string;
  author: string;
  authorEmail: string;
  date: string;
  patches: number;
  reviewed: number;
  revisions: number;
  states: { rfc: boolean; latest: boolean; nacked: boolean; reviewed: boolean };
}

export function seriesRowViews(rows: SeriesRow[]): SeriesRowView[] {
  const byFamily = new Map<string, SeriesRow[]>();
  for (const r of rows) byFamily.set(r.family, [...(byFamily.get(r.family) ?? []), r]);
  // Anchors of a lineage page follow its revisions oldest first; rows come newest first.
  const anchorOf = new Map<string, string>();
  for (const [family, fam] of byFamily) {
    const oldest = [...fam].reverse();
    const ids = anchors(oldest.map((r) => revisionLabel(r)));
    oldest.forEach((p, i) => anchorOf.set(`${family}\0${p.postingId}`, ids[i]!));
  }
  return rows.map((r) => ({
    family: r.family,
    revisionHref: `${seriesPath(r.family)}#${anchorOf.get(`${r.family}\0${r.postingId}`)}`,
    threadHref: threadPath(r.threadId),
    title: r.title || r.subject || '(untitled)',
    label: revisionLabel(r),
    labelNote: labelNote(r),
    author: r.authorName || r.authorEmail,
    authorEmail: r.authorEmail,
    date: formatDate(r.date).slice(0, 10),
    patches: r.patches,
    reviewed: r.reviewed,
    revisions: r.revisions,
    states: { rfc: r.rfc, latest: r.latest, nacked: r.nacked, reviewed: r.patches > 0 && r.reviewed >= r.patches },
  }));
}

/** The series box of a thread page: what the thread posts, and the revisions around it. */
export interface ThreadSeriesView {
  title: string;
  href: string;
  /** This revision on the lineage page. */
  revisionHref: string;
  label: string;
  position: number;
  count: number;
  previous: { label: string; href: string; date: string } | null;
  next: { label: string; href: string; date: string } | null;
}

export function threadSeriesViews(items: ThreadSeries[]): ThreadSeriesView[] {
  const near = (n: SeriesNeighbour | null): ThreadSeriesView['previous'] =>
    n ? { label: revisionLabel(n), href: threadPath(n.threadId), date: formatDate(n.date).slice(0, 10) } : null;
  return items.map((t) => ({
    title: t.title || t.revision.subject,
    href: seriesPath(t.family),
    revisionHref: `${seriesPath(t.family)}#${anchors(t.revisions.map((r) => revisionLabel(r)))[t.position - 1]}`,
    label: revisionLabel(t.revision),
    position: t.position,
    count: t.count,
    previous: near(t.previous),
    next: near(t.next),
  }));
}

/** The status box of a lineage page. */
export interface StatusView {
  latest: { label: string; anchor: string; date: string } | null;
  applied: { label: string; anchor: string; by: string; text: string; href: string; date: string } | null;
  naks: Array<{ by: string; text: string; href: string }>;
  superseded: number;
}

export function statusView(status: LineageStatus | null, view: LineageView, postingIds: string[]): StatusView {
  const at = (posting: string) => {
    const i = postingIds.indexOf(posting);
    return i >= 0 ? view.revisions[i]! : null;
  };
  if (!status) return { latest: null, applied: null, naks: [], superseded: 0 };
  const latest = at(status.latestPosting);
  const appliedAt = status.applied ? at(status.applied.posting) : null;
  return {
    latest: latest && { label: latest.label, anchor: latest.anchor, date: latest.date.slice(0, 10) },
    applied:
      status.applied && appliedAt
        ? {
            label: appliedAt.label,
            anchor: appliedAt.anchor,
            by: status.applied.by || 'a maintainer',
            text: status.applied.text,
            href: messagePath(status.applied.messageId),
            date: status.applied.date ? status.applied.date.slice(0, 10) : '',
          }
        : null,
    naks: status.naks.map((n) => ({ by: n.by, text: n.text, href: messagePath(n.messageId) })),
    superseded: status.superseded.length,
  };
}
