// `patchlore sync` arguments and config: what each argument turns into, and the errors for bad
// usage, a bad config and a busy cache. No server needed.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The CLI first: the command modules and main.ts import each other.
import { cli } from './run-cli.ts';
import type { Context } from '../../ingest/cli/main.ts';
import { planRun } from '../../ingest/cli/commands/sync.ts';
import { defaultSyncConfig, parseSyncConfig } from '../../ingest/sync/sync-config.ts';
import type { LoadedConfig } from '../../ingest/config/read-config-fs.ts';
import { tempDir } from '../../ingest/test-support/mail-builder.ts';

const MID = '20250228033058.GA1234@example.org';

function ctx(args: string[], options: Context['options'] = {}): Context {
  return { args, options, json: false, dbPath: '/tmp/x.sqlite', config: () => { throw new Error('planRun is given the config'); }, store: () => { throw new Error('no store in this test'); }, out() {}, outJson() {}, err() {} };
}
function loaded(sync: unknown = undefined): LoadedConfig {
  const { config, problems } = sync === undefined ? { config: defaultSyncConfig(), problems: [] } : parseSyncConfig(sync);
  expect(problems).toEqual([]);
  return { config: { db: null, sync: config }, file: '/p/patchlore.config.json', dir: '/p', problems: [] };
}

