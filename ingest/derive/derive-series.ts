// The series derivation: postings, lineages and trailers recomputed from every threaded message's
// patch facts (lineages span threads and years), with the manual links of content/series-links.json
// (its fingerprint is this derivation's external input: editing the file makes it stale).
import { buildSeries } from '../series/build-series.ts';
import { overridesFingerprint, readRevisionOverrides, seriesLinksPath } from '../series/read-overrides-fs.ts';
import type { Store } from '../store/store-port.ts';
import type { Derivation } from './derivation.ts';

export const seriesDerivation: Derivation = {
  name: 'series',
  title: 'series lineages',
  version: 2,
  after: ['thread', 'patch'],
  external: (opts) => overridesFingerprint(opts.seriesLinks ?? seriesLinksPath()),
  async run(store: Store, { opts }) {
    const { overrides, diagnostics } = readRevisionOverrides(opts.seriesLinks ?? seriesLinksPath());
    opts.onProgress?.('series', 0, 3);
    const inputs = store.series.inputs();
    opts.onProgress?.('series', 1, 3);
    const result = buildSeries(inputs, overrides);
    opts.onProgress?.('series', 2, 3);
    store.transaction(() => store.series.replace(result));
    opts.onProgress?.('series', 3, 3);
    return { count: new Set(result.revisions.map((r) => r.family)).size, diagnostics };
  },
};
