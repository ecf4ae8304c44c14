// Saved pages as an input: found in directories beside mail, each message on them one SourceItem
// seen at the page (and its anchor), index pages and foreign HTML as diagnostics, and imported
// like any other mail.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceItem } from '../types.ts';
import { importSources } from '../import/import-sources.ts';
import { sqlOf } from '../store/sqlite-store-fs.ts';
import { findThread } from '../thread/thread-queries.ts';
import { mail, tempDir, tempStore } from '../test-support/mail-builder.ts';
import { detectSource, readSourceFs } from './read-source-fs.ts';

const FIXTURES = join(import.meta.dirname, '../archive/fixtures');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

function fixture(name: string, as = name): string {
  const to = join(tmp.dir, as);
  mkdirSync(join(to, '..'), { recursive: true });
  copyFileSync(join(FIXTURES, name), to);
  return to;
}

async function items(path: string): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const i of readSourceFs(path, { list: '', mboxFormat: 'auto' })) out.push(i);
  return out;
}

describe('readPagesFs', () => {
  it('is how a file starting with a tag is read; mail, even named like a page, is not', async () => {
    expect(await detectSource(fixture('hypermail-2.1.7-reply.html'))).toBe('page');
    expect(await detectSource(tmp.file('raw', mail({ id: 'r@x' })))).toBe('mbox');
  });

  it('yields each message of a thread page at its anchor, with the page diagnostics of each', async () => {
    const page = fixture('public-inbox-thread-flat.html', 'T/index.html');
    const got = await items(page);
    expect(got.map((i) => (i.kind === 'raw' ? [i.raw.origin.source, i.raw.origin.locator] : i.diagnostic.code))).toEqual([
      [page, '#m5608a32ddeac0da6eee7df90fe157d89f5c16a1b'],
      [page, '#m0e2d5b5a4b3d50f24959ca4f45c70474a4e20d5d'],
      [page, '#mf92253880298c087ca7553f2b9e4425d3d2638ec'],
    ]);
    const first = got[0]!;
    if (first.kind !== 'raw') throw new Error('not raw');
    expect(Buffer.from(first.raw.bytes).toString('utf8')).toMatch(/^X-Patchlore-Recovered: public-inbox-thread;\n source="file:\/\/\/.*\/T\/index\.html#m5608a32ddeac0da6eee7df90fe157d89f5c16a1b";/);
    const cut = await items(fixture('hypermail-2.4.1-cut-message-id.html'));
    expect(cut.map((i) => (i.kind === 'raw' ? i.diagnostics.map((d) => d.code) : []))).toEqual([['page/message-id']]);
  });

  it('reports index pages and foreign HTML without yielding messages', async () => {
    const got = await items(fixture('hypermail-index.html'));
    expect(got.map((i) => (i.kind === 'diagnostic' ? i.diagnostic.code : 'raw'))).toEqual(['page/index']);
    expect((await items(fixture('foreign.html'))).map((i) => (i.kind === 'diagnostic' ? [i.diagnostic.code, i.diagnostic.source] : 'raw'))).toEqual([['page/foreign', join(tmp.dir, 'foreign.html')]]);
  });

  it('imports a directory of pages and mail: pages thread like mail, the mail replaces its page copy', async () => {
    fixture('public-inbox-thread-flat.html', 'archive/T/index.html');
    fixture('hypermail-index.html', 'archive/index.html');
    // The original of the thread page's last message, as public-inbox's /raw gives it.
    const raw = mail({
      id: '20240411122530.GQ5383@nvidia.com',
      from: 'Jason Gunthorpe <jgg@nvidia.com>',
      subject: 'Re: [RFC 02/10] mm/hmm: Remove dead check for HugeTLB and FS DAX',
      date: 'Thu, 11 Apr 2024 09:25:30 -0300',
      inReplyTo: 'e4a877d1f77d778a2e820b9df66f6b7422bf2276.1712796818.git-series.apopple@nvidia.com',
      body: 'the original text\n',
    });
    tmp.file('archive/zz-raw', raw);
    const store = tempStore(tmp.dir);
    try {
      const s = await importSources(store, [join(tmp.dir, 'archive')], { list: '', mboxFormat: 'auto', workers: 0 });
      expect({ read: s.read, stored: s.stored, duplicates: s.duplicates, unparsed: s.unparsed, imposters: s.imposters }).toEqual({ read: 4, stored: 3, duplicates: 1, unparsed: 0, imposters: 0 });
      expect(s.diagnostics.map((d) => d.code).sort()).toEqual(['page/index', 'store/superseded']);
      const t = findThread(store, '20240411122530.GQ5383@nvidia.com')!;
      expect(t.messages.map((m) => [m.messageId, m.depth])).toEqual([
        ['cover.fe275e9819458a4bbb9451b888cafb88af8867d4.1712796818.git-series.apopple@nvidia.com', 0],
        ['e4a877d1f77d778a2e820b9df66f6b7422bf2276.1712796818.git-series.apopple@nvidia.com', 1],
        ['20240411122530.GQ5383@nvidia.com', 2],
      ]);
      const recovered = sqlOf(store).prepare('SELECT message_id AS id, recovered IS NOT NULL AS page FROM messages ORDER BY id').all();
      expect(recovered).toEqual([
        { id: '20240411122530.GQ5383@nvidia.com', page: 0 },
        { id: 'cover.fe275e9819458a4bbb9451b888cafb88af8867d4.1712796818.git-series.apopple@nvidia.com', page: 1 },
        { id: 'e4a877d1f77d778a2e820b9df66f6b7422bf2276.1712796818.git-series.apopple@nvidia.com', page: 1 },
      ]);
      // Importing again changes nothing.
      const again = await importSources(store, [join(tmp.dir, 'archive')], { list: '', mboxFormat: 'auto', workers: 0 });
      expect({ stored: again.stored, duplicates: again.duplicates }).toEqual({ stored: 0, duplicates: 4 });
    } finally {
      store.close();
    }
  });
});
