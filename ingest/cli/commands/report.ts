// patchlore report: what could not be parsed or placed, and why.
import type { Command } from '../commands.ts';
import { formatProblem } from '../format-problem.ts';
import { intOption } from './options.ts';

export const reportCommand: Command = {
  synopsis: '[--examples N]',
  summary: 'unparsed mail with where it came from, ghosts, imposters, messages recovered from pages, diagnostics by code',
  help: 'example: patchlore report --json',
  options: { examples: { type: 'string' } },
  async run(ctx) {
    const r = (await ctx.store()).mail.report(intOption(ctx, 'examples', 3));
    if (ctx.json) {
      ctx.outJson(r);
      return 0;
    }
    ctx.out(`unparsed: ${r.unparsed.length}`);
    for (const u of r.unparsed) {
      ctx.out(`  ${u.code}: ${u.reason}${u.found ? ` (found: ${u.found})` : ''}, ${u.bytes} bytes`);
      for (const s of u.seen) ctx.out(`    seen in ${s.source} ${s.locator}${s.list ? ` [${s.list}]` : ''}`);
    }
    ctx.out(`ghosts (replies to messages not in the archive): ${r.ghosts}`);
    ctx.out(`imposters (Message-ID reused by different content): ${r.imposters}`);
    for (const i of r.imposterIds) ctx.out(`  <${i.messageId}>: ${i.keys.join(', ')}`);
    const gens = Object.entries(r.recovered.byGenerator).map(([g, n]) => `${g} ${n}`).join(', ');
    ctx.out(`recovered from archive pages, no mail stored: ${r.recovered.messages}${gens ? ` (${gens})` : ''}`);
    if (r.recovered.placeholders) ctx.out(`  under a placeholder Message-ID (the page damaged or lacked it): ${r.recovered.placeholders}`);
    ctx.out('diagnostics:');
    for (const [code, n] of Object.entries(r.diagnostics)) {
      ctx.out(`  ${code.padEnd(22)} ${n}`);
      for (const e of r.examples[code] ?? []) ctx.out(`      <${e.messageId}> ${e.message}${e.found ? ` [${e.found}]` : ''}`);
    }
    for (const d of r.sourceDiagnostics) ctx.out(`  ${d.code}: ${formatProblem(d)}`);
    return 0;
  },
};
