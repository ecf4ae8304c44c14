// Strict threading (References and In-Reply-To only, never subjects), JWZ-style, for any set of
// messages. The result depends only on the set, not on the order messages arrived in: inputs are
// sorted first, and every choice below is made in that order. Nothing recurses on structure mail
// controls; cycles are refused with union-find, so a message is never its own ancestor.
// Pure. The store calls it on the threads touched by new mail (see store-fs.ts).
import type { Diagnostic, ThreadInput, ThreadNode, Threading } from '../types.ts';
import { DisjointSets } from './disjoint-sets.ts';

interface Node {
  id: string;
  ghost: boolean;
  /** Real messages only. */
  date: number | null;
  parent: string | null;
  children: string[];
}

function byDateThenKey(a: ThreadInput, b: ThreadInput): number {
  const da = a.date ?? Number.POSITIVE_INFINITY;
  const db = b.date ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Thread a set of messages. A thread is everything connected by references: a message joins the
 * thread of every ID it names, so a late message that names two threads merges them. Within a
 * thread, a message's parent is the last ID it names (JWZ); IDs never seen become ghosts, whose
 * parents come from the order of IDs in References chains. Ghosts with no children are kept in
 * the thread (so later mail naming them still joins it) but not shown.
 */
export function threadMessages(inputs: readonly ThreadInput[]): Threading {
  const sorted = [...inputs].sort(byDateThenKey);
  const forest = newForest(sorted);
  linkParents(forest, sorted);
  placeGhosts(forest, sorted);
  const roots: Node[] = [];
  for (const n of forest.nodes.values()) if (n.parent === null) roots.push(n);
  const order = displayOrder(forest.nodes, roots);
  const threadOf = threadNames(forest.threads, sorted);
  return { nodes: listNodes(forest.nodes, roots.sort((a, b) => order(a.id, b.id)), order, threadOf), diagnostics: forest.diagnostics };
}

/** The messages and ghosts being threaded, with what is known of their trees and threads. */
interface Forest {
  /** Every node by id: messages first (in sorted order), ghosts as they are named. */
  nodes: Map<string, Node>;
  /** Tree membership, to refuse links that would close a cycle: linking child c (a root, since
   *  it has no parent yet) under p closes a cycle exactly when p is already in c's tree. */
  trees: DisjointSets;
  /** Thread membership: a message and every ID it names. */
  threads: DisjointSets;
  /** Links refused. */
  diagnostics: Diagnostic[];
}

/** The messages' nodes, none linked yet. */
function newForest(sorted: readonly ThreadInput[]): Forest {
  const nodes = new Map<string, Node>();
  for (const m of sorted) nodes.set(m.key, { id: m.key, ghost: false, date: m.date, parent: null, children: [] });
  return { nodes, trees: new DisjointSets(), threads: new DisjointSets(), diagnostics: [] };
}

/** The node of an id; a ghost, added now, when no message has it. */
function nodeOf(f: Forest, id: string): Node {
  let n = f.nodes.get(id);
  if (!n) {
    n = { id, ghost: true, date: null, parent: null, children: [] };
    f.nodes.set(id, n);
  }
  return n;
}

/** Make `parent` the parent of the root `child`, unless that closes a cycle. */
function link(f: Forest, child: Node, parent: Node): boolean {
  if (f.trees.find(child.id) === f.trees.find(parent.id)) return false;
  child.parent = parent.id;
  parent.children.push(child.id);
  f.trees.union(child.id, parent.id);
  return true;
}

/** Phase 1: a message's own last reference is its parent; every ID it names is in its thread. A
 *  message naming itself, or a descendant, keeps no parent, with a diagnostic. */
function linkParents(f: Forest, sorted: readonly ThreadInput[]): void {
  for (const m of sorted) {
    for (const r of m.references) {
      f.threads.union(m.key, r);
      nodeOf(f, r);
    }
    f.threads.find(m.key);
    const last = m.references[m.references.length - 1];
    if (last === undefined) continue;
    if (last === m.key) {
      f.diagnostics.push({ code: 'thread/self-reference', message: 'message names itself as its parent', messageId: m.key });
      continue;
    }
    const self = nodeOf(f, m.key);
    if (!link(f, self, nodeOf(f, last))) {
      f.diagnostics.push({
        code: 'thread/cycle',
        message: `parent ${last} is already a descendant; link ignored to keep the thread a tree`,
        messageId: m.key,
      });
    }
  }
}

/** Phase 2: References chains place ghosts (and messages that named no parent): r[i-1] is
 *  r[i]'s parent. */
function placeGhosts(f: Forest, sorted: readonly ThreadInput[]): void {
  const namesNoParent = new Set(sorted.filter((m) => m.references.length === 0).map((m) => m.key));
  for (const m of sorted) {
    const refs = m.references;
    for (let i = 1; i < refs.length; i++) {
      const child = nodeOf(f, refs[i]!);
      if (child.parent !== null || !(child.ghost || namesNoParent.has(child.id))) continue;
      const parent = nodeOf(f, refs[i - 1]!);
      if (parent.id !== child.id) link(f, child, parent);
    }
  }
}

/** Phase 3: the order of siblings (and of roots): by date, a ghost by its earliest child's, then
 *  by id. Computed children before parents, without recursion. */
function displayOrder(nodes: ReadonlyMap<string, Node>, roots: readonly Node[]): (a: string, b: string) => number {
  const sortDate = new Map<string, number>();
  const postorder: Node[] = [];
  for (const r of roots) {
    const stack: Array<[Node, boolean]> = [[r, false]];
    while (stack.length) {
      const [n, expanded] = stack.pop()!;
      if (expanded) {
        postorder.push(n);
        continue;
      }
      stack.push([n, true]);
      for (const c of n.children) stack.push([nodes.get(c)!, false]);
    }
  }
  for (const n of postorder) {
    let d = n.ghost ? Number.POSITIVE_INFINITY : (n.date ?? Number.POSITIVE_INFINITY);
    for (const c of n.children) d = Math.min(d, sortDate.get(c)!);
    sortDate.set(n.id, d);
  }
  return (a: string, b: string): number => {
    const da = sortDate.get(a)!;
    const db = sortDate.get(b)!;
    if (da !== db) return da < db ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

/** Phase 4: each thread is named after its earliest message (inputs are sorted, so the first
 *  seen wins); the result gives the thread id of any node id. */
function threadNames(threads: DisjointSets, sorted: readonly ThreadInput[]): (id: string) => string {
  const threadName = new Map<string, string>();
  for (const m of sorted) {
    const rep = threads.find(m.key);
    if (!threadName.has(rep)) threadName.set(rep, m.key);
  }
  return (id: string): string => threadName.get(threads.find(id))!;
}

/** Phase 5: every node, thread by thread, depth-first in display order (`roots` sorted);
 *  childless ghosts are listed as hidden roots. */
function listNodes(nodes: ReadonlyMap<string, Node>, roots: readonly Node[], order: (a: string, b: string) => number, threadOf: (id: string) => string): ThreadNode[] {
  const out: ThreadNode[] = [];
  const orderInThread = new Map<string, number>();
  const shown = (n: Node): boolean => !n.ghost || n.children.length > 0;
  for (const r of roots) {
    const threadId = threadOf(r.id);
    if (!shown(r)) {
      out.push({ id: r.id, ghost: true, threadId, parent: null, depth: 0, order: -1, shown: false });
      continue;
    }
    const stack: Array<[Node, number]> = [[r, 0]];
    while (stack.length) {
      const [n, depth] = stack.pop()!;
      if (!shown(n)) {
        out.push({ id: n.id, ghost: true, threadId, parent: null, depth: 0, order: -1, shown: false });
        continue;
      }
      const position = orderInThread.get(threadId) ?? 0;
      orderInThread.set(threadId, position + 1);
      out.push({ id: n.id, ghost: n.ghost, threadId, parent: n.parent, depth, order: position, shown: true });
      const kids = [...n.children].sort(order);
      for (let i = kids.length - 1; i >= 0; i--) stack.push([nodes.get(kids[i]!)!, depth + 1]);
    }
  }
  return out;
}
