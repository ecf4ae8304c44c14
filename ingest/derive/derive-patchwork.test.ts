// The Patchwork derivation over a store: after a sync stores records, the derivation is stale
// (its external input is the records' stamp), gives patches and cover letters their states in
// the pw: facet both engines search, and feeds the lineage outcome; a state changed by a later
// sync is picked up, and a read-only store says what is stale without writing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchMessages } from '../search/search-messages.ts';
import { openStore } from '../store/sqlite-store-fs.ts';
import type { PatchworkWrite, Store } from '../store/store-port.ts';
import { pwCover, pwPatch, pwProject, pwSeries, writePatchwork } from '../test-support/patchwork-records.ts';
import { SERIES_IDS as I } from '../test-support/series-mail.ts';
import { seriesStore, type SeriesStore } from '../test-support/series-store.ts';
import { deriveStore, staleDerivations } from './derive-store.ts';

describe('the Patchwork derivation', () => {
  let fixture: SeriesStore;
  let store: Store;
  beforeEach(async () => {
    fixture = await seriesStore();
    store = fixture.store;
  });
  afterEach(() => fixture.close());
  const write = (w: Partial<PatchworkWrite>) => writePatchwork(store, { project: pwProject(), at: Date.now(), ...w });
  const found = (q: string) => searchMessages(store, q, { limit: 100, sort: 'date' }).hits.map((h) => h.messageId).sort();
  const stale = () => staleDerivations(store, { workers: 0 }).map((d) => d.name);
  const family = () => store.series.familiesOf(store.series.postingOfMember(I.v2Cover)!)[0]!;

  it('finds patches and cover letters by their Patchwork state, and puts the lineage where Patchwork does', async () => {
    expect(stale()).toEqual([]);
    write({ patches: [pwPatch(1, I.rfc1, 'superseded'), pwPatch(2, I.rfc2, 'superseded'), pwPatch(3, I.v21, 'accepted'), pwPatch(4, I.v22, 'accepted')] });
    expect(stale()).toEqual(['patchwork', 'outcomes']);
    await deriveStore(store, { workers: 0 });
    expect(found('pw:accepted')).toEqual([I.v21, I.v22, I.v2Cover].sort());
    expect(found('pw:superseded')).toEqual([I.rfc1, I.rfc2, I.rfcCover].sort());
    expect(found('pw:accepted s:"count pages"')).toEqual([I.v21]);
    expect(found('pw:action-required')).toEqual([]);
    expect(store.series.outcome(family())?.state).toBe('accepted');
    expect(stale()).toEqual([]);
  });

  it('follows a state a later sync changed, and a cover letter Patchwork groups with its patches', async () => {
    write({ patches: [pwPatch(3, I.v21, 'new'), pwPatch(4, I.v22, 'new')] });
    await deriveStore(store, { workers: 0 });
    expect(found('pw:action-required')).toEqual([I.v21, I.v22, I.v2Cover].sort());
    expect(store.series.outcome(family())?.state).toBe('open');
    write({ patches: [pwPatch(4, I.v22, 'changes-requested')], covers: [pwCover(9, I.rfcCover, 5)], series: [pwSeries(5, I.rfcCover, [I.v22])] });
    const ro = openStore(store.path, { readonly: true });
    try {
      expect(staleDerivations(ro, { workers: 0 }).map((d) => d.name)).toEqual(['patchwork', 'outcomes']);
    } finally {
      ro.close();
    }
    await deriveStore(store, { workers: 0 });
    expect(found('pw:new')).toEqual([I.v21, I.v2Cover].sort());
    expect(found('pw:"changes requested"')).toEqual([I.rfcCover, I.v22, I.v2Cover].sort());
    expect(store.series.outcome(family())?.state).toBe('changes-requested');
  });
});
