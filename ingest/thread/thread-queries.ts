// `patchlore thread MSGID`: every shown node of the thread holding a message, in display order
// (docs/cli.md), with what each is to the series the thread holds, from store rows.
import { formatAddress } from '../message/format-address.ts';
import type { ThreadListing } from '../read-models.ts';
import { threadRoles } from '../series/series-queries.ts';
import type { Store } from '../store/store-port.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The thread holding `mid` (a Message-ID, a key or a ghost's id); null when it is in none. */
export function findThread(store: Store, mid: string): ThreadListing | null {
  const at = store.mail.locate(mid);
  if (!at) return null;
  const rows = store.threads.shownNodes(at.threadId);
  const roles = threadRoles(store, at.threadId, rows);
  return {
    root: rows[0]?.id ?? at.id,
    threadId: at.threadId,
    messages: rows.map((r) => ({
      messageId: r.id,
      parent: r.parent,
      depth: r.depth,
      ghost: r.ghost,
      from: r.message ? formatAddress(r.message.fromName, r.message.fromEmail) : null,
      date: r.message ? iso(r.message.date) : null,
      subject: r.message?.subject ?? null,
      role: roles.get(r.id) ?? null,
    })),
  };
}
