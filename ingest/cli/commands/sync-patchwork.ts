// `patchlore sync --patchwork URL --project NAME`: reading the options into a Patchwork plan, and
// printing what the sync did (docs/cli.md: {"patches", "states", "fetched"}, and more) as text or
// JSON. The sync itself is ingest/patchwork/sync-project-fs.ts, run by the sync stage.
import { parsePatchworkLocation } from '../../patchwork/patchwork-url.ts';
import { severityOf } from '../../severity-of.ts';
import type { PatchworkPlan, PatchworkReport } from '../../sync/sync-types.ts';
import type { Context } from '../main.ts';
import { UsageError } from '../main.ts';
import { formatProblem } from '../format-problem.ts';
import { importJson } from './import.ts';

/** Options that pull mail from the archive: they do not go with --patchwork (one JSON document
 *  per run). */
const ARCHIVE_OPTIONS = ['thread', 'message', 'query', 'threads', 'recent'] as const;

/** The Patchwork plan of `--patchwork URL [--project NAME]`, given where the archive is asked for
 *  mail; null without --patchwork. */
export function patchworkPlan(ctx: Context, since: string | null, archive: PatchworkPlan['archive']): PatchworkPlan | null {
  if (ctx.options.patchwork === undefined) {
    if (ctx.options.project !== undefined || ctx.options['without-mail'] !== undefined) throw new UsageError('--project and --without-mail go with --patchwork URL');
    return null;
  }
  const clash = ARCHIVE_OPTIONS.filter((o) => ctx.options[o] !== undefined);
  if (ctx.args.length || clash.length) {
    throw new UsageError(`--patchwork syncs a Patchwork project alone; run the lists and pulls (${ctx.args.length ? ctx.args.join(' ') : clash.map((o) => `--${o}`).join(' ')}) in a sync of their own`);
  }
  const where = parsePatchworkLocation(String(ctx.options.patchwork));
  if (!where.ok) throw new UsageError(`--patchwork: ${where.reason}`);
  const project = ctx.options.project !== undefined ? String(ctx.options.project).trim() : where.project;
  if (!project) throw new UsageError(`--patchwork needs a project: --project NAME (its name in the server's URLs, its List-Id or its list address), e.g. --project linux-nvdimm`);
  return { base: where.base, project, since, full: ctx.options.refresh === true, mail: ctx.options['without-mail'] !== true, archive };
}

/** The JSON document of a Patchwork sync: docs/cli.md's patches, states and fetched first. */
export function patchworkJson(r: PatchworkReport) {
  return {
    patches: r.patches,
    states: r.states,
    fetched: r.fetched,
    server: r.server,
    project: r.project,
    apiVersion: r.apiVersion,
    mode: r.mode,
    reason: r.reason,
    read: r.read,
    changed: r.changed,
    mail: r.mail,
    requests: r.requests,
    import: importJson(r.import),
    problems: r.problems.map((p) => ({ code: p.code, message: p.message, url: p.source ?? '', hint: p.hint ?? '', attempts: p.attempts ?? 0, severity: severityOf(p) })),
  };
}

/** What a Patchwork sync did, for people. */
export function describePatchwork(r: PatchworkReport): string {
  const out: string[] = [];
  out.push(`Patchwork ${r.server} project ${r.project || '(not found)'}${r.apiVersion ? ` (API ${r.apiVersion})` : ''}: ${r.mode} read, ${r.reason}`);
  out.push(`  read ${r.read.patches} patches, ${r.read.covers} cover letters, ${r.read.series} series${r.mode === 'incremental' ? `, ${r.read.events} events` : ''}`);
  const states = Object.entries(r.states).sort(([, a], [, b]) => b - a);
  if (r.patches) out.push(`  stored: ${r.patches} patches: ${states.map(([s, n]) => `${n} ${s}`).join(', ')}`);
  for (const c of r.changed.slice(0, 20)) out.push(`  <${c.messageId}>: ${c.from} -> ${c.to}`);
  if (r.changed.length > 20) out.push(`  and ${r.changed.length - 20} more state changes`);
  const m = r.mail;
  if (m.lacking || m.skipped) {
    out.push(
      `  mail the records name that the store lacked: ${m.lacking}; from the list archive ${m.fromArchive.length}, from Patchwork ${m.fromPatchwork.length} (rebuilt copies: the archive's replace them), unavailable ${m.unavailable.length}` +
        (m.skipped ? `; ${m.skipped} found unavailable recently, not asked for` : ''),
    );
  }
  out.push(`  ${r.requests} HTTP requests`);
  for (const p of r.problems) out.push(`${severityOf(p)}: ${p.code}: ${formatProblem(p)}`);
  return out.join('\n');
}
