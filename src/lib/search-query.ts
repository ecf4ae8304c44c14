// What a user types into the site's search box that is not a query: a Message-ID alone
// ("<a@b>" or "a@b"), which goes straight to its permalink. Everything else is a lore query
// (ingest/search/parse-query.ts). Pure.

/** The Message-ID a query is, when it is one ("<a@b>" or "a@b" alone, no prefix), else null. */
export function messageIdQuery(q: string): string | null {
  const t = q.trim();
  if (/^[a-z]+:/.test(t)) return null;
  const m = /^<?([^\s<>"()]+@[^\s<>"()]+?)>?$/.exec(t);
  return m ? m[1]! : null;
}
