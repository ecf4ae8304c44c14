// Search benchmark over the query set (scripts/bench/search-queries.ts) on a store of the nvdimm
// list and its built site:
// - CLI: in-process latency of `patchlore search` (parse, compile, FTS5 rank, 20 hits with
//   snippets), p50/p95 over the set, repeated --runs times;
// - static site: per query, in headless Chromium on loopback with a cold cache, the bytes fetched
//   (gzip: the site is served by `patchlore serve`, which compresses as a static host does) and
//   the time from navigation to the first result shown (the status line, said once the first
//   page of results is on screen), over --runs rounds of the query set.
//   npx tsx scripts/bench-search.ts [--db STORE] [--site SITE_DIR] [--runs N]
// Build the site first: patchlore build --db STORE --out SITE_DIR.
import { parseArgs } from 'node:util';
import { searchMessages } from '../ingest/search/search-messages.ts';
import { serveSite } from '../ingest/serve/serve-site-fs.ts';
import { openStore } from '../ingest/store/sqlite-store-fs.ts';
import { launchBrowser } from '../test/e2e/browser.ts';
import { SEARCH_QUERIES } from './bench/search-queries.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, site: { type: 'string' }, runs: { type: 'string' }, 'static-runs': { type: 'string' } } });
if (!values.db && !values.site) {
  console.error('usage: bench-search.ts [--db STORE] [--site SITE_DIR] [--runs N] [--static-runs N] (the CLI part needs --db, the static part --site)');
  process.exit(2);
}
const runs = Number(values.runs ?? 5);
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

// CLI
if (values.db) {
  const store = openStore(values.db, { readonly: true });
  const perQuery = new Map<string, number[]>();
  for (let r = 0; r < runs; r++) {
    for (const q of SEARCH_QUERIES) {
      const t0 = performance.now();
      searchMessages(store, q, { limit: 20, sort: 'relevance' });
      const ms = performance.now() - t0;
      if (r > 0) perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
    }
  }
  store.close();
  const all = [...perQuery.values()].flat();
  console.log(`CLI search (${SEARCH_QUERIES.length} queries x ${runs - 1} timed runs after one warm-up): p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms`);
  console.log('\n| query | median ms |\n|---|---|');
  for (const [q, ms] of perQuery) console.log(`| \`${q}\` | ${pct(ms, 50).toFixed(1)} |`);
}
if (!values.site) process.exit(0);

// Static site, served by `patchlore serve` (gzip, as a static host) on 127.0.0.1.
const server = await serveSite(values.site);
const browser = await launchBrowser();
const staticRuns = Number(values['static-runs'] ?? 1);
try {
  const bytes: number[] = [];
  const times: number[] = [];
  const rows = new Map<string, { hits: string; requests: number; bytes: number; ms: number[] }>();
  for (let r = 0; r < staticRuns; r++) {
    for (const q of SEARCH_QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let total = 0;
      let requests = 0;
      page.on('requestfinished', (req) => {
        requests++;
        void req.sizes().then((s) => (total += s.responseBodySize + s.responseHeadersSize));
      });
      const t0 = performance.now();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
      await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
      const ms = performance.now() - t0;
      await page.waitForTimeout(50);
      const hits = (await page.locator('#search-status').textContent())?.match(/^\d+/)?.[0] ?? '0';
      bytes.push(total);
      times.push(ms);
      const row = rows.get(q) ?? { hits, requests, bytes: total, ms: [] };
      row.ms.push(ms);
      rows.set(q, row);
      await context.close();
    }
  }
  console.log(`\n| query | hits | requests | bytes fetched (gzip) | time to first result${staticRuns > 1 ? ` (median of ${staticRuns})` : ''} |`);
  console.log('|---|---|---|---|---|');
  for (const [q, r] of rows) console.log(`| \`${q}\` | ${r.hits} | ${r.requests} | ${(r.bytes / 1024).toFixed(1)} KB | ${pct(r.ms, 50).toFixed(0)} ms |`);
  console.log(`\nstatic: bytes p50 ${(pct(bytes, 50) / 1024).toFixed(1)} KB, max ${(Math.max(...bytes) / 1024).toFixed(1)} KB; time to first result (from navigation, page load included) p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms, over 300 ms in ${times.filter((t) => t > 300).length} of ${times.length} page loads`);
} finally {
  await browser.close();
  await server.close();
}
