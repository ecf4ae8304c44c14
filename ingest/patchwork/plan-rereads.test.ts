import { describe, expect, it } from 'vitest';
import type { PatchworkEvent, PatchworkWork } from '../types.ts';
import { noWork } from './plan-patchwork-sync.ts';
import { mergeWork, nextReread, settleWork, siblings, workDone, workFromEvents } from './plan-rereads.ts';

let nextId = 1;
function ev(category: string, e: Partial<PatchworkEvent> = {}): PatchworkEvent {
  return { id: nextId++, category, date: '2026-12-04T13:00:00', dateMs: Date.UTC(2026, 11, 4, 13), actor: 'maintainer', patch: null, cover: null, series: null, previousState: null, currentState: null, ...e };
}
const patch = (id: number, name = `[v3,${id}/25] x`, date = Date.UTC(2025, 0, 1)) => ({ id, messageId: `p${id}@x`, name, date });

describe('workFromEvents', () => {
  it('names the patches whose state, delegate or checks changed, new series and covers; comments are mail', () => {
    const r = workFromEvents(
      [
        ev('patch-state-changed', { patch: patch(5), previousState: 'new', currentState: 'accepted' }),
        ev('patch-delegated', { patch: patch(5) }),
        ev('check-created', { patch: patch(6) }),
        ev('series-created', { series: { id: 3, date: Date.UTC(2025, 0, 1) } }),
        ev('patch-completed', { patch: patch(8), series: { id: 3, date: null } }),
        ev('cover-created', { cover: { id: 2, messageId: 'c@x', date: Date.UTC(2025, 0, 1) } }),
        ev('patch-comment-created', { patch: patch(5) }),
        ev('cover-comment-created', { cover: { id: 2, messageId: 'c@x', date: null } }),
        ev('series-dependencies-changed', { series: { id: 4, date: null } }),
        ev('series-dependencies-changed'),
      ],
      null,
      'u',
    );
    expect(r.work).toEqual({
      patches: [
        { id: 5, messageId: 'p5@x', name: '[v3,5/25] x' },
        { id: 6, messageId: 'p6@x', name: '[v3,6/25] x' },
        { id: 8, messageId: 'p8@x', name: '[v3,8/25] x' },
      ],
      checks: [6],
      covers: [{ id: 2, messageId: 'c@x' }],
      series: [3],
    });
    expect(r.problems).toEqual([
      { code: 'patchwork/unknown-event', message: 'skipped events of categories patchlore does not know: series-dependencies-changed (2)', source: 'u', hint: expect.any(String), severity: 'warning' },
    ]);
  });

  it('skips what is about mail before the since-date', () => {
    const r = workFromEvents([ev('patch-state-changed', { patch: patch(1, 'x', Date.UTC(2023, 5, 1)) }), ev('patch-state-changed', { patch: patch(2, 'y', Date.UTC(2024, 0, 1)) })], '2024-01-01', 'u');
    expect(r.work.patches.map((p) => p.id)).toEqual([2]);
    expect(r.skippedBeforeSince).toBe(1);
  });
});

describe('the reread steps', () => {
  const work = (w: Partial<PatchworkWork>): PatchworkWork => ({ ...noWork(), ...w });
  const named = (id: number, name: string) => ({ id, messageId: `p${id}@x`, name });

  it('reads a series first, then a group of sibling patches through its series, then lone patches, covers, checks', () => {
    let w = work({ series: [9], patches: [named(12, '[v3,02/25] b'), named(11, '[v3,01/25] a'), named(13, '[v3,03/25] c'), named(90, '[PATCH] lone')], covers: [{ id: 4, messageId: 'c@x' }], checks: [11] });
    const steps: unknown[] = [];
    for (let s = nextReread(w); s; s = nextReread(w)) {
      steps.push(s);
      if (s.kind === 'series') w = settleWork(w, { series: [s.id] });
      else if (s.kind === 'patch') w = settleWork(w, { patches: s.thenSeries ? [11, 12, 13] : [s.id] });
      else if (s.kind === 'cover') w = settleWork(w, { covers: [s.id] });
      else w = settleWork(w, { checks: [s.patchId] });
    }
    expect(steps).toEqual([
      { kind: 'series', id: 9 },
      { kind: 'patch', id: 11, messageId: 'p11@x', thenSeries: true },
      { kind: 'patch', id: 90, messageId: 'p90@x', thenSeries: false },
      { kind: 'cover', id: 4, messageId: 'c@x' },
      { kind: 'checks', patchId: 11 },
    ]);
    expect(workDone(w)).toBe(true);
  });

  it('takes as siblings only patches with the same tags and count, ids within the count', () => {
    const w = work({ patches: [named(100, '[v9,01/20] a'), named(101, '[v9,02/20] b'), named(130, '[v9,03/20] far'), named(102, '[v8,03/20] other version'), named(103, '[RFC,v9,04/20] rfc'), named(104, '[v9,2/3] other count')] });
    expect(siblings(w, w.patches[0]!)).toEqual([100, 101]);
    expect(nextReread(w)).toMatchObject({ id: 100, thenSeries: false });
    expect(siblings(w, named(5, 'no tags'))).toEqual([5]);
  });

  it('merges work without doubles', () => {
    expect(mergeWork(work({ patches: [named(1, 'a')], checks: [1] }), work({ patches: [named(1, 'a'), named(2, 'b')], checks: [1, 2], series: [3] }))).toEqual(
      work({ patches: [named(1, 'a'), named(2, 'b')], checks: [1, 2], series: [3] }),
    );
  });
});
