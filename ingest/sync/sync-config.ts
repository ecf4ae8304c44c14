// The "sync" section of patchlore.config.json: which lists to keep current, from which server
// and mirrors, since when, where the cache lives, and how politely to ask. Checks every field and
// names the bad ones with what was expected; unknown keys are errors (a typo must not silently
// fall back to a default). Pure: the file is read by ingest/config/read-config-fs.ts.
import type { Diagnostic } from '../types.ts';
import type { HttpSettings } from './sync-types.ts';
import { DEFAULT_BASE, isListName, normalizeBase } from '../lore/lore-url.ts';

/** Pause between requests: one request at a time with a pause, as kernel.org asks of automated
 *  clients (b4 and liblore make one request at a time; 1 s keeps a sync to ~1 request/s). */
export const DEFAULT_DELAY_MS = 1000;
/** Idle timeout: a search over a large inbox can take tens of seconds before its first byte. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Retries per request: with the default backoff they wait 2+4+8+16+32 s, about a minute. */
export const DEFAULT_RETRIES = 5;
/** First retry delay, doubled per retry (urllib3's exponential backoff, as b4's requests use). */
export const DEFAULT_BACKOFF_MS = 2000;
/** Cap on one delay between attempts. */
export const DEFAULT_MAX_BACKOFF_MS = 60_000;
/** A Retry-After longer than this ends the retries with a "try later" message. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 300_000;
/** Requests per run: a full sync of a list needs a handful; a few hundred targeted pulls fit. */
export const DEFAULT_MAX_REQUESTS = 1000;
/** Reuse thread/message/feed downloads for 10 minutes: b4's default cache-expire. */
export const DEFAULT_CACHE_TTL_SECONDS = 600;

/** One list entry of the config, resolved against the section's defaults. */
export interface ListConfig {
  name: string;
  base: string;
  mirrors: string[];
  since: string | null;
}

/** The sync section with defaults filled in. */
export interface SyncConfig {
  base: string;
  mirrors: string[];
  since: string | null;
  /** As written (relative to the config file's directory) or null for the default. */
  cacheDir: string | null;
  lists: ListConfig[];
  http: Omit<HttpSettings, 'userAgent'> & { userAgentPlus: string };
}

/** The config used when there is no file. */
export function defaultSyncConfig(): SyncConfig {
  return {
    base: DEFAULT_BASE,
    mirrors: [],
    since: null,
    cacheDir: null,
    lists: [],
    http: {
      delayMs: DEFAULT_DELAY_MS,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      retries: DEFAULT_RETRIES,
      backoffMs: DEFAULT_BACKOFF_MS,
      maxBackoffMs: DEFAULT_MAX_BACKOFF_MS,
      maxRetryAfterMs: DEFAULT_MAX_RETRY_AFTER_MS,
      maxRequests: DEFAULT_MAX_REQUESTS,
      cacheTtlMs: DEFAULT_CACHE_TTL_SECONDS * 1000,
      userAgentPlus: '',
    },
  };
}

/** A since-date as given on the command line or in the config: YYYY-MM-DD, normalized; null if
 *  it is not one. Only whole days: the archive's receive times are what is compared. */
export function parseSince(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || y < 1970) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Seconds since the Unix epoch at the start (UTC) of a since-date from parseSince. */
export function sinceSeconds(since: string): number {
  return Date.parse(`${since}T00:00:00Z`) / 1000;
}

const SECTION_KEYS = ['base', 'mirrors', 'since', 'cacheDir', 'lists', 'http'];
const LIST_KEYS = ['name', 'base', 'mirrors', 'since'];
const HTTP_KEYS: Record<string, { min: number; field: keyof SyncConfig['http'] | 'cacheTtlSeconds' }> = {
  delayMs: { min: 0, field: 'delayMs' },
  timeoutMs: { min: 100, field: 'timeoutMs' },
  retries: { min: 0, field: 'retries' },
  backoffMs: { min: 0, field: 'backoffMs' },
  maxBackoffMs: { min: 0, field: 'maxBackoffMs' },
  maxRetryAfterMs: { min: 0, field: 'maxRetryAfterMs' },
  maxRequests: { min: 1, field: 'maxRequests' },
  cacheTtlSeconds: { min: 0, field: 'cacheTtlSeconds' },
};

/** A small example of the section, for messages. */
export const SYNC_EXAMPLE = `{"lists": ["nvdimm", {"name": "linux-cxl", "since": "2024-01-01"}]}`;

/** A value as found, short enough for a message. */
export function showValue(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 60) + '…' : s;
}

/** Where the section's problems go: one per bad field, naming it ("sync.lists[1].since: ..."). */
type Problems = Diagnostic[];

