// The results page's view model: hits grouped by series lineage, then by thread, in the order
// of their best hit. Pure: hits and their rows in, groups out (the page renders them).
import { rowThread, type DocRow } from './search-static-format.ts';

export interface ResultHit {
  doc: number;
  row: DocRow;
}

export interface ThreadGroup {
  /** The thread's page. */
  thread: string;
  hits: ResultHit[];
}

/** A series lineage (seriesHref set) or a thread on its own. */
export interface ResultGroup {
  seriesHref: string;
  seriesTitle: string;
  threads: ThreadGroup[];
}

/** Group hits (already in result order) by lineage, then thread (the thread page of each row). */
export function groupResults(hits: readonly ResultHit[]): ResultGroup[] {
  const groups: ResultGroup[] = [];
  const bySeries = new Map<string, ResultGroup>();
  const byThread = new Map<string, ThreadGroup>();
  for (const h of hits) {
    const thread = rowThread(h.row);
    let t = byThread.get(thread);
    if (!t) {
      t = { thread, hits: [] };
      byThread.set(thread, t);
      const href = h.row[6];
      let g = href ? bySeries.get(href) : undefined;
      if (!g) {
        g = { seriesHref: href, seriesTitle: h.row[7], threads: [] };
        if (href) bySeries.set(href, g);
        groups.push(g);
      }
      g.threads.push(t);
    }
    t.hits.push(h);
  }
  return groups;
}
