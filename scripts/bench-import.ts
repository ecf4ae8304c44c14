// Import benchmark: imports an archive (default: the whole nvdimm list) into a fresh store and,
// in the same run, times a bare mailparser pass over the same file. Prints messages/s, MB/s and
// peak RSS of both, and their ratio, and what series detection and linking cost inside the import.
// Targets: import >= 1,500 messages/s, >= 0.8x the bare pass, peak RSS <= 1 GB (issue
// "Foundation"); series work <= 20% on top of the rest of the import (issue "Patch series").
//   npm run bench:import [-- FILE] [--runs N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchInput, measureNode, type Measured } from './bench/measure-fs.ts';

const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '1' } }, allowPositionals: true });
const file = benchInput(positionals[0]);
const runs = Number(values.runs);

const MB = 1024 * 1024;
const fmt = (label: string, messages: number, bytes: number, m: Measured<unknown>, ms: number) =>
  `${label.padEnd(14)} ${(messages / (ms / 1000)).toFixed(0).padStart(6)} messages/s  ${(bytes / MB / (ms / 1000)).toFixed(1).padStart(5)} MB/s  ` +
  `${(ms / 1000).toFixed(2).padStart(6)} s  CPU ${(m.cpuMs / 1000).toFixed(2).padStart(6)} s  peak RSS ${(m.peakRssBytes / MB).toFixed(0)} MB`;

console.log(`file: ${file}`);
const rates: Array<{ bare: number; imp: number; ratio: number; rss: number; series: number; discussion: number }> = [];
for (let run = 1; run <= runs; run++) {
  const bare = await measureNode<{ messages: number; bytes: number; ms: number }>([join(import.meta.dirname, 'bench/bare-parse.ts'), file]);
  const dir = mkdtempSync(join(tmpdir(), 'patchlore-bench-'));
  try {
    const imp = await measureNode<{ read: number; stored: number; duplicates: number; unparsed: number; ms: number; timings: { mineMs: number; patchStoreMs: number; seriesMs: number; discussionMs: number } }>([
      join(import.meta.dirname, 'bench/import-child.ts'),
      join(dir, 'bench.sqlite'),
      file,
    ]);
    const { messages, bytes } = bare.result;
    console.log(`run ${run}/${runs}: ${messages} messages, ${(bytes / MB).toFixed(1)} MB of mail`);
    console.log('  ' + fmt('bare parser', messages, bytes, bare, bare.wallMs));
    console.log('  ' + fmt('import', imp.result.read, bytes, imp, imp.wallMs));
    console.log(`  import counts: read ${imp.result.read} = stored ${imp.result.stored} + duplicates ${imp.result.duplicates} + unparsed ${imp.result.unparsed}`);
    console.log(`  ratio (import speed / bare parser speed): ${(bare.wallMs / imp.wallMs).toFixed(2)}x`);
    const t = imp.result.timings;
    // Mining runs on the parse workers beside reading and storing: its CPU time is shown, but
    // only the series work on the main thread (storing patch metadata, grouping and linking)
    // lengthens the import. Both shares are against the import without either: reading,
    // parsing, storing, threading, indexing.
    const seriesMs = t.patchStoreMs + t.seriesMs;
    const base = imp.result.ms - seriesMs - t.discussionMs;
    const added = seriesMs / base;
    const discussion = t.discussionMs / base;
    console.log(
      `  series work: ${(seriesMs / 1000).toFixed(2)} s on the main thread (storing ${(t.patchStoreMs / 1000).toFixed(2)} s, ` +
        `grouping and linking ${(t.seriesMs / 1000).toFixed(2)} s) of ${(imp.result.ms / 1000).toFixed(2)} s: adds ${(added * 100).toFixed(1)}% to the rest of the import; ` +
        `mining ${(t.mineMs / 1000).toFixed(2)} s of CPU on the parse workers, beside it`,
    );
    console.log(`  discussion (quotes, statements, verdicts, links): ${(t.discussionMs / 1000).toFixed(2)} s: adds ${(discussion * 100).toFixed(1)}% to the rest of the import`);
    rates.push({ bare: messages / (bare.wallMs / 1000), imp: imp.result.read / (imp.wallMs / 1000), ratio: bare.wallMs / imp.wallMs, rss: imp.peakRssBytes, series: added, discussion });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (runs > 1) {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `median of ${runs} runs: import ${median(rates.map((r) => r.imp)).toFixed(0)} messages/s, bare parser ${median(rates.map((r) => r.bare)).toFixed(0)} messages/s, ` +
      `ratio ${median(rates.map((r) => r.ratio)).toFixed(2)}x, import peak RSS ${(Math.max(...rates.map((r) => r.rss)) / MB).toFixed(0)} MB (max), ` +
        `series work adds ${(median(rates.map((r) => r.series)) * 100).toFixed(1)}% (median; max ${(Math.max(...rates.map((r) => r.series)) * 100).toFixed(1)}%), ` +
        `discussion adds ${(median(rates.map((r) => r.discussion)) * 100).toFixed(1)}% (median; max ${(Math.max(...rates.map((r) => r.discussion)) * 100).toFixed(1)}%)`,
  );
}
