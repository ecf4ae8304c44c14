// Dates as archive pages write them: the Date header itself (hypermail's sent= comment,
// MHonArc's and public-inbox's header lists), hypermail's "Thu Apr 11 2024 - 07:25:30 EST" and
// UTC "20240411122530", public-inbox's "2024-04-11 12:25 UTC", Django's (Patchwork) "April 11,
// 2024, 12:57 a.m. UTC". Read with the mail date parser after turning the page-only forms into
// forms it knows. Pure.
import type { PageDate } from '../types.ts';
import { parseDateValue } from '../message/parse-date.ts';

/** "3:53 p.m." / "3 p.m." / "noon" / "midnight" -> "15:53" (Django's "P" time format). */
function twentyFourHour(s: string): string {
  return s
    .replace(/\bnoon\b/i, '12:00')
    .replace(/\bmidnight\b/i, '0:00')
    .replace(/\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?(?=\s|,|$)/i, (_, h: string, m: string | undefined, ap: string) => {
      const hour = (Number(h) % 12) + (ap.toLowerCase() === 'p' ? 12 : 0);
      return `${hour}:${m ?? '00'}`;
    });
}

/** Read a date a page shows. `precision` is how much the form written carries (the caller
 *  knows its generator's forms); 'none' when nothing could be read. */
export function readPageDate(written: string, precision: Exclude<PageDate['precision'], 'none'>): PageDate {
  const w = written.replace(/\s+/g, ' ').trim();
  if (!w) return { written: '', ms: null, precision: 'none' };
  const compact = w.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/);
  if (compact) {
    const [, y, mo, d, h, mi, s] = compact.map(Number) as number[];
    const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
    return { written: w, ms: Number.isFinite(ms) ? ms : null, precision: Number.isFinite(ms) ? precision : 'none' };
  }
  const parsed = parseDateValue(twentyFourHour(w).replace(/ - /g, ' '));
  return parsed ? { written: w, ms: parsed.ms, precision } : { written: w, ms: null, precision: 'none' };
}
