import { describe, expect, it } from 'vitest';
import { THREADS_PER_PAGE, listPath, listSeriesPath } from './list-pages.ts';
import { listPageView, listPages, listRowViews, threadRowViews } from './list-view.ts';
import { threadPath } from './paths.ts';

describe('threadRowViews', () => {
  it('links each thread and gives the days of its first and last message', () => {
    const [t, u] = threadRowViews([
      { id: 't@x', root: 't@x', subject: 'fs/dax: fix', author: 'Dan Williams', messages: 3, ghosts: 1, firstDate: Date.UTC(2024, 3, 11, 23, 59), lastDate: Date.UTC(2024, 3, 12, 0, 1) },
      { id: 'u@x', root: 'u@x', subject: '', author: '', messages: 1, ghosts: 0, firstDate: null, lastDate: null },
    ]);
    expect(t).toEqual({ href: threadPath('t@x'), subject: 'fs/dax: fix', author: 'Dan Williams', messages: 3, ghosts: 1, first: '2024-04-11', last: '2024-04-12' });
    expect(u).toMatchObject({ subject: '(no subject)', first: 'no date', last: 'no date' });
  });
});

describe('listRowViews', () => {
  it('links each list and its series, counting none for a list without', () => {
    const rows = listRowViews(
      [
        { name: 'nvdimm', messages: 10, threads: 4, lastDate: Date.UTC(2025, 0, 2) },
        { name: 'linux-mm', messages: 1, threads: 1, lastDate: null },
      ],
      new Map([['nvdimm', 7]]),
    );
    expect(rows[0]).toEqual({ name: 'nvdimm', href: listPath('nvdimm', 1), messages: 10, threads: 4, series: 7, seriesHref: listSeriesPath('nvdimm'), lastDay: '2025-01-02' });
    expect(rows[1]!.series).toBe(0);
  });
});

describe('list pages', () => {
  const pages = listPages([
    { name: 'nvdimm', messages: 0, threads: 2 * THREADS_PER_PAGE + 1, lastDate: null },
    { name: 'empty', messages: 0, threads: 0, lastDate: null },
  ]);

  it('has a page per THREADS_PER_PAGE threads, the first without a number, and one for an empty list', () => {
    expect(pages.map((p) => [p.params.page, p.props.name, p.props.page, p.props.pages])).toEqual([
      [undefined, 'nvdimm', 1, 3],
      ['2', 'nvdimm', 2, 3],
      ['3', 'nvdimm', 3, 3],
      [undefined, 'empty', 1, 1],
    ]);
  });

  it('says which threads a page shows and links the pages around it', () => {
    const [first, middle, last] = pages.map((p) => listPageView(p.props));
    expect(first).toMatchObject({ title: 'nvdimm (page 1)', offset: 0, limit: THREADS_PER_PAGE, newerHref: null, olderHref: listPath('nvdimm', 2), seriesHref: listSeriesPath('nvdimm') });
    expect(middle).toMatchObject({ offset: THREADS_PER_PAGE, newerHref: listPath('nvdimm', 1), olderHref: listPath('nvdimm', 3) });
    expect(last).toMatchObject({ offset: 2 * THREADS_PER_PAGE, newerHref: listPath('nvdimm', 2), olderHref: null, total: 2 * THREADS_PER_PAGE + 1 });
  });
});
