// patchlore series MSGID: the series a message belongs to, with every revision of its lineage.
import { messageIdArgument } from '../../lore/parse-lore-target.ts';
import { isBaseRevision } from '../../series/compare-revisions.ts';
import { threadNoteLines } from '../../series/patch-roles.ts';
import { revisionLabel } from '../../series/revision-label.ts';
import { seriesOf } from '../../series/series-queries.ts';
import type { LineageMerge, SeriesLineage, SeriesRevision } from '../../read-models.ts';
import type { Command } from '../commands.ts';
import { patchworkLine, patchworkNote } from './patchwork-text.ts';
import { UsageError, UserError } from '../main.ts';

export const seriesCommand: Command = {
  synopsis: 'MSGID [--family ID] [--interdiff]',
  summary: 'the series MSGID belongs to (cover, patch or reply), with every revision, its patches and trailers',
  help: `Versions marked "?" are inferred (from a changelog or the order of postings), not tagged.
  --family ID   for a bundle (PATCHSETS) continuing two lineages: which one
  --interdiff   under each changed patch, what changed in it against the previous revision
                (a range-diff of the two postings; always in --json as changes[].interdiff)

example: patchlore series cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple@nvidia.com --json`,
  options: { family: { type: 'string' }, interdiff: { type: 'boolean' } },
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UsageError('give exactly one MSGID');
    const mid = messageIdArgument(ctx.args[0]!);
    const family = ctx.options.family === undefined ? undefined : messageIdArgument(String(ctx.options.family));
    const s = seriesOf(await ctx.store(), mid, family);
    if (!s) throw new UserError(`<${mid}> is not part of a patch series in ${ctx.dbPath} (no patch or cover letter at or above it)`);
    if (ctx.json) {
      ctx.outJson(s);
      return 0;
    }
    ctx.out(describeLineage(s, { interdiff: ctx.options.interdiff === true }));
    return 0;
  },
};

/** Review trailers shown per patch in text (Link:, Cc:, Fixes:, Signed-off-by: are not reviews). */
const REVIEW_TRAILERS = new Set(['Reviewed-by', 'Acked-by', 'Tested-by', 'Nacked-by']);

/** `patchlore series` as text: per revision its date, label, subject and link; what changed
 *  against the previous revision; each patch with its review trailers and its change; the
 *  changelog of the cover letter. */
export function describeLineage(s: SeriesLineage, opts: { interdiff?: boolean } = {}): string {
  const out = [`${s.title}`, `${s.author.name} <${s.author.email}>, ${s.revisions.length} revisions (lineage ${s.family})`];
  if (s.status) out.push(statusLine(s));
  if (s.status?.merged) out.push(mergedLine(s.status.merged, s.revisions));
  let previous: SeriesRevision | null = null;
  for (const r of s.revisions) {
    const here = r.postingId === s.postingId ? ' <==' : '';
    const link = r.link ? ` (linked by ${r.link.source}, ${r.link.confidence})` : '';
    out.push('', `${r.date?.slice(0, 10) ?? '----------'} ${revisionLabel(r).padEnd(12)} ${r.subject}${link}${here}`);
    const status = new Map(r.changes.map((c) => [c.key, c.status]));
    if (r.changes.length && previous) {
      const counts = (['added', 'dropped', 'changed', 'unchanged'] as const).map((k) => [k, r.changes.filter((c) => c.status === k).length] as const).filter(([, n]) => n > 0);
      out.push(`  against ${revisionLabel(previous)}: ${counts.map(([k, n]) => `${n} ${k}`).join(', ')}`);
    }
    if (r.patchwork) out.push(`  ${patchworkLine(r.patchwork)}`);
    for (const p of r.patches) {
      const change = status.get(p.messageId);
      const reviews = (ts: typeof p.trailers): string[] => ts.filter((t) => REVIEW_TRAILERS.has(t.name)).map((t) => `${t.name}: ${t.person || t.value}`);
      const tags = reviews(p.trailers);
      const earlier = reviews(p.carried);
      out.push(`  ${String(p.index).padStart(2)}/${p.total} ${p.title}${change && change !== 'unchanged' ? `  [${change}]` : ''}${p.patchwork ? `  ${patchworkNote(p.patchwork)}` : ''}`);
      if (tags.length) out.push(`         ${tags.join('; ')}`);
      if (earlier.length) out.push(`         on an earlier revision of this unchanged patch: ${earlier.join('; ')}`);
      for (const c of p.commits ?? []) out.push(`         merged as ${c.commit.slice(0, 12)} ${c.subject} (${c.release ?? 'no release yet'})`);
      const diff = r.changes.find((c) => c.key === p.messageId)?.interdiff;
      if (opts.interdiff && diff) out.push(...diff.split('\n').map((l) => `       | ${l}`.trimEnd()));
    }
    for (const c of r.changes.filter((x) => x.status === 'dropped')) out.push(`     dropped: ${c.title}`);
    for (const n of threadNoteLines(r.inThread, r.patches.length)) out.push(`  in its thread: ${n.text}${n.messageId ? ` <${n.messageId}>` : ''}`);
    if (r.changelog) out.push('  changelog:', ...r.changelog.split('\n').map((l) => `    | ${l}`.trimEnd()));
    if (isBaseRevision(r, r.patches.length)) previous = r;
  }
  return out.join('\n');
}

/** "state: applied (v3, by Andrew Morton, 2025-03-03: "Thanks, ...")" and NAKs outstanding. */
function statusLine(s: SeriesLineage): string {
  const st = s.status!;
  const label = (posting: string): string => {
    const r = s.revisions.find((x) => x.postingId === posting);
    return r ? revisionLabel(r) : posting;
  };
  const parts = [`state: ${st.state}`];
  if (st.applied) parts.push(`applied: ${label(st.applied.posting)} by ${st.applied.by}${st.applied.day ? ` on ${st.applied.day}` : ''} ("${st.applied.text.replace(/\s+/g, ' ').slice(0, 80)}")`);
  for (const n of st.naks) parts.push(`NAK by ${n.by} ("${n.text.replace(/\s+/g, ' ').slice(0, 80)}")`);
  if (st.patchwork) parts.push(`${patchworkLine(st.patchwork)} (${label(st.latestPosting)})`);
  return parts.join('; ');
}

/** "merged: v3 landed, all in v81 (5 commits)", or partially merged with how many patches. */
function mergedLine(m: LineageMerge, revisions: readonly SeriesRevision[]): string {
  const landed = revisions.find((r) => r.postingId === m.landedPosting);
  if (m.state === 'not-merged') return 'merged: no, in no repository read';
  const what = m.state === 'merged' ? 'merged' : `partially merged (${m.landed} of ${m.patches} patches)`;
  return `${what}: ${landed ? revisionLabel(landed) : m.landedPosting} landed, ${m.release ? `all in ${m.release}` : 'not all in a release yet'} (${m.commits.length} commits)`;
}
