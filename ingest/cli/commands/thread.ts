// patchlore thread MSGID: the thread containing a message, as a tree.
import { messageIdArgument } from '../../lore/parse-lore-target.ts';
import { findThread } from '../../thread/thread-queries.ts';
import type { Command } from '../commands.ts';
import { UsageError, UserError } from '../main.ts';

export const threadCommand: Command = {
  synopsis: 'MSGID',
  summary: 'the thread containing MSGID (with or without <>, or a lore URL)',
  help: 'example: patchlore thread 20240411.abc@example.org --json',
  options: {},
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UsageError('give exactly one MSGID');
    const mid = messageIdArgument(ctx.args[0]!);
    const t = findThread(await ctx.store(), mid);
    if (!t) throw new UserError(`no message or thread with Message-ID <${mid}> in ${ctx.dbPath}`);
    if (ctx.json) {
      ctx.outJson({ root: t.root, threadId: t.threadId, messages: t.messages });
      return 0;
    }
    for (const m of t.messages) {
      const indent = '  '.repeat(m.depth);
      if (m.ghost) ctx.out(`${indent}[not in archive] <${m.messageId}>`);
      else {
        // The cover letter, and what the subject alone does not tell: a patch sent again, one no
        // posting holds, a patch not below its cover letter, a reused Message-ID.
        const role = m.role?.notable ? ` [${m.role.text}]` : '';
        ctx.out(`${indent}${m.subject} — ${m.from} ${m.date?.slice(0, 10) ?? ''} <${m.messageId}>${role}`);
      }
    }
    return 0;
  },
};
