// Scale benchmark: how patchlore's costs grow with the number of messages. Per size, builds an
// input of that many messages from renamed copies of a real list (default: the nvdimm list;
// scripts/bench/rename-copy.ts says what is renamed so copies are distinct threads, patches and
// lineages), then measures, each in a process of its own:
// - import: messages/s, peak RSS, store size, threading, `series` and `discussion` derivation
//   times (from the import's own timings), and a bare mailparser pass over the same input;
// - build: wall time, peak RSS, output size, pages, search index size;
// - search: CLI p50/p95 over the query set (scripts/bench/search-queries.ts), and in headless
//   Chromium on loopback, per cold query, the bytes fetched and the time to first result.
// Prints a Markdown table with the growth of each total. With --keep DIR, inputs, stores, sites
// and figures stay in DIR (DIR/scale-results.json), so a later run with --only adds to them.
//   npx tsx scripts/bench-scale.ts [--sizes 15k,100k,1M] [--keep DIR] [--only import|build|search]
//       [--archive FILE] [--no-bare] [--search-runs N] [--static-runs N]
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchInput, ChildFailed, diskBytes, measureNode } from './bench/measure-fs.ts';
import { parseSize, scaleTable, type ScaleFigures } from './bench/scale-table.ts';
import { benchCliSearch, benchStaticSearch, percentile } from './bench/search-bench-fs.ts';
import { readMboxrdRecords, writeScaleInputFs } from './bench/write-scale-input-fs.ts';

const STAGES = ['import', 'build', 'search'] as const;
type Stage = (typeof STAGES)[number];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '15k,100k,1M' },
    keep: { type: 'string' },
    only: { type: 'string' },
    archive: { type: 'string' },
    'no-bare': { type: 'boolean', default: false },
    'search-runs': { type: 'string', default: '3' },
    'static-runs': { type: 'string', default: '3' },
  },
});
const usage = (why: string): never => {
  console.error(`bench-scale: ${why}\nusage: bench-scale.ts [--sizes 15k,100k,1M] [--keep DIR] [--only import|build|search] [--archive FILE] [--no-bare] [--search-runs N] [--static-runs N]`);
  process.exit(2);
};
const sizes = values.sizes.split(',').map((label) => ({ label: label.trim(), messages: parseSize(label) ?? usage(`not a size: ${label} (e.g. 15k, 100k, 1M)`) }));
const only = (values.only?.split(',') ?? [...STAGES]).map((s) => (STAGES.includes(s as Stage) ? (s as Stage) : usage(`--only takes ${STAGES.join(', ')}, not ${s}`)));
const archive = benchInput(values.archive);
const dir = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'patchlore-scale-'));
const resultsFile = join(dir, 'scale-results.json');
const MB = 1024 * 1024;

/** Figures of earlier runs kept in DIR, by label. */
const figures = new Map<string, ScaleFigures>(existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as ScaleFigures[]).map((f) => [f.label, f]) : []);
const save = (): void => {
  if (values.keep) writeFileSync(resultsFile, JSON.stringify([...figures.values()], null, 2) + '\n');
};

let perCopy = 0;
for await (const _ of readMboxrdRecords(archive)) perCopy++;
console.error(`archive: ${archive} (${perCopy} messages a copy); work directory: ${dir}`);

