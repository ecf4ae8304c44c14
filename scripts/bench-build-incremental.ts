// Incremental build benchmark: adds N messages to a store, as a sync would, and times the build
// that brings an already built site up to date, printing what it rendered and the files it
// rewrote. The messages are copies of the store's most recent mail under new Message-IDs (the
// replies among them answer each other's copies, the others answer what the originals answered:
// new threads, and new replies in existing ones). The store is changed: give a copy.
//   npx tsx scripts/bench-build-incremental.ts --db STORE --site DIR [--messages N] [--runs R]
// Without a site built before in DIR, the first build is a full one (timed too).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importSources } from '../ingest/import/import-sources.ts';
import type { buildSiteFs } from '../ingest/publish/build-site-fs.ts';
import { readBuildStateFs } from '../ingest/publish/build-state-fs.ts';
import { openStore } from '../ingest/store/sqlite-store-fs.ts';
import { defaultWorkers } from '../ingest/workers/worker-pool.ts';
import { measureNode } from './bench/measure-fs.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, site: { type: 'string' }, messages: { type: 'string' }, runs: { type: 'string' } } });
if (!values.db || !values.site) {
  console.error('usage: bench-build-incremental.ts --db STORE --site DIR [--messages N] [--runs R] (STORE gets N new messages a run: give a copy)');
  process.exit(2);
}
const db = resolve(values.db);
const site = resolve(values.site);
const count = Number(values.messages ?? 500);
const runs = Number(values.runs ?? 1);
const MB = 1024 * 1024;

type Summary = Awaited<ReturnType<typeof buildSiteFs>> & { steps: Array<{ step: string; s: number }>; cpuSeconds: number };

async function build(label: string): Promise<void> {
  const m = await measureNode<Summary>([join(import.meta.dirname, 'bench/build-child.ts'), db, site]);
  const r = m.result;
  const w = r.writtenBy;
  console.log(
    `${label}: ${(m.wallMs / 1000).toFixed(1)} s (${r.cpuSeconds.toFixed(1)} s of CPU), peak RSS ${(m.peakRssBytes / MB).toFixed(0)} MB; ${r.rendered} pages rendered; ` +
      `${r.written} files written (${w.pages} pages, ${w.messagePages} /m/ pages, ${w.assets} assets, ${w.searchIndex} search index), ${r.removed} removed; ` +
      `site: ${r.pages} pages, search index ${(r.searchIndexBytes / MB).toFixed(1)} MB in ${r.searchSegments} segments`,
  );
  console.log(`  steps: ${r.steps.map((s) => `${s.step} ${s.s.toFixed(1)} s`).join(', ')}`);
}

/** The headers of a raw message with every Message-ID of `ids` renamed. */
function renamed(raw: Buffer, ids: ReadonlySet<string>, tag: string): string {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const rename = (h: string): string => h.replace(/<([^<>\s]+)>/g, (all, id: string) => (ids.has(id) ? `<${tag}.${id}>` : all));
  return rename(head) + (end < 0 ? '' : text.slice(end));
}

/** Copies of the `n` most recent raw messages, renamed, as an mboxrd file. */
function syntheticMail(n: number, tag: string): string {
  const store = openStore(db, { readonly: true });
  try {
    const raws = store.mail.rawPage(Math.max(0, store.mail.rawCount() - n - 50), n + 50).filter((r) => r.refused === null).slice(-n);
    const ids = new Set<string>();
    for (const r of raws) {
      const m = /^message-id:\s*<([^<>\s]+)>/im.exec(r.bytes.toString('latin1').split(/\r?\n\r?\n/)[0]!);
      if (m) ids.add(m[1]!);
    }
    return raws.map((r) => `From mboxrd@z Thu Jan  1 00:00:00 1970\n${renamed(r.bytes, ids, tag).replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1')}\n`).join('');
  } finally {
    store.close();
  }
}

if (!readBuildStateFs(site)) {
  if (existsSync(site)) console.log(`${site} holds no site built before: a full build first`);
  await build('full build');
}
for (let run = 0; run < runs; run++) {
  const tmp = mkdtempSync(join(tmpdir(), 'patchlore-bench-'));
  try {
    const file = join(tmp, 'new.mbox');
    writeFileSync(file, syntheticMail(count, `bench${Date.now().toString(36)}`), 'latin1');
    const store = openStore(db);
    const t0 = performance.now();
    const s = await importSources(store, [file], { list: '', mboxFormat: 'mboxrd', workers: defaultWorkers() });
    store.close();
    console.log(`added ${s.stored} messages (${s.read} read) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  await build(`incremental build ${run + 1}`);
}
