// patchlore import PATH... : read mail into the store.
import type { ImportSummary } from '../../types.ts';
import { DERIVATIONS } from '../../derive/registry.ts';
import { importSources } from '../../import/import-sources.ts';
import { defaultWorkers } from '../../workers/worker-pool.ts';
import type { MboxFormat } from '../../source/split-mbox.ts';
import type { Command } from '../commands.ts';
import { formatProblem } from '../format-problem.ts';
import { UsageError, type Context } from '../main.ts';
import { createSteps } from '../progress.ts';
import { jobsOption } from './options.ts';

const FORMATS: MboxFormat[] = ['auto', 'mboxrd', 'mboxo', 'mboxcl', 'mboxcl2'];

/** A derivation's title, for progress. */
export function titleOf(name: string): string {
  return DERIVATIONS.find((d) => d.name === name)?.title ?? name;
}

/** Human summary of an import. */
export function describeImport(s: ImportSummary): string {
  const lines = [
    `read ${s.read} messages: ${s.stored} stored, ${s.duplicates} duplicates (${s.identical} byte-identical), ${s.unparsed} unparsed` +
      (s.imposters ? `, ${s.imposters} imposters (Message-ID reused by different content)` : ''),
  ];
  const byCode = new Map<string, number>();
  for (const d of s.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  if (byCode.size) {
    lines.push('diagnostics: ' + [...byCode].sort().map(([c, n]) => `${c} ${n}`).join(', '));
  }
  for (const d of s.diagnostics.filter((x) => x.code.startsWith('mail/') || x.code.startsWith('source/') || x.code.startsWith('mbox/')).slice(0, 10)) {
    lines.push(`  ${d.code}: ${formatProblem(d).replace(/\n/g, '\n  ')}`);
  }
  if (s.unparsed || byCode.size) lines.push('details: patchlore report');
  return lines.join('\n');
}

/** Why an import did nothing at all (no message found, or none that could be read), or null
 *  when it stored something or found only what was already stored. */
export function nothingImported(s: ImportSummary, inputs: readonly string[]): string | null {
  if (s.stored + s.duplicates > 0) return null;
  const what = inputs.length === 1 ? inputs[0] : `${inputs.length} inputs`;
  const problems = s.diagnostics.filter((d) => d.code.startsWith('source/') || d.code.startsWith('mbox/'));
  const why = problems.length ? `: ${problems.slice(0, 3).map((d) => formatProblem(d)).join('; ')}` : '';
  if (s.read === 0) return `nothing imported: no mail found in ${what}${why}`;
  return `nothing imported: none of the ${s.read} messages read from ${what} could be parsed (see patchlore report)${why}`;
}

/** The import's `--json` document (docs/cli.md), also the base of sync's. */
export function importJson(s: ImportSummary) {
  return {
    read: s.read,
    stored: s.stored,
    duplicates: s.duplicates,
    identical: s.identical,
    unparsed: s.unparsed,
    imposters: s.imposters,
    diagnostics: s.diagnostics.map((d) => ({ code: d.code, message: d.message, source: d.source ?? '', locator: d.locator ?? '', messageId: d.messageId ?? '' })),
  };
}

export async function runImport(ctx: Context, inputs: string[]): Promise<ImportSummary> {
  const format = (ctx.options['mbox-format'] as string | undefined) ?? 'auto';
  if (!FORMATS.includes(format as MboxFormat)) throw new UsageError(`--mbox-format must be one of ${FORMATS.join(', ')}; got "${format}"`);
  // The import threads, links series and extracts discussion itself, for all it left undone.
  const store = await ctx.store({ create: true, catchUp: false });
  const steps = createSteps('import');
  try {
    return await importSources(store, inputs, {
      list: (ctx.options.list as string | undefined) ?? '',
      mboxFormat: format as MboxFormat,
      workers: jobsOption(ctx, defaultWorkers()),
      onProgress: (p) => {
        const mb = (n: number) => (n / 1048576).toFixed(0);
        steps.update('reading', p.bytes.done, p.bytes.total, `${p.read} messages, ${mb(p.bytes.done)}/${mb(p.bytes.total)} MB`);
      },
      onDerive: (d) => steps.update(d.title, 0, 0),
      onDeriveProgress: (name, done, total) => steps.update(titleOf(name), done, total, `${done}/${total}`),
    });
  } finally {
    steps.end();
  }
}

export const importCommand: Command = {
  synopsis: 'PATH... [--list NAME] [--mbox-format F] [--jobs N]',
  summary: 'import mbox (plain/.gz), maildir, .eml/.patch files, public-inbox git epochs and saved archive pages',
  help: `PATH may be an mbox or mboxrd file (plain or gzip), a single message, a maildir, a public-inbox
v2 epoch (bare repository or clone), a v2 inbox directory (git/N.git), a git bundle of an epoch,
a saved archive web page (hypermail, MHonArc, public-inbox message or /T/ page, Patchwork), or a
directory holding any of these. Re-importing changes nothing.

  --list NAME         record the messages as seen on this list (default: from List-Id)
  --mbox-format F     auto (default), mboxrd, mboxo, mboxcl, mboxcl2
  --jobs N            parser threads (default: cores - 1)
  --strict            exit 1 when anything could not be parsed

example: patchlore import --list nvdimm ../shared/corpus/nvdimm/full/all.mboxrd.gz`,
  options: { list: { type: 'string' }, 'mbox-format': { type: 'string' }, jobs: { type: 'string' } },
  async run(ctx) {
    if (ctx.args.length === 0) throw new UsageError('name at least one PATH to import');
    const s = await runImport(ctx, ctx.args);
    if (ctx.json) {
      ctx.outJson(importJson(s));
    } else ctx.out(describeImport(s));
    const failed = nothingImported(s, ctx.args);
    if (failed) {
      ctx.err(`patchlore import: ${failed}`);
      return 1;
    }
    const unreadable = s.diagnostics.some((d) => d.code === 'source/unreadable' || d.code === 'source/unknown-format');
    if (ctx.options.strict && (s.unparsed > 0 || unreadable)) return 1;
    return 0;
  },
};
