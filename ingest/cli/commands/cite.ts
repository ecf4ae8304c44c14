// patchlore cite MSGID [--format markdown|text|trailer] [--quote FRAGMENT]: a citation to paste.
import { formatCitation } from '../../discussion/format-citation.ts';
import type { CitationFormat } from '../../types.ts';
import { lorePermalink } from '../../lore/lore-url.ts';
import { CiteError, citationOf } from '../../discussion/discussion-queries.ts';
import { messageIdArgument } from '../../lore/parse-lore-target.ts';
import type { Command } from '../commands.ts';
import { UsageError, UserError } from '../main.ts';

const FORMATS = ['markdown', 'text', 'trailer'];

export const citeCommand: Command = {
  synopsis: 'MSGID [--format markdown|text|trailer] [--quote FRAGMENT]',
  summary: 'a citation of a message or one of its statements: quote, author, date and lore permalink',
  help: `Without --quote, cites the message's strongest statement, or the start of its own text.
  --quote FRAGMENT   cite exactly the statement holding FRAGMENT (spacing ignored); a fragment the
                     message only quotes is cited from the message that wrote it
  --format F         markdown (default), text, or trailer (a Link: line)

example: patchlore cite 6619703c781e4_36222e294f1@dwillia2-xfh.jf.intel.com.notmuch --quote "pte_special is applicable"`,
  options: { format: { type: 'string' }, quote: { type: 'string' } },
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UsageError('give exactly one MSGID');
    const format = (ctx.options.format as string | undefined) ?? 'markdown';
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${format}"`);
    const mid = messageIdArgument(ctx.args[0]!);
    const store = await ctx.store();
    let c;
    try {
      c = citationOf(store, mid, ctx.options.quote as string | undefined);
    } catch (err) {
      if (err instanceof CiteError) throw new UserError(err.message);
      throw err;
    }
    const text = formatCitation(c, format as CitationFormat);
    if (ctx.json) ctx.outJson({ ...c, lore: lorePermalink(c.messageId), format, citation: text });
    else ctx.out(text.trimEnd());
    return 0;
  },
};
