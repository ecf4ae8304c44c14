import { describe, expect, it } from 'vitest';
import type { LineageMerge, MergedCommit, SeriesRevision, SeriesRow, TopicEntry } from '../../ingest/read-models.ts';
import { commitViews, commitViewsByKey, lineageStateBadge, mergeStatusView, revisionMergeBadge } from './commits-view.ts';
import { lineageView, seriesPageView, seriesRowViews } from './series-view.ts';
import { topicYears } from './topic-view.ts';

const HASH = '7225fd2b31ca695f160d7b59aac8cd0f86fe84a4';
const commit = (over: Partial<MergedCommit> = {}): MergedCommit => ({
  commit: HASH,
  subject: 'cxl/region: report max size for region creation',
  author: 'Ira Weiny <ira.weiny@intel.com>',
  authorDate: '2024-12-15T01:00:00.000Z',
  evidence: 'patch-id',
  confidence: 0.99,
  release: 'v81',
  repo: 'ndctl',
  messageId: 'v4p2@x',
  forms: [],
  url: `https://github.com/pmem/ndctl/commit/${HASH}`,
  ...over,
});

describe('commitViews', () => {
  it('shows the short hash linked to the web, the release, and how it was found', () => {
    const [v] = commitViews([commit({ forms: ['reworded', 'edited'] })]);
    expect(v).toEqual({
      short: '7225fd2b31ca',
      hash: HASH,
      subject: 'cxl/region: report max size for region creation',
      href: `https://github.com/pmem/ndctl/commit/${HASH}`,
      release: 'v81',
      released: true,
      repo: 'ndctl',
      author: 'Ira Weiny <ira.weiny@intel.com>',
      day: '2024-12-15',
      evidence: 'same git patch-id (0.99)',
      forms: 'reworded, edited',
      title: 'linked by: same git patch-id (0.99); landed reworded, edited; Ira Weiny <ira.weiny@intel.com>, 2024-12-15; ndctl',
    });
  });

  it('has no link without a URL template, says when no release holds it yet, and takes nothing', () => {
    const [v] = commitViews([commit({ url: null, release: null })]);
    expect([v!.href, v!.release, v!.released]).toEqual([null, 'not released yet', false]);
    expect(commitViews(undefined)).toEqual([]);
    expect(commitViewsByKey(new Map([['k', [commit()]]])).get('k')!.map((c) => c.short)).toEqual(['7225fd2b31ca']);
  });
});

describe('mergeStatusView', () => {
  const revisions = [
    { postingId: 'v1@x', label: 'v1', anchor: 'v1' },
    { postingId: 'v4@x', label: 'v4', anchor: 'v4' },
  ];
  const merged: LineageMerge = { state: 'partially-merged', landed: 2, patches: 9, landedPosting: 'v4@x', landedPostings: ['v1@x', 'v4@x'], release: 'v81', commits: [commit()] };

  it('says merged, partially merged (how much) or not, which revision landed and the release', () => {
    expect(mergeStatusView(merged, revisions)).toMatchObject({
      text: 'partially merged (2 of 9 patches)',
      className: 'partial',
      landed: { label: 'v4', anchor: 'v4' },
      alsoLanded: [{ label: 'v1', anchor: 'v1' }],
      release: 'v81',
    });
    expect(mergeStatusView({ ...merged, state: 'merged', landed: 9, landedPostings: ['v4@x'] }, revisions)).toMatchObject({ text: 'merged', className: 'merged', alsoLanded: [] });
    expect(mergeStatusView({ ...merged, state: 'not-merged', landed: 0, patches: 0, landedPosting: null, landedPostings: [], release: null, commits: [] }, revisions)).toMatchObject({
      text: 'not merged',
      className: 'not-merged',
      landed: null,
    });
  });

  it('shows nothing for a lineage no repository reaches', () => {
    expect(mergeStatusView(null, revisions)).toBeNull();
    expect(mergeStatusView(undefined, revisions)).toBeNull();
  });
});

describe('badges', () => {
  it("gives a revision a badge when its own patches landed, and a lineage's row one when commits set its state", () => {
    expect(revisionMergeBadge({ state: 'partially-merged', landed: 1, patches: 3 })).toEqual({ text: 'partially merged 1/3', className: 'partial' });
    expect(revisionMergeBadge({ state: 'not-merged', landed: 0, patches: 3 })).toBeNull();
    expect(revisionMergeBadge(undefined)).toBeNull();
    expect(lineageStateBadge('merged')).toEqual({ text: 'merged', className: 'merged' });
    expect(lineageStateBadge('applied')).toBeNull();
  });
});

