// The two halves of the search benchmark over the query set (search-queries.ts), shared by
// bench-search.ts and bench-scale.ts:
// - CLI: in-process latency of `patchlore search` (parse, compile, FTS5 rank, exact count, 20 hits
//   with snippets) per query, over `runs` rounds after one warm-up round;
// - static site: per query, in headless Chromium on loopback with a cold cache (a new browser
//   context per page load), the bytes fetched (gzip: the site is served by `patchlore serve`,
//   which compresses as a static host does) and the time from navigation to the first result
//   shown (the status line, said once the first page of results is on screen).
import { searchMessages } from '../../ingest/search/search-messages.ts';
import { serveSite } from '../../ingest/serve/serve-site-fs.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import { launchBrowser } from '../../test/e2e/browser.ts';
import { SEARCH_QUERIES } from './search-queries.ts';

/** The p-th percentile (nearest rank) of `xs`. */
export function percentile(xs: readonly number[], p: number): number {
  return [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
}

/** CLI timings: per query, its latency in each timed round. */
export interface CliSearchTimes {
  perQuery: Map<string, number[]>;
  /** Every timed latency. */
  all: number[];
}

/** Time every query of the set against the store at `db`: one warm-up round, then `runs` timed
 *  rounds. */
export function benchCliSearch(db: string, runs: number, queries: readonly string[] = SEARCH_QUERIES): CliSearchTimes {
  const store = openStore(db, { readonly: true });
  const perQuery = new Map<string, number[]>();
  try {
    for (let r = 0; r <= runs; r++) {
      for (const q of queries) {
        const t0 = performance.now();
        searchMessages(store, q, { limit: 20, sort: 'relevance' });
        const ms = performance.now() - t0;
        if (r > 0) perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
      }
    }
  } finally {
    store.close();
  }
  return { perQuery, all: [...perQuery.values()].flat() };
}

/** What one query cost in the browser. */
export interface StaticSearchRow {
  /** The hit count the page said. */
  hits: string;
  /** Requests of the first page load. */
  requests: number;
  /** Bytes fetched by each page load (gzip, headers included). */
  bytes: number[];
  /** Time to first result of each page load. */
  ms: number[];
}

/** Load the search page of every query of the set from the site in `site` (served on 127.0.0.1
 *  for the run), cold, `runs` rounds; per query, bytes fetched and time to first result. */
export async function benchStaticSearch(site: string, runs: number, queries: readonly string[] = SEARCH_QUERIES): Promise<Map<string, StaticSearchRow>> {
  const server = await serveSite(site);
  const browser = await launchBrowser();
  const rows = new Map<string, StaticSearchRow>();
  try {
    for (let r = 0; r < runs; r++) {
      for (const q of queries) {
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
        await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''), undefined, { timeout: 120_000 });
        const ms = performance.now() - t0;
        // Let the sizes of the last responses come in.
        await page.waitForTimeout(50);
        const hits = (await page.locator('#search-status').textContent())?.match(/^\d+/)?.[0] ?? '0';
        const row = rows.get(q) ?? { hits, requests, bytes: [], ms: [] };
        row.bytes.push(total);
        row.ms.push(ms);
        rows.set(q, row);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
