// Builds the static site: runs `astro build` (in a child process, so Astro's memory is its own
// and its log can go to stderr) on the store at `db`, into `out`. Pages read the store in
// getStaticPaths and at render time; see src/.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { formatProblem } from '../cli/format-problem.ts';
import { EnvironmentError } from '../environment-error.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { openStore } from '../store/store-fs.ts';
import { checkTopicsFs } from '../topic/read-topics-fs.ts';


/** What a build produced. */
export interface SiteSummary {
  out: string;
  pages: number;
  searchIndexBytes: number;
}

/** Count HTML pages and the bytes of the search index (every file under search/ but the search
 *  page itself: the manifest, the shard boundaries, the shards and the result rows). Iterative
 *  walk. */
export function describeSite(out: string): SiteSummary {
  let pages = 0;
  let searchIndexBytes = 0;
  const index = join(out, 'search');
  const stack = [out];
  while (stack.length) {
    const d = stack.pop()!;
    const inIndex = d === index || d.startsWith(index + sep);
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) stack.push(join(d, e.name));
      else if (e.name.endsWith('.html')) pages++;
      else if (inIndex) searchIndexBytes += statSync(join(d, e.name)).size;
    }
  }
  return { out, pages, searchIndexBytes };
}

/** Topics that cannot be built; the message lists each problem as file:line: message. */
export class TopicsError extends Error {}

/** Build the site of the store `db` into `out`. `log` receives Astro's output. Throws a
 *  TopicsError for topics that cannot be built, an EnvironmentError when Astro cannot be run or
 *  fails (its output says why). */
export async function buildSiteFs(db: string, out: string, log: (chunk: Buffer) => void = (c) => process.stderr.write(c)): Promise<SiteSummary> {
  // Topics are checked first: a citation that resolves to nothing fails here, naming its line.
  const store = openStore(db, { readonly: true });
  let problems;
  try {
    problems = checkTopicsFs(store);
  } finally {
    store.close();
  }
  if (problems.length) throw new TopicsError(problems.map(formatProblem).join('\n'));
  const astro = join(dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('astro/package.json')), 'astro.js');
  const code = await new Promise<number>((resolveCode, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', PROJECT_ROOT, '--silent'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PATCHLORE_ROOT: PROJECT_ROOT, PATCHLORE_DB: resolve(db), PATCHLORE_OUT: resolve(out), ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', log);
    child.stderr.on('data', log);
    child.on('error', (e) => reject(new EnvironmentError(`cannot run astro: ${e.message}`, { cause: e })));
    child.on('close', (c) => resolveCode(c ?? 1));
  });
  if (code !== 0) throw new EnvironmentError(`astro build failed (exit ${code}); its messages are above`);
  // Empty content-layer stubs Astro leaves in the output of a site without collections.
  for (const stub of ['content-assets.mjs', 'content-modules.mjs']) rmSync(join(out, stub), { force: true });
  return describeSite(resolve(out));
}
