// Search benchmark over the query set (scripts/bench/search-queries.ts) on a store of the nvdimm
// list and its built site:
// - CLI: in-process latency of `patchlore search` (parse, compile, FTS5 rank, 20 hits with
//   snippets), p50/p95 over the set, repeated --runs times;
// - static site: per query, in headless Chromium on loopback with a cold cache, the bytes fetched
//   (gzip, as a static host serves them) and the time from navigation to the first result shown.
//   npx tsx scripts/bench-search.ts --db STORE --site SITE_DIR [--runs N]
// Build the site first: patchlore build --db STORE --out SITE_DIR.
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { searchMessages } from '../ingest/search/search-messages-fs.ts';
import { openStore } from '../ingest/store/store-fs.ts';
import { launchBrowser } from '../test/e2e/browser.ts';
import { SEARCH_QUERIES } from './bench/search-queries.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, site: { type: 'string' }, runs: { type: 'string' } } });
if (!values.db || !values.site) {
  console.error('usage: bench-search.ts --db STORE --site SITE_DIR [--runs N]');
  process.exit(2);
}
const runs = Number(values.runs ?? 5);
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

// CLI
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

// Static site, served gzip on 127.0.0.1.
const root = resolve(values.site);
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml' };
const gz = new Map<string, Buffer>();
const server = createServer((req, res) => {
  let path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(root, '.' + path);
  if (!file.startsWith(root + sep)) return void res.writeHead(400).end();
  let body = gz.get(file);
  if (!body) {
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      body = gzipSync(readFileSync(file), { level: 6 });
    } catch {
      return void res.writeHead(404).end();
    }
    gz.set(file, body);
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Encoding': 'gzip', 'Content-Length': body.length }).end(body);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const port = (server.address() as { port: number }).port;
const browser = await launchBrowser();
try {
  console.log('\n| query | hits | requests | bytes fetched (gzip) | time to first result |');
  console.log('|---|---|---|---|---|');
  const bytes: number[] = [];
  const times: number[] = [];
  for (const q of SEARCH_QUERIES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let total = 0;
    let requests = 0;
    page.on('requestfinished', (r) => {
      requests++;
      void r.sizes().then((s) => (total += s.responseBodySize + s.responseHeadersSize));
    });
    const t0 = performance.now();
    await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    const ms = performance.now() - t0;
    await page.waitForTimeout(50);
    const hits = (await page.locator('#search-status').textContent())?.match(/^\d+/)?.[0] ?? '0';
    bytes.push(total);
    times.push(ms);
    console.log(`| \`${q}\` | ${hits} | ${requests} | ${(total / 1024).toFixed(1)} KB | ${ms.toFixed(0)} ms |`);
    await context.close();
  }
  console.log(`\nstatic: bytes p50 ${(pct(bytes, 50) / 1024).toFixed(1)} KB, max ${(Math.max(...bytes) / 1024).toFixed(1)} KB; time to first result p50 ${pct(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
} finally {
  await browser.close();
  server.close();
}
