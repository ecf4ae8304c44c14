import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ThreadInput, ThreadNode } from '../types.ts';
import { threadMessages } from './thread-messages.ts';

const msg = (key: string, references: string[] = [], date: number | null = null): ThreadInput => ({ key, references, date });

/** node id -> [parent, depth] of shown nodes, for compact assertions. */
function tree(nodes: ThreadNode[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of nodes) if (n.shown) out[n.id] = `${n.parent ?? '-'}${n.ghost ? ' (ghost)' : ''}`;
  return out;
}

/** Thread id -> sorted member ids (all nodes, shown or not). */
function partition(nodes: ThreadNode[]): string[][] {
  const by = new Map<string, string[]>();
  for (const n of nodes) by.set(n.threadId, [...(by.get(n.threadId) ?? []), n.id]);
  return [...by.values()].map((v) => v.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** True when walking up from every node ends at a root (no cycles). Linear: each node is
 *  walked once, later walks stop at nodes already known to end at a root. */
function ancestorsTerminate(nodes: ThreadNode[]): boolean {
  const parent = new Map(nodes.map((n) => [n.id, n.parent]));
  const done = new Set<string>();
  for (const n of nodes) {
    const path = new Set<string>();
    let x: string | null = n.id;
    while (x !== null && !done.has(x)) {
      if (path.has(x)) return false;
      path.add(x);
      x = parent.get(x) ?? null;
    }
    for (const p of path) done.add(p);
  }
  return true;
}

describe('threadMessages', () => {
  it('parents a reply under the last reference', () => {
    const t = threadMessages([msg('a', [], 1), msg('b', ['a'], 2), msg('c', ['a', 'b'], 3), msg('d', ['a'], 4)]);
    expect(tree(t.nodes)).toEqual({ a: '-', b: 'a', c: 'b', d: 'a' });
    const a = t.nodes.find((n) => n.id === 'a')!;
    expect(a.threadId).toBe('a');
    expect(t.nodes.filter((n) => n.shown).sort((x, y) => x.order - y.order).map((n) => `${n.id}@${n.depth}`)).toEqual([
      'a@0', 'b@1', 'c@2', 'd@1',
    ]);
  });

  it('makes ghosts of missing parents instead of re-parenting replies', () => {
    // The thread started on another list: only replies are here.
    const t = threadMessages([msg('r1', ['root'], 2), msg('r2', ['root', 'r1'], 3), msg('r3', ['root', 'gone'], 4)]);
    expect(tree(t.nodes)).toEqual({ root: '- (ghost)', r1: 'root', r2: 'r1', gone: 'root (ghost)', r3: 'gone' });
    expect(new Set(t.nodes.map((n) => n.threadId))).toEqual(new Set(['r1']));
  });

  it('merges two threads when a message reveals they are one', () => {
    const before = threadMessages([msg('a', ['x'], 1), msg('b', ['y'], 2)]);
    expect(partition(before.nodes)).toHaveLength(2);
    const after = threadMessages([msg('a', ['x'], 1), msg('b', ['y'], 2), msg('c', ['x', 'y'], 3)]);
    expect(partition(after.nodes)).toEqual([['a', 'b', 'c', 'x', 'y']]);
  });

  it('breaks cycles and never makes a message its own ancestor', () => {
    const t = threadMessages([msg('a', ['b'], 1), msg('b', ['a'], 2)]);
    expect(ancestorsTerminate(t.nodes)).toBe(true);
    expect(tree(t.nodes)).toEqual({ a: 'b', b: '-' });
    expect(t.diagnostics.map((d) => d.code)).toEqual(['thread/cycle']);
  });

  it('reports self-references', () => {
    const t = threadMessages([msg('a', ['a'], 1)]);
    expect(tree(t.nodes)).toEqual({ a: '-' });
    expect(t.diagnostics.map((d) => d.code)).toEqual(['thread/self-reference']);
  });

  it('hides childless ghosts but keeps them in the thread', () => {
    // zzz only ever appears before b, which already has a parent: nothing hangs under it.
    const t = threadMessages([msg('a', [], 1), msg('b', ['a'], 2), msg('c', ['zzz', 'b'], 3)]);
    expect(tree(t.nodes)).toEqual({ a: '-', b: 'a', c: 'b' });
    const zzz = t.nodes.find((n) => n.id === 'zzz')!;
    expect(zzz.shown).toBe(false);
    expect(zzz.threadId).toBe('a');
    expect(zzz.order).toBe(-1);
  });

  it('follows JWZ: a References chain names the parent of a message that named none', () => {
    const t = threadMessages([msg('a', [], 1), msg('b', ['zzz', 'a'], 2)]);
    expect(tree(t.nodes)).toEqual({ zzz: '- (ghost)', a: 'zzz', b: 'a' });
  });

  it('places a message that named no parent using others\' References chains', () => {
    // b was sent without threading headers; c's References show where it belongs.
    const t = threadMessages([msg('a', [], 1), msg('b', [], 2), msg('c', ['a', 'b'], 3)]);
    expect(tree(t.nodes)).toEqual({ a: '-', b: 'a', c: 'b' });
  });

  it('orders siblings by date, undated last', () => {
    const t = threadMessages([msg('a', [], 1), msg('late', ['a'], 9), msg('undated', ['a'], null), msg('early', ['a'], 2)]);
    expect(t.nodes.filter((n) => n.shown).sort((x, y) => x.order - y.order).map((n) => n.id)).toEqual(['a', 'early', 'late', 'undated']);
  });

  it('terminates quickly on a 10,000-deep References chain', () => {
    const refs = Array.from({ length: 10_000 }, (_, i) => `r${i}`);
    const t = threadMessages([msg('m', refs, 1)]);
    const m = t.nodes.find((n) => n.id === 'm')!;
    expect(m.depth).toBe(10_000);
    expect(ancestorsTerminate(t.nodes)).toBe(true);
  });

  it('terminates on a 10,000-message reply chain and a chain of mutual references', () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => msg(`m${i}`, i ? [`m${i - 1}`] : [`m9999`], i));
    const t = threadMessages(chain);
    expect(ancestorsTerminate(t.nodes)).toBe(true);
    expect(partition(t.nodes)).toHaveLength(1);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['thread/cycle']);
  });
});

