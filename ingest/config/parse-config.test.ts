import { describe, expect, it } from 'vitest';
import { defaultSyncConfig } from '../sync/sync-config.ts';
import { parseConfig } from './parse-config.ts';

describe('parseConfig', () => {
  it('reads "db" as written and the sync section with its defaults', () => {
    const r = parseConfig({ db: 'data/x.sqlite', sync: { lists: ['nvdimm'] } });
    expect(r.problems).toEqual([]);
    expect(r.config.db).toBe('data/x.sqlite');
    expect(r.config.sync.lists.map((l) => l.name)).toEqual(['nvdimm']);
    expect(parseConfig({})).toEqual({ config: { db: null, sync: defaultSyncConfig() }, problems: [] });
  });

  it('names every bad field of every section, with what was expected', () => {
    expect(parseConfig({ db: 42, sync: { since: 'soon' } }).problems).toEqual([
      { code: 'config/db', message: 'db: expected the store\'s path such as "data/patchlore.sqlite"; found 42' },
      { code: 'config/sync', message: 'sync.since: expected a date such as "2024-01-01"; found "soon"' },
    ]);
    expect(parseConfig({ db: ' ' }).problems).toMatchObject([{ code: 'config/db' }]);
  });

  it('warns of keys nothing reads, and refuses what is not an object', () => {
    expect(parseConfig({ sycn: {} }).problems).toEqual([{ code: 'config/unknown-key', message: 'sycn: unknown key, ignored; known keys: db, sync' }]);
    expect(parseConfig('db').problems).toEqual([
      { code: 'config/unreadable', message: expect.stringContaining('expected a JSON object such as {"db": "data/patchlore.sqlite", "sync": {"lists": ') },
    ]);
  });
});
