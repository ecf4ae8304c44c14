// The site's server bundle: Astro compiles the pages (src/) once per source version into
// .cache/site-bundle/<hash>/ of the project (`astro build` with the render adapter, in a child
// process so that its memory and log are its own); later builds of the same sources reuse it. The
// hash covers every file the bundle is compiled from. It does not render anything
// (src/build/site-renderer-fs.ts does).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { EnvironmentError } from '../environment-error.ts';
import { PROJECT_ROOT } from '../project-root.ts';

/** What the bundle is compiled from, under the project root: every file but tests and their data. */
const SOURCES = ['src', 'ingest', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const NOT_SOURCES = /(?:\.test\.ts$|\/(?:fixtures|golden|test-support)\/)/;
/** Bundles kept in the cache (the current one and the ones used just before it). */
const KEEP_BUNDLES = 3;
/** Lines of Astro's output kept to show when the compilation fails. */
const KEPT_CHUNKS = 200;

/** A compiled bundle. */
export interface SiteBundleDir {
  /** Hash of the sources it was compiled from. */
  hash: string;
  /** Its server entry (renders pages) and its client directory (assets to publish). */
  entry: string;
  client: string;
}

/** Hash of the files under `root` the bundle is compiled from (paths and contents). */
export function sourceHashFs(root: string = PROJECT_ROOT): string {
  const h = createHash('sha256');
  const stack = SOURCES.map((s) => join(root, s)).reverse();
  const files: string[] = [];
  while (stack.length) {
    const p = stack.pop()!;
    if (!existsSync(p)) continue;
    if (statSync(p).isDirectory()) {
      for (const e of readdirSync(p).sort().reverse()) stack.push(join(p, e));
    } else if (!NOT_SOURCES.test(p)) files.push(p);
  }
  for (const f of files) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Relative imports of a module: `from '...'` and `import('...')` with a path starting with a dot. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Hash of a module and every module it imports by relative path, transitively: the code a
 *  piece of output depends on (the search index is rebuilt whole when its code changed). */
export function moduleHashFs(entry: string): string {
  const h = createHash('sha256');
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    h.update(relative(PROJECT_ROOT, file)).update('\0').update(text).update('\0');
    for (const m of text.matchAll(RELATIVE_IMPORT)) stack.push(join(dirname(file), m[1]!));
  }
  return h.digest('hex').slice(0, 16);
}

/** The cache directory of compiled bundles. */
export function bundleCacheDir(root: string = PROJECT_ROOT): string {
  return join(root, '.cache', 'site-bundle');
}

function bundleAt(dir: string, hash: string): SiteBundleDir {
  return { hash, entry: join(dir, 'server', 'entry.mjs'), client: join(dir, 'client') };
}

/** The bundle of the current sources, compiled now if the cache has none. `log` gets Astro's output
 *  when compiling fails; `compiling` is called when a compilation starts. Throws an
 *  EnvironmentError when Astro cannot be run or fails. */
export async function siteBundleFs(log: (chunk: Buffer) => void, compiling: () => void = () => undefined): Promise<SiteBundleDir> {
  const hash = sourceHashFs();
  const cache = bundleCacheDir();
  const dir = join(cache, hash);
  const bundle = bundleAt(dir, hash);
  if (existsSync(bundle.entry)) {
    const now = new Date();
    utimesSync(dir, now, now);
    return bundle;
  }
  compiling();
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, `.${hash}-`));
  try {
    await compileFs(staging, log);
    // Another build may have compiled the same sources meanwhile: either copy will do.
    if (!existsSync(bundle.entry)) {
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  pruneFs(cache, hash);
  return bundle;
}

/** Run `astro build` into `out`. */
async function compileFs(out: string, log: (chunk: Buffer) => void): Promise<void> {
  const astro = join(dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('astro/package.json')), 'astro.js');
  const kept: Buffer[] = [];
  const keep = (chunk: Buffer): void => {
    kept.push(chunk);
    if (kept.length > KEPT_CHUNKS) kept.shift();
  };
  const code = await new Promise<number>((resolveCode, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', PROJECT_ROOT], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PATCHLORE_ROOT: PROJECT_ROOT, PATCHLORE_BUNDLE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => reject(new EnvironmentError(`cannot run astro: ${e.message}`, { cause: e })));
    child.on('close', (c) => resolveCode(c ?? 1));
  });
  if (code !== 0 || !existsSync(join(out, 'server', 'entry.mjs'))) {
    for (const k of kept) log(k);
    throw new EnvironmentError(`astro build failed (exit ${code}); its messages are above`);
  }
}

/** Remove all but the KEEP_BUNDLES most recently used bundles (never `current`). */
function pruneFs(cache: string, current: string): void {
  const dirs = readdirSync(cache, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== current)
    .map((e) => ({ name: e.name, used: statSync(join(cache, e.name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const d of dirs.slice(KEEP_BUNDLES - 1)) rmSync(join(cache, d.name), { recursive: true, force: true });
}