describe('planRun', () => {
  const cfg = loaded({ base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'], since: '2023-01-01', lists: ['nvdimm', { name: 'linux-cxl', since: '2024-01-01' }] });

  it('without arguments syncs every configured list, with its since-date and mirrors', () => {
    expect(planRun(ctx([]), cfg)).toEqual({
      lists: [
        { name: 'nvdimm', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'], since: '2023-01-01' },
        { name: 'linux-cxl', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'], since: '2024-01-01' },
      ],
      pulls: [],
    });
  });

  it('syncs the lists named, --since overriding the config', () => {
    expect(planRun(ctx(['linux-cxl', 'linux-mm'], { since: '2025-06-01' }), cfg).lists).toEqual([
      { name: 'linux-cxl', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'], since: '2025-06-01' },
      { name: 'linux-mm', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'], since: '2025-06-01' },
    ]);
  });

  it('a pasted URL brings its own server, without the configured mirrors', () => {
    expect(planRun(ctx(['http://127.0.0.1:8080/nvdimm/']), cfg).lists).toEqual([{ name: 'nvdimm', base: 'http://127.0.0.1:8080', mirrors: [], since: '2023-01-01' }]);
    expect(planRun(ctx([`https://lore.kernel.org/linux-cxl/${MID}/T/#u`]), cfg)).toEqual({
      lists: [],
      pulls: [{ kind: 'thread', messageId: MID, list: 'linux-cxl', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'] }],
    });
  });

  it('pulls a Message-ID from "all" when no list is named and several are configured, from the only one otherwise', () => {
    expect(planRun(ctx([`https://lore.kernel.org/r/${MID}`]), cfg).pulls).toMatchObject([{ kind: 'thread', list: 'all' }]);
    expect(planRun(ctx([`<${MID}>`]), loaded({ lists: ['nvdimm'] })).pulls).toMatchObject([{ kind: 'thread', list: 'nvdimm', base: 'https://lore.kernel.org' }]);
    expect(planRun(ctx([MID], { list: 'linux-mm' }), cfg).pulls).toMatchObject([{ kind: 'thread', list: 'linux-mm' }]);
  });

  it('turns --thread, --message, --query and --recent into pulls, and leaves the configured lists alone', () => {
    const r = planRun(ctx([], { thread: [MID], message: [`https://lore.kernel.org/nvdimm/${MID}/raw`], query: ['s:foo'], threads: true, recent: true, list: 'nvdimm', since: '2024-05-01' }), cfg);
    expect(r.lists).toEqual([]);
    expect(r.pulls).toEqual([
      { kind: 'thread', messageId: MID, list: 'nvdimm', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'] },
      { kind: 'message', messageId: MID, list: 'nvdimm', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'] },
      { kind: 'query', query: 's:foo', threads: true, list: 'nvdimm', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'], since: '2024-05-01' },
      { kind: 'recent', list: 'nvdimm', base: 'https://lore.kernel.org', mirrors: ['https://sea.lore.kernel.org'] },
    ]);
    expect(planRun(ctx(['linux-cxl'], { recent: true }), cfg)).toMatchObject({ lists: [], pulls: [{ kind: 'recent', list: 'linux-cxl' }] });
  });

  it('--base moves everything named on the command line to another server', () => {
    expect(planRun(ctx(['nvdimm'], { base: 'http://127.0.0.1:9/' }), cfg).lists).toEqual([{ name: 'nvdimm', base: 'http://127.0.0.1:9', mirrors: [], since: '2023-01-01' }]);
  });

  it('refuses bad usage, saying what is expected', () => {
    const bad: Array<[Context, string]> = [
      [ctx([]), 'nothing to sync: name a list (patchlore sync nvdimm)'],
      [ctx(['not a list']), '"not a list": not a list name, lore URL or Message-ID'],
      [ctx(['nvdimm'], { since: 'yesterday' }), '--since must be a date such as 2024-01-01; got "yesterday"'],
      [ctx(['nvdimm'], { base: 'lore.kernel.org' }), '--base: not a URL'],
      [ctx([], { thread: ['nvdimm'] }), '--thread needs a Message-ID or a message URL; "nvdimm" names the list nvdimm'],
      [ctx(['nvdimm'], { threads: true }), '--threads expands the hits of --query; give a --query'],
      [ctx([], { query: [' '] }), '--query needs a search'],
      [ctx([], { recent: true }), '--recent needs a list'],
    ];
    for (const [c, message] of bad) expect(() => planRun(c, loaded()), message).toThrow(message);
  });
});

describe('patchlore sync (CLI errors)', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir();
  });
  afterAll(() => tmp.cleanup());

  it('exits 2 on bad usage with the usage text', async () => {
    const r = await cli('sync', '--db', join(tmp.dir, 'a.sqlite'), '--config', join(tmp.dir, 'none.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('none.json: no such file');
    const u = await cli('sync', '--db', join(tmp.dir, 'a.sqlite'), 'nvdimm', '--since', '2024-13-01');
    expect(u.code).toBe(2);
    expect(u.err).toContain('--since must be a date such as 2024-01-01');
    expect(u.err).toContain('usage: patchlore sync');
  });

  it('exits 1 naming every bad field of the config', async () => {
    const file = join(tmp.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ sync: { lists: ['ok', 'not ok'], http: { delayMs: 'slow' } } }));
    const r = await cli('sync', '--db', join(tmp.dir, 'a.sqlite'), '--config', file);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `patchlore sync: the config cannot be used:\n  ${file}: sync.http.delayMs: expected an integer ≥ 0; found "slow"\n  ${file}: sync.lists[1].name: expected a list name such as "nvdimm" (letters, digits, ".", "-", "_"); found "not ok"\n`,
    );
    writeFileSync(file, '{"sync": ');
    expect((await cli('sync', '--db', join(tmp.dir, 'a.sqlite'), '--config', file)).err).toContain('bad.json: not valid JSON');
  });

  it('refuses to run while another sync holds the cache, and takes over a stale lock', async () => {
    const cache = join(tmp.dir, 'cache');
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      mkdirSync(cache, { recursive: true });
      writeFileSync(join(cache, 'sync.lock'), `${other.pid}\n`);
      const r = await cli('sync', '--db', join(tmp.dir, 'a.sqlite'), '--cache', cache, '--base', 'http://127.0.0.1:9', '--thread', MID, '--list', 'x');
      expect(r.code).toBe(1);
      expect(r.err).toContain(`another patchlore sync (process ${other.pid}) is using ${cache}`);
    } finally {
      other.kill();
      await new Promise((r) => other.once('exit', r));
    }
    // Its owner is gone: the lock is stale. (Port 9 refuses connections: the pull fails, the run does not.)
    const r = await cli('sync', '--db', join(tmp.dir, 'a.sqlite'), '--cache', cache, '--config', writeTinyConfig(tmp.dir), '--base', 'http://127.0.0.1:9', '--thread', MID, '--list', 'x', '--json');
    expect(r.code).toBe(1);
    expect(r.json().fetched.problems).toMatchObject([{ code: 'http/network', message: expect.stringContaining('connection refused') }]);
  });
});

function writeTinyConfig(dir: string): string {
  const p = join(dir, 'tiny.json');
  writeFileSync(p, JSON.stringify({ sync: { http: { retries: 1, backoffMs: 10, delayMs: 0 } } }));
  return p;
}
