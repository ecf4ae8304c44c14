// The static index kept up to date as mail arrives: new mail becomes a segment of its own and the
// files already written stay as they were, rows of messages whose thread changed are rewritten
// (their snippets kept), and the result is what a full build gives and what the CLI finds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../../ingest/import/import-sources.ts';
import { searchMessages } from '../../ingest/search/search-messages.ts';
import { parseQuery } from '../../ingest/search/parse-query.ts';
import type { Store } from '../../ingest/store/store-port.ts';
import { mail, mbox, tempDir, tempStore } from '../../ingest/test-support/mail-builder.ts';
import { dirLoader, staticSearch, type StaticSearch } from '../../ingest/test-support/static-search.ts';
import { messageHref } from '../lib/paths.ts';
import { rowsOf, runQuery } from '../lib/search-engine.ts';
import { DATE_DOCS, type SearchMeta } from '../lib/search-static-format.ts';

const NOW = Date.UTC(2025, 0, 1);
const day = (d: number): string => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toUTCString();

/** A thread of `n` messages about `topic`, starting on day `start`. */
function thread(name: string, topic: string, start: number, n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    mail({
      id: `${name}.${i}@example.org`,
      subject: i ? `Re: ${topic}` : topic,
      date: day(start + i),
      inReplyTo: i ? `${name}.0@example.org` : undefined,
      references: i ? [`${name}.0@example.org`] : undefined,
      listId: 'nvdimm.lists.linux.dev',
      body: `${i % 2 ? '> quoted words\n\n' : ''}About ${topic}: pte_special and folio number ${i}.\n`,
    }),
  );
}

describe('the static index, kept up to date', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  let site: StaticSearch;
  const cli = (q: string): string[] => searchMessages(store, q, { limit: 100_000, sort: 'date', now: NOW }).hits.map((h) => h.messageId).sort();
  const QUERIES = ['pte_special', 'folio', 'q:quoted', 's:refcount', 'dax OR refcount', 'folio d:2024-01-05..2024-01-20', 'pte_special -s:dax', 'd:2024-01-03', 'NOT folio', '"folio number 1"'];

  beforeAll(async () => {
    tmp = tempDir();
    store = tempStore(tmp.dir);
    await importSources(store, [tmp.file('a.mbox', mbox([...thread('dax', 'fs/dax refcount', 0, 6), ...thread('cxl', 'cxl region', 3, 5)]))], { list: '', mboxFormat: 'auto', workers: 0 });
    site = staticSearch(store);
  });
  afterAll(() => {
    store?.close();
    tmp?.cleanup();
  });

  it('holds nothing per message in its manifest', async () => {
    const meta = JSON.parse(site.dir.read('search/index.json')!) as SearchMeta;
    expect(Object.keys(meta).sort()).toEqual(['dateBlocks', 'docs', 'segments', 'version']);
    expect(meta.docs).toBe(11);
    expect(meta.segments.map((s) => s.docs)).toEqual([11]);
    for (const q of QUERIES) expect([q, await site(q, NOW)]).toEqual([q, cli(q)]);
  });

  it('adds new mail as a segment, rewrites only what changed, and finds what the CLI finds', async () => {
    const before = new Map(site.dir.files);
    const loader = dirLoader(site.dir);
    const ids = ['dax.1@example.org', 'cxl.1@example.org'].map((k) => store.mail.messageByKey(k)!.id);
    const hrefs = async (): Promise<string[]> => {
      const rows = await rowsOf(ids, loader);
      return ids.map((id) => rows.get(id)![4]);
    };
    const hrefsBefore = await hrefs();
    // New mail: a new thread, and a message joining the two threads (its References name both).
    await importSources(
      store,
      [
        tmp.file('b.mbox', mbox([
          ...thread('new', 'dax folio refcount', 20, 1),
          mail({ id: 'join@example.org', subject: 'Re: cxl region', date: day(25), inReplyTo: 'cxl.0@example.org', references: ['dax.0@example.org', 'cxl.0@example.org'], listId: 'nvdimm.lists.linux.dev', body: 'Both threads: folio.\n' }),
        ])),
      ],
      { list: '', mboxFormat: 'auto', workers: 0 },
    );
    const joined = store.threads.threadOfNode('join@example.org')!;
    const u = site.update({ threads: [joined] });
    const meta = JSON.parse(site.dir.read('search/index.json')!) as SearchMeta;
    expect(meta.segments.map((s) => s.docs)).toEqual([11, 2]);
    // The first segment's files are untouched.
    for (const [p, c] of before) if (p.startsWith(`search/${meta.segments[0]!.id}/`)) expect(site.dir.files.get(p)).toBe(c);
    expect(u.written).toBeLessThan(before.size);
    for (const q of QUERIES) expect([q, await site(q, NOW)]).toEqual([q, cli(q)]);
    // Rows of the threads that merged lead to the thread they are in now, with their snippets.
    expect(await hrefs()).toEqual([messageHref(joined, 'dax.1@example.org'), messageHref(joined, 'cxl.1@example.org')]);
    expect(await hrefs()).not.toEqual(hrefsBefore);
    expect((await rowsOf([ids[1]!], loader)).get(ids[1]!)![8]).toContain('About cxl region');
  });

  it('ends where a full build of the same store ends, in rows and dates', () => {
    const full = staticSearch(store);
    for (const [p, c] of full.dir.files) if (p.startsWith('search/rows/') || p.startsWith('search/dates/')) expect([p, site.dir.files.get(p)]).toEqual([p, c]);
  });

  it('sorts by date newest first, reading only the dates blocks it needs', async () => {
    const parsed = parseQuery('folio', NOW);
    if (parsed.kind !== 'ok') throw new Error('query');
    const loader = dirLoader(site.dir);
    const r = await runQuery(parsed.query, loader, 'date');
    const docs = await r.page(0, r.total);
    const dates = [...(await rowsOf(docs, loader)).values()].map((row) => row[3]);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(docs.every((d) => d < DATE_DOCS)).toBe(true);
  });
});
