// Search on the whole nvdimm list: lore's own answers for the acceptance queries (pinned from
// public-inbox 1.9 indexing the same list with -L full), and the static site's engine finding
// exactly what the CLI finds for the whole query set. Skipped, saying why, without the corpus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../../ingest/import/import-sources.ts';
import { defaultWorkers } from '../../ingest/workers/worker-pool.ts';
import { searchMessages } from '../../ingest/search/search-messages.ts';
import type { Store } from '../../ingest/store/store-port.ts';
import { corpusMissing, corpusPath } from '../../ingest/test-support/corpus.ts';
import { tempDir, tempStore } from '../../ingest/test-support/mail-builder.ts';
import { staticSearch } from '../../ingest/test-support/static-search.ts';
import { SEARCH_QUERIES } from '../../scripts/bench/search-queries.ts';
import { sqlOf } from '../../ingest/store/sqlite-store-fs.ts';

const missing = corpusMissing('nvdimm/full/all.mboxrd.gz');

describe.skipIf(missing)(`search on the nvdimm list${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;

  beforeAll(async () => {
    tmp = tempDir();
    store = tempStore(tmp.dir);
    await importSources(store, [corpusPath('nvdimm/full/all.mboxrd.gz')], { list: '', mboxFormat: 'auto', workers: defaultWorkers() });
  }, 600_000);
  afterAll(() => {
    store?.close();
    tmp?.cleanup();
  });

  const all = (q: string): string[] => searchMessages(store, q, { limit: 100_000, sort: 'date' }).hits.map((h) => h.messageId).sort();

  it('finds for "pte_special devdax" the three messages public-inbox finds', () => {
    expect(all('pte_special devdax')).toEqual(['20240412115352.GY5383@nvidia.com', '6619703c781e4_36222e294f1@dwillia2-xfh.jf.intel.com.notmuch', '877ch35ahu.fsf@nvdebian.thelocal']);
  });

  it('finds for "dfhh:vm_normal_page" the 23 messages public-inbox finds, each with vm_normal_page in a hunk header', () => {
    const r = searchMessages(store, 'dfhh:vm_normal_page', { limit: 100, sort: 'date' });
    expect(r.total).toBe(23);
    for (const h of r.hits) {
      const body = (sqlOf(store).prepare('SELECT body FROM messages WHERE key = ?').get(h.messageId) as { body: string }).body;
      expect(body, h.messageId).toMatch(/^@@ [^@]+ @@.*\bvm_normal_page\b/m);
    }
  });

  it('agrees with public-inbox on counts where the comparison found no named difference', () => {
    // Counts from public-inbox 1.9 over the same list (scripts/compare-search.ts).
    const lore: Array<[string, number]> = [
      ['refcount', 770],
      ['s:"fs/dax"', 362],
      ['f:apopple@nvidia.com', 408],
      ['a:jgg@nvidia.com', 800],
      ['bs:ZONE_DEVICE', 480],
      ['dfn:fs/dax.c', 335],
      ['"page reference counts"', 114],
      ['s:cxl d:20240101..20240201', 45],
      ['n:config', 21],
      ['b:"struct page" -q:folio', 1142],
    ];
    for (const [q, n] of lore) expect([q, searchMessages(store, q, { limit: 1, sort: 'relevance' }).total]).toEqual([q, n]);
  });

  it('the static index finds exactly what the CLI finds, for every query of the set', async () => {
    const site = staticSearch(store);
    const now = Date.now();
    for (const q of SEARCH_QUERIES) {
      const ids = await site(q, now);
      const cli = searchMessages(store, q, { limit: 100_000, sort: 'date', now }).hits.map((h) => h.messageId);
      expect([q, ids]).toEqual([q, cli.sort()]);
    }
  }, 300_000);
});
