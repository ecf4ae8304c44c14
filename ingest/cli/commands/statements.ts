// patchlore statements MSGID [--thread]: the design statements of a message or its thread, and
// patchlore verdicts MSGID [--thread]: its review verdicts.
import { statementsOf, verdictsOf } from '../../discussion/discussion-queries.ts';
import { messageIdArgument } from '../../lore/parse-lore-target.ts';
import type { Command } from '../commands.ts';
import { UsageError, UserError, type Context } from '../main.ts';

function target(ctx: Context): string {
  if (ctx.args.length !== 1) throw new UsageError('give exactly one MSGID');
  return messageIdArgument(ctx.args[0]!);
}

export const statementsCommand: Command = {
  synopsis: 'MSGID [--thread]',
  summary: 'design statements of a message (or its whole thread): agreements, objections, proposals, conclusions, answers, with who they answer',
  help: `Statements are sentences of the author's own text (never what they quote) that take a position
or answer a quoted question; "why" says which rule picked each.
  --thread    every message of the thread, in date order

example: patchlore statements 6619703c781e4_36222e294f1@dwillia2-xfh.jf.intel.com.notmuch --json`,
  options: { thread: { type: 'boolean' } },
  async run(ctx) {
    const mid = target(ctx);
    const s = statementsOf(await ctx.store(), mid, { thread: ctx.options.thread === true });
    if (!s) throw new UserError(`no message with Message-ID <${mid}> in ${ctx.dbPath}`);
    if (ctx.json) {
      ctx.outJson(s);
      return 0;
    }
    if (s.length === 0) ctx.out(`no statements in <${mid}>${ctx.options.thread ? "'s thread" : ''}`);
    for (const x of s) {
      ctx.out(`${x.date?.slice(0, 10) ?? '----------'} ${x.author} [${x.kind}, ${x.confidence}] <${x.messageId}>`);
      if (x.answers) ctx.out(`    answering ${x.answers.author}: ${x.answers.text.replace(/\s+/g, ' ')}`);
      ctx.out(`    ${x.text}`);
    }
    return 0;
  },
};

export const verdictsCommand: Command = {
  synopsis: 'MSGID [--thread]',
  summary: 'review verdicts in a message (or its thread): reviewed, acked, tested, nacked, applied, changes requested, with the evidence',
  help: `  --thread    every message of the thread, in thread order

example: patchlore verdicts cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple@nvidia.com --thread`,
  options: { thread: { type: 'boolean' } },
  async run(ctx) {
    const mid = target(ctx);
    const v = verdictsOf(await ctx.store(), mid, { thread: ctx.options.thread === true });
    if (!v) throw new UserError(`no message with Message-ID <${mid}> in ${ctx.dbPath}`);
    if (ctx.json) {
      ctx.outJson(v);
      return 0;
    }
    if (v.length === 0) ctx.out(`no verdicts in <${mid}>${ctx.options.thread ? "'s thread" : ''}`);
    for (const x of v) ctx.out(`${x.date?.slice(0, 10) ?? '----------'} ${x.kind.padEnd(17)} ${x.author}: ${x.text}${x.target ? `  (on <${x.target}>)` : ''}`);
    return 0;
  },
};
