// What the static search index reads from the store at build time: every threaded message in
// thread order (threads by first date, messages in display order) with its search fields, and
// the series lineage of each. Opens the store at the path it is given read-only, on its own
// connection. Rows only: the index is built by src/build/search-index.ts.
import type { StoredPart } from '../../ingest/message/message-body.ts';
import type { SearchFields } from '../../ingest/search/query-types.ts';
import { searchFields } from '../../ingest/search/search-fields.ts';
import { openStore } from '../../ingest/store/store-fs.ts';

/** One message as the index needs it. */
export interface SearchDoc {
  key: string;
  threadId: string;
  subject: string;
  author: string;
  fromName: string;
  date: number | null;
  lists: string[];
  fields: SearchFields;
  /** Series lineage (family id) of the message's posting or of its thread, null for none. */
  family: string | null;
  /** "v3 fs/dax: Fix ..." of that lineage's posting, '' for none. */
  seriesTitle: string;
}

type Address = { name: string; email: string };
const addr = (a: Address): string => (a.name && a.email ? `${a.name} <${a.email}>` : a.name || a.email);

/** Every threaded message, in thread order. */
export function* searchDocs(dbPath: string): Generator<SearchDoc> {
  const store = openStore(dbPath, { readonly: true });
  try {
    const db = store.db;
    // One pass over the messages: a large page cache would only hold what is never read again.
    db.pragma('cache_size = -8192');
    // Lineage of each posting, with its version and its title, read in one pass with where the
    // posting is (its thread, its cover letter), postings in date order.
    const postingFamily = new Map<string, { family: string; label: string }>();
    const placed: Array<{ id: string; cover: string | null; thread: string }> = [];
    for (const r of db
      .prepare(`SELECT p.id, p.cover_key AS cover, p.thread_id AS thread, p.title, p.version_tag AS tag, p.rfc, r.family
                FROM postings p JOIN revisions r ON r.posting = p.id ORDER BY p.date, p.id`)
      .iterate() as Iterable<{ id: string; cover: string | null; thread: string; title: string; tag: string | null; rfc: number; family: string }>) {
      // A posting in several lineages has one row each (adjacent): the last one read is kept.
      if (!postingFamily.has(r.id)) placed.push({ id: r.id, cover: r.cover, thread: r.thread });
      postingFamily.set(r.id, { family: r.family, label: `${r.rfc ? 'RFC ' : ''}${r.tag ?? ''} ${r.title}`.replace(/\s+/g, ' ').trim() });
    }
    // A thread's lineage is its first posting's; a cover letter's, the last posting it covers.
    const threadFamily = new Map<string, { family: string; label: string }>();
    const byKey = new Map<string, { family: string; label: string }>();
    for (const p of placed) {
      const f = postingFamily.get(p.id)!;
      if (!threadFamily.has(p.thread)) threadFamily.set(p.thread, f);
      if (p.cover) byKey.set(p.cover, f);
    }
    for (const r of db.prepare('SELECT posting, key FROM posting_patches').iterate() as Iterable<{ posting: string; key: string }>) {
      const f = postingFamily.get(r.posting);
      if (f && !byKey.has(r.key)) byKey.set(r.key, f);
    }
    // The order first, then each message by id: sorting whole rows would make SQLite hold every
    // body at once in a temporary b-tree.
    const order = db
      .prepare('SELECT m.id FROM threads t JOIN messages m ON m.thread_id = t.id ORDER BY t.first_date, t.id, m.ord')
      .pluck()
      .all() as number[];
    const row = db.prepare(
      `SELECT m.key, m.message_id AS messageId, m.thread_id AS threadId, m.subject, m.author, m.from_name AS fromName, m.recipients,
              m.date, m.body, m.parts, (SELECT group_concat(list, ',') FROM message_lists l WHERE l.message = m.id) AS lists
       FROM messages m WHERE m.id = ?`,
    );
    type Row = {
      key: string;
      messageId: string;
      threadId: string;
      subject: string;
      author: string;
      fromName: string;
      recipients: string;
      date: number | null;
      body: string;
      parts: string;
      lists: string | null;
    };
    for (const id of order) {
      const r = row.get(id) as Row;
      const rcpt = JSON.parse(r.recipients) as { to: Address[]; cc: Address[] };
      const fields = searchFields({
        messageId: r.messageId,
        subject: r.subject,
        from: r.author,
        to: rcpt.to.map(addr),
        cc: rcpt.cc.map(addr),
        body: r.body,
        parts: JSON.parse(r.parts) as StoredPart[],
      });
      const series = byKey.get(r.key) ?? threadFamily.get(r.threadId) ?? null;
      yield {
        key: r.key,
        threadId: r.threadId,
        subject: r.subject,
        author: r.author,
        fromName: r.fromName,
        date: r.date,
        lists: r.lists ? r.lists.split(',').sort() : [],
        fields,
        family: series?.family ?? null,
        seriesTitle: series?.label ?? '',
      };
    }
  } finally {
    store.close();
  }
}
