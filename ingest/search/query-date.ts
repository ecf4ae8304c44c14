// The value of a "d:" prefix: a day, an instant, or a range of them, as lore reads them
// (public-inbox's date_parse_prepare in lib/PublicInbox/Search.pm, which hands git's
// "approxidate" the parts that are not YYYYMMDD). Days are UTC. A range includes both ends'
// whole days, as lore's YYYYMMDD ranges do; a relative date ("2.weeks.ago") is an instant.
// Deliberately not all of git's approxidate: the forms below, each tested, and a clear error for
// anything else, as a Diagnostic whose `span` is the bad part and `expected` a valid value to put
// there. Pure: `now` is given.
import type { Diagnostic } from '../types.ts';

/** A half-open range [from, to) in ms since the epoch; null = open. */
export interface DateRange {
  from: number | null;
  to: number | null;
}

const DAY = 86_400_000;
const UNITS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: DAY, week: 7 * DAY };
const CALENDAR_UNITS = new Set(['month', 'year']);

/** One end of a range: a whole day [start, end), or an instant (start = end). */
interface Point {
  start: number;
  end: number;
}

/** The forms accepted, for messages. */
export const DATE_FORMS = 'YYYY-MM-DD, YYYYMMDD, YYYYMMDDHHMMSS, YYYY-MM-DDTHH:MM[:SS], N.days.ago (seconds, minutes, hours, days, weeks, months, years), today, yesterday, now, last.week, last.month, last.year';

function day(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return t;
}

function impossible(text: string, offset: number, example: string): Diagnostic {
  return { code: 'query/impossible-date', message: `"${text}" is not a date of the calendar`, span: { offset, length: text.length }, expected: example };
}

/** Move an instant back by n calendar months (git clamps the day of month the same way). */
function monthsBack(now: number, n: number): number {
  const d = new Date(now);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

function parsePoint(text: string, offset: number, now: number): Point | Diagnostic {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)) || (m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) {
    const t = day(Number(m[1]), Number(m[2]), Number(m[3]));
    if (t === null) return impossible(text, offset, `${m[1]}-01-31`);
    return { start: t, end: t + DAY };
  }
  if ((m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text)) || (m = /^(\d{4})-(\d{2})-(\d{2})[T_](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text))) {
    const t = day(Number(m[1]), Number(m[2]), Number(m[3]));
    const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    if (t === null || h > 23 || mi > 59 || s > 59) return impossible(text, offset, `${m[1]}-01-31T12:00`);
    const at = t + ((h * 60 + mi) * 60 + s) * 1000;
    return { start: at, end: at };
  }
  const lower = text.toLowerCase();
  const today = Math.floor(now / DAY) * DAY;
  if (lower === 'today') return { start: today, end: today + DAY };
  if (lower === 'yesterday') return { start: today - DAY, end: today };
  if (lower === 'now') return { start: now, end: now };
  if ((m = /^(?:(\d+)|last)[._]?(second|minute|hour|day|week|month|year)s?(?:[._]ago)?$/.exec(lower))) {
    const n = m[1] === undefined ? 1 : Number(m[1]);
    const unit = m[2]!;
    const at = CALENDAR_UNITS.has(unit) ? monthsBack(now, unit === 'year' ? 12 * n : n) : now - n * UNITS[unit]!;
    return { start: at, end: at };
  }
  return {
    code: 'query/bad-date',
    message: `cannot read "${text}" as a date; the forms are ${DATE_FORMS}`,
    span: { offset, length: text.length },
    expected: '2024-01-31',
  };
}

/**
 * Read the value of "d:": `DATE`, `DATE..`, `..DATE` or `DATE..DATE`. A single day means that day;
 * a single instant means the 24 hours from it (as lore does).
 */
export function parseDateRange(value: string, now: number): DateRange | Diagnostic {
  const dots = value.indexOf('..');
  if (dots < 0) {
    const p = parsePoint(value, 0, now);
    if ('code' in p) return p;
    return { from: p.start, to: p.end === p.start ? p.start + DAY : p.end };
  }
  const a = value.slice(0, dots);
  const b = value.slice(dots + 2);
  if (!a && !b) return { code: 'query/bad-date', message: 'a date range needs at least one end', span: { offset: 0, length: value.length }, expected: '2024-01-01..' };
  const from = a ? parsePoint(a, 0, now) : null;
  if (from && 'code' in from) return from;
  const to = b ? parsePoint(b, dots + 2, now) : null;
  if (to && 'code' in to) return to;
  const range = { from: from?.start ?? null, to: to?.end ?? null };
  if (range.from !== null && range.to !== null && range.from >= range.to) {
    return { code: 'query/empty-range', message: `the range "${value}" ends before it starts`, span: { offset: 0, length: value.length }, expected: `${b}..${a}` };
  }
  return range;
}
