// One measured import in a process of its own: prints the import summary counts, its time, and
// the time of its series work (patch mining, storing it, linking lineages). When the first
// derivation after the mail is stored starts, it prints a line of what was done so far (messages
// read, time, peak RSS): a run whose derivations fail still says how the storing went.
import { importSources } from '../../ingest/import/import-sources.ts';
import { defaultWorkers } from '../../ingest/workers/worker-pool.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';

const [db, ...inputs] = process.argv.slice(2);
const store = openStore(db!);
const t0 = performance.now();
let stored: { ms: number; peakRssBytes: number } | null = null;
const s = await importSources(store, inputs, {
  list: '',
  mboxFormat: 'auto',
  workers: defaultWorkers(),
  onDerive: () => {
    if (stored) return;
    stored = { ms: performance.now() - t0, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
    process.stdout.write(JSON.stringify({ phase: 'stored', ...stored }) + '\n');
  },
});
const ms = performance.now() - t0;
store.close();
process.stdout.write(JSON.stringify({ phase: 'done', read: s.read, stored: s.stored, duplicates: s.duplicates, unparsed: s.unparsed, ms, storedAt: stored, timings: s.timings }) + '\n');
