// One measured site build in a process of its own (pages render on worker threads of this process,
// so the measured peak RSS is the whole build's; compiling the pages, when the sources changed,
// runs in a child process of its own first). Prints the build's summary, with the seconds each
// step took and the CPU time it used, as one JSON line.
import { resolve } from 'node:path';
import { buildSiteFs } from '../../ingest/publish/build-site-fs.ts';

const [db, out] = process.argv.slice(2);
const steps: Array<{ step: string; s: number }> = [];
let current = '';
let since = performance.now();
const s = await buildSiteFs(resolve(db!), resolve(out!), (c) => process.stderr.write(c), (step) => {
  if (step === current) return;
  const now = performance.now();
  if (current) steps.push({ step: current, s: Math.round(now - since) / 1000 });
  current = step;
  since = now;
});
steps.push({ step: current, s: Math.round(performance.now() - since) / 1000 });
// CPU time of the process, all threads: the machine may be shared, the wall time then says little.
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ ...s, steps, cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10 }) + '\n');
