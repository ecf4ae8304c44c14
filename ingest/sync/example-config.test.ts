import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.ts';
import { defaultSyncConfig } from './sync-config.ts';

describe('patchlore.config.example.json', () => {
  it('is a valid config whose http section spells out the defaults', () => {
    const value = JSON.parse(readFileSync(join(import.meta.dirname, 'patchlore.config.example.json'), 'utf8'));
    const { config: whole, problems } = parseConfig(value);
    const config = whole.sync;
    expect(problems).toEqual([]);
    expect(config.http).toEqual(defaultSyncConfig().http);
    expect(config.lists.map((l) => [l.name, l.since])).toEqual([
      ['nvdimm', '2023-01-01'],
      ['linux-cxl', '2024-01-01'],
      ['linux-mm', null],
    ]);
  });
});
