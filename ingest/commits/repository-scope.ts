// Which posted patches a repository could have taken: those changing a path its history changed,
// or a file in a directory where its history changed one. A list carries patches for several
// repositories (the nvdimm list: the kernel's drivers/nvdimm and ndctl's tools), and a patch for
// another repository is not "not merged" here, only unknown. Directories count as they are, not
// their parents: ndctl's Documentation/ndctl/ does not take in the kernel's Documentation/ABI/.
// Pure.

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

/** Whether a patch changing `files` is in `scope`: one of them is a path the history changed,
 *  or sits in a directory where it changed one. A patch without files is in none. */
export function inScope(scope: RepositoryScope, files: readonly string[]): boolean {
  return files.some((f) => {
    if (scope.paths.has(f)) return true;
    const d = directoryOf(f);
    return d !== null && scope.directories.has(d);
  });
}
