import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeries } from '../series/build-series.ts';
import { readRevisionOverrides } from '../series/read-overrides-fs.ts';
import { dumpSeries, type SeriesDump } from '../store/dump-series-fs.ts';
import type { Store } from '../store/store-port.ts';
import { corpusMissing, corpusPath } from '../test-support/corpus.ts';
import { tempDir, tempStore } from '../test-support/mail-builder.ts';
import { LINEAGE_IDS, lineageMail, SERIES_LINKS } from '../test-support/series-lineages.ts';
import { prepareFiles, prepareMail, storePrepared, writeSeriesResult, type PreparedMail } from '../test-support/series-store.ts';
import { deriveStore } from './derive-store.ts';

let tmp: ReturnType<typeof tempDir>;
let links: string;
beforeAll(() => {
  tmp = tempDir();
  links = tmp.file('series-links.json', SERIES_LINKS);
});
afterAll(() => tmp.cleanup());

let stores = 0;
/** A fresh store in the test directory, closed after `fn`. */
async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = tempStore(tmp.dir, `s${++stores}.sqlite`);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

const derive = (store: Store) => deriveStore(store, { workers: 0, only: ['series'], seriesLinks: links });

/** The series tables after importing `parts` one after the other, deriving after each. */
async function importedInParts(parts: ReadonlyArray<readonly PreparedMail[]>): Promise<SeriesDump> {
  return withStore(async (store) => {
    for (const part of parts) {
      storePrepared(store, part);
      await derive(store);
    }
    return dumpSeries(store);
  });
}

/** The series tables the stage gives for all of `mail` at once, computed in memory. */
async function inMemory(mail: readonly PreparedMail[]): Promise<SeriesDump> {
  return withStore(async (store) => {
    storePrepared(store, mail);
    await deriveStore(store, { workers: 0, only: ['thread'] });
    const messages = store.series.threadMessages(store.threads.ids());
    writeSeriesResult(store, buildSeries(messages, readRevisionOverrides(links).overrides));
    return dumpSeries(store);
  });
}

/** `mail` cut into `n` parts by `f`, the parts put in an order `f` gives. */
function split(mail: readonly PreparedMail[], n: number, f: (i: number) => number): PreparedMail[][] {
  const parts: PreparedMail[][] = Array.from({ length: n }, () => []);
  mail.forEach((m, i) => parts[f(i) % n]!.push(m));
  return parts
    .map((p, i) => ({ p, k: f(1000 + i) }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.p);
}

describe('series derivation by what changed', () => {
  let lineages: PreparedMail[];
  let whole: SeriesDump;
  beforeAll(async () => {
    lineages = await prepareMail(lineageMail());
    whole = await importedInParts([lineages]);
  });

  it('derives everything at once as the series stage does in memory', async () => {
    expect(whole).toEqual(await inMemory(lineages));
    // The cases are there: a fork, a change-id across authors, a cross-author link, a pin, mail
    // sent without threading gathered into one posting, a carried review.
    const rev = (id: string) => whole.revisions.find((r) => (r as { posting: string }).posting === id) as Record<string, unknown>;
    expect(rev(LINEAGE_IDS.fooV4b)).toMatchObject({ forked_from: LINEAGE_IDS.fooV3 });
    expect(rev(LINEAGE_IDS.barErin)).toMatchObject({ family: LINEAGE_IDS.barDave, signal: 'change-id' });
    expect(rev(LINEAGE_IDS.bazV2)).toMatchObject({ family: LINEAGE_IDS.bazV1, signal: 'changelog-link' });
    expect(rev(`${LINEAGE_IDS.hankV2}.1`)).toMatchObject({ signal: 'manual' });
    expect(rev(LINEAGE_IDS.sortV2)).toMatchObject({ family: LINEAGE_IDS.sortLeo, signal: 'change-id' });
    expect(rev(LINEAGE_IDS.sortV2b)).toMatchObject({ family: LINEAGE_IDS.sortV1, forked_from: null });
    expect(whole.postings.find((p) => (p as { id: string }).id === `${LINEAGE_IDS.hank}.cover`)).toBeDefined();
    // Takeovers (acc): by title with the first author's sign-off, then by a signer's same diff.
    expect(rev(LINEAGE_IDS.takeV2)).toMatchObject({ family: LINEAGE_IDS.takeV1, link_from: LINEAGE_IDS.takeV1 });
    expect(rev(LINEAGE_IDS.takeV3)).toMatchObject({ family: LINEAGE_IDS.takeV1, link_from: LINEAGE_IDS.takeV2 });
    expect(whole.trailers.some((t) => (t as { source: string; posting: string }).source === 'carried' && (t as { posting: string }).posting === LINEAGE_IDS.fooV3)).toBe(true);
  });

  it('gives the tables of one full derivation for any split of the mail, imported in any order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 5 }), fc.func(fc.nat()), async (n, f) => {
        expect(await importedInParts(split(lineages, n, f))).toEqual(whole);
      }),
      // Shrinking would re-import the mail hundreds of times.
      { numRuns: 30, endOnFailure: true },
    );
  });

  it('gives the same tables one message at a time, oldest last', async () => {
    expect(await importedInParts([...lineages].reverse().map((m) => [m]))).toEqual(whole);
  });
});

const threadsMissing = corpusMissing('nvdimm', 'threads', 'wish1');
describe.skipIf(threadsMissing !== null)(`series derivation by parts on real threads${threadsMissing ? ` (skipped: ${threadsMissing})` : ''}`, () => {
  let mail: PreparedMail[];
  let whole: SeriesDump;
  beforeAll(async () => {
    const dirs = ['wish1', 'revisions', 'related'].map((d) => corpusPath('nvdimm', 'threads', d));
    mail = [...(await prepareFiles(dirs.flatMap((d) => readdirSync(d).map((f) => `${d}/${f}`)))), ...(await prepareMail(lineageMail()))];
    whole = await importedInParts([mail]);
  }, 0);

  it('derives everything at once as the series stage does in memory', async () => {
    expect(whole).toEqual(await inMemory(mail));
    expect(whole.revisions.length).toBeGreaterThan(50);
  });

  it('gives the tables of one full derivation for any split of the threads, imported in any order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 4 }), fc.func(fc.nat()), async (n, f) => {
        expect(await importedInParts(split(mail, n, f))).toEqual(whole);
      }),
      { numRuns: 4, endOnFailure: true },
    );
  });
});
