// What Patchwork says of stored mail, through the queries the pages and `series` use: a patch its
// record (the most decisive when several projects track it, the others named), a thread's cover
// letter its posting's summary, every posting its summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store-port.ts';
import { PW_SERVER, pwPatch, pwProject, writePatchwork } from '../test-support/patchwork-records.ts';
import { SERIES_IDS as I } from '../test-support/series-mail.ts';
import { seriesStore, type SeriesStore } from '../test-support/series-store.ts';
import { patchworkOfPatches, postingsPatchwork, threadPatchwork } from './patchwork-queries.ts';

describe('Patchwork queries', () => {
  let fixture: SeriesStore;
  let store: Store;
  beforeAll(async () => {
    fixture = await seriesStore();
    store = fixture.store;
    writePatchwork(store, { project: pwProject(), patches: [pwPatch(1, I.v21, 'accepted'), pwPatch(2, I.v22, 'new')] });
    const mm = pwProject({ id: 2, linkName: 'linux-mm' });
    writePatchwork(store, { projectId: 2, project: mm, patches: [pwPatch(7, I.v21, 'superseded', { origin: { ...pwPatch(7, I.v21, 'x').origin, project: 'linux-mm', webUrl: null } })] });
  });
  afterAll(() => fixture.close());

  it("gives a patch the record with its most decisive state, naming the other projects'", () => {
    const m = patchworkOfPatches(store, [I.v21, I.v22, I.rfc1]);
    expect([...m.keys()].sort()).toEqual([I.v21, I.v22].sort());
    expect(m.get(I.v21)).toMatchObject({ state: 'accepted', project: 'nvdimm', elsewhere: [{ server: PW_SERVER, project: 'linux-mm', state: 'superseded', url: null }] });
  });

  it("gives a thread's patches their records and its cover letter its posting's summary", () => {
    const thread = store.mail.locate(I.v2Cover)!.threadId;
    const keys = store.threads.shownNodes(thread).map((n) => n.id);
    const t = threadPatchwork(store, thread, keys);
    expect([...t.patches.keys()].sort()).toEqual([I.v21, I.v22].sort());
    expect([...t.covers]).toEqual([[I.v2Cover, { total: 2, tracked: 2, states: { accepted: 1, new: 1 }, state: 'mixed', text: '1 of 2 accepted, 1 new' }]]);
  });

  it('gives every posting Patchwork tracks its summary, and none to the others', () => {
    const all = postingsPatchwork(store);
    expect([...all.values()].map((s) => s.text)).toEqual(['1 of 2 accepted, 1 new']);
    expect(all.get(store.series.postingOfMember(I.v21)!)).toBeDefined();
  });
});
