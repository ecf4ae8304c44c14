// patchlore start PATH...: the whole job in one command: import, build, serve.
import { resolve } from 'node:path';
import type { Command } from '../commands.ts';
import { UsageError, UserError } from '../main.ts';
import { buildSite } from './build.ts';
import { describeImport, nothingImported, runImport } from './import.ts';
import { portOption } from './options.ts';
import { DEFAULT_PORT, serveUntilStopped } from './serve.ts';

export const startCommand: Command = {
  synopsis: 'PATH... [--list NAME] [--out DIR] [--port N]',
  summary: 'import PATH..., build the site and serve it on 127.0.0.1 (prints the URL)',
  help: `Takes the options of import, build and serve.

example: patchlore start ../shared/corpus/nvdimm/full/all.mboxrd.gz`,
  options: {
    list: { type: 'string' },
    'mbox-format': { type: 'string' },
    jobs: { type: 'string' },
    out: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  },
  async run(ctx) {
    if (ctx.args.length === 0) throw new UsageError('name at least one PATH to import');
    portOption(ctx, DEFAULT_PORT); // a bad port is bad usage before any work
    const summary = await runImport(ctx, ctx.args);
    ctx.err(describeImport(summary));
    // Serving an empty site would hide that the input was wrong.
    const failed = nothingImported(summary, ctx.args);
    if (failed) throw new UserError(failed);
    const out = resolve((ctx.options.out as string | undefined) ?? 'site');
    ctx.err(`building the site into ${out} ...`);
    const site = await buildSite(ctx, out);
    ctx.err(`built ${site.pages} pages`);
    return serveUntilStopped(ctx, out);
  },
};
