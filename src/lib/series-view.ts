// View models of the series pages: a lineage's page (timeline, status, revisions), the table of
// series with the states its filters use, and the series box of a thread page. Pure: query
// results in, plain data out; the pages only render it. Subjects, names and changelogs are
// mail-controlled text; pages render them as text.
import type { RevisionSignal } from '../../ingest/types.ts';
import { isBaseRevision, type ComparedPatch } from '../../ingest/series/compare-revisions.ts';
import type { LineageStatus, PatchworkSummary, SeriesLineage, SeriesNeighbour, SeriesRevision, SeriesRow, SeriesTrailer, ThreadLink, ThreadSeries } from '../../ingest/read-models.ts';
import { revisionLabel } from '../../ingest/series/revision-label.ts';
import { threadNoteLines } from '../../ingest/series/patch-roles.ts';
import { loreUrl, messagePath, seriesPath, threadPath } from './paths.ts';
import { formatDate, formatDay, linkViews, type ThreadLinksView } from './thread-view.ts';
import { seriesPatchworkBadge } from './patchwork-view.ts';
import { commitViews, lineageStateBadge, mergeStatusView, revisionMergeBadge, type CommitView, type MergeStatusView } from './commits-view.ts';

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
  /** Its class on the page: "t-" and the name in lower case ("t-reviewed-by"). */
  className: string;
  people: TrailerPerson[];
}

export interface PatchView {
  index: number;
  total: number;
  title: string;
  href: string;
  replies: number;
  trailers: TrailerGroup[];
  /** Trailers an earlier revision of the same, unchanged patch was given and this one does not
   *  repeat: shown apart, after the patch's own. */
  earlier: TrailerGroup[];
  /** Reviewed-by or Acked-by present (given to this revision, or to an earlier one of the
   *  unchanged patch). */
  reviewed: boolean;
  nacked: boolean;
  /** Its row's class: 'nacked', else 'reviewed', else ''. */
  rowClass: string;
  /** The commits it became (commits-view.ts). */
  commits: CommitView[];
}

export interface ChangeView {
  status: ComparedPatch['status'];
  title: string;
  href: string | null;
  previousHref: string | null;
}

/** How each kind of change is said in the list of changes. */
const CHANGE_TEXT: Record<ComparedPatch['status'], string> = { added: 'added', dropped: 'dropped', changed: 'changed (diff differs)', unchanged: 'unchanged' };

/** The kinds of change in the order a revision lists them. */
const CHANGE_ORDER = ['added', 'dropped', 'changed', 'unchanged'] as const;

/** One line of a revision's list of changes. */
export interface ChangeLine {
  status: ComparedPatch['status'];
  /** What the status says (CHANGE_TEXT). */
  statusText: string;
  title: string;
  /** The patch in this revision, null for a dropped one. */
  href: string | null;
  /** The patch in the revision compared with, for a patch still there (null when it is new). */
  beforeHref: string | null;
  /** Where a dropped patch was last posted. */
  lastPostedHref: string | null;
}

export interface RevisionView {
  anchor: string;
  label: string;
  /** Explains a "?" (inferred version), RESEND and bundle. */
  labelNote: string;
  subject: string;
  author: string;
  date: string;
  /** The day of `date` (its first ten characters). */
  day: string;
  isoDate: string;
  href: string;
  loreUrl: string;
  threadHref: string;
  patchCount: number;
  total: number | null;
  /** `total` when it differs from the patches posted ("3 of 5"), else null. */
  announced: number | null;
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
  /** What changed, counted by kind in CHANGE_ORDER ("1 added, 2 changed"). */
  changeSummary: string;
  /** Every change, by kind in CHANGE_ORDER. */
  changeList: ChangeLine[];
  /** Compared with this earlier revision (null for the first, for RESENDs, for partial rerolls). */
  comparedWith: { label: string; anchor: string } | null;
  /** The revisions before and after it on the page, null at the ends. */
  previous: { label: string; anchor: string } | null;
  next: { label: string; anchor: string } | null;
  patches: PatchView[];
  mismatches: Array<{ text: string; href: string }>;
  /** Messages of its thread its subjects do not explain (a patch sent again, a reply under a
   *  patch's subject, a reused Message-ID), href null for a line about all its patches. */
  threadNotes: Array<{ text: string; href: string | null }>;
  /** "merged 2/2" when its own patches became commits (commits-view.ts), else null. */
  mergeBadge: { text: string; className: string } | null;
}

