// `patchlore series` with Patchwork records stored: per patch its state, delegate, archived flag,
// checks, commit and page (--json `patchwork`), per revision and for the lineage the summary
// ("2 of 2 accepted"), the lineage's state from them, and the same in text; without records,
// `patchwork` is null.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/sqlite-store-fs.ts';
import { PW_SERVER, pwPatch, pwProject, writePatchwork } from '../test-support/patchwork-records.ts';
import { cli } from '../test-support/run-cli.ts';
import { SERIES_IDS as I } from '../test-support/series-mail.ts';
import { seriesStore, type SeriesStore } from '../test-support/series-store.ts';

describe('patchlore series with Patchwork states', () => {
  let fixture: SeriesStore;
  let db: string;
  beforeAll(async () => {
    fixture = await seriesStore();
    db = fixture.store.path;
    fixture.store.close();
  });
  afterAll(() => fixture.tmp.cleanup());

  it('has patchwork null where Patchwork was never synced', async () => {
    const s = JSON.parse((await cli('series', '--db', db, '--json', I.v21)).out);
    expect(s.revisions[1].patchwork).toBeNull();
    expect(s.revisions[1].patches[0].patchwork).toBeNull();
    expect(s.status).toMatchObject({ state: 'open', patchwork: null });
  });

  it('gives each patch and revision what Patchwork says, and the lineage its state', async () => {
    const store = openStore(db);
    const checks = [
      { context: 'build-x86_64', state: 'success', url: 'https://ci.example.org/1', description: 'allmodconfig build OK', date: 1, user: 'ci' },
      { context: 'checkpatch', state: 'warning', url: null, description: '1 warning', date: 1, user: 'ci' },
    ];
    writePatchwork(store, {
      project: pwProject(),
      patches: [
        pwPatch(11, I.rfc1, 'superseded', { archived: true }),
        pwPatch(21, I.v21, 'accepted', { delegate: { username: 'djbw', name: 'Dan Williams', email: 'dan.j.williams@intel.com' }, commitRef: '0123456789abcdef0123', checks, checkState: 'warning' }),
        pwPatch(22, I.v22, 'accepted'),
      ],
      at: Date.UTC(2026, 0, 2),
    });
    store.close();
    const r = await cli('series', '--db', db, '--json', I.v2Cover);
    expect(r.err).toContain('bringing Patchwork states, lineage outcomes up to date');
    const s = JSON.parse(r.out);
    const [rfc, v2] = s.revisions;
    expect(v2.patches[0].patchwork).toEqual({
      state: 'accepted',
      stateName: 'Accepted',
      delegate: 'Dan Williams',
      archived: false,
      checks: {
        state: 'warning',
        counts: { success: 1, warning: 1 },
        list: [
          { context: 'build-x86_64', state: 'success', description: 'allmodconfig build OK', url: 'https://ci.example.org/1' },
          { context: 'checkpatch', state: 'warning', description: '1 warning', url: null },
        ],
      },
      commitRef: '0123456789abcdef0123',
      commitUrl: 'https://git.kernel.org/pub/scm/linux/kernel/git/nvdimm/nvdimm.git/commit/?id=0123456789abcdef0123',
      url: `${PW_SERVER}/project/nvdimm/patch/21/`,
      server: PW_SERVER,
      project: 'nvdimm',
      since: '2026-01-02T00:00:00.000Z',
      elsewhere: [],
    });
    expect(v2.patchwork).toEqual({ total: 2, tracked: 2, states: { accepted: 2 }, state: 'accepted', text: '2 of 2 accepted' });
    expect(rfc.patchwork).toMatchObject({ tracked: 1, text: '1 of 2 superseded, 1 not in Patchwork' });
    expect(rfc.patches[0].patchwork).toMatchObject({ state: 'superseded', archived: true, delegate: null, checks: null, commitUrl: null });
    expect(s.status).toMatchObject({ state: 'accepted', patchwork: { text: '2 of 2 accepted' } });

    const text = (await cli('series', '--db', db, I.v21)).out;
    expect(text).toMatch(/^state: accepted; Patchwork: 2 of 2 accepted \(v2\)$/m);
    expect(text).toContain('  Patchwork: 1 of 2 superseded, 1 not in Patchwork');
    expect(text).toMatch(/1\/2 mm\/dax: count pages +\[changed\] +\[Accepted; delegate Dan Williams; checks 1 success, 1 warning; commit 0123456789ab\]/);
    expect(text).toMatch(/1\/2 mm\/dax: count pages +\[Superseded \(archived\)\]/);
  });
});