function report(problems: Problems, message: string): void {
  problems.push({ code: 'config/sync', message });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unknownKeys(problems: Problems, where: string, obj: Record<string, unknown>, known: readonly string[]): void {
  for (const k of Object.keys(obj)) if (!known.includes(k)) report(problems, `${where}.${k}: unknown key; known keys: ${known.join(', ')}`);
}

/** A server URL (the section's or a list's base, a mirror); null when bad. */
function readBase(problems: Problems, where: string, v: unknown): string | null {
  if (typeof v !== 'string') {
    report(problems, `${where}: expected a URL such as "${DEFAULT_BASE}"; found ${showValue(v)}`);
    return null;
  }
  const b = normalizeBase(v);
  if (!b.ok) report(problems, `${where}: ${b.reason}`);
  return b.ok ? b.base : null;
}

/** A list of mirror URLs (the good ones); null when not a list. */
function readMirrors(problems: Problems, where: string, v: unknown): string[] | null {
  if (!Array.isArray(v)) {
    report(problems, `${where}: expected a list of URLs such as ["https://sea.lore.kernel.org"]; found ${showValue(v)}`);
    return null;
  }
  return v.map((m, i) => readBase(problems, `${where}[${i}]`, m)).filter((b): b is string => b !== null);
}

/** A since-date; null when bad. */
function readSince(problems: Problems, where: string, v: unknown): string | null {
  const d = typeof v === 'string' ? parseSince(v) : null;
  if (d === null) report(problems, `${where}: expected a date such as "2024-01-01"; found ${showValue(v)}`);
  return d;
}

/** From which server and mirrors, since when, and where the cache lives. */
function readServer(problems: Problems, s: Record<string, unknown>, config: SyncConfig): void {
  if (s.base !== undefined) config.base = readBase(problems, 'sync.base', s.base) ?? config.base;
  if (s.mirrors !== undefined) config.mirrors = readMirrors(problems, 'sync.mirrors', s.mirrors) ?? [];
  if (s.since !== undefined && s.since !== null) config.since = readSince(problems, 'sync.since', s.since);
  if (s.cacheDir !== undefined) {
    if (typeof s.cacheDir === 'string' && s.cacheDir.trim()) config.cacheDir = s.cacheDir;
    else report(problems, `sync.cacheDir: expected a directory such as "data/sync-cache"; found ${showValue(s.cacheDir)}`);
  }
}

/** How politely to ask: the "http" object. */
function readHttp(problems: Problems, v: unknown, http: SyncConfig['http']): void {
  if (!isObject(v)) {
    report(problems, `sync.http: expected an object such as {"delayMs": 1000, "maxRequests": 1000}; found ${showValue(v)}`);
    return;
  }
  for (const [k, value] of Object.entries(v)) {
    if (k === 'userAgentPlus') {
      if (typeof value === 'string' && /^[\w.-]*$/.test(value)) http.userAgentPlus = value;
      else report(problems, `sync.http.userAgentPlus: expected letters, digits, "-", "_" or "." (e.g. a UUID); found ${showValue(value)}`);
      continue;
    }
    const spec = HTTP_KEYS[k];
    if (!spec) {
      report(problems, `sync.http.${k}: unknown key; known keys: ${[...Object.keys(HTTP_KEYS), 'userAgentPlus'].join(', ')}`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min) {
      report(problems, `sync.http.${k}: expected an integer ≥ ${spec.min}; found ${showValue(value)}`);
      continue;
    }
    if (spec.field === 'cacheTtlSeconds') http.cacheTtlMs = value * 1000;
    else http[spec.field] = value as never;
  }
}

/** Which lists to keep current: names, or objects with their own base, mirrors and since. */
function readLists(problems: Problems, v: unknown, config: SyncConfig): void {
  if (!Array.isArray(v)) {
    report(problems, `sync.lists: expected a list such as ["nvdimm", {"name": "linux-cxl", "since": "2024-01-01"}]; found ${showValue(v)}`);
    return;
  }
  const seen = new Set<string>();
  v.forEach((entry: unknown, i) => {
    const where = `sync.lists[${i}]`;
    const obj = typeof entry === 'string' ? { name: entry } : entry;
    if (!isObject(obj)) {
      report(problems, `${where}: expected a list name or {"name": ..., "since": ..., "base": ..., "mirrors": [...]}; found ${showValue(entry)}`);
      return;
    }
    unknownKeys(problems, where, obj, LIST_KEYS);
    if (typeof obj.name !== 'string' || !isListName(obj.name)) {
      report(problems, `${where}.name: expected a list name such as "nvdimm" (letters, digits, ".", "-", "_"); found ${showValue(obj.name)}`);
      return;
    }
    if (seen.has(obj.name)) {
      report(problems, `${where}: "${obj.name}" is listed twice`);
      return;
    }
    seen.add(obj.name);
    // An entry takes the section's base, mirrors and since unless it names its own; a list
    // on another server (its own base) does not inherit the section's mirrors.
    const ownBase = obj.base === undefined ? null : readBase(problems, `${where}.base`, obj.base);
    config.lists.push({
      name: obj.name,
      base: ownBase ?? config.base,
      mirrors: obj.mirrors !== undefined ? (readMirrors(problems, `${where}.mirrors`, obj.mirrors) ?? []) : ownBase ? [] : config.mirrors,
      since: obj.since === undefined ? config.since : obj.since === null ? null : readSince(problems, `${where}.since`, obj.since),
    });
  });
}

/**
 * Read the "sync" section of patchlore.config.json (undefined when the file has none): the
 * config with defaults filled in, and one problem per bad field, naming it
 * ("sync.lists[1].since: expected ..."). The problems carry no source: the reader of the file
 * adds it.
 */
export function parseSyncConfig(section: unknown): { config: SyncConfig; problems: Diagnostic[] } {
  const config = defaultSyncConfig();
  const problems: Problems = [];
  if (section === undefined) return { config, problems };
  if (!isObject(section)) {
    report(problems, `sync: expected an object such as ${SYNC_EXAMPLE}; found ${showValue(section)}`);
    return { config, problems };
  }
  unknownKeys(problems, 'sync', section, SECTION_KEYS);
  readServer(problems, section, config);
  if (section.http !== undefined) readHttp(problems, section.http, config.http);
  if (section.lists !== undefined) readLists(problems, section.lists, config);
  return { config, problems };
}
