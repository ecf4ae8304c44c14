// patchlore commits REPO: read a git repository's history into the store (only what is new after
// the first time) and link its commits to the posted patches, then say what landed.
import { existsSync } from 'node:fs';
import { commitsSummary, unresolvedTrailers } from '../../commits/commits-queries.ts';
import { isCommitUrlTemplate } from '../../commits/merged-view.ts';
import { GitRepositoryError } from '../../commits/read-git-history-fs.ts';
import { readRepository } from '../../commits/read-repository-fs.ts';
import { deriveStore } from '../../derive/derive-store.ts';
import { defaultWorkers } from '../../workers/worker-pool.ts';
import type { CommitsSummary } from '../../read-models.ts';
import { severityOf } from '../../severity-of.ts';
import type { Diagnostic } from '../../types.ts';
import type { Command } from '../commands.ts';
import { formatProblem } from '../format-problem.ts';
import { UsageError, UserError } from '../main.ts';
import { createSteps } from '../progress.ts';
import { titleOf } from './import.ts';

/** Unresolved trailers printed in text; --json lists them all. */
const SHOWN_PROBLEMS = 5;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
}

/** `patchlore commits` as text. */
export function describeCommits(s: CommitsSummary, problems: readonly Diagnostic[]): string {
  const what = s.read === 0 ? (s.incremental ? 'nothing new since the last read' : 'no commits') : s.incremental ? `${s.read} new since the last read` : `${s.read} read`;
  const evidence = Object.entries(s.byEvidence)
    .map(([e, n]) => `${e} ${n}`)
    .join(', ');
  const lines = [
    `${s.repo} (${s.path}, ${s.refs.join(' ')}): ${s.commits} commits, ${what}`,
    `releases: ${s.released} commits in ${s.tags} release tags`,
    `linked ${s.linked} commits to posted patches${evidence ? ` by ${evidence}` : ''} (${s.links} links)`,
    `lineages (every repository read): ${s.lineages.merged} merged, ${s.lineages.partiallyMerged} partially merged, ${s.lineages.notMerged} not merged`,
  ];
  if (s.urlTemplate) lines.push(`commit links: ${s.urlTemplate}`);
  if (problems.length) {
    lines.push(`${problems.length} trailers name mail that is no stored patch or cover letter${problems.length > SHOWN_PROBLEMS ? ` (the first ${SHOWN_PROBLEMS}; --json lists all)` : ''}:`);
    for (const p of problems.slice(0, SHOWN_PROBLEMS)) lines.push(`  ${p.message}`);
  }
  return lines.join('\n');
}

export const commitsCommand: Command = {
  synopsis: 'REPO [--ref REF...] [--name NAME] [--url TEMPLATE]',
  summary: 'read a git history (only what is new after the first time) and link its commits to the stored patches',
  help: `REPO is a work tree or bare clone (or the name of a repository read before). Commits are linked
to posted patches by Link:/Message-Id: trailers, then git patch-id --stable, then author, date and
subject; see \`patchlore merged\` for what a patch or series became.

  --ref REF        a branch, tag or commit to read (repeat for several; default: the refs of the
                   last read, else HEAD)
  --name NAME      the repository's name in the store (default: the directory's, without .git)
  --url TEMPLATE   a commit's web address, %H standing for the hash (kept for later reads), e.g.
                   https://git.kernel.org/pub/scm/utils/nvdimm/ndctl.git/commit/?id=%H

example: patchlore commits ~/src/ndctl --url 'https://github.com/pmem/ndctl/commit/%H'`,
  options: { ref: { type: 'string', multiple: true }, name: { type: 'string' }, url: { type: 'string' } },
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UsageError('give exactly one REPO (a git work tree or bare repository)');
    const url = ctx.options.url as string | undefined;
    if (url !== undefined && !isCommitUrlTemplate(url)) throw new UsageError(`--url must say where the hash goes with %H, e.g. https://github.com/pmem/ndctl/commit/%H; got "${url}"`);
    const name = ctx.options.name as string | undefined;
    if (name !== undefined && !/^[\w.+-]+$/.test(name)) throw new UsageError(`--name takes letters, digits and . _ + -, e.g. ndctl; got "${name}"`);
    const store = await ctx.store({ catchUp: false });
    // A name read before stands for its path.
    let path = ctx.args[0]!;
    let repoName = name;
    const named = !existsSync(path) ? store.commits.repository(path) : null;
    if (named) {
      path = named.path;
      repoName ??= named.name;
    }
    const steps = createSteps('commits');
    let read;
    try {
      read = await readRepository(store, {
        path,
        name: repoName,
        refs: strings(ctx.options.ref),
        urlTemplate: url,
        onProgress: (step, done, total) => steps.update(step === 'commits' ? 'reading history' : 'finding first releases', done, total, total ? `${done}/${total} tags` : `${done} commits`),
      });
      const report = await deriveStore(store, {
        workers: defaultWorkers(),
        onStep: (d) => steps.update(d.title, 0, 0),
        onProgress: (n, done, total) => steps.update(titleOf(n), done, total, `${done}/${total}`),
      });
      for (const d of report.diagnostics) ctx.err(`patchlore: ${severityOf(d)}: ${formatProblem(d)}`);
    } catch (err) {
      if (err instanceof GitRepositoryError) throw new UserError(err.message);
      throw err;
    } finally {
      steps.end();
    }
    const summary = commitsSummary(store, read.repo.name, read)!;
    const problems = unresolvedTrailers(store, read.repo.name);
    if (ctx.json) {
      ctx.outJson({ ...summary, diagnostics: problems.map((d) => ({ code: d.code, message: d.message, source: d.source ?? '', locator: d.locator ?? '', messageId: d.messageId ?? '' })) });
    } else ctx.out(describeCommits(summary, problems));
    return 0;
  },
};
