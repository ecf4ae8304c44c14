// patchlore search QUERY: the lore query language over the store (ingest/search/).
import { FACETS, PREFIXES, prefixList } from '../../search/query-prefixes.ts';
import { DATE_FORMS } from '../../search/query-date.ts';
import { MARK_END, MARK_START, QueryParseError, searchMessages } from '../../search/search-messages.ts';
import type { Command } from '../commands.ts';
import { UsageError, UserError } from '../main.ts';
import { intOption } from './options.ts';

const PREFIX_HELP = [...Object.entries(PREFIXES), ...Object.entries(FACETS)]
  .map(([p, { help }]) => `  ${(p + ':').padEnd(8)} ${help}`)
  .join('\n');

export const searchCommand: Command = {
  synopsis: 'QUERY... [--limit N] [--sort relevance|date] [--collapse none|thread|series]',
  summary: 'search with the lore query language (s: f: b: nq: dfn: dfhh: d: ...)',
  help: `The query language of lore.kernel.org. Words are ANDed; "a phrase"; AND, OR, NOT (upper
case), +word, -word, ( ). A word in lower case also finds the words of its stem (refcount finds
refcounts); a capitalised word, a phrase, or a word with punctuation (fs/dax.c, which is the
phrase "fs dax c") is found as written. word* finds words starting so. Underscores are part of
words: pte_special and vm_normal_page are one word each. A word without prefix searches the
Message-ID, subject, From, body and attachment names (not To/Cc).

prefixes (${prefixList()}):
${PREFIX_HELP}
  d:       date or range: d:2024-01-01.. d:20240101..20240201 d:..2.weeks.ago d:2024-03-05
           (${DATE_FORMS}; days are UTC, a range includes both end days)

  --limit N            hits to print (default 20)
  --sort ORDER         relevance (default, bm25) or date (newest first)
  --collapse BY        none (default), thread or series: one hit per thread or series lineage,
                       with how many hits it holds

examples:
  patchlore search 'pte_special devdax'
  patchlore search 'dfhh:vm_normal_page d:2024-01-01..' --sort date
  patchlore search 's:"fs/dax" f:apopple NOT s:RFC' --collapse series`,
  options: { limit: { type: 'string' }, sort: { type: 'string' }, collapse: { type: 'string' } },
  async run(ctx) {
    if (ctx.args.join(' ').trim() === '') throw new UsageError("give a QUERY, e.g. patchlore search 's:\"fs/dax\" d:2024-01-01..'");
    const sort = (ctx.options.sort as string | undefined) ?? 'relevance';
    if (sort !== 'relevance' && sort !== 'date') throw new UsageError(`--sort must be relevance or date; got "${sort}"`);
    const collapse = (ctx.options.collapse as string | undefined) ?? 'none';
    if (collapse !== 'none' && collapse !== 'thread' && collapse !== 'series') throw new UsageError(`--collapse must be none, thread or series; got "${collapse}"`);
    const store = await ctx.store();
    let r;
    try {
      r = searchMessages(store, ctx.args.join(' '), { limit: intOption(ctx, 'limit', 20, 1), sort, collapse });
    } catch (err) {
      if (err instanceof QueryParseError) throw new UserError(`cannot read the query: ${err.message}`);
      throw err;
    }
    if (ctx.json) {
      ctx.outJson(r);
      return 0;
    }
    const unit = collapse === 'none' ? '' : ` in ${r.groups} ${collapse === 'thread' ? 'threads' : 'series or threads'}`;
    ctx.out(`${r.total} messages match${unit}; showing ${r.hits.length}`);
    const tty = process.stdout.isTTY;
    for (const h of r.hits) {
      const snippet = tty ? h.snippet.split(MARK_START).join('\x1b[1m').split(MARK_END).join('\x1b[0m') : h.snippet;
      const more = h.collapsed && h.collapsed > 1 ? `  (+${h.collapsed - 1} more in this ${collapse === 'thread' ? 'thread' : 'series'})` : '';
      ctx.out(`\n${h.date?.slice(0, 10) ?? '----------'}  ${h.from}${more}\n  ${h.subject}\n  <${h.messageId}>\n  ${snippet}`);
    }
    return 0;
  },
};
