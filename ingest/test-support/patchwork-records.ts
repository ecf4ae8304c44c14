// Small builders of Patchwork records for tests: a project, patches, cover letters and series as
// the Patchwork reader maps them (ingest/types.ts), with defaults for everything; and storing them.
import { patchworkState } from '../patchwork/patchwork-state.ts';
import { noWork } from '../patchwork/plan-patchwork-sync.ts';
import type { PatchworkStateChange, PatchworkWrite, Store } from '../store/store-port.ts';
import type { PatchworkCover, PatchworkCursor, PatchworkOrigin, PatchworkPatch, PatchworkProject, PatchworkSeries } from '../types.ts';

export const PW_SERVER = 'https://patchwork.example.org';

function origin(kind: string, id: number, o: Partial<PatchworkOrigin> = {}): PatchworkOrigin {
  const server = o.server ?? PW_SERVER;
  return { server, project: 'nvdimm', apiVersion: '1.3', id, apiUrl: `${server}/api/1.3/${kind}/${id}/`, webUrl: `${server}/project/nvdimm/${kind}/${id}/`, readAt: 0, ...o };
}

export function pwProject(p: Partial<PatchworkProject> = {}): PatchworkProject {
  return {
    id: 1,
    linkName: 'nvdimm',
    name: 'nvdimm',
    listId: 'nvdimm.lists.linux.dev',
    listEmail: 'nvdimm@lists.linux.dev',
    listArchiveUrlFormat: 'https://lore.kernel.org/r/{}',
    commitUrlFormat: 'https://git.kernel.org/pub/scm/linux/kernel/git/nvdimm/nvdimm.git/commit/?id={}',
    ...p,
  };
}

/** A patch in state `state` (a slug). */
export function pwPatch(id: number, messageId: string, state: string, p: Partial<PatchworkPatch> = {}): PatchworkPatch {
  return {
    kind: 'patch',
    messageId,
    name: `[${id}] a patch`,
    date: Date.UTC(2025, 1, 28),
    state: patchworkState(state),
    archived: false,
    delegate: null,
    commitRef: null,
    pullUrl: null,
    hash: null,
    checkState: 'pending',
    checks: null,
    series: [{ id: 37, version: 9, name: 'fs/dax: Fix ZONE_DEVICE page reference counts' }],
    submitter: { name: 'Alistair Popple', email: 'apopple@nvidia.com' },
    listArchiveUrl: `https://lore.kernel.org/r/${messageId}`,
    origin: origin('patch', id, p.origin),
    ...p,
  };
}

export function pwCover(id: number, messageId: string, seriesId: number, c: Partial<PatchworkCover> = {}): PatchworkCover {
  return {
    kind: 'cover',
    messageId,
    name: '[v9,00/20] fs/dax: Fix ZONE_DEVICE page reference counts',
    date: Date.UTC(2025, 1, 28),
    series: [{ id: seriesId, version: 9, name: 'fs/dax: Fix ZONE_DEVICE page reference counts' }],
    submitter: { name: 'Alistair Popple', email: 'apopple@nvidia.com' },
    listArchiveUrl: `https://lore.kernel.org/r/${messageId}`,
    origin: origin('cover', id, c.origin),
    ...c,
  };
}

export function pwSeries(id: number, coverMessageId: string | null, patchMessageIds: string[], s: Partial<PatchworkSeries> = {}): PatchworkSeries {
  return {
    kind: 'series',
    name: 'fs/dax: Fix ZONE_DEVICE page reference counts',
    version: 9,
    total: patchMessageIds.length,
    receivedTotal: patchMessageIds.length,
    receivedAll: true,
    date: Date.UTC(2025, 1, 28),
    submitter: { name: 'Alistair Popple', email: 'apopple@nvidia.com' },
    coverMessageId,
    patchMessageIds,
    origin: origin('series', id, s.origin),
    ...s,
  };
}

export function pwCursor(c: Partial<PatchworkCursor> = {}): PatchworkCursor {
  return { server: PW_SERVER, project: 'nvdimm', projectId: 1, asked: 'nvdimm', apiVersion: '1.3', since: null, fullReadAt: 0, eventDate: '2026-12-04T13:00:00.000000', eventIds: [1], owed: noWork(), ...c };
}

/** Store Patchwork records as a sync would (project 1 of PW_SERVER unless said otherwise). */
export function writePatchwork(store: Store, w: Partial<PatchworkWrite>): PatchworkStateChange[] {
  return store.transaction(() => store.patchwork.write({ server: PW_SERVER, projectId: 1, project: null, apiVersion: '1.3', patches: [], covers: [], series: [], cursor: null, at: 1000, ...w }));
}
