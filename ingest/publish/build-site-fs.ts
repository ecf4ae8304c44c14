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
import { openStore } from '../store/sqlite-store-fs.ts';
import { checkTopicsFs, storeTopicsFs } from '../topic/read-topics-fs.ts';
import { INTEGRATION_STEP } from '../../src/build/build-steps.ts';
import { pageCount } from '../../src/lib/list-pages.ts';

/** A page Astro wrote: "  ├─ /t/<slug>/index.html (+3ms)". */
const ASTRO_PAGE = /^\S*\s+[├└]─ \/\S*\.html/;

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

/** A step of the build, for progress: its name, and pages done of a total when it counts them. */
export type BuildProgress = (step: string, done: number, total: number) => void;

/** Lines of Astro's output kept to show when the build fails. */
const KEPT_LINES = 200;

/** Pages the build will render: every thread, lineage, page of a list, list series table, topic,
 *  and the few fixed pages (/, /s/, /topics/, /search/). An estimate for progress only. */
function expectedPages(db: string, topics: number): number {
  const store = openStore(db, { readonly: true });
  try {
    const lists = store.threads.lists();
    const listPages = lists.reduce((n, l) => n + pageCount(l.threads) + 1, 0);
    return store.threads.ids().length + store.series.familyIds().length + listPages + topics + 4;
  } finally {
    store.close();
  }
}

/** Build the site of the store `db` into `out`. Astro's output goes to `log` only when the build
 *  fails (it says why); `progress` hears each step and the pages rendered. Throws a TopicsError
 *  for topics that cannot be built, an EnvironmentError when Astro cannot be run or fails. */
export async function buildSiteFs(db: string, out: string, log: (chunk: Buffer) => void = (c) => process.stderr.write(c), progress: BuildProgress = () => undefined): Promise<SiteSummary> {
  // Topics are checked first: a citation that resolves to nothing fails here, naming its line.
  progress('checking topics', 0, 0);
  const store = openStore(db, { readonly: true });
  let problems;
  let topics;
  try {
    problems = checkTopicsFs(store);
    topics = storeTopicsFs(store).topics.length;
  } finally {
    store.close();
  }
  if (problems.length) throw new TopicsError(problems.map(formatProblem).join('\n'));
  const total = expectedPages(db, topics);
  const astro = join(dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('astro/package.json')), 'astro.js');
  const kept: Buffer[] = [];
  const code = await new Promise<number>((resolveCode, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', PROJECT_ROOT], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PATCHLORE_ROOT: PROJECT_ROOT, PATCHLORE_DB: resolve(db), PATCHLORE_OUT: resolve(out), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pages = 0;
    let partial = '';
    progress('compiling pages', 0, 0);
    child.stdout.on('data', (chunk: Buffer) => {
      kept.push(chunk);
      if (kept.length > KEPT_LINES) kept.shift();
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (ASTRO_PAGE.test(line)) progress('rendering pages', ++pages, Math.max(total, pages));
        else if (line.includes(INTEGRATION_STEP)) progress(line.slice(line.indexOf(INTEGRATION_STEP) + INTEGRATION_STEP.length).trim(), 0, 0);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      kept.push(chunk);
      if (kept.length > KEPT_LINES) kept.shift();
    });
    child.on('error', (e) => reject(new EnvironmentError(`cannot run astro: ${e.message}`, { cause: e })));
    child.on('close', (c) => resolveCode(c ?? 1));
  });
  if (code !== 0) {
    for (const k of kept) log(k);
    throw new EnvironmentError(`astro build failed (exit ${code}); its messages are above`);
  }
  // Empty content-layer stubs Astro leaves in the output of a site without collections.
  for (const stub of ['content-assets.mjs', 'content-modules.mjs']) rmSync(join(out, stub), { force: true });
  return describeSite(resolve(out));
}
