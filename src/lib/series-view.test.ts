import { describe, expect, it } from 'vitest';
import type { LineageStatus, PatchworkSummary, SeriesRevision, SeriesRow, SeriesTrailer, ThreadLink, ThreadSeries } from '../../ingest/read-models.ts';
import { messagePath, seriesPath, threadPath } from './paths.ts';
import { SERIES_PER_PAGE, lineageView, seriesPageView, seriesRowViews, seriesTablePages, seriesTableView, threadSeriesViews } from './series-view.ts';
import { OPEN_LINKS_MAX } from './thread-view.ts';

const author = { name: 'Alistair Popple', email: 'apopple@nvidia.com' };
const trailer = (name: string, person: string, source: SeriesTrailer['source'], messageId = 'p@x'): SeriesTrailer => ({
  name,
  person,
  email: `${person.split(' ')[0]!.toLowerCase()}@example.com`,
  value: `${person} <${person.split(' ')[0]!.toLowerCase()}@example.com>`,
  source,
  messageId,
});

function revision(over: Partial<SeriesRevision> & { postingId: string; version: number }): SeriesRevision {
  return {
    versionInferred: false,
    versionTag: String(over.version),
    rfc: false,
    resend: false,
    bundle: false,
    coverId: over.postingId,
    date: '2024-11-22T01:40:21.000Z',
    subject: `[PATCH v${over.version} 0/1] fs/dax: fix`,
    title: 'fs/dax: fix',
    author,
    threadId: over.postingId,
    total: 1,
    patches: [],
    fragment: false,
    coverReplies: 0,
    link: null,
    forkedFrom: null,
    changes: [],
    changelog: '',
    mismatches: [],
    inThread: [],
    ...over,
  };
}

