// `patchlore sync --patchwork`: what the command line must say (the project, alone, a URL), the
// text a sync prints, and a server that does not answer (exit 1, the problem said).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySummary } from '../import/import-sources.ts';
import type { PatchworkReport } from '../sync/sync-types.ts';
import { tempDir } from '../test-support/mail-builder.ts';
import { cli } from '../test-support/run-cli.ts';
import { describePatchwork, patchworkJson } from './commands/sync-patchwork.ts';

const report = (r: Partial<PatchworkReport> = {}): PatchworkReport => ({
  server: 'https://patchwork.example.org',
  project: 'nvdimm',
  apiVersion: '1.3',
  mode: 'incremental',
  reason: 'events since 2026-12-04T13:23:10.107007',
  read: { patches: 2, covers: 0, series: 0, events: 3 },
  patches: 503,
  states: { superseded: 338, accepted: 84 },
  changed: [{ server: 'https://patchwork.example.org', id: 7, messageId: 'p@x', from: 'new', to: 'accepted', at: 0 }],
  fetched: 1,
  mail: { lacking: 2, fromArchive: ['a@x'], fromPatchwork: [], unavailable: ['b@x'], skipped: 3 },
  requests: 4,
  import: emptySummary(),
  problems: [{ code: 'patchwork/mail-missing', message: 'patch 9 mbox: HTTP 404', source: 'https://patchwork.example.org/patch/9/mbox/', hint: 'the list archive may have it' }],
  ...r,
});

describe('sync --patchwork', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeAll(() => {
    tmp = tempDir();
    db = join(tmp.dir, 'store.sqlite');
  });
  afterAll(() => tmp.cleanup());

  it('needs a project, runs alone, and takes --project only with it', async () => {
    const run = (...a: string[]) => cli('sync', '--db', db, ...a);
    const noProject = await run('--patchwork', 'https://patchwork.example.org');
    expect([noProject.code, noProject.err]).toEqual([2, expect.stringContaining('--patchwork needs a project: --project NAME')]);
    expect((await run('--patchwork', 'patchwork.example.org', '--project', 'p')).err).toContain('--patchwork: not a URL');
    const alone = await run('nvdimm', '--patchwork', 'https://patchwork.example.org', '--project', 'p');
    expect([alone.code, alone.err]).toEqual([2, expect.stringContaining('--patchwork syncs a Patchwork project alone; run the lists and pulls (nvdimm) in a sync of their own')]);
    expect((await run('--thread', 'a@b', '--patchwork', 'https://patchwork.example.org', '--project', 'p')).err).toContain('(--thread)');
    expect((await run('nvdimm', '--project', 'p')).err).toContain('--project and --without-mail go with --patchwork URL');
  });

  it('exits 1 saying why when the server does not answer, storing nothing', async () => {
    const config = tmp.file('patchlore.config.json', JSON.stringify({ sync: { http: { delayMs: 0, retries: 1, backoffMs: 10, maxBackoffMs: 10, timeoutMs: 2000 } } }));
    const r = await cli('sync', '--db', db, '--config', config, '--cache', join(tmp.dir, 'cache'), '--json', '--patchwork', 'http://127.0.0.1:9/project/nvdimm/list/');
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out).toMatchObject({ patches: 0, states: {}, fetched: 0, server: 'http://127.0.0.1:9', project: '', mode: 'full', reason: 'first sync of this project' });
    expect(out.problems).toEqual([expect.objectContaining({ code: 'http/network', severity: 'error', url: 'http://127.0.0.1:9/api/1.3/projects/nvdimm/' })]);
  });

  it('says what it read, stored, changed and fetched, and from where', () => {
    expect(describePatchwork(report())).toBe(
      [
        'Patchwork https://patchwork.example.org project nvdimm (API 1.3): incremental read, events since 2026-12-04T13:23:10.107007',
        '  read 2 patches, 0 cover letters, 0 series, 3 events',
        '  stored: 503 patches: 338 superseded, 84 accepted',
        '  <p@x>: new -> accepted',
        '  mail the records name that the store lacked: 2; from the list archive 1, from Patchwork 0 (rebuilt copies: the archive\'s replace them), unavailable 1; 3 found unavailable recently, not asked for',
        '  4 HTTP requests',
        'warning: patchwork/mail-missing: patch 9 mbox: HTTP 404 (https://patchwork.example.org/patch/9/mbox/)\n  the list archive may have it',
      ].join('\n'),
    );
    expect(Object.keys(patchworkJson(report())).slice(0, 3)).toEqual(['patches', 'states', 'fetched']);
    expect(patchworkJson(report()).problems).toEqual([{ code: 'patchwork/mail-missing', message: 'patch 9 mbox: HTTP 404', url: 'https://patchwork.example.org/patch/9/mbox/', hint: 'the list archive may have it', attempts: 0, severity: 'warning' }]);
  });
});
