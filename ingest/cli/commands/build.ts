// patchlore build: render the static site from the store with Astro, in a child process (Astro's
// log goes to stderr so --json output stays one document).
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Command } from '../commands.ts';
import { UserError, type Context } from '../main.ts';

/** The package root: where astro.config.mjs and src/ are. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');

/** Count HTML pages and search index bytes of a built site. Iterative walk. */
export function describeSite(out: string): { pages: number; searchIndexBytes: number } {
  let pages = 0;
  const stack = [out];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) stack.push(join(d, e.name));
      else if (e.name.endsWith('.html')) pages++;
    }
  }
  let searchIndexBytes = 0;
  for (const f of ['index.json', 'docs.json']) {
    try {
      searchIndexBytes += statSync(join(out, 'search', f)).size;
    } catch {
      // no index: an empty store
    }
  }
  return { pages, searchIndexBytes };
}

/** Run `astro build` for the store at ctx.dbPath into `out`. */
export async function buildSite(ctx: Context, out: string): Promise<{ pages: number; out: string; searchIndexBytes: number }> {
  ctx.store(); // fails clearly when there is no store, and finishes interrupted threading
  const astro = join(dirname(createRequire(join(PROJECT_ROOT, 'package.json')).resolve('astro/package.json')), 'astro.js');
  const code = await new Promise<number>((resolveCode, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', PROJECT_ROOT, '--silent'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PATCHLORE_DB: ctx.dbPath, PATCHLORE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (c: Buffer) => process.stderr.write(c));
    child.stderr.on('data', (c: Buffer) => process.stderr.write(c));
    child.on('error', (e) => reject(new Error(`cannot run astro: ${e.message}`, { cause: e })));
    child.on('close', (c) => resolveCode(c ?? 1));
  });
  if (code !== 0) throw new UserError(`astro build failed (exit ${code}); its messages are above`);
  // Empty content-layer stubs Astro leaves in the output of a site without collections.
  for (const stub of ['content-assets.mjs', 'content-modules.mjs']) rmSync(join(out, stub), { force: true });
  return { out, ...describeSite(out) };
}

export const buildCommand: Command = {
  synopsis: '[--out DIR]',
  summary: 'render the static site (thread pages, /m/<msgid>/ permalinks, search) from the store',
  help: `  --out DIR    where to write the site (default ./site)

example: patchlore build --out site && patchlore serve --out site`,
  options: { out: { type: 'string' } },
  async run(ctx) {
    const out = resolve((ctx.options.out as string | undefined) ?? 'site');
    const r = await buildSite(ctx, out);
    if (ctx.json) ctx.outJson(r);
    else ctx.out(`built ${r.pages} pages into ${r.out} (search index ${(r.searchIndexBytes / 1024).toFixed(0)} KB)`);
    return 0;
  },
};