export interface LineageView {
  title: string;
  author: string;
  authors: string[];
  /** `authors` as the page lists them: "A, B". */
  authorList: string;
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
    .map(([name, people]) => ({ name, className: `t-${name.toLowerCase()}`, people }));
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
  const near = (i: number): { label: string; anchor: string } | null => (i >= 0 && i < s.revisions.length ? { label: labels[i]!, anchor: ids[i]! } : null);
  const revisions = s.revisions.map((r, i): RevisionView => {
    const patches = r.patches.map(patchView);
    const lead = r.coverId ?? r.patches[0]?.messageId ?? r.postingId;
    const date = r.date ? formatDate(Date.parse(r.date)) : 'date unknown';
    return {
      anchor: ids[i]!,
      label: labels[i]!,
      labelNote: labelNote(r),
      subject: r.subject,
      author: r.author.name || r.author.email,
      date,
      day: date.slice(0, 10),
      isoDate: r.date ?? '',
      href: messagePath(lead),
      loreUrl: loreUrl(lead),
      threadHref: threadPath(r.threadId),
      patchCount: r.patches.length,
      total: r.total,
      announced: r.total !== null && r.total !== r.patches.length ? r.total : null,
      reviewed: patches.filter((p) => p.reviewed).length,
      nacked: patches.some((p) => p.nacked),
      replies: r.coverReplies + r.patches.reduce((n, p) => n + p.replies, 0),
      coverReplies: r.coverReplies,
      linkedBy: r.link ? SIGNAL_TEXT[r.link.source] : i === 0 ? 'first posting' : 'not linked',
      linkedFrom: r.link ? (at.get(r.link.from) ?? null) : null,
      confidence: r.link ? r.link.confidence : null,
      forkedFrom: r.forkedFrom ? (at.get(r.forkedFrom) ?? null) : null,
      changelog: r.changelog,
      ...changesOf(r),
      comparedWith: r.changes.length > 0 ? comparedWith(s.revisions, i, at) : null,
      previous: near(i - 1),
      next: near(i + 1),
      patches,
      mismatches: r.mismatches.map((m) => ({ text: `${m.name}: ${m.value}, sent by ${m.sender}`, href: messagePath(m.messageId) })),
      threadNotes: threadNoteLines(r.inThread, r.patches.length).map((n) => ({ text: n.text, href: n.messageId && messagePath(n.messageId) })),
      mergeBadge: revisionMergeBadge(r.merge),
    };
  });
  const authors = [...new Set(s.revisions.map((r) => r.author.name || r.author.email))];
  const dates = s.revisions.map((r) => r.date).filter((d): d is string => d !== null);
  return {
    title: s.title || '(untitled series)',
    author: s.author.name || s.author.email,
    authors,
    authorList: authors.join(', '),
    first: dates.length ? formatDay(Date.parse(dates[0]!)) : 'date unknown',
    last: dates.length ? formatDay(Date.parse(dates[dates.length - 1]!)) : 'date unknown',
    revisions,
  };
}

