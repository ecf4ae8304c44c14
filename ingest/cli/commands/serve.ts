// patchlore serve: serve a built site on 127.0.0.1 and print its URL.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveSite } from '../../serve/serve-site-fs.ts';
import type { Command } from '../commands.ts';
import { UserError, type Context } from '../main.ts';
import { portOption } from './options.ts';

/** Where the site is served unless --port says otherwise. */
export const DEFAULT_PORT = 4321;

/** Serve `out` until the process is stopped. */
export async function serveUntilStopped(ctx: Context, out: string): Promise<number> {
  const port = portOption(ctx, DEFAULT_PORT);
  if (!existsSync(join(out, 'index.html'))) throw new UserError(`no site in ${out}: build it first with patchlore build --out ${out}`);
  const host = (ctx.options.host as string | undefined) ?? '127.0.0.1';
  const s = await serveSite(out, { host, port });
  if (ctx.json) ctx.outJson({ url: s.url, out });
  else ctx.out(`serving ${out} at ${s.url}  (Ctrl-C to stop)`);
  await new Promise<void>((done) => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void s.close().then(done));
  });
  return 0;
}

export const serveCommand: Command = {
  synopsis: '[--out DIR] [--port N] [--host ADDR]',
  summary: 'serve the built site (default ./site) on http://127.0.0.1:4321/',
  help: `  --out DIR     the built site (default ./site)
  --port N      port (default 4321; 0 picks a free one)
  --host ADDR   address to listen on (default 127.0.0.1)

example: patchlore serve --port 8080`,
  options: { out: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  async run(ctx) {
    return serveUntilStopped(ctx, resolve((ctx.options.out as string | undefined) ?? 'site'));
  },
};
