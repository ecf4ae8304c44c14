// patchlore search QUERY: full-text search over the store.
import { MARK_END, MARK_START, searchMessages } from '../../store/queries-fs.ts';
import type { Command } from '../commands.ts';
import { UsageError } from '../main.ts';
import { intOption } from './options.ts';

export const searchCommand: Command = {
  synopsis: 'QUERY... [--limit N] [--sort relevance|date]',
  summary: 'full-text search: every word must match; "quoted words" are a phrase',
  help: `Words keep underscores (pte_special is one word).

  --limit N        hits to print (default 20)
  --sort ORDER     relevance (default) or date (newest first)

example: patchlore search 'pte_special devdax'`,
  options: { limit: { type: 'string' }, sort: { type: 'string' } },
  async run(ctx) {
    if (ctx.args.length === 0) throw new UsageError('give a QUERY');
    const sort = (ctx.options.sort as string | undefined) ?? 'relevance';
    if (sort !== 'relevance' && sort !== 'date') throw new UsageError(`--sort must be relevance or date; got "${sort}"`);
    const r = searchMessages(ctx.store(), ctx.args.join(' '), { limit: intOption(ctx, 'limit', 20, 1), sort });
    if (ctx.json) {
      ctx.outJson(r);
      return 0;
    }
    ctx.out(`${r.total} messages match; showing ${r.hits.length}`);
    const tty = process.stdout.isTTY;
    for (const h of r.hits) {
      const snippet = tty ? h.snippet.split(MARK_START).join('\x1b[1m').split(MARK_END).join('\x1b[0m') : h.snippet;
      ctx.out(`\n${h.date?.slice(0, 10) ?? '----------'}  ${h.from}\n  ${h.subject}\n  <${h.messageId}>\n  ${snippet}`);
    }
    return 0;
  },
};
