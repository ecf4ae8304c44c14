// patchlore build: render the static site from the store.
import { resolve } from 'node:path';
import { SiteOutError, buildSiteFs, TopicsError, type SiteSummary } from '../../publish/build-site-fs.ts';
import type { Command } from '../commands.ts';
import { createSteps } from '../progress.ts';
import { UserError, type Context } from '../main.ts';

/** Build the site of ctx's store into `out`. */
export async function buildSite(ctx: Context, out: string): Promise<SiteSummary> {
  await ctx.store(); // fails clearly when there is no store, and catches up what is stale
  const steps = createSteps('build');
  try {
    return await buildSiteFs(ctx.dbPath, out, undefined, (step, done, total) => steps.update(step, done, total, total ? `${done}/${total} pages` : ''));
  } catch (err) {
    // Broken topics and a wrong output directory are the user's to fix; Astro failing is the
    // environment (the boundary says so).
    if (err instanceof TopicsError || err instanceof SiteOutError) throw new UserError(err.message);
    throw err;
  } finally {
    steps.end();
  }
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
    else {
      const how = r.incremental ? `updated: ${r.rendered} pages rendered, ${r.written} files written, ${r.removed} removed` : 'built';
      ctx.out(`${how}: ${r.pages} pages in ${r.out} (search index ${(r.searchIndexBytes / 1024).toFixed(0)} KB)`);
    }
    return 0;
  },
};
