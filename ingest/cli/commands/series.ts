// patchlore series MSGID: the series a message belongs to, with every revision of its lineage.
import { messageIdArgument } from '../../lore/parse-lore-target.ts';
import { revisionLabel } from '../../series/revision-label.ts';
import { seriesOf } from '../../store/series-queries-fs.ts';
import type { Command } from '../commands.ts';
import { UsageError, UserError } from '../main.ts';

export const seriesCommand: Command = {
  synopsis: 'MSGID [--family ID]',
  summary: 'the series MSGID belongs to (cover, patch or reply), with every revision, its patches and trailers',
  help: `Versions marked "?" are inferred (from a changelog or the order of postings), not tagged.
  --family ID   for a bundle (PATCHSETS) continuing two lineages: which one

example: patchlore series cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple@nvidia.com --json`,
  options: { family: { type: 'string' } },
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UsageError('give exactly one MSGID');
    const mid = messageIdArgument(ctx.args[0]!);
    const family = ctx.options.family === undefined ? undefined : messageIdArgument(String(ctx.options.family));
    const s = seriesOf(ctx.store(), mid, family);
    if (!s) throw new UserError(`<${mid}> is not part of a patch series in ${ctx.dbPath} (no patch or cover letter at or above it)`);
    if (ctx.json) {
      ctx.outJson(s);
      return 0;
    }
    ctx.out(`${s.title}\n${s.author.name} <${s.author.email}>, ${s.revisions.length} revisions (lineage ${s.family})`);
    for (const r of s.revisions) {
      const here = r.postingId === s.postingId ? ' <==' : '';
      const link = r.link ? ` (linked by ${r.link.source}, ${r.link.confidence})` : '';
      ctx.out(`\n${r.date?.slice(0, 10) ?? '----------'} ${revisionLabel(r).padEnd(12)} ${r.subject}${link}${here}`);
      for (const p of r.patches) {
        const tags = p.trailers.filter((t) => t.name !== 'Signed-off-by').map((t) => `${t.name.replace(/-by$/, '')}: ${t.person || t.value}${t.source === 'carried' ? ' (carried)' : ''}`);
        ctx.out(`  ${String(p.index).padStart(2)}/${p.total} ${p.title}${tags.length ? `\n         ${tags.join('; ')}` : ''}`);
      }
    }
    return 0;
  },
};
