// Dates of mail: RFC 5322 Date headers, their obsolete and broken forms, Received timestamps and
// mbox From_ lines; and the choice between them for one message. Pure; never throws.
// Obsolete forms follow RFC 5322 section 4.3: 2-digit years 00-49 are 20xx and 50-99 are 19xx,
// 3-digit years add 1900 ("Fri, 16 Mar 101" is 2001), zone names like PDT are fixed offsets.
import type { DateSource, Diagnostic } from '../types.ts';

/** A date read from a header, with what had to be repaired to read it. */
export interface ParsedDate {
  /** Milliseconds since the epoch, UTC. */
  ms: number;
  /** What was repaired, '' when the value was well formed. */
  repair: string;
  /** The zone the date was written in, minutes east of UTC (0 when it named none). */
  zone: number;
}

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** Zone names seen in mail. RFC 5322 4.3 lists UT, GMT and the US zones; the rest are common in
 *  real archives (CET/CEST from European MUAs, JST from Japanese ones). Minutes east of UTC. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600,
  bst: 60, cet: 60, met: 60, cest: 120, mest: 120, eet: 120, eest: 180, msk: 180,
  ist: 330, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, acst: 570, aest: 600, aedt: 660,
  nzst: 720, nzdt: 780,
};

const WEEKDAYS = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i;

/** Dates before this are not believable for Internet mail (ARPANET mail began in the 1970s). */
const EARLIEST_MS = Date.UTC(1970, 0, 2);

/**
 * Read one date value written in any of the forms mail uses: RFC 5322 ("Tue, 18 May 2021
 * 16:25:27 -0600"), obsolete ones ("16 Mar 101 16:12:03 PST"), asctime ("Thu Jan  1 00:00:00
 * 1970", as on mbox From_ lines). Returns null when no date can be read.
 */
export function parseDateValue(value: string): ParsedDate | null {
  const repairs: string[] = [];
  const text = value.replace(/\([^()]*\)/g, ' ').trim();
  const tokens = text.split(/[\s,]+/).filter((t) => t.length > 0);
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  let yearDigits = 0;
  let time: [number, number, number] | null = null;
  let zone: number | null = null;

  for (const raw of tokens) {
    const t = raw.toLowerCase();
    let m: RegExpMatchArray | null;
    if ((m = t.match(/^(\d{1,2})[:.](\d{1,2})(?:[:.](\d{1,2})(?:\.\d+)?)?$/)) && time === null) {
      time = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    } else if ((m = t.match(/^([+-])-*(\d{1,2}):?(\d{2})$/)) && zone === null && time !== null) {
      const minutes = Number(m[2]) * 60 + Number(m[3]);
      zone = m[1] === '-' ? -minutes : minutes;
    } else if ((m = t.match(/^(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2})(?::(\d{2}))?)?z?$/))) {
      year = Number(m[1]);
      yearDigits = 4;
      month = Number(m[2]) - 1;
      day = Number(m[3]);
      if (m[4] !== undefined) time = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    } else if (/^\d+$/.test(t)) {
      const n = Number(t);
      if (day === null && n >= 1 && n <= 31 && t.length <= 2) day = n;
      else if (year === null) {
        year = n;
        yearDigits = t.length;
      }
    } else if (month === null && MONTHS[t.slice(0, 3)] !== undefined && /^[a-z]+\.?$/.test(t)) {
      month = MONTHS[t.slice(0, 3)] ?? null;
    } else if (WEEKDAYS.test(t)) {
      // the day of the week is redundant; a wrong one is common and harmless
    } else if (ZONES[t] !== undefined && zone === null) {
      zone = ZONES[t] ?? 0;
      if (!['ut', 'utc', 'gmt', 'z'].includes(t)) repairs.push(`zone name ${raw}`);
    } else if (/^[a-z]$/.test(t) && zone === null && time !== null) {
      // RFC 5322 4.3: military zones were defined inconsistently; treat as -0000.
      zone = 0;
      repairs.push(`military zone ${raw}`);
    }
  }
  if (day === null || month === null || year === null) return null;
  if (yearDigits <= 2) {
    year += year < 50 ? 2000 : 1900;
    repairs.push(`2-digit year ${yearDigits ? String(year).slice(2) : ''}`.trim());
  } else if (yearDigits === 3 || year < 1000) {
    // "101" and "0102" are years since 1900 written by Y2K-broken mailers
    year += 1900;
    repairs.push('3-digit year');
  }
  if (time === null) {
    time = [0, 0, 0];
    repairs.push('no time');
  }
  if (zone === null) {
    zone = 0;
    repairs.push('no zone, UTC assumed');
  }
  const [hh, mi, ss] = time;
  if (hh > 24 || mi > 59 || ss > 60 || day > 31) return null;
  const ms = Date.UTC(year, month, day, hh, mi, Math.min(ss, 59)) - zone * 60_000;
  if (!Number.isFinite(ms) || ms < EARLIEST_MS) return null;
  return { ms, repair: repairs.join(', '), zone };
}

