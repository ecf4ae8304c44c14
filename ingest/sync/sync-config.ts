// The "sync" section of patchlore.config.json: which lists to keep current, from which server
// and mirrors, since when, where the cache lives, and how politely to ask. Checks every field and
// names the bad ones with what was expected; unknown keys are errors (a typo must not silently
// fall back to a default). Pure: the file is read by read-sync-config-fs.ts.
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

const EXAMPLE = `{"sync": {"lists": ["nvdimm", {"name": "linux-cxl", "since": "2024-01-01"}]}}`;

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 60) + '…' : s;
}

/**
 * Read the "sync" section of a parsed patchlore.config.json (`value` is the whole file). Returns
 * the config with defaults and one message per problem ("sync.lists[1].since: expected ...").
 */
export function parseSyncConfig(value: unknown): { config: SyncConfig; errors: string[] } {
  const config = defaultSyncConfig();
  const errors: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(`expected a JSON object such as ${EXAMPLE}; found ${show(value)}`);
    return { config, errors };
  }
  const section = (value as Record<string, unknown>).sync;
  if (section === undefined) return { config, errors };
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    errors.push(`sync: expected an object such as ${EXAMPLE.slice(9, -1)}; found ${show(section)}`);
    return { config, errors };
  }
  const s = section as Record<string, unknown>;
  for (const k of Object.keys(s)) if (!SECTION_KEYS.includes(k)) errors.push(`sync.${k}: unknown key; known keys: ${SECTION_KEYS.join(', ')}`);

  const base = (where: string, v: unknown): string | null => {
    if (typeof v !== 'string') {
      errors.push(`${where}: expected a URL such as "${DEFAULT_BASE}"; found ${show(v)}`);
      return null;
    }
    const b = normalizeBase(v);
    if (!b.ok) errors.push(`${where}: ${b.reason}`);
    return b.ok ? b.base : null;
  };
  const mirrors = (where: string, v: unknown): string[] | null => {
    if (!Array.isArray(v)) {
      errors.push(`${where}: expected a list of URLs such as ["https://sea.lore.kernel.org"]; found ${show(v)}`);
      return null;
    }
    const out: string[] = [];
    v.forEach((m, i) => {
      const b = base(`${where}[${i}]`, m);
      if (b) out.push(b);
    });
    return out;
  };
  const since = (where: string, v: unknown): string | null => {
    const d = typeof v === 'string' ? parseSince(v) : null;
    if (d === null) errors.push(`${where}: expected a date such as "2024-01-01"; found ${show(v)}`);
    return d;
  };

  if (s.base !== undefined) config.base = base('sync.base', s.base) ?? config.base;
  if (s.mirrors !== undefined) config.mirrors = mirrors('sync.mirrors', s.mirrors) ?? [];
  if (s.since !== undefined && s.since !== null) config.since = since('sync.since', s.since);
  if (s.cacheDir !== undefined) {
    if (typeof s.cacheDir === 'string' && s.cacheDir.trim()) config.cacheDir = s.cacheDir;
    else errors.push(`sync.cacheDir: expected a directory such as "data/sync-cache"; found ${show(s.cacheDir)}`);
  }

  if (s.http !== undefined) {
    if (typeof s.http !== 'object' || s.http === null || Array.isArray(s.http)) {
      errors.push(`sync.http: expected an object such as {"delayMs": 1000, "maxRequests": 1000}; found ${show(s.http)}`);
    } else {
      for (const [k, v] of Object.entries(s.http as Record<string, unknown>)) {
        if (k === 'userAgentPlus') {
          if (typeof v === 'string' && /^[\w.-]*$/.test(v)) config.http.userAgentPlus = v;
          else errors.push(`sync.http.userAgentPlus: expected letters, digits, "-", "_" or "." (e.g. a UUID); found ${show(v)}`);
          continue;
        }
        const spec = HTTP_KEYS[k];
        if (!spec) {
          errors.push(`sync.http.${k}: unknown key; known keys: ${[...Object.keys(HTTP_KEYS), 'userAgentPlus'].join(', ')}`);
          continue;
        }
        if (typeof v !== 'number' || !Number.isInteger(v) || v < spec.min) {
          errors.push(`sync.http.${k}: expected an integer ≥ ${spec.min}; found ${show(v)}`);
          continue;
        }
        if (spec.field === 'cacheTtlSeconds') config.http.cacheTtlMs = v * 1000;
        else config.http[spec.field] = v as never;
      }
    }
  }

  if (s.lists !== undefined) {
    if (!Array.isArray(s.lists)) {
      errors.push(`sync.lists: expected a list such as ["nvdimm", {"name": "linux-cxl", "since": "2024-01-01"}]; found ${show(s.lists)}`);
    } else {
      const seen = new Set<string>();
      s.lists.forEach((entry, i) => {
        const where = `sync.lists[${i}]`;
        if (typeof entry === 'string') entry = { name: entry };
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
          errors.push(`${where}: expected a list name or {"name": ..., "since": ..., "base": ..., "mirrors": [...]}; found ${show(entry)}`);
          return;
        }
        const obj = entry as Record<string, unknown>;
        for (const k of Object.keys(obj)) if (!LIST_KEYS.includes(k)) errors.push(`${where}.${k}: unknown key; known keys: ${LIST_KEYS.join(', ')}`);
        if (typeof obj.name !== 'string' || !isListName(obj.name)) {
          errors.push(`${where}.name: expected a list name such as "nvdimm" (letters, digits, ".", "-", "_"); found ${show(obj.name)}`);
          return;
        }
        if (seen.has(obj.name)) {
          errors.push(`${where}: "${obj.name}" is listed twice`);
          return;
        }
        seen.add(obj.name);
        // An entry takes the section's base, mirrors and since unless it names its own; a list
        // on another server (its own base) does not inherit the section's mirrors.
        const ownBase = obj.base === undefined ? null : base(`${where}.base`, obj.base);
        config.lists.push({
          name: obj.name,
          base: ownBase ?? config.base,
          mirrors: obj.mirrors !== undefined ? (mirrors(`${where}.mirrors`, obj.mirrors) ?? []) : ownBase ? [] : config.mirrors,
          since: obj.since === undefined ? config.since : obj.since === null ? null : since(`${where}.since`, obj.since),
        });
      });
    }
  }
  return { config, errors };
}
