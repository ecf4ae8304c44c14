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
async function engines(messages: string[], facets: Record<string, Array<{ key: string; value: string }>> = {}) {
  const tmp = tempDir();
  const store = tempStore(tmp.dir);
  await importSources(store, [tmp.file('l.mbox', mbox(messages))], { list: '', mboxFormat: 'auto', workers: 0 });
  store.transaction(() => {
    for (const [facet, rows] of Object.entries(facets)) store.search.replaceFacet(facet, rows);
  });
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

describe('facets in both engines', () => {
  let e: Awaited<ReturnType<typeof engines>>;
  beforeAll(async () => {
    const patch = (n: number) => mail({ id: `p${n}@example.org`, subject: `[PATCH ${n}/3] mm: refcount pages`, body: 'Refcount them.\n' });
    e = await engines([patch(1), patch(2), patch(3), mail({ id: 'talk@example.org', subject: 'refcount talk', body: 'Refcount.\n' })], {
      patchwork: [
        { key: 'p1@example.org', value: 'accepted' },
        { key: 'p2@example.org', value: 'changes-requested' },
        { key: 'p3@example.org', value: 'new' },
        { key: 'gone@example.org', value: 'accepted' },
      ],
      merged: [
        { key: 'p1@example.org', value: 'yes' },
        { key: 'p2@example.org', value: 'no' },
      ],
    });
  });
  afterAll(() => e?.close());

  it('find messages by a facet value, alone, with words, negated, or by an alias', async () => {
    const cases: Array<[string, string[]]> = [
      ['pw:accepted', ['p1@example.org']],
      ['pw:"Changes Requested"', ['p2@example.org']],
      ['pw:action-required', ['p3@example.org']],
      ['refcount -merged:yes', ['p2@example.org', 'p3@example.org', 'talk@example.org']],
      ['s:mm merged:no', ['p2@example.org']],
      ['pw:rejected', []],
      ['pw:accepted OR merged:no', ['p1@example.org', 'p2@example.org']],
    ];
    for (const [q, want] of cases) {
      expect([q, e.cli(q)]).toEqual([q, want]);
      expect([q, await e.site(q)]).toEqual([q, want]);
    }
  });
});
