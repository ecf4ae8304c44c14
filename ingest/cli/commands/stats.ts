// patchlore stats: counts in the store.
import type { Command } from '../commands.ts';

export const statsCommand: Command = {
  synopsis: '',
  summary: 'counts of messages (recovered from pages among them), threads, ghosts, series, statements, verdicts, unparsed mail and lists',
  help: 'example: patchlore stats --json',
  options: {},
  async run(ctx) {
    const s = (await ctx.store()).mail.stats();
    if (ctx.json) ctx.outJson(s);
    else {
      ctx.out(
        [
          `messages   ${s.messages}${s.imposters ? ` (${s.imposters} imposters)` : ''}${s.recovered ? ` (${s.recovered} recovered from archive pages)` : ''}`,
          `threads    ${s.threads}`,
          `ghosts     ${s.ghosts}`,
          `series     ${s.series} lineages of ${s.revisions} postings`,
          `discussion ${s.statements} statements, ${s.verdicts} verdicts, ${s.links} links to other messages`,
          `unparsed   ${s.unparsed}`,
          `raw copies ${s.raw}`,
          `dates      ${s.firstDate ?? '-'} .. ${s.lastDate ?? '-'}`,
          `lists      ${s.lists.map((l) => `${l.name} (${l.messages})`).join(', ') || '-'}`,
        ].join('\n'),
      );
    }
    return 0;
  },
};
