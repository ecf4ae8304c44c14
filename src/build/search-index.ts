// The static site's search index: lunr over the subject and author of every message. Plain word
// search; the lore query language over bodies comes with the search work. A Message-ID needs no
// index: the search page sends it to /m/<msgid>/. Pure: rows in, JSON out.
import lunr from 'lunr';

/** One search result as the page shows it: [href, subject, author, ISO date, Message-ID]. */
export type SearchDoc = [string, string, string, string, string];

export interface SearchRow {
  href: string;
  messageId: string;
  subject: string;
  author: string;
  date: number | null;
}

/** Index and documents, serialized for the browser. */
export function buildSearchIndex(rows: Iterable<SearchRow>): { index: string; docs: string } {
  const docs: SearchDoc[] = [];
  const index = lunr(function () {
    this.ref('i');
    this.field('subject', { boost: 3 });
    this.field('author');
    // No positions: they would double the index and nothing uses them.
    this.metadataWhitelist = [];
    for (const r of rows) {
      const i = docs.length;
      docs.push([r.href, r.subject, r.author, r.date === null ? '' : new Date(r.date).toISOString(), r.messageId]);
      this.add({ i: String(i), subject: r.subject, author: r.author });
    }
  });
  return { index: JSON.stringify(index), docs: JSON.stringify(docs) };
}
