// The corpus's ndctl history (git/ndctl.bundle) in a scratch directory, twice: a clone as
// published, and a clone whose main branch had every Link:/Message-Id: trailer line removed
// with `git filter-branch --msg-filter`, so commit links can be scored without them. For the
// commits corpus test, scripts/score-commits.ts and scripts/bench-commits.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusMissing, corpusPath } from './corpus.ts';

/** The bundle, relative to the corpus. */
export const NDCTL_BUNDLE = ['git', 'ndctl.bundle'];

/** Why the ndctl history cannot be used here (no corpus, no git), or null. */
export function ndctlMissing(): string | null {
  const missing = corpusMissing(...NDCTL_BUNDLE);
  if (missing) return missing;
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'git is not installed';
  }
}

/** The sed program that drops trailer lines naming messages (case-insensitive, as git does). */
const STRIP = '/^(link|message-id)[ \\t]*:/Id';

/** Clone the bundle (and, with `stripped`, a copy without trailers) into a new scratch directory. */
export function ndctlClones(opts: { stripped: boolean }): { original: string; stripped: string | null; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'patchlore-ndctl-'));
  const bundle = corpusPath(...NDCTL_BUNDLE);
  const original = join(dir, 'ndctl.git');
  execFileSync('git', ['clone', '--quiet', '--bare', bundle, original], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stripped: string | null = null;
  if (opts.stripped) {
    stripped = join(dir, 'ndctl-stripped.git');
    execFileSync('git', ['clone', '--quiet', '--bare', bundle, stripped], { stdio: ['ignore', 'ignore', 'pipe'] });
    // Its scratch directory in the clones' own (by default it is .git-rewrite in the current
    // directory, which two runs from one checkout would share).
    execFileSync('git', ['--git-dir', stripped, 'filter-branch', '-d', join(dir, 'rewrite'), '--msg-filter', `sed -E '${STRIP}'`, '--', 'HEAD'], {
      env: { ...process.env, FILTER_BRANCH_SQUELCH_WARNING: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      // its progress goes to stderr: a line per commit
      maxBuffer: 64 * 1024 * 1024,
    });
  }
  return { original, stripped, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
