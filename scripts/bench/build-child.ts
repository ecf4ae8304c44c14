// One measured site build in a process of its own, running Astro in this process (not a child),
// so the measured peak RSS is Astro's. Prints {"pages","searchIndexBytes"}.
import { resolve } from 'node:path';
import { build } from 'astro';
import { describeSite } from '../../ingest/publish/build-site-fs.ts';
import { PROJECT_ROOT } from '../../ingest/project-root.ts';

const [db, out] = process.argv.slice(2);
process.env.PATCHLORE_DB = resolve(db!);
process.env.PATCHLORE_OUT = resolve(out!);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
await build({ root: PROJECT_ROOT, logLevel: 'warn' });
const s = describeSite(resolve(out!));
process.stdout.write(JSON.stringify({ pages: s.pages, searchIndexBytes: s.searchIndexBytes }) + '\n');
