// What a page read from the store, named so that an incremental build can tell whether the page
// may have changed without rendering it (ingest/publish/plan-build.ts). site-data-fs.ts records
// these keys while a page renders; the build keeps them with the page. Pure.
//
//   t:<thread>     a thread's messages, nodes, summary, statements and postings
//   c:<thread>     what a thread cites and what cites it
//   l:<family>     a series lineage: revisions, patches, trailers, status, citations
//   s              every lineage at once (series tables, counts per list)
//   v:<name>       a value checked by recomputing it (lists, totals, a page of a list, ...)
//   *              anything else: the page is rendered again on every build

export const threadRead = (threadId: string): string => `t:${threadId}`;
export const citationsRead = (threadId: string): string => `c:${threadId}`;
export const lineageRead = (family: string): string => `l:${family}`;
export const SERIES_READ = 's';
export const valueRead = (name: string): string => `v:${name}`;
export const ALWAYS_READ = '*';

/** A read key taken apart. */
export type ReadKey =
  | { kind: 'thread' | 'citations' | 'lineage' | 'value'; id: string }
  | { kind: 'series' | 'always' };

export function parseRead(key: string): ReadKey {
  if (key === SERIES_READ) return { kind: 'series' };
  const id = key.slice(2);
  switch (key.slice(0, 2)) {
    case 't:':
      return { kind: 'thread', id };
    case 'c:':
      return { kind: 'citations', id };
    case 'l:':
      return { kind: 'lineage', id };
    case 'v:':
      return { kind: 'value', id };
    default:
      return { kind: 'always' };
  }
}
