// The Patchwork derivation: which stored messages carry which Patchwork state (the search facet
// `pw:`; ingest/patchwork/patchwork-facet.ts), from the Patchwork records (synced: their stamp is
// this derivation's external input) joined to the messages by Message-ID, a cover letter getting
// its series' states (patchlore's postings: it runs after the series). Recomputed whole.
import { patchworkFacet } from '../patchwork/patchwork-facet.ts';
import type { Store } from '../store/store-port.ts';
import type { Derivation } from './derivation.ts';

export const patchworkDerivation: Derivation = {
  name: 'patchwork',
  title: 'Patchwork states',
  version: 1,
  after: ['series'],
  external: (_opts, store) => store.patchwork.stamp(),
  async run(store: Store) {
    const patches = new Map<string, string[]>();
    for (const p of store.series.patchPostings()) patches.set(p.posting, [...(patches.get(p.posting) ?? []), p.key]);
    const postings = new Map<string, { cover: string | null; patches: string[] }>();
    for (const p of store.series.postingFamilies()) postings.set(p.id, { cover: p.cover, patches: patches.get(p.id) ?? [] });
    const rows = patchworkFacet({ states: store.patchwork.states(), covers: store.patchwork.covers(), postings: postings.values() });
    store.transaction(() => store.search.replaceFacet('patchwork', rows));
    return { count: new Set(rows.map((r) => r.key)).size, diagnostics: [] };
  },
};
