import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.ts';
import { DEFAULT_DELAY_MS, DEFAULT_MAX_REQUESTS, parseSince } from './sync-config.ts';

/** The sync section as read from a whole file, with each problem's message. */
function parseSyncConfig(value: unknown) {
  const { config, problems } = parseConfig(value);
  return { config: config.sync, errors: problems.map((p) => p.message) };
}

describe('parseSyncConfig', () => {
  it('gives the defaults without a sync section', () => {
    const { config, errors } = parseSyncConfig({ db: 'x.sqlite' });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ base: 'https://lore.kernel.org', mirrors: [], since: null, cacheDir: null, lists: [] });
    expect(config.http).toMatchObject({ delayMs: DEFAULT_DELAY_MS, maxRequests: DEFAULT_MAX_REQUESTS, cacheTtlMs: 600_000, userAgentPlus: '' });
  });

  it('reads lists as names or objects, inheriting the section\'s base, mirrors and since', () => {
    const { config, errors } = parseSyncConfig({
      sync: {
        base: 'https://lore.kernel.org/',
        mirrors: ['https://sea.lore.kernel.org'],
        since: '2023-01-01',
        cacheDir: 'cache',
        lists: ['nvdimm', { name: 'linux-cxl', since: '2024-01-01' }, { name: 'own', base: 'http://127.0.0.1:8080' }, { name: 'all-time', since: null }],
        http: { delayMs: 250, maxRequests: 5000, cacheTtlSeconds: 60, userAgentPlus: '550e8400-e29b' },
      },
    });
    expect(errors).toEqual([]);
    expect(config.cacheDir).toBe('cache');
    expect(config.lists).toEqual([
      { name: 'nvdimm', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'], since: '2023-01-01' },
      { name: 'linux-cxl', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'], since: '2024-01-01' },
      { name: 'own', base: 'http://127.0.0.1:8080', mirrors: [], since: '2023-01-01' },
      { name: 'all-time', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'], since: null },
    ]);
    expect(config.http).toMatchObject({ delayMs: 250, maxRequests: 5000, cacheTtlMs: 60_000, userAgentPlus: '550e8400-e29b' });
  });

  it('names every bad field with what was expected', () => {
    const { errors } = parseSyncConfig({
      sync: {
        mirrrors: [],
        base: 'lore.kernel.org',
        since: 'yesterday',
        lists: ['nvdimm', 'nvdimm', 'no spaces', 42, { name: 'x', sinse: '2024-01-01' }],
        http: { delayMs: -1, maxRequests: 'lots', speed: 3 },
      },
    });
    expect(errors).toEqual([
      'sync.mirrrors: unknown key; known keys: base, mirrors, since, cacheDir, lists, http',
      'sync.base: not a URL: "lore.kernel.org"; expected e.g. "https://lore.kernel.org"',
      'sync.since: expected a date such as "2024-01-01"; found "yesterday"',
      'sync.http.delayMs: expected an integer ≥ 0; found -1',
      'sync.http.maxRequests: expected an integer ≥ 1; found "lots"',
      'sync.http.speed: unknown key; known keys: delayMs, timeoutMs, retries, backoffMs, maxBackoffMs, maxRetryAfterMs, maxRequests, cacheTtlSeconds, userAgentPlus',
      'sync.lists[1]: "nvdimm" is listed twice',
      'sync.lists[2].name: expected a list name such as "nvdimm" (letters, digits, ".", "-", "_"); found "no spaces"',
      'sync.lists[3]: expected a list name or {"name": ..., "since": ..., "base": ..., "mirrors": [...]}; found 42',
      'sync.lists[4].sinse: unknown key; known keys: name, base, mirrors, since',
    ]);
  });

  it('refuses a config that is not an object', () => {
    expect(parseSyncConfig([1]).errors[0]).toContain('expected a JSON object');
    expect(parseSyncConfig({ sync: 'nvdimm' }).errors[0]).toContain('sync: expected an object');
  });
});

describe('parseSince', () => {
  it('takes real days only', () => {
    expect(parseSince('2024-01-01')).toBe('2024-01-01');
    expect(parseSince(' 2024-02-29 ')).toBe('2024-02-29');
    expect(parseSince('2023-02-29')).toBeNull();
    expect(parseSince('2024-1-1')).toBeNull();
    expect(parseSince('yesterday')).toBeNull();
  });
});
