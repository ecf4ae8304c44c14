// One measured import in a process of its own: prints the import summary counts, its time, and
// the time of its series work (patch mining, storing it, linking lineages).
import { importSources } from '../../ingest/import/import-sources.ts';
import { defaultWorkers } from '../../ingest/workers/worker-pool.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';

const [db, ...inputs] = process.argv.slice(2);
const store = openStore(db!);
const t0 = performance.now();
const s = await importSources(store, inputs, { list: '', mboxFormat: 'auto', workers: defaultWorkers() });
const ms = performance.now() - t0;
store.close();
process.stdout.write(JSON.stringify({ read: s.read, stored: s.stored, duplicates: s.duplicates, unparsed: s.unparsed, ms, timings: s.timings }) + '\n');
