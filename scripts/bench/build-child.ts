// One measured site build in a process of its own (pages render on worker threads of this process,
// so the measured peak RSS is the whole build's; compiling the pages, when the sources changed,
// runs in a child process of its own first). Prints the build's summary as one JSON line.
import { resolve } from 'node:path';
import { buildSiteFs } from '../../ingest/publish/build-site-fs.ts';

const [db, out] = process.argv.slice(2);
const s = await buildSiteFs(resolve(db!), resolve(out!), (c) => process.stderr.write(c));
process.stdout.write(JSON.stringify(s) + '\n');