describe('lineageView', () => {
  const revisions = [
    revision({ postingId: 'rfc@x', version: 1, rfc: true, versionInferred: true, versionTag: null }),
    revision({
      postingId: 'v2@x',
      version: 2,
      link: { from: 'rfc@x', source: 'changelog', confidence: 0.8 },
      coverReplies: 2,
      patches: [
        {
          messageId: 'v2p1@x',
          index: 1,
          total: 1,
          subject: '[PATCH v2 1/1] fs/dax: fix',
          title: 'fs/dax: fix',
          fingerprint: 'f2',
          replies: 3,
          trailers: [
            trailer('Signed-off-by', 'Alistair Popple', 'patch', 'v2p1@x'),
            trailer('Reviewed-by', 'Jason Gunthorpe', 'reply', 'review@x'),
            trailer('Reviewed-by', 'Dan Williams', 'cover', 'coverreview@x'),
          ],
          carried: [trailer('Acked-by', 'David Hildenbrand', 'carried', 'v1p1@x')],
        },
      ],
      changes: [
        { title: 'fs/dax: fix', key: 'v2p1@x', previousKey: 'v1p1@x', status: 'changed' },
        { title: 'mm: gone', key: '', previousKey: 'gone@x', status: 'dropped' },
      ],
      mismatches: [{ messageId: 'm@x', name: 'Reviewed-by', value: 'Someone <s@x>', sender: 'Other <o@x>' }],
    }),
    revision({ postingId: 'v2r@x', version: 2, resend: true, link: { from: 'v2@x', source: 'subject', confidence: 0.7 } }),
    revision({ postingId: 'v3@x', version: 3, link: { from: 'v2r@x', source: 'change-id', confidence: 0.99 }, changes: [{ title: 'a', key: 'k', previousKey: '', status: 'added' }] }),
  ];
  const view = lineageView({ title: 'fs/dax: fix', author, revisions });

  it('names revisions and gives each a unique anchor', () => {
    expect(view.revisions.map((r) => [r.label, r.anchor])).toEqual([
      ['RFC v1?', 'rfc-v1'],
      ['v2', 'v2'],
      ['v2 RESEND', 'v2-resend'],
      ['v3', 'v3'],
    ]);
    expect(view.revisions[0]!.labelNote).toMatch(/inferred/);
    expect(view.revisions[2]!.labelNote).toMatch(/RESEND/);
  });

  it('says how each revision was linked, and to which', () => {
    expect(view.revisions[0]!.linkedBy).toBe('first posting');
    expect(view.revisions[1]).toMatchObject({ linkedBy: 'changelog names the previous version', linkedFrom: { label: 'RFC v1?', anchor: 'rfc-v1' }, confidence: 0.8 });
    expect(view.revisions[3]!.linkedBy).toBe('same change-id trailer');
  });

  it('compares with the last full revision, never a RESEND', () => {
    expect(view.revisions[1]!.comparedWith).toEqual({ label: 'RFC v1?', anchor: 'rfc-v1' });
    expect(view.revisions[3]!.comparedWith).toEqual({ label: 'v2', anchor: 'v2' });
    expect(view.revisions[1]!.changes.changed).toEqual([{ status: 'changed', title: 'fs/dax: fix', href: messagePath('v2p1@x'), previousHref: messagePath('v1p1@x') }]);
    expect(view.revisions[1]!.changes.dropped[0]).toMatchObject({ title: 'mm: gone', href: null });
  });

  it('compares past a fragment (some patches re-posted), and says what its thread holds that subjects do not', () => {
    const apart = (i: number) => ({ messageId: `p${i}@x`, kind: 'patch' as const, text: `patch ${i}/2 of v1, not a reply to its cover letter` });
    const v = lineageView({
      title: 'fs/dax: fix',
      author,
      revisions: [
        revision({
          postingId: 'v1@x',
          version: 1,
          total: 2,
          patches: [1, 2].map((i) => ({ messageId: `p${i}@x`, index: i, total: 2, subject: `[PATCH ${i}/2] x`, title: 'x', fingerprint: `f${i}`, trailers: [], carried: [], replies: 0 })),
          inThread: [apart(1), apart(2)],
        }),
        revision({ postingId: 'v1f@x', version: 1, total: 2, coverId: null, fragment: true, inThread: [{ messageId: 'again@x', kind: 'resent', text: 'patch 2/2 of v1, sent again: the series takes <p2@x>' }] }),
        revision({ postingId: 'v2@x', version: 2, total: 2, changes: [{ title: 'a', key: 'k', previousKey: 'p1@x', status: 'changed' }] }),
      ],
    });
    expect(v.revisions[2]!.comparedWith).toEqual({ label: 'v1', anchor: 'v1' });
    expect(v.revisions[0]!.threadNotes).toEqual([{ text: 'none of its 2 patches is a reply to its cover letter', href: null }]);
    expect(v.revisions[1]!.threadNotes).toEqual([{ text: 'patch 2/2 of v1, sent again: the series takes <p2@x>', href: messagePath('again@x') }]);
    expect(v.revisions[2]!.threadNotes).toEqual([]);
  });

  it('groups trailers reviewers first, links those given in replies, shows carried ones apart', () => {
    const p = view.revisions[1]!.patches[0]!;
    expect(p.trailers.map((g) => g.name)).toEqual(['Reviewed-by', 'Signed-off-by']);
    expect(p.trailers[0]!.people).toEqual([
      { text: 'Jason Gunthorpe', value: 'Jason Gunthorpe <jason@example.com>', source: 'reply', href: messagePath('review@x') },
      { text: 'Dan Williams', value: 'Dan Williams <dan@example.com>', source: 'cover', href: messagePath('coverreview@x') },
    ]);
    expect(p.earlier.map((g) => g.name)).toEqual(['Acked-by']);
    expect(p.earlier[0]!.people[0]).toMatchObject({ source: 'carried', href: null });
    expect(view.revisions[1]).toMatchObject({ reviewed: 1, patchCount: 1, replies: 5, nacked: false });
    expect(view.revisions[1]!.mismatches).toEqual([{ text: 'Reviewed-by: Someone <s@x>, sent by Other <o@x>', href: messagePath('m@x') }]);
  });

  it('says what changed in the order the page lists it, with the links each kind of change has', () => {
    const r = view.revisions[1]!;
    expect(r.changeSummary).toBe('1 dropped, 1 changed');
    expect(r.changeList).toEqual([
      { status: 'dropped', statusText: 'dropped', title: 'mm: gone', href: null, beforeHref: null, lastPostedHref: messagePath('gone@x') },
      { status: 'changed', statusText: 'changed (diff differs)', title: 'fs/dax: fix', href: messagePath('v2p1@x'), beforeHref: messagePath('v1p1@x'), lastPostedHref: null },
    ]);
    expect(view.revisions[3]!.changeSummary).toBe('1 added');
    expect(view.revisions[0]!.changeList).toEqual([]);
  });

  it('links each revision to its neighbours on the page, none past the ends', () => {
    expect(view.revisions.map((r) => [r.previous?.anchor ?? null, r.next?.anchor ?? null])).toEqual([
      [null, 'v2'],
      ['rfc-v1', 'v2-resend'],
      ['v2', 'v3'],
      ['v2-resend', null],
    ]);
    expect(view.revisions[1]!.next).toEqual({ label: 'v2 RESEND', anchor: 'v2-resend' });
  });

  it('gives the day, the announced count when it differs, and the classes rows and trailers render with', () => {
    expect(view.revisions[1]!.day).toBe('2024-11-22');
    expect(view.revisions[1]!.announced).toBe(null);
    expect(view.revisions[0]!.announced).toBe(1);
    const p = view.revisions[1]!.patches[0]!;
    expect(p.rowClass).toBe('reviewed');
    expect(p.trailers.map((g) => g.className)).toEqual(['t-reviewed-by', 't-signed-off-by']);
    expect(p.earlier.map((g) => g.className)).toEqual(['t-acked-by']);
    const nak = lineageView({ title: 't', author, revisions: [revision({ postingId: 'n@x', version: 1, patches: [{ ...revisions[1]!.patches[0]!, trailers: [trailer('Nacked-by', 'Christoph Hellwig', 'reply'), trailer('Reviewed-by', 'Jason Gunthorpe', 'reply')] }] })] });
    expect(nak.revisions[0]!.patches[0]!.rowClass).toBe('nacked');
    expect(view.authorList).toBe('Alistair Popple');
  });
});

