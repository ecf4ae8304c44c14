import { describe, expect, it } from 'vitest';
import type { PatchworkCursor, PatchworkEvent } from '../types.ts';
import { parsePatchworkDate } from './patchwork-fields.ts';
import { freshEvents, nextCursor } from './patchwork-cursor.ts';
import { noWork } from './plan-patchwork-sync.ts';

const ev = (id: number, date: string): PatchworkEvent => ({ id, category: 'patch-state-changed', date, dateMs: parsePatchworkDate(date), actor: null, patch: null, cover: null, series: null, previousState: null, currentState: null });
const base: PatchworkCursor = { server: 's', project: 'p', projectId: 1, asked: 'p', apiVersion: '1.3', since: null, fullReadAt: 0, eventDate: '2026-12-04T13:00:00.000000', eventIds: [10, 11], owed: noWork() };

describe('the event cursor', () => {
  it('skips events already taken into account and orders the rest oldest first', () => {
    expect(freshEvents([ev(13, '2026-12-04T13:00:05'), ev(11, '2026-12-04T13:00:00'), ev(12, '2026-12-04T13:00:01'), ev(13, '2026-12-04T13:00:05')], base).map((e) => e.id)).toEqual([12, 13]);
    expect(freshEvents([ev(1, '2026-12-04T13:00:00')], null).map((e) => e.id)).toEqual([1]);
  });

  it('moves to the newest event and keeps the ids within the overlap before it', () => {
    const c = nextCursor(base, [ev(12, '2026-12-04T13:00:01'), ev(20, '2026-12-04T13:00:20.500000'), ev(21, '2026-12-04T13:00:25.250000')], { ...noWork(), checks: [4] });
    expect(c).toEqual({ ...base, eventDate: '2026-12-04T13:00:25.250000', eventIds: [20, 21], owed: { ...noWork(), checks: [4] } });
    // nothing new: unchanged
    expect(nextCursor(base, [ev(11, '2026-12-04T13:00:00.000000')], noWork())).toEqual(base);
    // a late event dated before the newest one does not move the cursor back
    expect(nextCursor(base, [ev(9, '2026-12-04T12:59:58')], noWork())).toEqual({ ...base, eventIds: [9, 10, 11] });
    // with no overlap only the newest date's ids
    expect(nextCursor(base, [ev(12, '2026-12-04T13:00:01'), ev(13, '2026-12-04T13:00:01')], noWork(), 0)).toMatchObject({ eventDate: '2026-12-04T13:00:01', eventIds: [12, 13] });
  });

  it('starts from nothing when the project had no events', () => {
    const empty = { ...base, eventDate: null, eventIds: [] };
    expect(nextCursor(empty, [], noWork())).toEqual(empty);
    expect(nextCursor(empty, [ev(1, '2026-01-01T00:00:00')], noWork())).toMatchObject({ eventDate: '2026-01-01T00:00:00', eventIds: [1] });
  });
});
