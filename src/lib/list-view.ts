// View models of the archive's index pages: the home page's table of lists, the pages of a list's
// threads, and the thread tables both show. Pure: rows in, plain data out; the pages only render
// it. Which URL each page has is list-pages.ts's.
import { THREADS_PER_PAGE, listPath, listSeriesPath, listSlug, pageCount } from './list-pages.ts';
import { threadPath } from './paths.ts';
import type { ListRow, ThreadRow } from '../../ingest/store/store-rows.ts';
import { formatDay } from './thread-view.ts';

/** A row of a table of threads. */
export interface ThreadRowView {
  href: string;
  /** The subject, "(no subject)" when it has none. */
  subject: string;
  /** Who started it ('' when unknown). */
  author: string;
  messages: number;
  /** Messages referenced but not in the archive. */
  ghosts: number;
  /** Day of the first and of the last message ("2024-04-12", or "no date" for none). */
  first: string;
  last: string;
}

export function threadRowViews(rows: readonly ThreadRow[]): ThreadRowView[] {
  return rows.map((t) => ({
    href: threadPath(t.id),
    subject: t.subject || '(no subject)',
    author: t.author,
    messages: t.messages,
    ghosts: t.ghosts,
    first: formatDay(t.firstDate),
    last: formatDay(t.lastDate),
  }));
}

/** A row of the home page's table of lists. */
export interface ListRowView {
  name: string;
  /** The list's first page of threads. */
  href: string;
  messages: number;
  threads: number;
  /** Lineages with a posting on the list. */
  series: number;
  seriesHref: string;
  /** Day of its last message, as ThreadRowView's days. */
  lastDay: string;
}

export function listRowViews(lists: readonly ListRow[], seriesCounts: ReadonlyMap<string, number>): ListRowView[] {
  return lists.map((l) => ({
    name: l.name,
    href: listPath(l.name, 1),
    messages: l.messages,
    threads: l.threads,
    series: seriesCounts.get(l.name) ?? 0,
    seriesHref: listSeriesPath(l.name),
    lastDay: formatDay(l.lastDate),
  }));
}

/** Which page of a list's threads a page is. */
export interface ListPage {
  /** The list's name. */
  name: string;
  /** From 1. */
  page: number;
  /** Pages the list has (at least 1). */
  pages: number;
  /** Threads the list has. */
  total: number;
}

/** Every page of every list: its URL segments (the first page has no number) and which it is. */
export function listPages(lists: readonly ListRow[]): Array<{ params: { list: string; page: string | undefined }; props: ListPage }> {
  return lists.flatMap((l) =>
    Array.from({ length: pageCount(l.threads) }, (_, i) => ({
      params: { list: listSlug(l.name), page: i === 0 ? undefined : String(i + 1) },
      props: { name: l.name, page: i + 1, pages: pageCount(l.threads), total: l.threads },
    })),
  );
}

/** A page of a list's threads, but for the threads themselves. */
export interface ListPageView extends ListPage {
  /** The page's title: "nvdimm (page 2)". */
  title: string;
  /** Which of the list's threads (most recently active first) the page shows: from `offset`,
   *  `limit` of them. */
  offset: number;
  limit: number;
  seriesHref: string;
  /** The pages of more recent and of older threads, null at the ends. */
  newerHref: string | null;
  olderHref: string | null;
}

export function listPageView(p: ListPage): ListPageView {
  return {
    ...p,
    title: `${p.name} (page ${p.page})`,
    offset: (p.page - 1) * THREADS_PER_PAGE,
    limit: THREADS_PER_PAGE,
    seriesHref: listSeriesPath(p.name),
    newerHref: p.page > 1 ? listPath(p.name, p.page - 1) : null,
    olderHref: p.page < p.pages ? listPath(p.name, p.page + 1) : null,
  };
}
