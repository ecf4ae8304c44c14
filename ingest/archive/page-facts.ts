// A message recovered from an archive page, read back as the matcher reads a page (match-page.ts):
// the Message-ID as the page wrote it (X-Patchlore-Recovered keeps it when it is not complete),
// the subject, the sender as the page showed it, and the date to the precision the page gave.
// Pure. It does not decide whether two messages are one: matchPage does.
import type { Address, PageFacts, PageMessageId, Recovered } from '../types.ts';
import { readPageId } from './page-message-id.ts';

/** What a stored (or just parsed) page copy says about itself. */
export interface RecoveredMessage {
  /** Its Message-ID as stored (a placeholder for a damaged one). */
  messageId: string;
  subject: string;
  from: Address;
  /** ms since the epoch, null when the page showed none. */
  date: number | null;
  /** The Date header the synthesised mail carries ('' when none). */
  dateHeader: string;
  recovered: Recovered;
}

/** How the page wrote the ID: read again as the page's reader read it (hypermail writes "@" as
 *  "_at_"). A complete ID needs no writing: it is the stored one. */
function pageId(m: RecoveredMessage): PageMessageId {
  const r = m.recovered;
  if (r.messageId === 'complete') return { id: m.messageId, state: 'complete', written: m.messageId };
  if (r.messageId === 'missing' || !r.writtenId) return { id: '', state: 'missing', written: '' };
  return readPageId(r.writtenId, r.generator === 'hypermail' ? 'spelt-out' : 'plain');
}

/** The page facts of a recovered message. */
export function pageFacts(m: RecoveredMessage): PageFacts {
  const precision = m.date === null ? 'none' : m.recovered.datePrecision;
  return {
    messageId: pageId(m),
    subject: m.subject,
    from: { name: m.from.name, email: m.from.email },
    date: { written: m.dateHeader, ms: precision === 'none' ? null : m.date, precision },
  };
}
