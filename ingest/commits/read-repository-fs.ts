// One read of a git repository into the store (`patchlore commits`): the history after the heads
// the last read saw (everything, the first time) with git (read-git-history-fs.ts), stored with
// the repository's refs, heads, release tags and commit URL template in one transaction. Linking
// is a derivation (ingest/derive/derive-commits.ts) that the new heads make stale: the caller
// runs it.
import { basename, dirname, resolve } from 'node:path';
import type { RepositoryRow, Store } from '../store/store-port.ts';
import { readGitHistory, type ReadGitHistoryOptions } from './read-git-history-fs.ts';

/** What to read. */
export interface ReadRepositoryOptions {
  /** A work tree or bare repository. */
  path: string;
  /** Its name in the store; by default repositoryName(path). */
  name?: string;
  /** Refs to read; by default those of the last read, else HEAD. */
  refs?: string[];
  /** A commit's web address (`%H` for the hash); by default the last read's. */
  urlTemplate?: string;
  onProgress?: ReadGitHistoryOptions['onProgress'];
  /** The time of the read (ms), for the record. */
  now?: number;
}

/** What a read did. */
export interface RepositoryReadResult {
  repo: RepositoryRow;
  /** Commits new to the store. */
  read: number;
  /** Whether it continued an earlier read (only commits after its heads were read). */
  incremental: boolean;
}

/** A repository's default name: its directory's, without ".git" (ndctl.git -> ndctl; for a
 *  .git directory, the work tree's). */
export function repositoryName(path: string): string {
  const abs = resolve(path);
  const base = basename(abs) === '.git' ? basename(dirname(abs)) : basename(abs);
  return base.replace(/\.git$/, '') || base;
}

/** Read what is new in a repository and store it. Throws GitRepositoryError for a path that is
 *  not a repository or a ref it lacks, EnvironmentError when git fails. */
export async function readRepository(store: Store, opts: ReadRepositoryOptions): Promise<RepositoryReadResult> {
  const path = resolve(opts.path);
  const name = opts.name ?? repositoryName(path);
  const known = store.commits.repository(name);
  const refs = opts.refs?.length ? opts.refs : (known?.refs ?? ['HEAD']);
  const history = await readGitHistory(path, { refs, known: known && { heads: known.heads, tags: known.tags }, onProgress: opts.onProgress });
  const repo: RepositoryRow = {
    name,
    path,
    urlTemplate: opts.urlTemplate ?? known?.urlTemplate ?? null,
    refs,
    // Heads of refs read earlier stay: they keep bounding what the next read of them reads.
    heads: { ...known?.heads, ...history.heads },
    tags: history.tags,
    readAt: opts.now ?? Date.now(),
  };
  store.transaction(() =>
    store.commits.addRead({
      repo,
      commits: history.commits,
      keptTags: history.tags.slice(0, history.keptTags).map((t) => t.name),
      releases: history.releases,
    }),
  );
  return { repo, read: history.commits.length, incremental: known !== null };
}
