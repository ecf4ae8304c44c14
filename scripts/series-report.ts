// Lineage figures of a store: postings, lineages and their sizes, how each link was made,
// inferred versions, lineages spanning several authors (and by which evidence), trailer
// mismatches. For reviewing the series stage on a whole list:
//   npx tsx scripts/series-report.ts [--db data/patchlore.sqlite] [--examples N]
import { parseArgs } from 'node:util';
import { openStore } from '../ingest/store/store-fs.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, examples: { type: 'string', default: '5' } } });
const store = openStore(values.db ?? process.env.PATCHLORE_DB ?? 'data/patchlore.sqlite', { readonly: true });
const db = store.db;
const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
const examples = Number(values.examples);

console.log(`postings            ${n('SELECT count(*) AS n FROM postings')}`);
console.log(`lineages            ${n('SELECT count(DISTINCT family) AS n FROM revisions')}`);
console.log(`  with 2+ postings  ${n('SELECT count(*) AS n FROM (SELECT family FROM revisions GROUP BY family HAVING count(*) > 1)')}`);
console.log(`  largest           ${n('SELECT max(c) AS n FROM (SELECT count(*) AS c FROM revisions GROUP BY family)')} postings`);
console.log(`  RESENDs           ${n('SELECT count(*) AS n FROM revisions r JOIN postings p ON p.id = r.posting WHERE p.resend = 1')}`);
console.log(`  bundles           ${n('SELECT count(*) AS n FROM postings WHERE bundle = 1')}`);
console.log(`  forks             ${n('SELECT count(*) AS n FROM revisions WHERE forked_from IS NOT NULL')}`);
console.log(`versions inferred   ${n('SELECT count(*) AS n FROM revisions WHERE version_inferred = 1')}`);
console.log('links by signal');
for (const r of db.prepare('SELECT signal, count(*) AS n, min(confidence) AS c FROM revisions WHERE signal IS NOT NULL GROUP BY signal ORDER BY n DESC').all() as Array<{ signal: string; n: number; c: number }>) {
  console.log(`  ${r.signal.padEnd(16)}  ${String(r.n).padStart(5)}  (confidence ${r.c})`);
}
const cross = db
  .prepare(
    `SELECT r.family, group_concat(DISTINCT p.author_email) AS authors, group_concat(DISTINCT r.signal) AS signals
     FROM revisions r JOIN postings p ON p.id = r.posting GROUP BY r.family HAVING count(DISTINCT p.author_email) > 1`,
  )
  .all() as Array<{ family: string; authors: string; signals: string }>;
console.log(`lineages with several authors: ${cross.length}`);
for (const c of cross.slice(0, examples)) console.log(`  ${c.family}: ${c.authors} (signals: ${c.signals})`);
console.log(`trailer mismatches  ${n('SELECT count(*) AS n FROM trailer_mismatches')}`);
console.log(`trailers carried    ${n("SELECT count(*) AS n FROM posting_trailers WHERE source = 'carried'")}`);
console.log(`trailers by source`);
for (const r of db.prepare('SELECT source, count(*) AS n FROM posting_trailers GROUP BY source ORDER BY n DESC').all() as Array<{ source: string; n: number }>) {
  console.log(`  ${r.source.padEnd(8)} ${r.n}`);
}
store.close();
