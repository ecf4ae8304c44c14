// One measured sync in a process of its own: syncs LIST from BASE into DB with the sync cache
// CACHE, and prints the import counts, what was fetched and its time as one JSON line.
//   tsx scripts/bench/sync-child.ts DB CACHE BASE LIST
import { defaultWorkers } from '../../ingest/workers/worker-pool.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import { defaultSyncConfig } from '../../ingest/sync/sync-config.ts';
import { syncFs, userAgent } from '../../ingest/sync/sync-fs.ts';

const [db, cache, base, list] = process.argv.slice(2);
const { userAgentPlus: _, ...http } = defaultSyncConfig().http;
const store = openStore(db!);
const t0 = performance.now();
const { summary: s, fetched: f } = await syncFs(
  store,
  { lists: [{ name: list!, base: base!, mirrors: [], since: null }], pulls: [] },
  { cacheDir: cache!, http: { ...http, userAgent: userAgent() }, workers: defaultWorkers(), log: () => undefined, progress: () => ({ update() {}, end() {} }) },
);
const ms = performance.now() - t0;
store.close();
process.stdout.write(
  JSON.stringify({ read: s.read, stored: s.stored, duplicates: s.duplicates, unparsed: s.unparsed, requests: f.requests, gitOperations: f.git.operations, gitBytes: f.git.bytes, problems: f.problems.length, ms }) + '\n',
);
