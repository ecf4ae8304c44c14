// Scores a store's lineages against lineages labelled by hand: pairwise precision, recall and F1,
// versions right, decoys linked; with --details, what was split, merged or misnumbered.
//   npx tsx scripts/score-lineages.ts --db data/patchlore.sqlite [--labels test/corpus/labels/lineages.json] [--details] [--json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../ingest/project-root.ts';
import { scoreLineages, type LineageLabels } from '../ingest/series/score-lineages.ts';
import { openStore } from '../ingest/store/sqlite-store-fs.ts';
import { storeLineages } from '../ingest/series/series-queries.ts';

const { values } = parseArgs({
  options: { db: { type: 'string' }, labels: { type: 'string' }, details: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
});
const store = openStore(values.db ?? process.env.PATCHLORE_DB ?? 'data/patchlore.sqlite', { readonly: true });
const labels = JSON.parse(readFileSync(values.labels ?? join(PROJECT_ROOT, 'test/corpus/labels/lineages.json'), 'utf8')) as LineageLabels;
const s = scoreLineages(labels, storeLineages(store));
store.close();
if (values.json) {
  console.log(JSON.stringify(s, null, 2));
} else {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  console.log(`${s.postings} postings in ${s.lineages} lineages`);
  console.log(`pairs       ${s.pairs.truePositive} found together, ${s.pairs.falseNegative} found apart, ${s.pairs.falsePositive} wrongly together`);
  console.log(`precision   ${s.precision.toFixed(3)}`);
  console.log(`recall      ${s.recall.toFixed(3)}`);
  console.log(`F1          ${s.f1.toFixed(3)}`);
  console.log(`versions    ${s.versionsRight} of ${s.postings} right (${pct(s.versionsRight / s.postings)})`);
  console.log(`decoys      ${s.decoysLinked} of ${labels.decoys.length} linked`);
  if (s.unknown.length) console.log(`not postings in this store: ${s.unknown.join(', ')}`);
  if (values.details) {
    for (const x of s.split) console.log(`\nsplit: ${x.lineage}\n${x.parts.map((p) => `  [${p.join(', ')}]`).join('\n')}`);
    for (const x of s.merged) console.log(`merged: ${x.a} + ${x.b}`);
    for (const x of s.wrongVersions) console.log(`version: ${x.lineage}: ${x.id} labelled ${x.labelled}, found ${x.found}`);
  }
}
