// Child of bench-series.ts: on a store, `full` recomputes the series from every thread, `increment
// N` stores about N new messages (next revisions of the newest postings, with reviews in their old
// threads and the new ones) and brings the series up to date with them, `digest` prints a digest
// of the series tables. Prints one JSON line.
import { createHash } from 'node:crypto';
import { refreshSeries } from '../../ingest/derive/derive-series.ts';
import { readRevisionOverrides } from '../../ingest/series/read-overrides-fs.ts';
import { dumpSeries } from '../../ingest/store/dump-series-fs.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import { nextRevision, storeMessages, type Synthetic } from '../../ingest/test-support/synthetic-list.ts';

const [mode, db, arg] = process.argv.slice(2) as [string, string, string | undefined];
const store = openStore(db);
const { overrides } = readRevisionOverrides();

function timed<T>(fn: () => T): { result: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const c = process.cpuUsage(c0);
  return { result, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

if (mode === 'full') {
  const r = timed(() => store.transaction(() => refreshSeries(store, overrides, { full: true })));
  console.log(JSON.stringify({ lineages: r.result, ms: r.ms, cpuMs: r.cpuMs, postings: store.series.figures().postings, threads: store.threads.ids().length }));
} else if (mode === 'increment') {
  const wanted = Number(arg ?? 500);
  // The newest postings first.
  const rows = store.series.table(null).sort((a, b) => (b.date ?? 0) - (a.date ?? 0));
  const newest = rows[0]?.date ?? Date.now();
  const messages: Synthetic[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (messages.length >= wanted) break;
    if (seen.has(row.postingId)) continue;
    seen.add(row.postingId);
    const [p] = store.series.postingRecords([row.postingId]);
    if (p) messages.push(...nextRevision(p, newest + (seen.size + 1) * 60_000, `${seen.size}`));
  }
  storeMessages(store, messages);
  const dirty = store.series.dirtyThreads().length;
  const r = timed(() => store.transaction(() => refreshSeries(store, overrides, { full: false })));
  console.log(JSON.stringify({ added: messages.length, revised: seen.size, dirtyThreads: dirty, lineages: r.result, ms: r.ms, cpuMs: r.cpuMs }));
} else if (mode === 'digest') {
  const d = dumpSeries(store);
  const digest = (rows: unknown[]) => createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
  console.log(JSON.stringify(Object.fromEntries(Object.entries(d).map(([k, rows]) => [k, `${(rows as unknown[]).length}:${digest(rows as unknown[])}`]))));
} else {
  console.error(`series-child: unknown mode ${mode}`);
  process.exit(2);
}
store.close();
