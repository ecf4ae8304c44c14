// The lore search that finds the message a page shows when the page gives no usable Message-ID
// (hypermail 2.4 cuts them, hypermail makes some up): its subject as a phrase, within a day of
// its date either way (lore's d: ranges are whole days, UTC). With the whole thread of every hit
// pulled, the page copy is then matched to its mail at import (archive/match-page.ts decides;
// the search only brings candidates). Pure.
import type { PageFacts } from '../types.ts';

const DAY_MS = 24 * 3600_000;

/** YYYYMMDD of a time, UTC. */
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');

/** The query, or null when the page shows no subject or no date to search by. */
export function pageSearchQuery(page: Pick<PageFacts, 'subject' | 'date'>): string | null {
  // Quotes would end the phrase; Xapian splits the rest into words as lore indexed them.
  const subject = page.subject.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!subject || page.date.ms === null || page.date.precision === 'none') return null;
  return `s:"${subject}" d:${day(page.date.ms - DAY_MS)}..${day(page.date.ms + DAY_MS)}`;
}
