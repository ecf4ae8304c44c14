// What the static search index reads from the store at build time: every threaded message in
// thread order (threads by first date, messages in display order) with its search fields, and
// the series lineage of each. Opens the store at the path it is given read-only, on its own
// connection. Rows only: the index is built by src/build/search-index.ts.
import type { SearchDoc } from '../../ingest/read-models.ts';
import { messageFields } from '../../ingest/search/message-fields.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import { seriesLabel } from '../../ingest/series/revision-label.ts';
import type { Store } from '../../ingest/store/store-port.ts';

type Series = { family: string; label: string };


/** The lineage of each posting, by cover letter and patch key, and of each thread. */
function seriesLabels(store: Store): { byKey: Map<string, Series>; byThread: Map<string, Series> } {
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

/** Every threaded message, in thread order. */
export function* searchDocs(dbPath: string): Generator<SearchDoc> {
  // One pass over the messages: a large page cache would only hold what is never read again.
  const store = openStore(dbPath, { readonly: true, cacheKiB: 8192 });
  try {
    const { byKey, byThread } = seriesLabels(store);
    for (const r of store.search.documents()) {
      const fields = messageFields(r);
      const series = byKey.get(r.key) ?? byThread.get(r.threadId) ?? null;
      yield { key: r.key, threadId: r.threadId, subject: r.subject, author: r.author, fromName: r.fromName, date: r.date, lists: r.lists, fields, family: series?.family ?? null, seriesTitle: series?.label ?? '', facets: r.facets };
    }
  } finally {
    store.close();
  }
}
