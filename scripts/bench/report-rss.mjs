// Preloaded into a benchmarked Node process (node --import): at exit, writes the process's peak
// resident set size (all threads) to the file named by $PATCHLORE_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.PATCHLORE_RSS_FILE) writeFileSync(process.env.PATCHLORE_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
