// The static engine against the CLI on a small store: the same messages for the same query,
// wildcards on words with punctuation ("fs/da*") included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../../ingest/import/import-sources.ts';
import { searchMessages } from '../../ingest/search/search-messages.ts';
import type { Store } from '../../ingest/store/store-port.ts';
import { mail, mbox, tempDir, tempStore } from '../../ingest/test-support/mail-builder.ts';
import { staticSearch } from '../../ingest/test-support/static-search.ts';

const NOW = Date.UTC(2025, 0, 1);

/** A store of `messages`, its static index in memory, and both engines' answers. */
async function engines(messages: string[]) {
  const tmp = tempDir();
  const store = tempStore(tmp.dir);
  await importSources(store, [tmp.file('l.mbox', mbox(messages))], { list: '', mboxFormat: 'auto', workers: 0 });
  const cli = (q: string): string[] => searchMessages(store, q, { limit: 1000, sort: 'date', now: NOW }).hits.map((h) => h.messageId).sort();
  const staticIds = staticSearch(store);
  const site = (q: string): Promise<string[]> => staticIds(q, NOW);
  const close = (): void => {
    store.close();
    tmp.cleanup();
  };
  return { store, cli, site, close };
}

describe('the static engine and the CLI', () => {
  let e: Awaited<ReturnType<typeof engines>>;
  let store: Store;
  let cli: (q: string) => string[];
  let site: (q: string) => Promise<string[]>;
  beforeAll(async () => {
    e = await engines([
      mail({ id: 'dax@example.org', subject: '[PATCH] fs/dax: fix refcounts', body: 'Fix fs/dax.c refcounts.\n' }),
      mail({ id: 'data@example.org', subject: 'fs/data handling', body: 'Nothing on fs/data here.\n' }),
      mail({ id: 'reply@example.org', subject: 'Re: [PATCH] fs/dax: fix refcounts', inReplyTo: 'dax@example.org', references: ['dax@example.org'], body: '> Fix fs/dax.c refcounts.\n\nLooks good.\n' }),
      mail({ id: 'apart@example.org', subject: 'fs and dax apart', body: 'The fs layer and dax.\n' }),
      mail({
        id: 'mm@example.org',
        subject: 'mm/memory: vm_normal_page',
        body: 'Touches mm/memory.c.\n---\ndiff --git a/mm/memory.c b/mm/memory.c\n--- a/mm/memory.c\n+++ b/mm/memory.c\n@@ -1,2 +1,2 @@ struct page *vm_normal_page(void)\n \tif (pte_special(pte))\n-\t\treturn NULL;\n+\t\treturn pfn_to_page(pfn);\n',
      }),
    ]);
    ({ store, cli, site } = e);
  });
  afterAll(() => e?.close());

  it('find the same messages for a wildcard word with punctuation', async () => {
    expect(cli('fs/da*')).toEqual(['data@example.org', 'dax@example.org', 'reply@example.org']);
    expect(await site('fs/da*')).toEqual(cli('fs/da*'));
    expect(cli('s:fs/dax*')).toEqual(['dax@example.org', 'reply@example.org']);
    expect(await site('s:fs/dax*')).toEqual(cli('s:fs/dax*'));
    expect(cli('mm/mem*')).toEqual(['mm@example.org']);
    expect(await site('mm/mem*')).toEqual(cli('mm/mem*'));
  });

  it('find the same messages for words, phrases and wildcards', async () => {
    for (const q of ['refcounts', 'refcount', '"fs dax"', 'fs/dax.c', '"dax"', 'da*', 'Dax', 'nq:fs/dat*', 's:fs/da* -q:refcounts', 'fs/zz*']) {
      expect([q, await site(q)]).toEqual([q, cli(q)]);
    }
  });

  it('counts matches and groups with --collapse in the same pass as the rows', () => {
    const all = searchMessages(store, 'fs/da*', { limit: 1000, sort: 'date', now: NOW });
    for (const limit of [0, 1, 10]) {
      for (const collapse of ['thread', 'series'] as const) {
        const r = searchMessages(store, 'fs/da*', { limit, sort: 'relevance', collapse, now: NOW });
        expect([limit, collapse, r.total, r.groups, r.hits.length]).toEqual([limit, collapse, all.total, 2, Math.min(limit, 2)]);
        expect(r.hits.reduce((n, h) => n + h.collapsed!, 0)).toBe(limit >= 2 ? all.total : r.hits[0]?.collapsed ?? 0);
      }
    }
  });
});

describe('the static engine on a store without diffs or quotes', () => {
  let e: Awaited<ReturnType<typeof engines>>;
  beforeAll(async () => {
    e = await engines([mail({ id: 'one@example.org', subject: 'pte_special and devdax', body: 'Plain words only.\n' })]);
  });
  afterAll(() => e?.close());

  it('answers queries over every field family, the empty ones included', async () => {
    for (const q of ['pte_special', 'devdax plain', 'dfa:pte_special', 'q:words', 'nothing']) expect([q, await e.site(q)]).toEqual([q, e.cli(q)]);
  });
});