describe('series pages with commits', () => {
  const author = { name: 'Ira Weiny', email: 'ira.weiny@intel.com' };
  const revision = (postingId: string, version: number, over: Partial<SeriesRevision> = {}): SeriesRevision => ({
    postingId,
    version,
    versionInferred: false,
    versionTag: String(version),
    rfc: false,
    resend: false,
    bundle: false,
    coverId: postingId,
    date: '2024-12-14T01:00:00.000Z',
    subject: `[PATCH v${version} 0/1] cxl: region`,
    title: 'cxl: region',
    author,
    threadId: postingId,
    total: 1,
    patches: [{ messageId: `${postingId}-1`, index: 1, total: 1, subject: 's', title: 'cxl: region', fingerprint: 'f', trailers: [], carried: [], replies: 0, commits: [commit({ messageId: `${postingId}-1` })] }],
    fragment: false,
    coverReplies: 0,
    link: null,
    forkedFrom: null,
    changes: [],
    changelog: '',
    mismatches: [],
    inThread: [],
    merge: { state: 'merged', landed: 1, patches: 1 },
    ...over,
  });

  it('puts each patch its commits, each revision its badge, and the page its merge box', () => {
    const revisions = [revision('v1@x', 1, { patches: [], merge: { state: 'not-merged', landed: 0, patches: 0 } }), revision('v4@x', 4)];
    const view = lineageView({ title: 'cxl: region', author, revisions });
    expect(view.revisions.map((r) => r.mergeBadge)).toEqual([null, { text: 'merged 1/1', className: 'merged' }]);
    expect(view.revisions[1]!.patches[0]!.commits.map((c) => c.short)).toEqual(['7225fd2b31ca']);
    const status = { latestPosting: 'v4@x', state: 'merged' as const, applied: null, naks: [], superseded: ['v1@x'], merged: { state: 'merged' as const, landed: 1, patches: 1, landedPosting: 'v4@x', landedPostings: ['v4@x'], release: 'v81', commits: [commit()] } };
    const page = seriesPageView('v1@x', { title: 'cxl: region', author, revisions }, status, { cites: [], citedBy: [] });
    expect(page.merge).toMatchObject({ text: 'merged', landed: { label: 'v4', anchor: 'v4' }, release: 'v81' });
    expect(seriesPageView('v1@x', { title: 'cxl: region', author, revisions }, null, { cites: [], citedBy: [] }).merge).toBeNull();
  });

  it('gives a series table row the state badge of its lineage', () => {
    const row = (state: SeriesRow['state']): SeriesRow => ({
      family: 'v1@x',
      postingId: 'v4@x',
      threadId: 'v4@x',
      title: 'cxl: region',
      subject: 's',
      authorName: 'Ira Weiny',
      authorEmail: 'ira.weiny@intel.com',
      date: 0,
      version: 4,
      versionInferred: false,
      rfc: false,
      resend: false,
      bundle: false,
      patches: 1,
      reviewed: 0,
      nacked: false,
      latest: true,
      revisions: 2,
      state,
    });
    expect(seriesRowViews([row('partially-merged')])[0]!.stateBadge).toEqual({ text: 'partially merged', className: 'partial' });
    expect(seriesRowViews([row('open')])[0]!.stateBadge).toBeNull();
  });
});

describe('topic timeline with commits', () => {
  it('says a lineage that landed is merged, in which revision and release, before what the list said', () => {
    const entry: TopicEntry = {
      kind: 'lineage',
      id: 'v1@x',
      title: 'cxl: region',
      author: 'Ira Weiny',
      first: '2024-10-30T00:00:00.000Z',
      last: '2024-12-14T00:00:00.000Z',
      revisions: [
        { postingId: 'v1@x', label: 'v1', date: null, subject: 's', threadId: 't1' },
        { postingId: 'v4@x', label: 'v4', date: null, subject: 's', threadId: 't4' },
      ],
      status: {
        latestPosting: 'v4@x',
        state: 'partially-merged',
        applied: { posting: 'v4@x', by: 'Alison Schofield', messageId: 'a@x', text: 'Applied', date: null },
        naks: [],
        superseded: ['v1@x'],
        merged: { state: 'partially-merged', landed: 2, patches: 9, landedPosting: 'v4@x', landedPostings: ['v4@x'], release: 'v81', commits: [] },
      },
      hits: 1,
      pinned: false,
      threads: ['t1', 't4'],
    };
    const [year] = topicYears([entry]);
    expect(year!.entries[0]).toMatchObject({ state: 'merged', status: 'partially merged (v4, in v81)', badgeClass: 'partial' });
  });
});
