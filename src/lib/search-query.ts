// What a user types into the site's search box that is not a query: a Message-ID alone
// ("<a@b>" or "a@b"), which goes straight to its permalink. Everything else is a lore query
// (ingest/search/parse-query.ts). Pure.
import { normalizeMessageId } from '../../ingest/message/message-id.ts';

/** One word holding "@" and nothing a query gives meaning to (quotes, parentheses, brackets). */
const LONE_ID = /^[^\s<>"()]+@[^\s<>"()]+$/;

/** The Message-ID a query is, when it is one ("<a@b>" or "a@b" alone, no prefix), else null. */
export function messageIdQuery(q: string): string | null {
  const t = q.trim();
  if (/^[a-z]+:/.test(t)) return null;
  const id = normalizeMessageId(t);
  return LONE_ID.test(id) ? id : null;
}
