// Preloaded into a benchmarked Node process (node --import): at exit, writes the process's peak
// resident set size (all threads) and the CPU time it used (user and system, all threads) to the
// file named by $PATCHLORE_RSS_FILE, as JSON.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.PATCHLORE_RSS_FILE) return;
  const r = process.resourceUsage();
  writeFileSync(process.env.PATCHLORE_RSS_FILE, JSON.stringify({ maxRssBytes: r.maxRSS * 1024, cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000 }));
});
