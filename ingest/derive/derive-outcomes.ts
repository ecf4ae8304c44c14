// The lineage outcome derivation: where every lineage stands (ingest/series/lineage-outcome.ts),
// from the series tables, the discussion's verdicts and the commits it became, recomputed whole
// (a few queries per lineage).
import { lineageOutcome } from '../series/lineage-outcome.ts';
import type { Store } from '../store/store-port.ts';
import type { LineageOutcome } from '../types.ts';
import type { Derivation } from './derivation.ts';

export const outcomesDerivation: Derivation = {
  name: 'outcomes',
  title: 'lineage outcomes',
  version: 3,
  after: ['series', 'discussion', 'commits'],
  external: () => '',
  async run(store: Store, { opts }) {
    const families = store.series.familyIds();
    const outcomes: LineageOutcome[] = [];
    families.forEach((family, i) => {
      const { postings, verdicts } = store.discussion.lineageVerdicts(family);
      if (postings.length) outcomes.push(lineageOutcome({ family, postings, verdicts, merge: store.commits.lineageMerge(family) }));
      if (i % 500 === 0) opts.onProgress?.('outcomes', i, families.length);
    });
    store.transaction(() => store.series.replaceOutcomes(outcomes));
    return { count: outcomes.length, diagnostics: [] };
  },
};
