// The discussion stage on real threads of the DAX/ZONE_DEVICE refcount saga: segmentation, quote
// attribution, statements and verdicts, pinned by golden files (test/corpus/golden/discussion/,
// regenerate with UPDATE_GOLDEN=1 and review the diff), plus the cases the design history is
// for. Skipped, saying why, without the corpus.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../ingest/project-root.ts';
import { corpusMissing, corpusPath } from '../../ingest/test-support/corpus.ts';
import { discussFiles } from '../../ingest/test-support/discussion-inputs.ts';
import { importSources } from '../../ingest/import/import-sources.ts';
import { tempDir, tempStore } from '../../ingest/test-support/mail-builder.ts';
import { sqlOf } from '../../ingest/store/sqlite-store-fs.ts';

const WISH = ['nvdimm', 'threads', 'wish1'];
const skip = corpusMissing(...WISH);
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = join(PROJECT_ROOT, 'test/corpus/golden/discussion');

const THREADS = [
  '2024-04-11_rfc-00-10-fs-dax-fix-fs-dax-page-reference-counts',
  '2022-02-07_start-sorting-out-the-zone-device-refcount-mess',
  '2021-10-14_patch-v1-2-2-mm-remove-extra-zone-device-struct-page-refcount',
  '2022-07-04_patch-mm-fix-missing-wake-up-event-for-fsdax-pages',
  '2022-10-20_patch-mm-memremap-introduce-pgmap-request-folio-using-pgmap-offsets',
  '2023-08-23_patch-mm-convert-dax-lock-unlock-page-to-lock-unlock-folio',
];

const file = (name: string): string => {
  const p = corpusPath(...WISH, `${name}.mbox.gz`);
  return existsSync(p) ? p : corpusPath(...WISH, `${name}.mbox`);
};

/** What the golden files pin, per message in date order. */
async function summary(name: string) {
  const { inputs, result } = await discussFiles([file(name)]);
  const who = (a: { name: string; email: string } | null | undefined) => (a ? a.name || a.email : null);
  return [...inputs]
    .sort((a, b) => (a.date ?? 0) - (b.date ?? 0) || (a.key < b.key ? -1 : 1))
    .map((m) => ({
      messageId: m.key,
      author: who(m.from),
      quotes: result.quotes.filter((q) => q.message === m.id).map((q) => [q.depth, who(q.source.author), q.source.messageKey, q.source.how]),
      statements: result.statements
        .filter((s) => s.message === m.id)
        .map((s) => ({ kind: s.kind, text: s.text, answers: s.answers ? { author: who(s.answers.author), text: s.answers.text } : null })),
      verdicts: result.verdicts.filter((v) => v.message === m.id).map((v) => [v.kind, v.text, v.target]),
    }))
    .filter((m) => m.quotes.length || m.statements.length || m.verdicts.length);
}

describe.skipIf(skip)(`discussion of real threads${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it.each(THREADS)('%s matches its golden file', async (name) => {
    const got = await summary(name);
    const path = join(GOLDEN, `${name}.json`);
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(path, JSON.stringify(got, null, 1) + '\n');
    }
    expect(existsSync(path), `no golden file ${path}: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(got).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });

  it('gives the same discussion rows whether computed on one thread or shared with workers', async () => {
    const tmp = tempDir();
    try {
      const files = readdirSync(corpusPath(...WISH)).map((f) => corpusPath(...WISH, f));
      const dump = async (workers: number): Promise<string> => {
        const store = tempStore(tmp.dir, `w${workers}.sqlite`);
        await importSources(store, files, { list: '', mboxFormat: 'auto', workers });
        const rows = ['quote_sources', 'statements', 'verdicts', 'message_links'].map((t) => {
          return sqlOf(store)
            .prepare(`SELECT m.key, x.* FROM ${t} x JOIN messages m ON m.id = x.message`)
            .all()
            .map((r) => JSON.stringify({ ...(r as object), id: undefined, message: undefined }))
            .sort();
        });
        store.close();
        return JSON.stringify(rows);
      };
      const one = await dump(0);
      expect(JSON.parse(one)[1].length).toBeGreaterThan(100);
      expect(await dump(1)).toBe(one);
    } finally {
      tmp.cleanup();
    }
  });

  it("credits Dan Williams' pte_special answer to him, answering Jason Gunthorpe's quoted question", async () => {
    const { inputs, result } = await discussFiles([file(THREADS[0]!)]);
    const s = result.statements.find((x) => x.text === "Right, I don't think pte_special is applicable for any DAX pages.");
    expect(s).toBeDefined();
    expect(inputs.find((m) => m.id === s!.message)!.from.name).toBe('Dan Williams');
    expect(s!.answers).toMatchObject({
      author: { name: 'Jason Gunthorpe', email: 'jgg@nvidia.com' },
      text: 'pte_special should only be used by memory without a struct page, is that what DEVDAX is?',
    });
  });

  it('attributes quotes nested three deep to the three messages they come from', async () => {
    const { inputs, result } = await discussFiles([file('2022-09-15_patch-v2-00-18-fix-the-dax-gup-mistake')]);
    const dave = inputs.find((m) => m.key === '20220926003430.GB3600936@dread.disaster.area')!;
    const quotes = result.quotes.filter((q) => q.message === dave.id);
    const byDepth = (d: number) => [...new Set(quotes.filter((q) => q.depth === d).map((q) => `${q.source.author?.name} ${q.source.messageKey}`))];
    expect(byDepth(1)).toEqual(['Jason Gunthorpe Yy2pC/upZNEkVmc5@nvidia.com']);
    expect(byDepth(2)).toEqual(['Dave Chinner 20220923021012.GZ3600936@dread.disaster.area']);
    expect(byDepth(3)).toEqual(['Dan Williams 632d00a491d0d_4a67429488@dwillia2-xfh.jf.intel.com.notmuch']);
    // Dave's own words stay his: nothing he quoted becomes his statement.
    for (const s of result.statements.filter((x) => x.message === dave.id)) {
      expect(inputs.find((m) => m.id === dave.id)!.body.slice(s.from, s.to).replace(/\s+/g, ' ')).toBe(s.text);
    }
  });
});