describe('seriesPageView', () => {
  const revisions = [revision({ postingId: 'v1@x', version: 1, author: { name: '', email: 'x@y' } }), revision({ postingId: 'v2@x', version: 2 })];
  const link = (from: string, target: string): ThreadLink => ({ from, fromAuthor: 'A', target, targetThread: null, targetKey: null, targetSubject: null, fromThread: 't', fromSubject: 's' });

  it('places the status on the revisions it names and links the page to itself', () => {
    const status: LineageStatus = { latestPosting: 'v2@x', state: 'applied', applied: { posting: 'v1@x', by: '', messageId: 'ty@x', text: 'Applied, thanks!', date: '2024-12-01T00:00:00.000Z' }, naks: [], superseded: ['v1@x'] };
    const page = seriesPageView('v1@x', { title: 'T', author, revisions }, status, { cites: [], citedBy: [] });
    expect(page.permalink).toBe(seriesPath('v1@x'));
    expect(page.lineage.authorList).toBe('x@y, Alistair Popple');
    expect(page.status.latest).toEqual({ label: 'v2', anchor: 'v2', date: '2024-11-22' });
    expect(page.status.applied).toMatchObject({ label: 'v1', anchor: 'v1', by: 'a maintainer', date: '2024-12-01', href: messagePath('ty@x') });
    expect(page.status.superseded).toBe(1);
  });

  it('opens the list of citations only while it is short', () => {
    const few = seriesPageView('v1@x', { title: 'T', author, revisions }, null, { cites: Array.from({ length: OPEN_LINKS_MAX }, (_, i) => link('m@x', `c${i}@x`)), citedBy: [] });
    expect(few.links.open).toBe(true);
    const many = seriesPageView('v1@x', { title: 'T', author, revisions }, null, { cites: Array.from({ length: OPEN_LINKS_MAX + 1 }, (_, i) => link('m@x', `c${i}@x`)), citedBy: [] });
    expect(many.links.open).toBe(false);
    expect(many.status).toEqual({ latest: null, applied: null, naks: [], superseded: 0 });
  });
});

const row = (over: Partial<SeriesRow> & { postingId: string }): SeriesRow => ({
  family: 'rfc@x',
  threadId: over.postingId,
  title: 'fs/dax: fix',
  subject: 's',
  authorName: 'Alistair Popple',
  authorEmail: 'apopple@nvidia.com',
  date: 0,
  version: 1,
  versionInferred: false,
  rfc: false,
  resend: false,
  bundle: false,
  patches: 2,
  reviewed: 2,
  nacked: false,
  latest: false,
  revisions: 2,
  state: 'open',
  ...over,
});