/** The timestamp of a Received header: what follows its last ';' (RFC 5321 4.4). */
export function parseReceived(value: string): number | null {
  const semi = value.lastIndexOf(';');
  if (semi < 0) return null;
  return parseDateValue(value.slice(semi + 1))?.ms ?? null;
}

/** Allowed lead of a Date header over the time the mail was received: clocks are wrong by hours,
 *  not days. A Date further in the future (e.g. "Mon, 18 Jun 2085" on linux-hwmon) is not used. */
export const MAX_DATE_LEAD_MS = 2 * 24 * 3600 * 1000;

/** What a message offers to date it. */
export interface DateEvidence {
  /** Date header values (the first readable one is used). */
  date: readonly string[];
  /** Received header values, topmost (latest hop) first. */
  received: readonly string[];
  /** The date on the mbox From_ line, if any. */
  envelope: string | null;
}

/**
 * The date of a message: the Date header if readable and believable, else the topmost readable
 * Received timestamp (as public-inbox's msg_datestamp does), else the mbox From_ line.
 */
export function chooseDate(e: DateEvidence): { ms: number | null; source: DateSource; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let received: number | null = null;
  for (const r of e.received) {
    received = parseReceived(r);
    if (received !== null) break;
  }
  const header = e.date.find((d) => d.trim().length > 0);
  let why = 'no Date header';
  if (header !== undefined) {
    const parsed = parseDateValue(header);
    if (parsed && (received === null || parsed.ms - received <= MAX_DATE_LEAD_MS)) {
      if (parsed.repair) {
        diagnostics.push({
          code: 'date/repaired',
          message: `Date header read with repairs: ${parsed.repair}`,
          expected: 'Tue, 18 May 2021 16:25:27 -0600',
          found: header.slice(0, 80),
        });
      }
      return { ms: parsed.ms, source: 'date', diagnostics };
    }
    if (parsed) {
      why = `the Date header is ${Math.round((parsed.ms - (received ?? 0)) / 86_400_000)} days after the mail was received`;
    } else {
      why = 'the Date header could not be read';
      diagnostics.push({
        code: 'date/unparseable',
        message: 'Date header could not be read',
        expected: 'Tue, 18 May 2021 16:25:27 -0600',
        found: header.slice(0, 80),
      });
    }
  } else {
    diagnostics.push({ code: 'date/missing', message: 'no Date header' });
  }
  if (received !== null) {
    diagnostics.push({ code: 'date/fallback', message: `date taken from the topmost Received header: ${why}`, found: header?.slice(0, 80) });
    return { ms: received, source: 'received', diagnostics };
  }
  if (e.envelope) {
    const env = parseDateValue(e.envelope);
    if (env) {
      diagnostics.push({ code: 'date/fallback', message: `date taken from the mbox From line: ${why}`, found: header?.slice(0, 80) });
      return { ms: env.ms, source: 'envelope', diagnostics };
    }
  }
  return { ms: null, source: 'none', diagnostics };
}

/** The day a message was written on where its author was: the date of its Date header in the
 *  header's own zone (Andrew Morton's "Mon, 3 Mar 2025 20:46 -0800" is 2025-03-03, not the
 *  UTC 2025-03-04), as YYYY-MM-DD; the UTC day of `ms` when the header is missing, unreadable or
 *  not where `ms` came from. null when there is no date at all. */
export function authorDay(dateHeader: string, ms: number | null): string | null {
  if (ms === null) return null;
  const p = dateHeader ? parseDateValue(dateHeader) : null;
  const zone = p && p.ms === ms ? p.zone : 0;
  return new Date(ms + zone * 60_000).toISOString().slice(0, 10);
}
