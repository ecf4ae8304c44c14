// patchlore merged MSGID: the commits a patch, or the lineage of a cover letter, became in the
// repositories read with `patchlore commits`, the revision that landed and the first release.
import { mergedOf } from '../../commits/merged-of.ts';
import { messageIdArgument } from '../../lore/parse-lore-target.ts';
import type { MergedAnswer } from '../../read-models.ts';
import type { Command } from '../commands.ts';
import { UsageError, UserError } from '../main.ts';

const STATE_TEXT = { merged: 'merged', 'partially-merged': 'partially merged', 'not-merged': 'not merged' } as const;

/** `patchlore merged` as text: the state, the revision that landed, the release, then a line per
 *  commit with how it was found and how it differs from the patch. */
export function describeMerged(m: MergedAnswer): string {
  const what = m.kind === 'patch' ? 'patch' : 'series';
  if (m.state === null) return `<${m.messageId}>: no repository read reaches this ${what} (its files are in none); read one with patchlore commits REPO`;
  const head = [`<${m.messageId}> (${what}): ${STATE_TEXT[m.state]}`];
  if (m.landedRevision) head.push(`${m.landedRevision} landed`);
  if (m.commits.length) head.push(m.release ? `all in ${m.release}` : 'not all in a release yet');
  if (m.kind === 'lineage' && m.posting.state !== m.state) head.push(`this posting: ${STATE_TEXT[m.posting.state]} (${m.posting.landed} of ${m.posting.patches} patches)`);
  const lines = [head.join(', ')];
  for (const c of m.commits) {
    const forms = c.forms.length ? ` [${c.forms.join(', ')}]` : '';
    const from = c.messageId !== m.messageId ? ` from <${c.messageId}>` : '';
    lines.push(`  ${c.commit.slice(0, 12)} ${c.subject}${forms}`);
    lines.push(`      ${c.author}, ${c.authorDate.slice(0, 10)}; ${c.evidence} ${c.confidence}; ${c.release ?? 'no release yet'}; ${c.repo}${from}`);
    if (c.url) lines.push(`      ${c.url}`);
  }
  return lines.join('\n');
}

export const mergedCommand: Command = {
  synopsis: 'MSGID',
  summary: 'the commits a patch (or the series of a cover letter) became, the revision that landed, the first release',
  help: `For a patch: its commits (or those of the same patch in another revision of the series); for a
cover letter or a reply: every commit of the series. Repositories are read with patchlore commits.

example: patchlore merged 20240102.123-1-alice@example.org --json`,
  options: {},
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UsageError('give exactly one MSGID');
    const mid = messageIdArgument(ctx.args[0]!);
    const store = await ctx.store();
    if (store.commits.repositories().length === 0) throw new UserError(`no repository has been read into ${ctx.dbPath}: run patchlore commits REPO first`);
    const m = mergedOf(store, mid);
    if (!m) throw new UserError(`<${mid}> is not part of a patch series in ${ctx.dbPath} (no patch or cover letter at or above it)`);
    if (ctx.json) ctx.outJson(m);
    else ctx.out(describeMerged(m));
    return 0;
  },
};
