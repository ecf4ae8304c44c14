// Compares patchlore's search with lore's engine, public-inbox 1.9 (Xapian), on the same list:
// per query, the hit count of both and the overlap of the 20 newest hits (by Date header), with
// the messages one finds and the other does not. public-inbox answers through its own search code
// (scripts/bench/search-pi-query.pl), the same parsing its web search uses.
//   npx tsx scripts/compare-search.ts --db STORE --pi-config PI_CONFIG [--inbox nvdimm] [--show N]
// Relative dates are anchored at the same instant on both sides (public-inbox: `now`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { searchMessages } from '../ingest/search/search-messages.ts';
import { openStore } from '../ingest/store/sqlite-store-fs.ts';
import { SEARCH_QUERIES } from './bench/search-queries.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, 'pi-config': { type: 'string' }, inbox: { type: 'string' }, show: { type: 'string' } } });
if (!values.db || !values['pi-config']) {
  console.error('usage: compare-search.ts --db STORE --pi-config PI_CONFIG [--inbox nvdimm] [--show N]');
  process.exit(2);
}
const show = Number(values.show ?? 3);
const pi = spawnSync('perl', [join(import.meta.dirname, 'bench/search-pi-query.pl'), values.inbox ?? 'nvdimm'], {
  input: SEARCH_QUERIES.join('\n') + '\n',
  env: { ...process.env, PI_CONFIG: values['pi-config'] },
  maxBuffer: 1 << 30,
  encoding: 'utf8',
});
if (pi.status !== 0) throw new Error(`public-inbox query helper failed: ${pi.stderr}`);
const answers = pi.stdout.trim().split('\n').map((l) => JSON.parse(l) as { query: string; total?: number; hits?: Array<[string, number]>; error?: string });
const store = openStore(values.db, { readonly: true });
console.log('| query | patchlore | public-inbox | top-20 by date overlap | only patchlore | only public-inbox |');
console.log('|---|---|---|---|---|---|');
for (const a of answers) {
  if (a.error) {
    console.log(`| \`${a.query}\` | | error: ${a.error.trim()} | | | |`);
    continue;
  }
  const ours = searchMessages(store, a.query, { limit: 1_000_000, sort: 'date' });
  // Imposters are kept under imposter.<hash>.<id>; lore knows them by their plain ID.
  const plain = (k: string): string => k.replace(/^imposter\.[0-9a-f]+\./, '');
  const mine = ours.hits.map((h) => ({ id: plain(h.messageId), date: h.date ? Date.parse(h.date) : 0 }));
  const theirs = (a.hits ?? []).map(([id, ds]) => ({ id, date: ds * 1000 }));
  const top = (l: Array<{ id: string; date: number }>): Set<string> => new Set([...l].sort((x, y) => y.date - x.date || (x.id < y.id ? -1 : 1)).slice(0, 20).map((h) => h.id));
  const [t1, t2] = [top(mine), top(theirs)];
  const overlap = [...t1].filter((id) => t2.has(id)).length;
  const mineSet = new Set(mine.map((h) => h.id));
  const theirSet = new Set(theirs.map((h) => h.id));
  const onlyMine = [...mineSet].filter((id) => !theirSet.has(id));
  const onlyTheirs = [...theirSet].filter((id) => !mineSet.has(id));
  const list = (l: string[]): string => (l.length ? `${l.length}: ${l.slice(0, show).map((x) => `\`${x}\``).join(' ')}${l.length > show ? ' …' : ''}` : '0');
  console.log(`| \`${a.query}\` | ${ours.total} | ${a.total} | ${overlap}/${Math.min(20, Math.max(t1.size, t2.size))} | ${list(onlyMine)} | ${list(onlyTheirs)} |`);
}
store.close();
