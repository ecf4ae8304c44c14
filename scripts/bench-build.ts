// Build benchmark: imports an archive (default: the whole nvdimm list) into a fresh store, then
// builds the whole site from it, timing both and measuring the peak RSS of the Astro build.
// Targets (issue "Foundation"): build of the whole list <= 90 s and <= 2 GB.
//   npm run bench:build [-- FILE] [--keep DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchInput, measureNode } from './bench/measure-fs.ts';

const { values, positionals } = parseArgs({ options: { keep: { type: 'string' } }, allowPositionals: true });
const file = benchInput(positionals[0]);
const dir = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'patchlore-bench-'));
const MB = 1024 * 1024;
try {
  const db = join(dir, 'bench.sqlite');
  const imp = await measureNode<{ read: number; stored: number }>([join(import.meta.dirname, 'bench/import-child.ts'), db, file]);
  console.log(`import: ${imp.result.read} messages read, ${imp.result.stored} stored in ${(imp.wallMs / 1000).toFixed(1)} s, peak RSS ${(imp.peakRssBytes / MB).toFixed(0)} MB`);
  const build = await measureNode<{ pages: number; searchIndexBytes: number }>([join(import.meta.dirname, 'bench/build-child.ts'), db, join(dir, 'site')]);
  console.log(
    `build: ${build.result.pages} pages in ${(build.wallMs / 1000).toFixed(1)} s, peak RSS ${(build.peakRssBytes / MB).toFixed(0)} MB (Astro process), ` +
      `search index ${(build.result.searchIndexBytes / MB).toFixed(1)} MB`,
  );
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
