// Everything reachable from some ids, a frontier at a time (so a step can ask a store about a
// whole frontier at once): the closure the grouping and link scopes take. Iterative. Pure.

/** The ids reachable from `seeds` through `step`, which is given each frontier (ids not seen
 *  before) and reports the ids it leads to; ids in `exclude` are never reached. */
export function reachFrom(seeds: Iterable<string>, exclude: ReadonlySet<string>, step: (frontier: readonly string[], reach: (id: string) => void) => void): Set<string> {
  const seen = new Set<string>();
  let frontier = [...new Set(seeds)].filter((id) => !exclude.has(id));
  while (frontier.length > 0) {
    for (const id of frontier) seen.add(id);
    const next = new Set<string>();
    step(frontier, (id) => {
      if (!seen.has(id) && !exclude.has(id)) next.add(id);
    });
    frontier = [...next];
  }
  return seen;
}
