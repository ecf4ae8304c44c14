// Search benchmark over the query set (scripts/bench/search-queries.ts) on a store of the nvdimm
// list and its built site (scripts/bench/search-bench-fs.ts measures):
// - CLI: in-process latency of `patchlore search` (parse, compile, FTS5 rank, 20 hits with
//   snippets), p50/p95 over the set, repeated --runs times;
// - static site: per query, in headless Chromium on loopback with a cold cache, the bytes fetched
//   (gzip) and the time from navigation to the first result shown, over --static-runs rounds of
//   the query set.
//   npx tsx scripts/bench-search.ts [--db STORE] [--site SITE_DIR] [--runs N] [--static-runs N]
// Build the site first: patchlore build --db STORE --out SITE_DIR.
import { parseArgs } from 'node:util';
import { benchCliSearch, benchStaticSearch, percentile as pct } from './bench/search-bench-fs.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, site: { type: 'string' }, runs: { type: 'string' }, 'static-runs': { type: 'string' } } });
if (!values.db && !values.site) {
  console.error('usage: bench-search.ts [--db STORE] [--site SITE_DIR] [--runs N] [--static-runs N] (the CLI part needs --db, the static part --site)');
  process.exit(2);
}
const runs = Number(values.runs ?? 5);

if (values.db) {
  const { perQuery, all } = benchCliSearch(values.db, runs - 1);
  console.log(`CLI search (${perQuery.size} queries x ${runs - 1} timed runs after one warm-up): p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms`);
  console.log('\n| query | median ms |\n|---|---|');
  for (const [q, ms] of perQuery) console.log(`| \`${q}\` | ${pct(ms, 50).toFixed(1)} |`);
}

if (values.site) {
  const staticRuns = Number(values['static-runs'] ?? 1);
  const rows = await benchStaticSearch(values.site, staticRuns);
  const bytes = [...rows.values()].flatMap((r) => r.bytes);
  const times = [...rows.values()].flatMap((r) => r.ms);
  console.log(`\n| query | hits | requests | bytes fetched (gzip) | time to first result${staticRuns > 1 ? ` (median of ${staticRuns})` : ''} |`);
  console.log('|---|---|---|---|---|');
  for (const [q, r] of rows) console.log(`| \`${q}\` | ${r.hits} | ${r.requests} | ${(r.bytes[0]! / 1024).toFixed(1)} KB | ${pct(r.ms, 50).toFixed(0)} ms |`);
  console.log(
    `\nstatic: bytes p50 ${(pct(bytes, 50) / 1024).toFixed(1)} KB, max ${(Math.max(...bytes) / 1024).toFixed(1)} KB; time to first result (from navigation, page load included) ` +
      `p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms, over 300 ms in ${times.filter((t) => t > 300).length} of ${times.length} page loads`,
  );
}
