// Which series lineages a repository could have taken: those most of whose files are paths its
// history changed, or files in directories where it changed one. A list carries patches for
// several repositories (the nvdimm list: the kernel's drivers/nvdimm and ndctl's tools), and a
// series for another repository is not "not merged" here, only unknown. Directories count as they
// are, not their parents: ndctl's Documentation/ndctl/ does not take in the kernel's
// Documentation/ABI/. Pure.

/** The directory of a path, null for a file at the top. */
function directoryOf(path: string): string | null {
  const slash = path.lastIndexOf('/');
  return slash > 0 ? path.slice(0, slash) : null;
}

/** What a repository's history changed: every path, and the directories holding them. */
export interface RepositoryScope {
  paths: ReadonlySet<string>;
  directories: ReadonlySet<string>;
}

/** The scope of a history from the files of its commits. */
export function repositoryScope(commits: Iterable<{ files: readonly string[] }>): RepositoryScope {
  const paths = new Set<string>();
  const directories = new Set<string>();
  for (const c of commits) {
    for (const f of c.files) {
      paths.add(f);
      const d = directoryOf(f);
      if (d !== null) directories.add(d);
    }
  }
  return { paths, directories };
}

/** Share of a lineage's files the history reaches before it counts as the repository's: more
 *  than half. A kernel series touching lib/ beside drivers/ reaches ndctl's lib/ with a few of its
 *  files; an ndctl series reaches it with all or most. */
export const REACH_SHARE = 0.5;

/** Whether `path` is in `scope`: a path the history changed, or a file in a directory where it
 *  changed one. */
export function pathInScope(scope: RepositoryScope, path: string): boolean {
  if (scope.paths.has(path)) return true;
  const d = directoryOf(path);
  return d !== null && scope.directories.has(d);
}

/** Whether a lineage changing `files` (all its patches', each once) is the repository's: more
 *  than REACH_SHARE of them are in `scope`. A lineage without files is nobody's. */
export function reaches(scope: RepositoryScope, files: ReadonlySet<string>): boolean {
  if (files.size === 0) return false;
  let inside = 0;
  for (const f of files) if (pathInScope(scope, f)) inside++;
  return inside / files.size > REACH_SHARE;
}
