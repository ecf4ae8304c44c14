// Reading the fields of one Patchwork JSON object without trusting its shape: each accessor
// returns the value or a fallback, and records a problem naming the record, the field, what was
// expected and what was found. A missing field a record cannot do without (its id, its
// Message-ID) marks the record as unusable; anything else is left empty with a warning. Also the
// value formats of Patchwork's API: dates in UTC without a zone, Message-IDs in angle brackets,
// people and users as nested objects. Pure; it does not decide which fields a record needs.
import type { Diagnostic, PatchworkPerson, PatchworkUser } from '../types.ts';

/** Characters of a wrong value quoted in a problem. */
const FOUND_MAX = 80;

/** What a problem of the JSON reader tells the user to do. */
const SHAPE_HINT = 'the server may run a Patchwork version patchlore does not know (it reads API 1.0 to 1.3); the rest was read';

/** A JSON value shortened for a problem's `found`. */
export function foundText(value: unknown): string {
  let s: string;
  try {
    s = value === undefined ? 'nothing' : JSON.stringify(value);
  } catch {
    s = String(value);
  }
  return s.length > FOUND_MAX ? `${s.slice(0, FOUND_MAX - 1)}…` : s;
}

/** Patchwork's timestamps: ISO 8601, UTC when no zone is written ("2022-04-20T15:53:06",
 *  events with microseconds "2026-12-04T13:23:10.107007"). Ms since the epoch, or null. */
export function parsePatchworkDate(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59 || s > 60 || new Date(Date.UTC(y, mo - 1, d)).getUTCMonth() !== mo - 1 || mo < 1 || d < 1) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  let t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const offset = (Number(z[2]) * 60 + Number(z[3] ?? 0)) * 60_000;
    t -= z[1] === '+' ? offset : -offset;
  }
  return t;
}

/** A Message-ID as Patchwork gives it ("<a@b>") without its angle brackets; '' when empty. */
export function bareMessageId(value: string): string {
  const v = value.trim();
  return (v.startsWith('<') && v.endsWith('>') ? v.slice(1, -1) : v).trim();
}

/** The fields of one object of a Patchwork answer. */
export class PatchworkFields {
  /** Set when a field the record cannot do without is missing or unusable. */
  unusable = false;

  private constructor(
    private readonly obj: Record<string, unknown>,
    /** The record, for messages: "patch 128", "event 2653" (set once the id is known). */
    public what: string,
    private readonly url: string,
    private readonly problems: Diagnostic[],
  ) {}

  /** The fields of `value`, or null (with a problem) when it is not a JSON object. */
  static of(value: unknown, what: string, url: string, problems: Diagnostic[]): PatchworkFields | null {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return new PatchworkFields(value as Record<string, unknown>, what, url, problems);
    problems.push({ code: 'patchwork/bad-shape', message: `${what} is not a JSON object; skipped`, source: url, hint: SHAPE_HINT, severity: 'error', expected: 'an object', found: foundText(value) });
    return null;
  }

  has(name: string): boolean {
    return this.obj[name] !== undefined;
  }

  raw(name: string): unknown {
    return this.obj[name];
  }

  private bad(name: string, expected: string, required: boolean, note = ''): void {
    if (required) this.unusable = true;
    const value = this.obj[name];
    const missing = value === undefined;
    this.problems.push({
      code: 'patchwork/bad-shape',
      message: `${this.what}: ${missing ? `no "${name}" field` : `"${name}" is not ${expected}`}${note}; ${required ? 'skipped' : 'left empty'}`,
      source: this.url,
      hint: SHAPE_HINT,
      severity: required ? 'error' : 'warning',
      expected,
      found: foundText(value),
    });
  }

  /** A whole number the record needs (an id). */
  id(name: string): number {
    const v = this.obj[name];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
    this.bad(name, 'a whole number', true);
    return -1;
  }

  /** A whole number, `fallback` (with a warning) when missing or of another type. */
  int(name: string, fallback: number): number {
    const v = this.obj[name];
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    this.bad(name, 'a whole number', false);
    return fallback;
  }

  /** A string the record needs. */
  requiredString(name: string): string {
    const v = this.obj[name];
    if (typeof v === 'string' && v.trim() !== '') return v;
    this.bad(name, 'a non-empty string', true);
    return '';
  }

  /** A string, '' when missing or null (a warning when of another type, or missing and
   *  `expected` is true). */
  string(name: string, expected = true): string {
    const v = this.obj[name];
    if (typeof v === 'string') return v;
    if (v === null || (v === undefined && !expected)) return '';
    this.bad(name, 'a string', false);
    return '';
  }

  /** A string that may be null or absent (absent in older API versions). */
  optionalString(name: string): string | null {
    const v = this.obj[name];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v === '' ? null : v;
    this.bad(name, 'a string or null', false);
    return null;
  }

  boolean(name: string, fallback: boolean): boolean {
    const v = this.obj[name];
    if (typeof v === 'boolean') return v;
    this.bad(name, 'true or false', false);
    return fallback;
  }

  /** A timestamp as ms (null with a warning when missing or unreadable). */
  date(name: string): number | null {
    const v = this.obj[name];
    const t = typeof v === 'string' ? parsePatchworkDate(v) : null;
    if (t === null) this.bad(name, 'an ISO 8601 date ("2022-04-20T15:53:06")', false);
    return t;
  }

  /** The Message-ID the record is keyed by, without angle brackets. */
  messageId(name: string): string {
    const v = this.obj[name];
    const id = typeof v === 'string' ? bareMessageId(v) : '';
    if (id === '' || /\s/.test(id)) {
      this.bad(name, 'a Message-ID ("<a@b>")', true);
      return '';
    }
    return id;
  }

  /** A nested object, or null when absent or null; a warning when of another type. */
  object(name: string, what: string): PatchworkFields | null {
    const v = this.obj[name];
    if (v === undefined || v === null) return null;
    if (typeof v === 'object' && !Array.isArray(v)) return new PatchworkFields(v as Record<string, unknown>, `${this.what}, ${what}`, this.url, this.problems);
    this.bad(name, 'an object or null', false);
    return null;
  }

  /** An array (empty, with a warning, when of another type; quietly when absent and not
   *  `expected`). */
  array(name: string, expected = true): unknown[] {
    const v = this.obj[name];
    if (Array.isArray(v)) return v;
    if (v === undefined && !expected) return [];
    this.bad(name, 'an array', false);
    return [];
  }

  /** A person ({name, email}); an empty one, with a warning, when missing. */
  person(name: string): PatchworkPerson {
    const p = this.object(name, name);
    if (!p) {
      // (a value of another type was reported by object())
      if (this.obj[name] === undefined || this.obj[name] === null) this.bad(name, 'a person ({"name", "email"})', false);
      return { name: '', email: '' };
    }
    return { name: p.string('name'), email: p.string('email') };
  }

  /** A user ({username, first_name, last_name, email}), null when null or absent. */
  user(name: string): PatchworkUser | null {
    const u = this.object(name, name);
    if (!u) return null;
    const username = u.string('username');
    const full = [u.string('first_name', false), u.string('last_name', false)].filter(Boolean).join(' ');
    return { username, name: full, email: u.string('email', false) };
  }
}
