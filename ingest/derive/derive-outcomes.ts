// The lineage outcome derivation: where every lineage stands (ingest/series/lineage-outcome.ts),
// from the series tables, the discussion's verdicts, the commits it became and the Patchwork
// states of the latest revision's patches, recomputed whole (a few queries per lineage).
import { lineageOutcome } from '../series/lineage-outcome.ts';
import type { Store } from '../store/store-port.ts';
import type { LineageOutcome } from '../types.ts';
import { decisiveState } from '../series/patchwork-outcome.ts';
import type { Derivation } from './derivation.ts';

export const outcomesDerivation: Derivation = {
  name: 'outcomes',
  title: 'lineage outcomes',
  version: 4,
  after: ['series', 'discussion', 'commits', 'patchwork'],
  external: () => '',
  async run(store: Store, { opts }) {
    const families = store.series.familyIds();
    const outcomes: LineageOutcome[] = [];
    const patchwork = patchworkStates(store);
    families.forEach((family, i) => {
      const { postings, verdicts } = store.discussion.lineageVerdicts(family);
      const latest = postings[postings.length - 1];
      const states = patchwork.size && latest ? store.series.patches(latest).map((p) => decisiveState(patchwork.get(p.key) ?? [])) : [];
      if (postings.length) outcomes.push(lineageOutcome({ family, postings, verdicts, merge: store.commits.lineageMerge(family), patchwork: states }));
      if (i % 500 === 0) opts.onProgress?.('outcomes', i, families.length);
    });
    store.transaction(() => store.series.replaceOutcomes(outcomes));
    return { count: outcomes.length, diagnostics: [] };
  },
};

/** Every stored Patchwork state by Message-ID (a patch several projects track has several). */
function patchworkStates(store: Store): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of store.patchwork.states()) out.set(s.messageId, [...(out.get(s.messageId) ?? []), s.state]);
  return out;
}
