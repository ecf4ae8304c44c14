// The mappers over real answers of Patchwork 3.2.1 (the rig's reference/ folder: wish1 loaded and
// triaged), compared with fixtures/reference-records.json (regenerate with UPDATE_GOLDEN=1 and
// review the diff), and over broken answers, whose problems are pinned.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingReference, PATCHWORK_REFERENCE } from '../test-support/patchwork-tool.ts';
import type { Diagnostic } from '../types.ts';
import { currentChecks, mapCheck } from './map-check.ts';
import { mapCover } from './map-cover.ts';
import { mapEvent } from './map-event.ts';
import type { ReadContext } from './map-origin.ts';
import { mapPatch } from './map-patch.ts';
import { mapProject, matchProject } from './map-project.ts';
import { mapSeries } from './map-series.ts';

const GOLDEN = join(import.meta.dirname, 'fixtures', 'reference-records.json');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const READ_AT = Date.UTC(2026, 11, 4, 13, 30);
const ctx = (url: string): ReadContext => ({ server: 'http://127.0.0.1:8472', project: 'nvdimm', apiVersion: '1.3', url, readAt: READ_AT });

describe.skipIf(missingReference)(`records from real Patchwork answers${missingReference ? ` (skipped: ${missingReference})` : ''}`, () => {
  const json = (name: string): unknown => JSON.parse(readFileSync(join(PATCHWORK_REFERENCE, name), 'utf8'));
  const list = (name: string): unknown[] => json(name) as unknown[];

  function mapAll() {
    const problems: Diagnostic[] = [];
    const u = (name: string) => `reference/${name}`;
    const out = {
      patchDetail: mapPatch(json('patch-128.json'), ctx(u('patch-128.json')), problems),
      patchesAccepted: list('patches-accepted.json').map((p) => mapPatch(p, ctx(u('patches-accepted.json')), problems)),
      seriesDetail: mapSeries(json('series-14.json'), ctx(u('series-14.json')), problems),
      seriesList: list('series-list.json').map((s) => mapSeries(s, ctx(u('series-list.json')), problems)),
      coverDetail: mapCover(json('cover-11.json'), ctx(u('cover-11.json')), problems),
      covers: list('covers.json').map((c) => mapCover(c, ctx(u('covers.json')), problems)),
      events: list('events.json').map((e) => mapEvent(e, u('events.json'), problems)),
      checksOfPatch392: list('checks-patch-392.json').map((c) => mapCheck(c, u('checks-patch-392.json'), problems)),
      projects: list('projects.json').map((p) => mapProject(p, u('projects.json'), problems)),
      problems,
    };
    return JSON.parse(JSON.stringify(out)) as typeof out;
  }

  it('match the golden file', () => {
    const got = mapAll();
    if (UPDATE) writeFileSync(GOLDEN, JSON.stringify(got, null, 2) + '\n');
    expect(existsSync(GOLDEN), `no golden file ${GOLDEN}: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(got).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('carry the triaged decisions: sparse-vmemmap v9 patch 1 accepted, delegated to djbw, in series 14 (v9)', () => {
    const { patchDetail, seriesDetail, coverDetail, problems } = mapAll();
    expect(problems).toEqual([]);
    expect(patchDetail).toMatchObject({
      kind: 'patch',
      messageId: '20220420155310.9712-2-joao.m.martins@oracle.com',
      name: '[v9,1/5] mm/sparse-vmemmap: add a pgmap argument to section activation',
      date: Date.UTC(2022, 3, 20, 15, 53, 6),
      state: { slug: 'accepted', name: 'Accepted', known: true },
      archived: false,
      delegate: { username: 'djbw', name: 'Dan Williams', email: 'dan.j.williams@intel.com' },
      commitRef: null,
      checkState: 'pending',
      checks: null,
      series: [{ id: 14, version: 9, name: 'sparse-vmemmap: memory savings for compound devmaps (device-dax)' }],
      submitter: { name: 'Joao Martins', email: 'joao.m.martins@oracle.com' },
      listArchiveUrl: 'https://lore.kernel.org/r/20220420155310.9712-2-joao.m.martins@oracle.com',
      origin: { server: 'http://127.0.0.1:8472', project: 'nvdimm', apiVersion: '1.3', id: 128, apiUrl: 'http://127.0.0.1:8472/api/1.3/patches/128/', readAt: READ_AT },
    });
    expect(seriesDetail).toMatchObject({ version: 9, total: 5, receivedAll: true, coverMessageId: '20220420155310.9712-1-joao.m.martins@oracle.com' });
    expect(seriesDetail!.patchMessageIds).toEqual([2, 3, 4, 5, 6].map((n) => `20220420155310.9712-${n}-joao.m.martins@oracle.com`));
    expect(coverDetail).toMatchObject({ messageId: '20220420155310.9712-1-joao.m.martins@oracle.com', series: [{ id: 14, version: 9 }] });
  });

  it('keep the newest check per context: fs/dax v9 patch 3 has a checkpatch warning after a success', () => {
    const checks = mapAll().checksOfPatch392.filter((c) => c !== null);
    expect(checks).toHaveLength(3);
    expect(currentChecks(checks)).toEqual([
      { context: 'build-x86_64', state: 'success', url: 'https://ci.example.org/nvdimm/build/1001', description: 'allmodconfig build OK', date: expect.any(Number), user: 'maintainer' },
      { context: 'checkpatch', state: 'warning', url: null, description: 'checkpatch.pl: 1 warning (line length)', date: expect.any(Number), user: 'maintainer' },
    ]);
  });

  it('read events with their dates exactly as written, and what they name', () => {
    const events = mapAll().events;
    expect(events.map((e) => e!.category)).toEqual(['patch-comment-created', 'patch-comment-created', 'patch-comment-created', 'check-created', 'patch-delegated', ...Array(5).fill('patch-state-changed')]);
    expect(events[0]).toMatchObject({ id: 2656, date: '2026-12-04T13:23:10.107007', actor: null, patch: { id: 169 } });
    expect(events[3]).toMatchObject({ category: 'check-created', actor: 'maintainer', patch: { id: 503, messageId: '20260511214020.208939-1-souvik@amlalabs.com', date: Date.UTC(2026, 4, 11, 21, 40, 20) } });
    expect(events[5]).toMatchObject({ patch: { id: 502 }, previousState: 'new', currentState: 'superseded' });
  });

  it('find a project by link name, List-Id or list address', () => {
    const projects = mapAll().projects.filter((p) => p !== null);
    for (const name of ['nvdimm', 'NVDIMM', 'nvdimm.lists.linux.dev', 'nvdimm@lists.linux.dev']) expect(matchProject(projects, name)?.id, name).toBe(1);
    expect(matchProject(projects, 'linux-cxl')).toBeNull();
  });
});

describe('records from broken answers', () => {
  it('skip a patch without a Message-ID or state, saying which and why; keep one with a bad optional field', () => {
    const problems: Diagnostic[] = [];
    expect(mapPatch({ id: 3, msgid: '<a@b>' }, ctx('u'), problems)).toBeNull();
    expect(mapPatch({ id: 4, state: 'new' }, ctx('u'), problems)).toBeNull();
    expect(mapPatch('patch', ctx('u'), problems)).toBeNull();
    const p = mapPatch({ id: 5, msgid: '<c@d>', state: 'handled-elsewhere', name: 'x', date: 'soon', archived: true, delegate: 'djbw', series: [{ id: 'x' }, { id: 2, version: 3, name: 's' }], submitter: { name: null, email: 'e@x' } }, ctx('u'), problems);
    expect(p).toMatchObject({ messageId: 'c@d', state: { slug: 'handled-elsewhere', name: 'Handled Elsewhere', known: false }, date: null, archived: true, delegate: null, series: [{ id: 2, version: 3, name: 's' }], submitter: { name: '', email: 'e@x' } });
    expect(problems.map((x) => `${x.severity} ${x.message}`)).toEqual([
      'error patch 3: no "state" field; skipped',
      'error patch 4: no "msgid" field; skipped',
      'error patch is not a JSON object; skipped',
      'warning patch 5: "date" is not an ISO 8601 date ("2022-04-20T15:53:06"); left empty',
      'warning patch 5: "delegate" is not an object or null; left empty',
      'warning patch 5: no "check" field; left empty',
      'error patch 5, series entry 1: "id" is not a whole number; skipped',
      'warning patch 5: no "url" field; left empty',
    ]);
  });

  it('read an event without a payload as naming nothing, and skip one without a date', () => {
    const problems: Diagnostic[] = [];
    expect(mapEvent({ id: 9, category: 'patch-created', date: '2026-01-01T00:00:00' }, 'u', problems)).toMatchObject({ id: 9, patch: null, series: null });
    expect(mapEvent({ id: 10, category: 'patch-created' }, 'u', problems)).toBeNull();
    expect(problems.map((x) => x.message)).toEqual(['event 9 (patch-created) has no payload: it names no patch, cover letter or series', 'event 10: no "date" field; skipped']);
  });
});