// Property tests: threading depends on the set of messages, not the order they came in.
const idArb = fc.constantFrom(...'abcdefghijklmnop'.split(''));
const setArb = fc
  .uniqueArray(
    fc.record({
      key: idArb,
      references: fc.array(idArb, { maxLength: 5 }).map((r) => [...new Set(r)]),
      date: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    }),
    { selector: (m) => m.key, maxLength: 14 },
  )
  .map((ms) => ms.map((m) => ({ ...m, references: m.references.filter((r) => r !== m.key) })));

describe('threadMessages properties', () => {
  it('gives the same threads for any arrival order', () => {
    fc.assert(
      fc.property(setArb, fc.func(fc.integer()), (ms, f) => {
        const a = threadMessages(ms).nodes;
        const shuffled = [...ms].sort((x, y) => f(x.key) - f(y.key));
        const b = threadMessages(shuffled).nodes;
        const c = threadMessages([...ms].reverse()).nodes;
        const key = (n: ThreadNode[]) => JSON.stringify([...n].sort((x, y) => (x.id < y.id ? -1 : 1)));
        return key(a) === key(b) && key(a) === key(c);
      }),
      { numRuns: 300 },
    );
  });

  it('places every message exactly once, acyclically', () => {
    fc.assert(
      fc.property(setArb, (ms) => {
        const nodes = threadMessages(ms).nodes;
        const ids = nodes.map((n) => n.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const m of ms) expect(nodes.filter((n) => n.id === m.key && !n.ghost && n.shown)).toHaveLength(1);
        expect(ancestorsTerminate(nodes)).toBe(true);
        // a parent is always in the same thread and shown
        const byId = new Map(nodes.map((n) => [n.id, n]));
        for (const n of nodes) if (n.parent) expect(byId.get(n.parent)!.threadId).toBe(n.threadId);
      }),
      { numRuns: 300 },
    );
  });
});
