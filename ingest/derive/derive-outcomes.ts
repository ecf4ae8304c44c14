// The lineage outcome derivation: where every lineage stands (ingest/series/lineage-outcome.ts),
// from the series tables and the discussion's verdicts, recomputed whole (one query per lineage).
import { lineageOutcome } from '../series/lineage-outcome.ts';
import type { Store } from '../store/store-port.ts';
import type { LineageOutcome } from '../types.ts';
import type { Derivation } from './derivation.ts';

export const outcomesDerivation: Derivation = {
  name: 'outcomes',
  title: 'lineage outcomes',
  version: 2,
  after: ['series', 'discussion'],
  external: () => '',
  async run(store: Store, { opts }) {
    const families = store.series.familyIds();
    const outcomes: LineageOutcome[] = [];
    families.forEach((family, i) => {
      const { postings, verdicts } = store.discussion.lineageVerdicts(family);
      if (postings.length) outcomes.push(lineageOutcome({ family, postings, verdicts }));
      if (i % 500 === 0) opts.onProgress?.('outcomes', i, families.length);
    });
    store.transaction(() => store.series.replaceOutcomes(outcomes));
    return { count: outcomes.length, diagnostics: [] };
  },
};