describe('seriesRowViews', () => {
  it('points each row at its revision on the lineage page and states what the filters read', () => {
    const views = seriesRowViews([row({ postingId: 'v2@x', version: 2, latest: true }), row({ postingId: 'rfc@x', rfc: true, reviewed: 1, nacked: true })]);
    expect(views.map((v) => v.revisionHref)).toEqual([`${seriesPath('rfc@x')}#v2`, `${seriesPath('rfc@x')}#rfc-v1`]);
    expect(views[0]!.states).toEqual({ rfc: false, latest: true, nacked: false, reviewed: true });
    expect(views[1]!.states).toEqual({ rfc: true, latest: false, nacked: true, reviewed: false });
    expect(views[0]!.threadHref).toBe(threadPath('v2@x'));
  });

  it('shows the latest badge only in a lineage of several revisions', () => {
    const views = seriesRowViews([row({ postingId: 'v2@x', version: 2, latest: true }), row({ postingId: 'one@x', family: 'one@x', latest: true, revisions: 1 })]);
    expect(views.map((v) => v.latestBadge)).toEqual([true, false]);
  });

  it("carries Patchwork's summary of the postings it tracks, for the page and the rows file alike", () => {
    const tracked = new Map([['v2@x', { total: 2, tracked: 2, states: { accepted: 2 }, state: 'accepted', text: '2 of 2 accepted' } satisfies PatchworkSummary]]);
    const views = seriesRowViews([row({ postingId: 'v2@x', version: 2, latest: true }), row({ postingId: 'rfc@x', rfc: true })], tracked);
    expect(views.map((v) => v.patchworkBadge)).toEqual([{ text: 'Patchwork: 2 of 2 accepted', className: 'pw ok' }, null]);
    expect(seriesTableView([row({ postingId: 'v2@x' })], tracked).rows[0]!.patchworkBadge).not.toBeNull();
  });
});

describe('seriesTableView', () => {
  it('counts the lineages of the rows and offers each author once, alphabetically', () => {
    const rows = [
      row({ postingId: 'b@x', family: 'f1', authorName: 'Dan Williams' }),
      row({ postingId: 'a@x', family: 'f1' }),
      row({ postingId: 'c@x', family: 'f2', authorName: 'Dan Williams' }),
    ];
    const table = seriesTableView(rows);
    expect(table.lineages).toBe(2);
    expect(table.authors).toEqual(['Alistair Popple', 'Dan Williams']);
    expect(table.rows.map((r) => r.family)).toEqual(['f1', 'f1', 'f2']);
  });
});

describe('seriesTablePages', () => {
  it('puts the latest revision of each lineage on pages of SERIES_PER_PAGE, linked both ways', () => {
    const n = SERIES_PER_PAGE * 2 + 3;
    const rows = Array.from({ length: n }, (_, i) => [
      row({ postingId: `v2-${i}@x`, family: `f${i}`, version: 2, latest: true }),
      row({ postingId: `v1-${i}@x`, family: `f${i}` }),
    ]).flat();
    const table = seriesTableView(rows);
    expect([table.lineages, table.postings, table.rows.length]).toEqual([n, 2 * n, 2 * n]);
    const pages = seriesTablePages(table, '/s/');
    expect(pages.map((p) => [p.page, p.pages, p.rows.length, p.previous, p.next])).toEqual([
      [1, 3, SERIES_PER_PAGE, '', '/s/page/2/'],
      [2, 3, SERIES_PER_PAGE, '/s/', '/s/page/3/'],
      [3, 3, 3, '/s/page/2/', ''],
    ]);
    expect(pages.flatMap((p) => p.rows).every((r) => r.states.latest)).toBe(true);
    expect(pages[1]!.links.filter((l) => l.current).map((l) => l.page)).toEqual([2]);
    expect(seriesTablePages(seriesTableView([]), '/s/')).toHaveLength(1);
  });

  it('counts a bundle continuing two lineages as one posting', () => {
    const table = seriesTableView([row({ postingId: 'b@x', family: 'f1', latest: true }), row({ postingId: 'b@x', family: 'f2', latest: true })]);
    expect([table.lineages, table.postings]).toEqual([2, 1]);
  });
});

describe('threadSeriesViews', () => {
  it('links the revision on its lineage page and its neighbours threads', () => {
    const n = (postingId: string, version: number) => ({ postingId, threadId: `t-${postingId}`, subject: '', date: 0, version, versionInferred: false, rfc: false, resend: false, bundle: false });
    const items: ThreadSeries[] = [
      { family: 'v1@x', postingId: 'v2@x', title: 'T', revision: n('v2@x', 2), position: 2, count: 3, previous: n('v1@x', 1), next: n('v3@x', 3), revisions: [n('v1@x', 1), n('v2@x', 2), n('v3@x', 3)] },
    ];
    expect(threadSeriesViews(items)[0]).toEqual({
      title: 'T',
      href: seriesPath('v1@x'),
      revisionHref: `${seriesPath('v1@x')}#v2`,
      label: 'v2',
      position: 2,
      count: 3,
      previous: { label: 'v1', href: threadPath('t-v1@x'), date: '1970-01-01' },
      next: { label: 'v3', href: threadPath('t-v3@x'), date: '1970-01-01' },
    });
  });
});
