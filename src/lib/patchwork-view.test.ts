import { describe, expect, it } from 'vitest';
import type { PatchworkStatus, PatchworkSummary } from '../../ingest/read-models.ts';
import { lineagePatchworkView, patchworkBadge, patchworkSummary, seriesPatchworkBadge, threadPatchworkViews } from './patchwork-view.ts';

const status = (s: Partial<PatchworkStatus> = {}): PatchworkStatus => ({
  state: 'accepted',
  stateName: 'Accepted',
  delegate: null,
  archived: false,
  checks: null,
  commitRef: null,
  commitUrl: null,
  url: 'https://patchwork.example.org/project/nvdimm/patch/1/',
  server: 'https://patchwork.example.org',
  project: 'nvdimm',
  since: '2026-01-02T03:04:05.000Z',
  elsewhere: [],
  ...s,
});
const summary = (s: Partial<PatchworkSummary> = {}): PatchworkSummary => ({ total: 20, tracked: 20, states: { accepted: 20 }, state: 'accepted', text: '20 of 20 accepted', ...s });

describe('patchworkBadge', () => {
  it('draws a state by its tone, with its page, since when, and nothing else when there is nothing else', () => {
    expect(patchworkBadge(status())).toEqual({
      label: 'Accepted',
      className: 'badge pw pw-accepted ok',
      title: 'Patchwork (nvdimm): Accepted since 2026-01-02',
      href: 'https://patchwork.example.org/project/nvdimm/patch/1/',
      delegate: null,
      archived: false,
      checks: null,
      commit: null,
      elsewhere: '',
    });
    expect(patchworkBadge(status({ state: 'changes-requested', stateName: 'Changes Requested' }))!.className).toBe('badge pw pw-changes-requested nak');
    expect(patchworkBadge(status({ state: 'superseded', stateName: 'Superseded', archived: true }))).toMatchObject({ className: 'badge pw pw-superseded old', archived: true, title: 'Patchwork (nvdimm): Superseded since 2026-01-02, archived' });
    expect(patchworkBadge(status({ state: 'new', stateName: 'New' }))!.className).toBe('badge pw pw-new');
    expect(patchworkBadge(null)).toBeNull();
  });

  it("keeps a server's own state's class to letters, digits and hyphens", () => {
    expect(patchworkBadge(status({ state: 'x" onclick="y', stateName: 'X' }))!.className).toBe('badge pw pw-x-onclick-y');
  });

  it('shows the delegate, the checks with each one in the tooltip, the commit shortened with its page, and other projects', () => {
    const b = patchworkBadge(
      status({
        delegate: 'Dan Williams',
        checks: {
          state: 'warning',
          counts: { success: 1, warning: 1 },
          list: [
            { context: 'build-x86_64', state: 'success', description: 'allmodconfig build OK', url: null },
            { context: 'checkpatch', state: 'warning', description: '', url: null },
          ],
        },
        commitRef: '0123456789abcdef0123456789abcdef01234567',
        commitUrl: 'https://git.kernel.org/x/commit/?id=0123456789abcdef0123456789abcdef01234567',
        elsewhere: [{ server: 's', project: 'linux-mm', state: 'superseded', url: null }],
      }),
    )!;
    expect(b).toMatchObject({
      delegate: 'Dan Williams',
      checks: { text: '1 success, 1 warning', className: 'checks warn', title: 'build-x86_64: success (allmodconfig build OK)\ncheckpatch: warning' },
      commit: { text: '0123456789ab', title: '0123456789abcdef0123456789abcdef01234567', href: 'https://git.kernel.org/x/commit/?id=0123456789abcdef0123456789abcdef01234567' },
      elsewhere: 'linux-mm: superseded',
    });
  });
});

describe('summaries', () => {
  it('tone a summary by the state all its patches share, none when mixed', () => {
    expect(patchworkSummary(summary())).toEqual({ text: '20 of 20 accepted', className: 'pw-summary ok' });
    expect(patchworkSummary(summary({ state: 'mixed', text: '18 of 20 accepted, 2 new' }))).toEqual({ text: '18 of 20 accepted, 2 new', className: 'pw-summary' });
    expect(patchworkSummary(null)).toBeNull();
  });

  it('give a series table a badge per posting Patchwork tracks', () => {
    expect(seriesPatchworkBadge(summary())).toEqual({ text: 'Patchwork: 20 of 20 accepted', className: 'pw ok' });
    expect(seriesPatchworkBadge(summary({ state: 'mixed', text: '1 of 2 accepted, 1 new' }))).toEqual({ text: 'Patchwork: 1 of 2 accepted, 1 new', className: 'pw' });
    expect(seriesPatchworkBadge(undefined)).toBeNull();
  });

  it("give a thread page a badge per patch, a summary per cover letter, and a note on Patchwork's copies", () => {
    const v = threadPatchworkViews({ patches: new Map([['p1', status()]]), covers: new Map([['c', summary()]]), rebuilt: new Map([['p1', 'patchwork'], ['r', 'patchwork']]) });
    expect(v.get('p1')).toMatchObject({ badge: { label: 'Accepted' }, summary: null, rebuilt: expect.stringMatching(/^This is Patchwork's copy .* not the mail as sent/) });
    expect(v.get('c')).toEqual({ badge: null, summary: { text: '20 of 20 accepted', className: 'pw-summary ok' }, rebuilt: null });
    expect(v.get('r')).toMatchObject({ badge: null, summary: null, rebuilt: expect.any(String) });
    expect(v.get('other')).toBeUndefined();
  });

  it("give a lineage page the latest revision's summary with its place, and per revision and patch what to show", () => {
    const lineage = {
      revisions: [
        { postingId: 'v1', patchwork: summary({ state: 'superseded', text: '2 of 2 superseded' }), patches: [{ patchwork: status({ state: 'superseded', stateName: 'Superseded' }) }, { patchwork: null }] },
        { postingId: 'v2', patchwork: summary({ text: '2 of 2 accepted' }), patches: [{ patchwork: status() }, { patchwork: status() }] },
      ],
    } as unknown as Parameters<typeof lineagePatchworkView>[0];
    const view = { revisions: [{ label: 'v1', anchor: 'v1' }, { label: 'v2', anchor: 'v2' }] };
    const status2 = { latestPosting: 'v2' } as Parameters<typeof lineagePatchworkView>[1];
    const pw = lineagePatchworkView(lineage, status2, view);
    expect(pw.latest).toEqual({ text: '2 of 2 accepted', className: 'pw-summary ok', revision: { label: 'v2', anchor: 'v2' } });
    expect(pw.tracked).toBe(true);
    expect(pw.revisions.map((r) => [r.summary?.text, r.patches.map((p) => p?.label ?? null)])).toEqual([
      ['2 of 2 superseded', ['Superseded', null]],
      ['2 of 2 accepted', ['Accepted', 'Accepted']],
    ]);
    const none = lineagePatchworkView({ revisions: [{ postingId: 'v1', patchwork: null, patches: [] }] } as unknown as Parameters<typeof lineagePatchworkView>[0], status2, view);
    expect(none).toEqual({ latest: null, revisions: [{ summary: null, patches: [] }], tracked: false });
  });
});