try {
  for (const size of sizes) {
    const work = join(dir, size.label);
    mkdirSync(join(dir, 'inputs'), { recursive: true });
    mkdirSync(work, { recursive: true });
    const input = join(dir, 'inputs', `scale-${size.label}.mboxrd.gz`);
    const db = join(work, 'store.sqlite');
    const site = join(work, 'site');
    const f: ScaleFigures = figures.get(size.label) ?? { label: size.label, messages: size.messages, copies: Math.ceil(size.messages / perCopy) };
    figures.set(size.label, f);

    if (only.includes('import')) {
      const t0 = performance.now();
      const written = await writeScaleInputFs(archive, size.messages, input);
      if (written) {
        f.inputBytes = written.bytes;
        console.error(`${size.label}: wrote ${written.messages} messages (${written.copies} copies, ${(written.bytes / MB).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
      for (const p of [db, `${db}-wal`, `${db}-shm`]) rmSync(p, { force: true });
      console.error(`${size.label}: importing`);
      type StoredLine = { phase: 'stored'; ms: number; peakRssBytes: number };
      type DoneLine = { phase: 'done'; read: number; stored: number; ms: number; timings: { threadMs: number; seriesMs: number; discussionMs: number } };
      try {
        const imp = await measureNode<StoredLine | DoneLine>([join(import.meta.dirname, 'bench/import-child.ts'), db, input]);
        const done = imp.result as DoneLine;
        const stored = (done as DoneLine & { storedAt: Omit<StoredLine, 'phase'> | null }).storedAt;
        f.import = {
          wallMs: imp.wallMs,
          cpuMs: imp.cpuMs,
          peakRssBytes: imp.peakRssBytes,
          read: done.read,
          stored: done.stored,
          storeBytes: diskBytes(db, `${db}-wal`, `${db}-shm`),
          storedMs: stored?.ms ?? done.ms,
          storedPeakRssBytes: stored?.peakRssBytes ?? imp.peakRssBytes,
          threadMs: done.timings.threadMs,
          seriesMs: done.timings.seriesMs,
          discussionMs: done.timings.discussionMs,
        };
        console.error(`${size.label}: import ${done.read} messages in ${(imp.wallMs / 1000).toFixed(1)} s, peak RSS ${(imp.peakRssBytes / MB).toFixed(0)} MB`);
      } catch (err) {
        if (!(err instanceof ChildFailed)) throw err;
        // Failed in a derivation (a heap limit, a bug): what the storing took is still a figure.
        const stored = (err.lines as StoredLine[]).find((l) => l.phase === 'stored');
        f.import = {
          wallMs: err.wallMs,
          cpuMs: err.cpuMs,
          peakRssBytes: err.peakRssBytes,
          read: size.messages,
          stored: 0,
          storeBytes: diskBytes(db, `${db}-wal`, `${db}-shm`),
          storedMs: stored?.ms,
          storedPeakRssBytes: stored?.peakRssBytes,
          failed: err.message,
        };
        console.error(`${size.label}: import failed after ${(err.wallMs / 1000).toFixed(1)} s: ${err.message}`);
      }
      save();
      if (!values['no-bare']) {
        const bare = await measureNode<{ messages: number; bytes: number }>([join(import.meta.dirname, 'bench/bare-parse.ts'), input]);
        f.bare = { wallMs: bare.wallMs, cpuMs: bare.cpuMs, peakRssBytes: bare.peakRssBytes };
        f.inputBytes = bare.result.bytes;
        save();
        console.error(`${size.label}: bare mailparser pass in ${(bare.wallMs / 1000).toFixed(1)} s`);
      }
    }

    if (only.includes('build')) {
      if (!existsSync(db)) usage(`no store for ${size.label} in ${work}: run the import first (with the same --keep)`);
      rmSync(site, { recursive: true, force: true });
      console.error(`${size.label}: building`);
      const build = await measureNode<{ pages: number; searchIndexBytes: number }>([join(import.meta.dirname, 'bench/build-child.ts'), db, site]);
      f.build = { wallMs: build.wallMs, cpuMs: build.cpuMs, peakRssBytes: build.peakRssBytes, pages: build.result.pages, outBytes: diskBytes(site), searchIndexBytes: build.result.searchIndexBytes };
      save();
      console.error(`${size.label}: build ${build.result.pages} pages in ${(build.wallMs / 1000).toFixed(1)} s, peak RSS ${(build.peakRssBytes / MB).toFixed(0)} MB`);
    }

    if (only.includes('search')) {
      if (!existsSync(db) || !existsSync(site)) usage(`no store or site for ${size.label} in ${work}: run the import and the build first (with the same --keep)`);
      console.error(`${size.label}: searching`);
      const cli = benchCliSearch(db, Number(values['search-runs']));
      const rows = await benchStaticSearch(site, Number(values['static-runs']));
      const byBytes = [...rows].map(([query, r]) => ({ query, bytes: Math.max(...r.bytes) })).sort((a, b) => b.bytes - a.bytes)[0]!;
      const byMs = [...rows].map(([query, r]) => ({ query, ms: percentile(r.ms, 50) })).sort((a, b) => b.ms - a.ms)[0]!;
      f.search = {
        cliP50Ms: percentile(cli.all, 50),
        cliP95Ms: percentile(cli.all, 95),
        staticWorstBytes: byBytes,
        staticWorstMs: byMs,
        staticP50Ms: percentile([...rows.values()].flatMap((r) => r.ms), 50),
      };
      save();
    }
  }
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}

console.log(scaleTable([...figures.values()]));
