// Statements against labels made by hand: precision of each labelled random sample (kind, author
// and what it answers all right), and which labelled statements the code no longer gives as they
// were labelled. With --draw, prints a new seeded sample of the store's statements to label, each
// with the quote it answers and the text around it.
//   npx tsx scripts/score-statements.ts --db data/patchlore.sqlite [--labels test/corpus/labels/statements.json]
//   npx tsx scripts/score-statements.ts --db data/patchlore.sqlite --draw 50 --seed 7 > sample.json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../ingest/project-root.ts';
import { sampleStatements, sampledStatement, scoreStatements, type StatementSample } from '../ingest/discussion/score-statements.ts';
import { openStore } from '../ingest/store/sqlite-store-fs.ts';

const { values } = parseArgs({
  options: { db: { type: 'string' }, labels: { type: 'string' }, draw: { type: 'string' }, seed: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } },
});
const store = openStore(values.db ?? process.env.PATCHLORE_DB ?? 'data/patchlore.sqlite', { readonly: true });
const rows = store.discussion.allStatements();
const current = rows.map(sampledStatement);
if (values.draw) {
  const sample = sampleStatements(current, Number(values.draw), Number(values.seed));
  // The text around each statement, to label it by.
  const context = sample.map((s) => {
    const body = store.mail.bodyOf(s.messageId);
    const start = s.text.split(/\s+/).slice(0, 6).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
    const at = new RegExp(start).exec(body)?.index ?? -1;
    return at < 0 ? '' : body.slice(Math.max(0, at - 700), at + s.text.length + 250);
  });
  console.log(JSON.stringify({ name: 'draw', seed: Number(values.seed), of: rows.length, statements: sample.map((s, i) => ({ ...s, context: context[i] })) }, null, 1));
} else {
  const samples = (JSON.parse(readFileSync(values.labels ?? join(PROJECT_ROOT, 'test/corpus/labels/statements.json'), 'utf8')) as { samples: StatementSample[] }).samples;
  const scores = samples.map((s) => ({ name: s.name, drawn: s.drawn, current: s.current, ...scoreStatements(s, current) }));
  if (values.json) console.log(JSON.stringify(scores, null, 2));
  for (const s of values.json ? [] : scores) {
    console.log(`${s.name}: ${s.right} of ${s.labelled} right (precision ${s.precision.toFixed(3)}); kind ${s.kindRight}, author ${s.authorRight}, answers ${s.answersRight}`);
    console.log(`  drawn from ${s.drawn}`);
    if (s.changed.length) console.log(`  no longer given as labelled: ${s.changed.length}${s.current ? ' (a current sample: label them again)' : ''}`);
  }
}
store.close();
