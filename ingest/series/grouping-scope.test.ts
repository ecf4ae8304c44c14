import { describe, expect, it } from 'vitest';
import type { LocatedRootRow } from '../store/store-rows.ts';
import type { PatchKind, SeriesMessage } from '../types.ts';
import { UNTHREADED_WINDOW_MS } from './group-postings.ts';
import { groupingScope, unthreadedRoots, type GroupingReader } from './grouping-scope.ts';

const MIN = 60_000;

function message(key: string, threadId: string, o: { parent?: string | null; kind?: PatchKind; email?: string; minute?: number | null } = {}): SeriesMessage {
  return {
    key,
    threadId,
    parent: o.parent ?? null,
    date: o.minute === null ? null : (o.minute ?? 0) * MIN,
    from: { name: 'X', email: o.email ?? 'Hank@x' },
    subject: key,
    meta: { kind: o.kind ?? 'patch', tags: {} } as SeriesMessage['meta'],
  };
}

/** A reader over messages, roots kept as `kept` (the roots as they were), and stored postings
 *  with their message keys. */
function reader(messages: SeriesMessage[], stored: Record<string, string[]> = {}, kept = unthreadedRoots(messages)): GroupingReader & { asked: string[][] } {
  const threadOf = new Map(messages.map((m) => [m.key, m.threadId]));
  const located = (r: (typeof kept)[number]): LocatedRootRow[] => (threadOf.has(r.key) ? [{ ...r, threadId: threadOf.get(r.key)! }] : []);
  const asked: string[][] = [];
  return {
    asked,
    threadMessages: (ts) => {
      asked.push([...ts]);
      return messages.filter((m) => ts.includes(m.threadId));
    },
    roots: (keys) => kept.filter((r) => keys.includes(r.key)).flatMap(located),
    rootsNear: (sender, from, to) => kept.filter((r) => r.sender === sender && r.date >= from && r.date <= to).flatMap(located),
    postingsInThreads: (ts) => Object.keys(stored).filter((p) => stored[p]!.some((k) => ts.includes(threadOf.get(k)!))),
    memberThreads: (ps) => [...new Set(ps.flatMap((p) => stored[p]!.map((k) => threadOf.get(k)!)))],
  };
}

describe('groupingScope', () => {
  it('is the thread alone when nothing in it was sent without threading', () => {
    const ms = [message('c', 't1', { kind: 'cover' }), message('p1', 't1', { parent: 'c' }), message('other', 't2', { minute: 1, email: 'someone@x' })];
    const s = groupingScope(['t1'], reader(ms));
    expect(s.threads).toEqual(['t1']);
    expect(s.messages.map((m) => m.key)).toEqual(['c', 'p1']);
  });

  it('takes in the roots of the same sender within the window, in chains, and no others', () => {
    const ms = [
      message('a', 't1', { minute: 0 }),
      message('b', 't2', { minute: 100 }),
      message('c', 't3', { minute: 220 }),
      message('far', 't4', { minute: 400 }),
      message('else', 't5', { minute: 1, email: 'someone@x' }),
      message('reply', 't6', { minute: 2, kind: 'reply' }),
      message('undated', 't7', { minute: null }),
    ];
    expect(UNTHREADED_WINDOW_MS).toBe(120 * MIN);
    expect(groupingScope(['t1'], reader(ms)).threads.sort()).toEqual(['t1', 't2', 't3']);
    // The sender compares without case.
    expect(groupingScope(['t4'], reader([...ms, message('near', 't8', { minute: 390, email: 'HANK@X' })])).threads.sort()).toEqual(['t4', 't8']);
    expect(groupingScope(['t7'], reader(ms)).threads).toEqual(['t7']);
  });

  it('chains through roots as they were kept before, not only as they are', () => {
    // Message b was a root of t2 when kept; now it has a parent, but what it joined must be grouped again.
    const now = [message('a', 't1', { minute: 0 }), message('b', 't2', { minute: 100, parent: 'x' }), message('c', 't3', { minute: 200 })];
    const before = unthreadedRoots([now[0]!, { ...now[1]!, parent: null }, now[2]!]);
    expect(groupingScope(['t2'], reader(now, {}, before)).threads.sort()).toEqual(['t1', 't2', 't3']);
    expect(groupingScope(['t2'], reader(now)).threads).toEqual(['t2']);
  });

  it('takes in the threads of the postings stored for its threads, and says which they are', () => {
    const ms = [message('p1', 't1', { kind: 'patch', parent: 'r' }), message('p2', 't2', { kind: 'patch', parent: 'r2' }), message('p3', 't3', { parent: 'q' })];
    const s = groupingScope(['t1'], reader(ms, { P: ['p1', 'p2'], Q: ['p3'] }));
    expect(s.threads.sort()).toEqual(['t1', 't2']);
    expect(s.postings).toEqual(['P']);
  });

  it('leaves out threads already grouped, and asks for each thread once', () => {
    const ms = [message('a', 't1', { minute: 0 }), message('b', 't2', { minute: 100 }), message('c', 't3', { minute: 200 })];
    const r = reader(ms);
    expect(groupingScope(['t1', 't1'], r, new Set(['t2'])).threads).toEqual(['t1']);
    const r2 = reader(ms);
    groupingScope(['t1'], r2);
    expect(r2.asked.flat().sort()).toEqual(['t1', 't2', 't3']);
  });
});
