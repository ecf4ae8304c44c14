// How many replies each patch and cover letter of a posting drew: every message of the thread is
// counted once, for the nearest posting member above it (a reply to a reply to patch 3 counts for
// patch 3). Ghosts are not messages and are not counted, but what hangs below them is. Pure;
// iterative; never throws.

export interface ReplyNode {
  id: string;
  parent: string | null;
  ghost: boolean;
}

/** Replies per member key (members without replies are absent). */
export function countReplies(nodes: readonly ReplyNode[], members: ReadonlySet<string>): Map<string, number> {
  const parent = new Map(nodes.map((n) => [n.id, n.parent]));
  // Nearest member at or above each node, memoised along the walk.
  const owner = new Map<string, string | null>();
  const ownerOf = (start: string): string | null => {
    const path: string[] = [];
    let at: string | null = start;
    let found: string | null = null;
    while (at !== null) {
      if (owner.has(at)) {
        found = owner.get(at)!;
        break;
      }
      if (members.has(at)) {
        found = at;
        break;
      }
      path.push(at);
      // A cycle cannot come out of threading; the length guard keeps a bad input finite.
      if (path.length > nodes.length) break;
      at = parent.get(at) ?? null;
    }
    for (const p of path) owner.set(p, found);
    return found;
  };
  const counts = new Map<string, number>();
  for (const n of nodes) {
    if (n.ghost || members.has(n.id)) continue;
    const o = n.parent === null ? null : ownerOf(n.parent);
    if (o !== null) counts.set(o, (counts.get(o) ?? 0) + 1);
  }
  return counts;
}
