// Lineage figures of a store: postings, lineages and their sizes, how each link was made,
// inferred versions, lineages spanning several authors (and by which evidence), trailer
// mismatches. For reviewing the series stage on a whole list:
//   npx tsx scripts/series-report.ts [--db data/patchlore.sqlite] [--examples N]
import { parseArgs } from 'node:util';
import { openStore } from '../ingest/store/sqlite-store-fs.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, examples: { type: 'string', default: '5' } } });
const store = openStore(values.db ?? process.env.PATCHLORE_DB ?? 'data/patchlore.sqlite', { readonly: true });
const f = store.series.figures();
const examples = Number(values.examples);

console.log(`postings            ${f.postings}`);
console.log(`lineages            ${f.lineages}`);
console.log(`  with 2+ postings  ${f.multiPosting}`);
console.log(`  largest           ${f.largest} postings`);
console.log(`  RESENDs           ${f.resends}`);
console.log(`  bundles           ${f.bundles}`);
console.log(`  forks             ${f.forks}`);
console.log(`versions inferred   ${f.inferred}`);
console.log('links by signal');
for (const r of f.signals) console.log(`  ${r.signal.padEnd(16)}  ${String(r.n).padStart(5)}  (confidence ${r.minConfidence})`);
console.log(`lineages with several authors: ${f.severalAuthors.length}`);
for (const c of f.severalAuthors.slice(0, examples)) console.log(`  ${c.family}: ${c.authors.join(',')} (signals: ${c.signals.join(',')})`);
console.log(`trailer mismatches  ${f.mismatches}`);
console.log(`trailers carried    ${f.trailersBySource.find((t) => t.source === 'carried')?.n ?? 0}`);
console.log(`trailers by source`);
for (const r of f.trailersBySource) console.log(`  ${r.source.padEnd(8)} ${r.n}`);
store.close();
