import { describe, expect, it } from 'vitest';
import type { StatementOut, TopicEntry } from '../../ingest/read-models.ts';
import { seriesPath, threadPath } from './paths.ts';
import { TOPIC_ANSWER_CHARS, topicLinkViews, topicPageView, topicPath, topicStatementViews } from './topic-view.ts';
import { messagePath } from './paths.ts';

const entry = (over: Partial<TopicEntry> & { id: string }): TopicEntry => ({
  kind: 'thread',
  title: `about ${over.id}`,
  author: 'Dan Williams',
  first: '2022-02-07T10:00:00.000Z',
  last: '2022-02-10T10:00:00.000Z',
  revisions: [],
  status: null,
  hits: 1,
  pinned: false,
  threads: [over.id],
  ...over,
});

const statement: StatementOut = {
  messageId: 's@x',
  subject: 'Re: fs/dax',
  author: 'Dan Williams',
  email: 'dan.j.williams@intel.com',
  date: '2024-04-12T17:32:00.000Z',
  text: "Right, I don't think pte_special is applicable for any DAX pages.",
  kind: 'agreement',
  answers: { author: '', email: 'jgg@nvidia.com', text: 'p'.repeat(TOPIC_ANSWER_CHARS + 1), messageId: 'q@x' },
  confidence: 0.8,
  why: 'starts by agreeing (rule agree-start)',
};

describe('topicPageView', () => {
  const revision = { postingId: 'v1@x', threadId: 't1', label: 'v1', date: '2022-02-07T10:00:00.000Z', subject: '[PATCH] x' };
  const entries = [
    entry({ id: 'applied@x', kind: 'lineage', revisions: [revision], status: { latestPosting: 'v1@x', state: 'applied', applied: { posting: 'v1@x', by: 'Andrew Morton', messageId: 'ty@x', text: 'Applied', date: null }, naks: [], superseded: [] } }),
    entry({ id: 'nacked@x', kind: 'lineage', revisions: [revision], status: { latestPosting: 'v1@x', state: 'nacked', applied: null, naks: [{ by: 'Christoph Hellwig', messageId: 'n@x', text: 'NAK' }], superseded: [] } }),
    entry({ id: 'thread@x', first: '2021-06-01T00:00:00.000Z', last: null }),
    entry({ id: 'accepted@x', kind: 'lineage', revisions: [revision], status: { latestPosting: 'v1@x', state: 'accepted', applied: null, naks: [{ by: 'Christoph Hellwig', messageId: 'n@x', text: 'NAK' }], superseded: [] } }),
    entry({ id: 'superseded@x', kind: 'lineage', revisions: [revision], status: { latestPosting: 'v1@x', state: 'superseded', applied: null, naks: [], superseded: [] } }),
  ];
  const view = topicPageView(
    { title: 'ZONE_DEVICE refcounts', summary: 'How it went', query: 's:"fs/dax" d:2021-01-01..', lineages: ['a@x', 'b@x'] },
    { html: '<p>account</p>', entries, statements: [statement] },
  );

  it('counts lineages apart from other threads, and links the query to the search page', () => {
    expect(view).toMatchObject({ title: 'ZONE_DEVICE refcounts', summary: 'How it went', html: '<p>account</p>', lineages: 4, threads: 1, pinned: 2 });
    expect(view.queryHref).toBe('/search/?q=s%3A%22fs%2Fdax%22%20d%3A2021-01-01..');
  });

  it('orders the timeline by year and gives each status its badge', () => {
    expect(view.years.map((y) => [y.year, y.entries.map((e) => [e.href, e.state, e.badgeClass])])).toEqual([
      ['2021', [[threadPath('thread@x'), 'discussion', '']]],
      [
        '2022',
        [
          [seriesPath('applied@x'), 'applied', 'ok'],
          [seriesPath('nacked@x'), 'nacked', 'nak'],
          [seriesPath('accepted@x'), 'accepted', 'ok'],
          [seriesPath('superseded@x'), 'superseded', 'old'],
        ],
      ],
    ]);
    // A maintainer's decision in Patchwork outranks a reviewer's NAK (the lineage outcome's rule).
    expect(view.years[1]!.entries.map((e) => e.status).slice(2)).toEqual(['accepted in Patchwork (latest v1)', 'superseded in Patchwork (latest v1)']);
  });

  it('cuts a quoted point to TOPIC_ANSWER_CHARS and names an unnamed author "someone"', () => {
    const [s] = view.statements;
    expect(s!.answers).toEqual({ author: 'someone', text: statement.answers!.text, excerpt: 'p'.repeat(TOPIC_ANSWER_CHARS - 1) + '…', href: null });
    expect(s!.why).toBe('starts by agreeing (rule agree-start) (confidence 0.8)');
  });
});

describe('topicLinkViews', () => {
  it('links each topic to its page', () => {
    expect(topicLinkViews([{ slug: 'zone-device-refcount', title: 'T', summary: '' }])).toEqual([{ title: 'T', href: '/topics/zone-device-refcount/', summary: '' }]);
    expect(topicPath('x')).toBe('/topics/x/');
  });
});

describe('topicStatementViews', () => {
  const statement = (answers: StatementOut['answers']): StatementOut => ({
    messageId: 's@x',
    subject: 'Re: fs/dax',
    author: 'Jason Gunthorpe',
    email: 'jgg@nvidia.com',
    date: '2022-10-18T10:00:00.000Z',
    text: 'This never got merged?',
    kind: 'conclusion',
    answers,
    confidence: 0.8,
    why: 'status',
  });

  it('names the message a quoted link points at instead of showing the bare URL', () => {
    const url = 'http://lore.kernel.org/all/166579181584.2236710.17813547487183983273.stgit@dwillia2-xfh.jf.intel.com/';
    const [linked] = topicStatementViews([
      statement({ author: 'Dan Williams', email: 'd@x', text: url, messageId: 'q@x', refers: { messageId: '166579181584.2236710.17813547487183983273.stgit@dwillia2-xfh.jf.intel.com', subject: '[PATCH v3 00/25] Fix the DAX-gup mistake', author: 'Dan Williams' } }),
    ]);
    expect(linked!.answers).toEqual({
      author: 'Dan Williams',
      text: '“[PATCH v3 00/25] Fix the DAX-gup mistake” by Dan Williams',
      excerpt: '“[PATCH v3 00/25] Fix the DAX-gup mistake” by Dan Williams',
      href: messagePath('166579181584.2236710.17813547487183983273.stgit@dwillia2-xfh.jf.intel.com'),
    });
    const [plain] = topicStatementViews([statement({ author: 'Dan Williams', email: 'd@x', text: 'Why not a folio?', messageId: 'q@x' })]);
    expect(plain!.answers).toMatchObject({ excerpt: 'Why not a folio?', href: null });
  });
});
