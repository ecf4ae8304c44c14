// The incremental build against the full one: after more mail (a new thread, replies, a message
// joining two threads, a new revision of a series), bringing a site up to date gives the same
// files as building it afresh, and renders only what changed; with nothing new it writes nothing.
// Builds a real site (Astro compiles the pages once per source version into .cache/).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../import/import-sources.ts';
import { parseQuery } from '../search/parse-query.ts';
import { mail, mbox, tempDir, tempStore } from '../test-support/mail-builder.ts';
import { dirLoader } from '../test-support/static-search.ts';
import { indexDirFs } from '../../src/build/index-dir-fs.ts';
import { rowsOf, runQuery } from '../../src/lib/search-engine.ts';
import { buildSiteFs, type SiteSummary } from './build-site-fs.ts';
import { STATE_DIR } from './build-state-fs.ts';

const LIST = 'build-test.example.org';
const day = (d: number): string => new Date(Date.UTC(2024, 2, 1) + d * 86_400_000).toUTCString();

/** A series posting: cover letter and `n` patches, version `v`. */
function posting(v: number, d: number, n = 2): string[] {
  const cover = `v${v}.0@example.org`;
  const tag = v > 1 ? ` v${v}` : '';
  return [
    mail({ id: cover, from: 'Ann Author <ann@example.org>', subject: `[PATCH${tag} 0/${n}] mm: tidy page refcounts`, date: day(d), listId: LIST, body: `Tidy the refcounts.\n${v > 1 ? `\nChanges since v${v - 1}:\n- fewer words\n` : ''}` }),
    ...Array.from({ length: n }, (_, i) =>
      mail({
        id: `v${v}.${i + 1}@example.org`,
        from: 'Ann Author <ann@example.org>',
        subject: `[PATCH${tag} ${i + 1}/${n}] mm: tidy part ${i + 1}`,
        date: day(d),
        inReplyTo: cover,
        references: [cover],
        listId: LIST,
        body: `Part ${i + 1}.\n\nSigned-off-by: Ann Author <ann@example.org>\n---\ndiff --git a/mm/a.c b/mm/a.c\n--- a/mm/a.c\n+++ b/mm/a.c\n@@ -1 +1 @@ int f(void)\n-old ${i}\n+new ${i} v${v}\n`,
      }),
    ),
  ];
}

const talk = (id: string, subject: string, d: number, parent?: string, refs?: string[]): string =>
  mail({ id, from: 'Bo Reviewer <bo@example.org>', subject, date: day(d), inReplyTo: parent, references: refs ?? (parent ? [parent] : undefined), listId: LIST, body: `${subject}: folio words on day ${d}.\n` });

/** Every file under `dir` but the build's state and the index's segments, with its content. */
function siteFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(dir, p);
      if (rel === STATE_DIR || /^search\/s\d+$/.test(rel)) continue;
      if (e.isDirectory()) stack.push(p);
      else out.set(rel, rel === 'search/index.json' ? '' : readFileSync(p, 'utf8'));
    }
  }
  return out;
}

async function search(site: string, q: string): Promise<string[]> {
  const parsed = parseQuery(q, Date.UTC(2025, 0, 1));
  if (parsed.kind !== 'ok') throw new Error(parsed.error.message);
  const loader = dirLoader(indexDirFs(site));
  const r = await runQuery(parsed.query, loader, 'relevance');
  const docs = await r.page(0, r.total);
  return [...(await rowsOf(docs, loader)).values()].map((row) => row[0]).sort();
}

describe('an incremental build', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  let first: SiteSummary;
  let second: SiteSummary;
  const quiet = (): void => undefined;

  beforeAll(async () => {
    tmp = tempDir();
    db = join(tmp.dir, 'store.sqlite');
    const store = tempStore(tmp.dir);
    await importSources(
      store,
      [tmp.file('a.mbox', mbox([...posting(1, 0), talk('q.0@example.org', 'question about folios', 1), talk('q.1@example.org', 'Re: question about folios', 2, 'q.0@example.org'), talk('other.0@example.org', 'another thread', 3)]))],
      { list: '', mboxFormat: 'auto', workers: 0 },
    );
    store.close();
    first = await buildSiteFs(db, join(tmp.dir, 'site'), quiet);
    const again = tempStore(tmp.dir);
    await importSources(
      again,
      [
        tmp.file('b.mbox', mbox([
          ...posting(2, 10),
          talk('q.2@example.org', 'Re: question about folios', 11, 'q.1@example.org', ['q.0@example.org', 'q.1@example.org']),
          talk('join@example.org', 'Re: another thread', 12, 'other.0@example.org', ['v1.0@example.org', 'other.0@example.org']),
          talk('new.0@example.org', 'a new thread', 13),
        ])),
      ],
      { list: '', mboxFormat: 'auto', workers: 0 },
    );
    again.close();
    second = await buildSiteFs(db, join(tmp.dir, 'site'), quiet);
  }, 600_000);
  afterAll(() => tmp?.cleanup());

  it('renders only the pages whose inputs changed', () => {
    expect(first.incremental).toBe(false);
    expect(second.incremental).toBe(true);
    expect(second.rendered).toBeGreaterThan(0);
    expect(second.rendered).toBeLessThan(first.rendered + 4);
    expect(second.pages).toBeGreaterThan(first.pages);
  });

  it('gives the files a full build gives', async () => {
    const fresh = await buildSiteFs(db, join(tmp.dir, 'fresh'), quiet);
    expect(fresh.pages).toBe(second.pages);
    const a = siteFiles(join(tmp.dir, 'site'));
    const b = siteFiles(join(tmp.dir, 'fresh'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [p, c] of b) expect([p, a.get(p) === c]).toEqual([p, true]);
    for (const q of ['folio', 'tidy', 's:thread', 'dfb:new', 'refcounts d:2024-03-10..']) expect([q, await search(join(tmp.dir, 'site'), q)]).toEqual([q, await search(join(tmp.dir, 'fresh'), q)]);
  }, 600_000);

  it('renders and writes nothing when nothing changed', async () => {
    const third = await buildSiteFs(db, join(tmp.dir, 'site'), quiet);
    expect([third.incremental, third.rendered, third.written, third.removed]).toEqual([true, 0, 0, 0]);
  }, 600_000);
});
