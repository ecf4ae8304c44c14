// Acceptance on the whole nvdimm list: public-inbox serves the corpus epoch (the bundle fetched
// into a v2 inbox as lore's operators would, indexed -L basic); a full sync stores exactly what
// `patchlore import` of the same bundle stores, and a second sync fetches nothing (the manifest
// only). The one test that syncs a whole epoch; the timings are for scripts/bench-sync.ts.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import { dumpStore, type StoreDump } from '../../ingest/store/dump-store-fs.ts';
import { tempDir } from '../../ingest/test-support/mail-builder.ts';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { BUNDLE, createInbox, indexInbox, missing, startHttpd, type Httpd } from './public-inbox-fs.ts';
import { cli, writeConfig } from './run-cli.ts';

describe.skipIf(missing)(`full sync of the nvdimm epoch from public-inbox${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let httpd: Httpd;
  let proxy: FaultProxy;
  let config: string;

  beforeAll(async () => {
    tmp = tempDir('patchlore-sync-full-');
    const inbox = createInbox(join(tmp.dir, 'pi'), 'nvdimm', 'basic');
    execFileSync('git', ['--git-dir', inbox.epoch(0), 'fetch', '-q', BUNDLE, '+refs/heads/master:refs/heads/master']);
    indexInbox(inbox);
    httpd = await startHttpd(inbox.config);
    proxy = await startFaultProxy(httpd.url);
    config = writeConfig(tmp.dir, { base: proxy.url, lists: ['nvdimm'], http: { delayMs: 100 } });
  }, 600_000);

  afterAll(async () => {
    await proxy?.close();
    await httpd?.stop();
    tmp?.cleanup();
  });

  const dump = (db: string): StoreDump => {
    const s = openStore(db, { readonly: true });
    try {
      return dumpStore(s);
    } finally {
      s.close();
    }
  };

  it('stores exactly the messages of `patchlore import` of the same bundle; a second sync fetches nothing', async () => {
    const synced = join(tmp.dir, 'synced.sqlite');
    const r = await cli('sync', '--db', synced, '--config', config, '--json');
    expect(r.code, r.err + r.out).toBe(0);
    const j = r.json();
    // The corpus test's counts: 14,925 read, 14,883 stored, 2 of them imposters.
    expect(j).toMatchObject({ read: 14_925, stored: 14_883, duplicates: 42, identical: 8, unparsed: 0, imposters: 2 });
    expect(j.fetched).toMatchObject({ requests: 1, git: { operations: 1 }, epochs: [{ epoch: 0, action: 'cloned', newCommits: 14_925 }], problems: [] });

    const imported = join(tmp.dir, 'imported.sqlite');
    const i = await cli('import', '--db', imported, '--json', BUNDLE);
    expect(i.code, i.err).toBe(0);
    expect(dump(synced)).toEqual(dump(imported));

    proxy.records.length = 0;
    const again = await cli('sync', '--db', synced, '--config', config, '--json');
    expect(again.code, again.err).toBe(0);
    expect(again.json()).toMatchObject({ read: 0, fetched: { requests: 1, git: { operations: 0 }, epochs: [{ action: 'unchanged' }] } });
    expect(proxy.records.map((x) => x.url)).toEqual(['/nvdimm/manifest.js.gz']);
  }, 600_000);
});