function patchView(p: SeriesRevision['patches'][number]): PatchView {
  const reviewed = [...p.trailers, ...p.carried].some((t) => t.name === 'Reviewed-by' || t.name === 'Acked-by');
  const nacked = p.trailers.some((t) => t.name === 'Nacked-by');
  return {
    index: p.index,
    total: p.total,
    title: p.title || p.subject,
    href: messagePath(p.messageId),
    replies: p.replies,
    trailers: trailerGroups(p.trailers),
    earlier: trailerGroups(p.carried),
    reviewed,
    nacked,
    rowClass: nacked ? 'nacked' : reviewed ? 'reviewed' : '',
    commits: commitViews(p.commits),
  };
}

/** What changed in a revision against the one it is compared with: by kind, counted, listed. */
function changesOf(r: SeriesRevision): Pick<RevisionView, 'changes' | 'changeSummary' | 'changeList'> {
  const changes: RevisionView['changes'] = { added: [], dropped: [], changed: [], unchanged: [] };
  for (const c of r.changes) {
    changes[c.status].push({ status: c.status, title: c.title, href: c.key ? messagePath(c.key) : null, previousHref: c.previousKey ? messagePath(c.previousKey) : null });
  }
  return {
    changes,
    changeSummary: CHANGE_ORDER.filter((k) => changes[k].length > 0)
      .map((k) => `${changes[k].length} ${k}`)
      .join(', '),
    changeList: CHANGE_ORDER.flatMap((k) => changes[k].map(changeLine)),
  };
}

function changeLine(c: ChangeView): ChangeLine {
  return {
    status: c.status,
    statusText: CHANGE_TEXT[c.status],
    title: c.title,
    href: c.href,
    beforeHref: c.status !== 'dropped' ? c.previousHref : null,
    lastPostedHref: c.status === 'dropped' ? c.previousHref : null,
  };
}

/** The revision a revision's changes are against: the latest earlier full, non-RESEND one (as
 *  series-queries compares). */
function comparedWith(revs: SeriesRevision[], i: number, at: Map<string, { label: string; anchor: string }>): { label: string; anchor: string } | null {
  for (let j = i - 1; j >= 0; j--) {
    if (isBaseRevision(revs[j]!, revs[j]!.patches.length)) return at.get(revs[j]!.postingId) ?? null;
  }
  return null;
}

/** A row of the series table, with the states its filters read. */
export interface SeriesRowView {
  family: string;
  postingId: string;
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
  /** Where its lineage stands (the lineage outcome: applied, nacked, open, ...). */
  state: string;
  /** Shows the "latest" badge: the latest revision of a lineage of several. */
  latestBadge: boolean;
  /** "merged" or "partially merged" when commits say so (commits-view.ts), else null. */
  stateBadge: { text: string; className: string } | null;
  /** What Patchwork says of the posting's patches ("Patchwork: 20 of 20 accepted"), null when it
   *  tracks none. */
  patchworkBadge: { text: string; className: string } | null;
}

/** Rows of a series table; `patchwork`: Patchwork's summary by posting, for those it tracks. */
export function seriesRowViews(rows: SeriesRow[], patchwork: ReadonlyMap<string, PatchworkSummary> = new Map()): SeriesRowView[] {
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
    postingId: r.postingId,
    revisionHref: `${seriesPath(r.family)}#${anchorOf.get(`${r.family}\0${r.postingId}`)}`,
    threadHref: threadPath(r.threadId),
    title: r.title || r.subject || '(untitled)',
    label: revisionLabel(r),
    labelNote: labelNote(r),
    author: r.authorName || r.authorEmail,
    authorEmail: r.authorEmail,
    date: formatDay(r.date),
    patches: r.patches,
    reviewed: r.reviewed,
    revisions: r.revisions,
    states: { rfc: r.rfc, latest: r.latest, nacked: r.nacked, reviewed: r.patches > 0 && r.reviewed >= r.patches },
    state: r.state,
    latestBadge: r.latest && r.revisions > 1,
    stateBadge: lineageStateBadge(r.state),
    patchworkBadge: seriesPatchworkBadge(patchwork.get(r.postingId)),
  }));
}

