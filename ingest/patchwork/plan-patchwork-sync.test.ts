import { describe, expect, it } from 'vitest';
import type { PatchworkCursor } from '../types.ts';
import { EVENT_OVERLAP_MS, fullReadUrls, FULL_REREAD_INTERVAL_MS, noWork, planPatchworkSync } from './plan-patchwork-sync.ts';

const S = 'https://patchwork.kernel.org';
const NOW = Date.UTC(2026, 11, 4, 14, 0);
const cursor = (c: Partial<PatchworkCursor> = {}): PatchworkCursor => ({
  server: S,
  project: 'linux-nvdimm',
  projectId: 7,
  asked: 'nvdimm.lists.linux.dev',
  apiVersion: '1.3',
  since: '2024-01-01',
  fullReadAt: NOW - 3600_000,
  eventDate: '2026-12-04T13:23:10.107007',
  eventIds: [2655, 2656],
  owed: noWork(),
  ...c,
});
const ask = (r: Partial<Parameters<typeof planPatchworkSync>[1]> = {}) => ({ server: S, project: 'linux-nvdimm', since: '2024-01-01', full: false, now: NOW, ...r });

describe('planPatchworkSync', () => {
  it('asks only for the events since a little before the newest one seen, newest first', () => {
    const p = planPatchworkSync(cursor({ owed: { ...noWork(), checks: [7] } }), ask());
    expect(p).toEqual({
      mode: 'incremental',
      reason: 'events since 2026-12-04T13:23:10.107007',
      problems: [],
      apiVersion: '1.3',
      eventsUrl: `${S}/api/1.3/events/?order=-date&per_page=100&project=7&since=2026-12-04T13%3A23%3A00.107`,
      owed: { ...noWork(), checks: [7] },
    });
    expect(EVENT_OVERLAP_MS).toBe(10_000);
    // by the name the user gave the first time, with a later since-date, with the event date as written when asked
    expect(planPatchworkSync(cursor(), ask({ project: 'nvdimm.lists.linux.dev', since: '2025-01-01', overlapMs: 0 }))).toMatchObject({
      mode: 'incremental',
      eventsUrl: `${S}/api/1.3/events/?order=-date&per_page=100&project=7&since=2026-12-04T13%3A23%3A10.107007`,
    });
    expect(planPatchworkSync(cursor({ eventDate: null, eventIds: [] }), ask(), 7)).toMatchObject({ eventsUrl: `${S}/api/1.3/events/?order=-date&per_page=7&project=7`, reason: 'events since the last sync (the project had none then)' });
  });

  it('reads everything the first time, when asked, for an earlier since-date, after a week, or with a cursor of elsewhere', () => {
    expect(planPatchworkSync(null, ask())).toEqual({ mode: 'full', reason: 'first sync of this project', problems: [] });
    expect(planPatchworkSync(cursor(), ask({ full: true }))).toMatchObject({ mode: 'full', reason: 'a full read was asked for' });
    expect(planPatchworkSync(cursor(), ask({ since: '2023-06-01' }))).toMatchObject({ mode: 'full', reason: 'the since-date moved back (from 2024-01-01 to 2023-06-01)' });
    expect(planPatchworkSync(cursor(), ask({ since: null }))).toMatchObject({ mode: 'full', reason: 'the since-date moved back (from 2024-01-01 to everything)' });
    expect(planPatchworkSync(cursor({ fullReadAt: NOW - FULL_REREAD_INTERVAL_MS - 1 }), ask())).toMatchObject({ mode: 'full', reason: expect.stringContaining('older than 7 days (archived flags and commit refs change without events)') });
    expect(planPatchworkSync(cursor({ fullReadAt: NOW - FULL_REREAD_INTERVAL_MS }), ask()).mode).toBe('incremental');
    expect(planPatchworkSync(cursor(), ask({ project: 'linux-cxl' }))).toEqual({
      mode: 'full',
      reason: 'the cursor given is for another server or project',
      problems: [{ code: 'patchwork/cursor', message: `the cursor given is for project linux-nvdimm at ${S}, not linux-cxl at ${S}; everything is read`, source: S, hint: 'keep one cursor per server and project', severity: 'warning' }],
    });
  });
});

describe('fullReadUrls', () => {
  it('lists from the since-date, check events oldest first, the newest events without a date', () => {
    expect(fullReadUrls(S, '1.3', 'linux-nvdimm', '2024-01-01', 50)).toEqual({
      newestEvents: `${S}/api/1.3/events/?per_page=50&project=linux-nvdimm`,
      series: `${S}/api/1.3/series/?per_page=50&project=linux-nvdimm&since=2024-01-01T00%3A00%3A00`,
      patches: `${S}/api/1.3/patches/?per_page=50&project=linux-nvdimm&since=2024-01-01T00%3A00%3A00`,
      covers: `${S}/api/1.3/covers/?per_page=50&project=linux-nvdimm&since=2024-01-01T00%3A00%3A00`,
      checkEvents: `${S}/api/1.3/events/?category=check-created&order=date&per_page=50&project=linux-nvdimm&since=2024-01-01T00%3A00%3A00`,
    });
    expect(fullReadUrls(S, '1.2', 'p', null).patches).toBe(`${S}/api/1.2/patches/?per_page=100&project=p`);
  });
});
