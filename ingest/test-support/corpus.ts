// Where the shared corpus is ($PATCHLORE_CORPUS, default ../shared/corpus beside the project),
// and why a corpus test cannot run here (null when it can).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';

export const CORPUS = resolve(process.env.PATCHLORE_CORPUS ?? join(PROJECT_ROOT, '../shared/corpus'));

export function corpusPath(...parts: string[]): string {
  return join(CORPUS, ...parts);
}

/** The seed documents (text copies of archive pages the project starts from): $PATCHLORE_SEEDS,
 *  default ../shared/seeds beside the project. */
export const SEEDS = resolve(process.env.PATCHLORE_SEEDS ?? join(PROJECT_ROOT, '../shared/seeds'));

/** Reason to skip, or null when `parts` exists in the corpus. */
export function corpusMissing(...parts: string[]): string | null {
  const p = corpusPath(...parts);
  return existsSync(p) ? null : `no corpus file ${p} (set PATCHLORE_CORPUS)`;
}