/** The table of series of a list (or of the whole archive), with what its filter offers. */
export interface SeriesTableView {
  rows: SeriesRowView[];
  /** Every author of a row, once, in alphabetical order: the author filter's suggestions. */
  authors: string[];
  /** How many lineages the rows are postings of. */
  lineages: number;
  /** How many postings the rows are (a bundle continuing two lineages is one posting, two rows). */
  postings: number;
  /** The lineage states the rows have, for the state filter. */
  states: string[];
}

export function seriesTableView(rows: SeriesRow[], patchwork: ReadonlyMap<string, PatchworkSummary> = new Map()): SeriesTableView {
  const views = seriesRowViews(rows, patchwork);
  return {
    rows: views,
    authors: [...new Set(views.map((r) => r.author))].sort((a, b) => a.localeCompare(b)),
    lineages: new Set(views.map((r) => r.family)).size,
    postings: new Set(views.map((r) => r.postingId)).size,
    states: [...new Set(views.map((r) => r.state))].sort(),
  };
}

/** Lineages per page of a series table: the latest revision of each is rendered; filters that
 *  need other rows read the table's rows file in the browser. */
export const SERIES_PER_PAGE = 100;

/** One page of a series table. */
export interface SeriesTablePage {
  page: number;
  pages: number;
  /** The latest revision of each lineage on this page, most recently active first. */
  rows: SeriesRowView[];
  /** Links to the other pages, "" for none. */
  previous: string;
  next: string;
  /** Every page's link, for the page list. */
  links: Array<{ page: number; href: string; current: boolean }>;
}

/** The pages of a table whose first page is at `base` ("/s/") and the others at
 *  `${base}page/<n>/`. */
export function seriesTablePages(table: SeriesTableView, base: string): SeriesTablePage[] {
  const latest = table.rows.filter((r) => r.states.latest);
  const pages = Math.max(1, Math.ceil(latest.length / SERIES_PER_PAGE));
  const href = (n: number): string => (n === 1 ? base : `${base}page/${n}/`);
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    pages,
    rows: latest.slice(i * SERIES_PER_PAGE, (i + 1) * SERIES_PER_PAGE),
    previous: i > 0 ? href(i) : '',
    next: i + 1 < pages ? href(i + 2) : '',
    links: Array.from({ length: pages }, (_, j) => ({ page: j + 1, href: href(j + 1), current: j === i })),
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
    n ? { label: revisionLabel(n), href: threadPath(n.threadId), date: formatDay(n.date) } : null;
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

/** A lineage's page: its revisions, its status, and the threads its threads cite or are cited
 *  by. */
export interface SeriesPageView {
  family: string;
  /** The page's own URL. */
  permalink: string;
  lineage: LineageView;
  status: StatusView;
  links: ThreadLinksView;
  /** What landed in the repositories read; null when none reaches the lineage. */
  merge: MergeStatusView | null;
}

export function seriesPageView(
  family: string,
  lineage: Pick<SeriesLineage, 'title' | 'author' | 'revisions'>,
  status: LineageStatus | null,
  citations: { cites: ThreadLink[]; citedBy: ThreadLink[] },
): SeriesPageView {
  const view = lineageView(lineage);
  return {
    family,
    permalink: seriesPath(family),
    lineage: view,
    status: statusView(status, view, lineage.revisions.map((r) => r.postingId)),
    links: linkViews(citations),
    merge: mergeStatusView(
      status?.merged,
      lineage.revisions.map((r, i) => ({ postingId: r.postingId, label: view.revisions[i]!.label, anchor: view.revisions[i]!.anchor })),
    ),
  };
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
            date: status.applied.day ?? (status.applied.date ? status.applied.date.slice(0, 10) : ''),
          }
        : null,
    naks: status.naks.map((n) => ({ by: n.by, text: n.text, href: messagePath(n.messageId) })),
    superseded: status.superseded.length,
  };
}
