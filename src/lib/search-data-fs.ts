// What the static search index reads from the store at build time: threaded messages by number
// (row id) with their search fields, and the series lineage of each. Reads through the store it is
// given. Rows only: the index is built by src/build/search-*.ts.
import type { SearchDoc } from '../../ingest/read-models.ts';
import { messageFields } from '../../ingest/search/message-fields.ts';
import { seriesLabel } from '../../ingest/series/revision-label.ts';
import type { DocumentRow, Store } from '../../ingest/store/store-port.ts';

type Series = { family: string; label: string };

/** Each message's series lineage and label, by its key or else its thread. */
export interface SeriesLabels {
  byKey: Map<string, Series>;
  byThread: Map<string, Series>;
}

/** The lineage of each posting, by cover letter and patch key, and of each thread. */
export function seriesLabels(store: Store): SeriesLabels {
  // Lineage of each posting, with its version and its title, read in one pass with where the
  // posting is (its thread, its cover letter), postings in date order.
  const postingFamily = new Map<string, Series>();
  const placed: Array<{ id: string; cover: string | null; thread: string }> = [];
  for (const r of store.series.postingFamilies()) {
    // A posting in several lineages has one row each (adjacent): the last one read is kept.
    if (!postingFamily.has(r.id)) placed.push({ id: r.id, cover: r.cover, thread: r.thread });
    postingFamily.set(r.id, { family: r.family, label: seriesLabel(r.title, r.rfc, r.tag) });
  }
  // A thread's lineage is its first posting's; a cover letter's, the last posting it covers.
  const byThread = new Map<string, Series>();
  const byKey = new Map<string, Series>();
  for (const p of placed) {
    const f = postingFamily.get(p.id)!;
    if (!byThread.has(p.thread)) byThread.set(p.thread, f);
    if (p.cover) byKey.set(p.cover, f);
  }
  for (const r of store.series.patchPostings()) {
    const f = postingFamily.get(r.posting);
    if (f && !byKey.has(r.key)) byKey.set(r.key, f);
  }
  return { byKey, byThread };
}

/** A message as the index takes it: with its search fields, or (`withFields` false) without
 *  (fields empty: for a row whose snippet is kept). */
export function searchDoc(r: DocumentRow, labels: SeriesLabels, withFields = true): SearchDoc {
  const fields = withFields ? messageFields(r) : null;
  const series = labels.byKey.get(r.key) ?? labels.byThread.get(r.threadId) ?? null;
  return { id: r.id, key: r.key, threadId: r.threadId, subject: r.subject, author: r.author, fromName: r.fromName, date: r.date, lists: r.lists, fields, family: series?.family ?? null, seriesTitle: series?.label ?? '', facets: r.facets };
}

/** Every threaded message of a store with a number above `afterId`, by number. */
export function* searchDocs(store: Store, afterId = 0): Generator<SearchDoc & { fields: NonNullable<SearchDoc['fields']> }> {
  const labels = seriesLabels(store);
  for (const r of store.search.documents(afterId)) yield searchDoc(r, labels) as SearchDoc & { fields: NonNullable<SearchDoc['fields']> };
}
