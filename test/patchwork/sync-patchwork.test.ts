// syncPatchwork against a real Patchwork 3.2.1 (the rig: the wish1 threads of the nvdimm list and
// the maintainer decisions of its wish1-triage.json), through the fault proxy: the decisions of
// a first full read, pagination with small pages, redirects (a moved server, patch and cover
// mboxes), Link headers written for another host, 404s and 500s, HTML instead of JSON, the mail
// patchlore lacks, and incremental syncs that ask only for what changed. The tests run in order
// on one server: the later ones change decisions through the API, as a maintainer does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSources } from '../../ingest/import/import-sources.ts';
import { mboxMessageIds } from '../../ingest/patchwork/mbox-message-ids.ts';
import { syncPatchwork, type SyncPatchworkOptions, type SyncPatchworkResult } from '../../ingest/patchwork/sync-patchwork-fs.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import { tempDir } from '../../ingest/test-support/mail-builder.ts';
import type { HttpSettings } from '../../ingest/sync/sync-types.ts';
import type { PatchworkCursor, PatchworkPatch } from '../../ingest/types.ts';
import { startFaultProxy, type FaultProxy } from '../sync/fault-proxy.ts';
import { CORPUS } from '../sync/public-inbox-fs.ts';
import { maintainerRequest, missingRig, startRig, type Rig } from './patchwork-rig-fs.ts';
import { DAXGUP_V3, FSDAX_2026_V2, FSDAX_RFC, FSDAX_V8, FSDAX_V9, SPARSE_V9, VM_NORMAL_V3 } from './wish1-series.ts';

/** Quick, patient settings: no pause between requests (one server of our own), a short backoff. */
const HTTP: Partial<HttpSettings> = { delayMs: 0, retries: 2, backoffMs: 20, maxBackoffMs: 200, maxRetryAfterMs: 1000, maxRequests: 5000 };

describe.skipIf(missingRig)(`Patchwork sync against a real Patchwork${missingRig ? ` (skipped: ${missingRig})` : ''}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let rig: Rig;
  let proxy: FaultProxy;
  let n = 0;
  let first: SyncPatchworkResult;

  // Loading and triaging wish1 takes about 35 s on an idle machine of 2 cores, much more beside
  // other test files: the allowance is generous.
  beforeAll(async () => {
    tmp = tempDir('patchlore-patchwork-');
    rig = await startRig(join(tmp.dir, 'pw'));
    proxy = await startFaultProxy(rig.url, { preserveHost: true });
  }, 900_000);

  afterAll(async () => {
    await proxy?.close();
    await rig?.stop();
    tmp?.cleanup();
  });

  /** A sync through the proxy with a cache of its own. */
  function sync(o: Partial<SyncPatchworkOptions> = {}): Promise<SyncPatchworkResult> {
    n++;
    return syncPatchwork({ base: proxy.url, project: 'nvdimm', since: null, cacheDir: join(tmp.dir, `cache${n}`), knownMessageIds: new Set(), cursor: null, fetchMail: false, http: HTTP, ...o });
  }
  const paths = () => proxy.records.map((r) => `${r.method} ${r.url}`);

  /** The patches of the series named by `mid` (its cover letter's Message-ID, else its first
   *  patch's), in patch order. */
  function seriesPatches(r: SyncPatchworkResult, mid: string): PatchworkPatch[] {
    const s = r.series.find((x) => x.coverMessageId === mid || x.patchMessageIds[0] === mid);
    expect(s, mid).toBeDefined();
    return s!.patchMessageIds.map((m) => r.patches.find((p) => p.messageId === m)!);
  }
  const stateCounts = (ps: PatchworkPatch[]) => Object.fromEntries([...new Set(ps.map((p) => p.state.slug))].sort().map((s) => [s, ps.filter((p) => p.state.slug === s).length]));

  it('reads the maintainer decisions on the wish1 series in a first, full sync', async () => {
    proxy.records.length = 0;
    first = await sync();
    expect(first.problems).toEqual([]);
    expect(first).toMatchObject({ mode: 'full', reason: 'first sync of this project', project: { linkName: 'nvdimm', listId: 'nvdimm.lists.linux.dev' } });
    expect([first.patches.length, first.covers.length, first.series.length]).toEqual([503, 36, 50]);
    // The rig's README: the result of the triage, in patch counts.
    expect(stateCounts(first.patches)).toEqual({ accepted: 83, 'awaiting-upstream': 2, 'changes-requested': 26, deferred: 1, new: 1, 'not-applicable': 1, rfc: 40, superseded: 338, 'under-review': 11 });
    expect(first.patches.filter((p) => p.archived)).toHaveLength(61);

    const v9 = seriesPatches(first, FSDAX_V9);
    expect(v9).toHaveLength(20);
    for (const p of v9) expect(p, p.name).toMatchObject({ state: { slug: 'accepted', name: 'Accepted' }, archived: false, delegate: { username: 'djbw', email: 'dan.j.williams@intel.com' }, series: [{ version: 9 }] });
    const checks = (p: PatchworkPatch) => p.checks!.map((c) => `${c.context} ${c.state}`);
    expect(checks(v9[0]!)).toEqual(['build-x86_64 success', 'checkpatch success']);
    expect(checks(v9[2]!)).toEqual(['build-x86_64 success', 'checkpatch warning']);
    expect(v9[2]!).toMatchObject({ checkState: 'warning', checks: [{ url: 'https://ci.example.org/nvdimm/build/1001', description: 'allmodconfig build OK', user: 'maintainer' }, { url: null, description: 'checkpatch.pl: 1 warning (line length)' }] });
    const v8 = seriesPatches(first, FSDAX_V8);
    expect(new Set(v8.map((p) => p.state.slug))).toEqual(new Set(['superseded']));
    expect(v8.map((p) => p.checkState)).toEqual(v8.map((_, i) => (i === 6 ? 'fail' : 'success')));
    expect(checks(v8[6]!)).toEqual(['build-x86_64 fail']);
    expect(seriesPatches(first, FSDAX_RFC).every((p) => p.state.slug === 'rfc' && p.archived)).toBe(true);
    expect(seriesPatches(first, DAXGUP_V3).every((p) => p.state.name === 'Changes Requested' && p.delegate?.username === 'djbw')).toBe(true);
    expect(seriesPatches(first, VM_NORMAL_V3).map((p) => p.state.slug)).toEqual([...Array(10).fill('under-review'), 'changes-requested']);
    expect(seriesPatches(first, FSDAX_2026_V2)).toMatchObject([{ messageId: FSDAX_2026_V2, state: { slug: 'new' }, delegate: { username: 'djbw' }, checkState: 'pending', checks: [{ context: 'build-x86_64', state: 'pending', description: 'build queued' }] }]);
    // Patches without checks were not asked for theirs.
    expect(first.patches.filter((p) => p.checks !== null)).toHaveLength(41);
    expect(first.patches.find((p) => p.messageId === SPARSE_V9.replace('-1-', '-2-'))).toMatchObject({ state: { slug: 'accepted' }, checks: null, listArchiveUrl: `https://lore.kernel.org/r/${SPARSE_V9.replace('-1-', '-2-')}` });

    // What it asked: the project, the newest events, the lists (100 a page), check events, and
    // the checks of the 41 patches that have any.
    const asked = paths();
    expect(first.requests).toBe(asked.length);
    expect(asked[0]).toBe('GET /api/1.3/projects/nvdimm/');
    expect(asked.filter((u) => u.startsWith('GET /api/1.3/series/?'))).toHaveLength(1);
    expect(asked.filter((u) => u.startsWith('GET /api/1.3/patches/?'))).toHaveLength(6);
    expect(asked.filter((u) => u.startsWith('GET /api/1.3/covers/?'))).toHaveLength(1);
    expect(asked.filter((u) => /^GET \/api\/1\.3\/patches\/\d+\/checks\//.test(u))).toHaveLength(41);
    expect(first.cursor).toMatchObject({ server: proxy.url, project: 'nvdimm', projectId: 1, asked: 'nvdimm', apiVersion: '1.3', since: null, owed: { patches: [], checks: [], covers: [], series: [] } });
    expect(first.cursor!.eventDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });

  it('reads the same with pages of 7, following Link headers, and from a since-date only', async () => {
    const big = await sync({ since: '2025-01-01' });
    proxy.records.length = 0;
    const small = await sync({ since: '2025-01-01', pageSize: 7 });
    expect(small.problems).toEqual([]);
    const strip = (r: SyncPatchworkResult) => JSON.parse(JSON.stringify([r.patches, r.covers, r.series]).replace(/"readAt":\d+/g, '"readAt":0'));
    expect(strip(small)).toEqual(strip(big));
    expect(big.patches.length).toBe(first.patches.filter((p) => p.date! >= Date.UTC(2025, 0, 1)).length);
    expect(big.patches.length).toBeGreaterThan(100);
    const pages = paths().filter((u) => u.startsWith('GET /api/1.3/patches/?'));
    expect(pages).toHaveLength(Math.ceil(big.patches.length / 7));
    expect(pages[1]).toBe('GET /api/1.3/patches/?page=2&per_page=7&project=nvdimm&since=2025-01-01T00%3A00%3A00');
    expect(small.cursor!.since).toBe('2025-01-01');
  });

  it('asks a server that moved where it went (a 301 on every API request)', async () => {
    proxy.rules.push({ url: /^\/moved\//, times: Infinity, fault: { kind: 'redirect', status: 301, location: (u) => u.slice('/moved'.length) } });
    try {
      proxy.records.length = 0;
      const r = await sync({ base: `${proxy.url}/moved/`, since: '2025-08-01' });
      expect(r.problems).toEqual([]);
      expect(r.patches.map((p) => p.messageId)).toEqual(first.patches.filter((p) => p.date! >= Date.UTC(2025, 7, 1)).map((p) => p.messageId));
      expect(paths().slice(0, 2)).toEqual(['GET /moved/api/1.3/projects/nvdimm/', 'GET /api/1.3/projects/nvdimm/']);
      expect(r.patches[0]!.origin.server).toBe(`${proxy.url}/moved`);
    } finally {
      proxy.rules.length = 0;
    }
  });

  it('asks the next page on the server it asked when the server writes its links for another host', async () => {
    const plain = await startFaultProxy(rig.url);
    try {
      const r = await syncPatchwork({ base: plain.url, project: 'nvdimm', since: '2025-01-01', cacheDir: join(tmp.dir, 'plain'), knownMessageIds: new Set(), cursor: null, fetchMail: false, http: HTTP, pageSize: 50 });
      expect(r.problems).toEqual([
        { code: 'patchwork/link', message: expect.stringMatching(new RegExp(`^newest events: the server links its next page at ${rig.url}/api/1\\.3/events/\\?page=2&.*; asked at ${plain.url}/api/1\\.3/events/\\?page=2&`)), source: expect.any(String), hint: expect.any(String), severity: 'warning' },
      ]);
      expect(r.patches.length).toBeGreaterThan(100);
      expect(r.requests).toBe(plain.records.length);
    } finally {
      await plain.close();
    }
  });

  it('fetches the mail patchlore lacks: series mboxes, a cover letter through its redirect, a patch mbox when the series mbox is gone', async () => {
    const v9 = seriesPatches(first, FSDAX_V9);
    const lacking = new Set([FSDAX_V9, v9[0]!.messageId, v9[19]!.messageId, FSDAX_2026_V2, SPARSE_V9.replace('-1-', '-3-')]);
    const sparse = first.series.find((s) => s.coverMessageId === SPARSE_V9)!;
    proxy.rules.push({ url: new RegExp(`^/series/${sparse.origin.id}/mbox/$`), times: Infinity, fault: { kind: 'status', status: 404 } });
    try {
      proxy.records.length = 0;
      const r = await sync({ knownMessageIds: { has: (m) => !lacking.has(m) }, fetchMail: true });
      expect(r.problems).toEqual([]);
      expect(r.missing.map((m) => m.messageId).sort()).toEqual([...lacking].sort());
      expect(new Set(r.fetchedMessageIds)).toEqual(lacking);
      expect(r.stillMissing).toEqual([]);
      const mbox = paths().filter((u) => u.includes('/mbox/'));
      const coverId = first.covers.find((c) => c.messageId === FSDAX_V9)!.origin.id;
      const sparse3 = first.patches.find((p) => p.messageId === SPARSE_V9.replace('-1-', '-3-'))!.origin.id;
      expect(mbox).toEqual([
        `GET /cover/${coverId}/mbox/`,
        `GET /project/nvdimm/cover/${FSDAX_V9}/mbox/`,
        `GET /series/${sparse.origin.id}/mbox/`,
        `GET /patch/${sparse3}/mbox/`,
        `GET /project/nvdimm/patch/${SPARSE_V9.replace('-1-', '-3-')}/mbox/`,
        `GET /series/${v9[0]!.series[0]!.id}/mbox/`,
        `GET /series/${seriesPatches(first, FSDAX_2026_V2)[0]!.series[0]!.id}/mbox/`,
      ]);
      // The files are mbox downloads the import reads like any other.
      expect(r.fetchedMbox.flatMap((f) => mboxMessageIds(readFileSync(f, 'utf8'))).filter((m) => lacking.has(m)).sort()).toEqual([...lacking].sort());
      const store = openStore(join(tmp.dir, 'fetched.sqlite'));
      try {
        const s = await importSources(store, r.fetchedMbox, { list: 'nvdimm', mboxFormat: 'auto', workers: 0 });
        expect(s).toMatchObject({ stored: 1 + 20 + 1 + 1, unparsed: 0 });
      } finally {
        store.close();
      }
    } finally {
      proxy.rules.length = 0;
    }
  });

  it('a second sync asks only for what changed: one request when nothing did, then the patches the events name', async () => {
    const o = { cursor: first.cursor, eventOverlapMs: 0 };
    proxy.records.length = 0;
    const idle = await sync(o);
    expect(idle).toMatchObject({ mode: 'incremental', events: 0, patches: [], covers: [], series: [], problems: [], requests: 1 });
    expect(paths()).toEqual([`GET /api/1.3/events/?order=-date&per_page=100&project=1&since=${encodeURIComponent(first.cursor!.eventDate!)}`]);
    // An overlap holding every event of the load (pages of 10): still one page, newest first,
    // since it holds only events the cursor took into account.
    proxy.records.length = 0;
    const wide = await sync({ cursor: first.cursor, eventOverlapMs: 3_600_000, pageSize: 10 });
    expect(wide).toMatchObject({ mode: 'incremental', events: 0, problems: [], requests: 1 });
    proxy.records.length = 0;

    // A maintainer at work: accepts the 2026 v2 fix with its commit, accepts three patches of
    // vm_normal_page v3, and a CI reports on fs/dax v9 patch 5.
    const fix = seriesPatches(first, FSDAX_2026_V2)[0]!;
    const vm = seriesPatches(first, VM_NORMAL_V3);
    const v9p5 = seriesPatches(first, FSDAX_V9)[4]!;
    await maintainerRequest(rig, 'PATCH', `/patches/${fix.origin.id}/`, { state: 'accepted', commit_ref: '0123456789abcdef0123456789abcdef01234567' });
    for (const p of vm.slice(0, 3)) await maintainerRequest(rig, 'PATCH', `/patches/${p.origin.id}/`, { state: 'accepted' });
    await maintainerRequest(rig, 'POST', `/patches/${v9p5.origin.id}/checks/`, { context: 'kunit', state: 'success', description: 'kunit: all passed', target_url: 'https://ci.example.org/kunit/1' });

    proxy.records.length = 0;
    const second = await sync({ ...o, cursor: idle.cursor });
    expect(second.problems).toEqual([]);
    expect(second).toMatchObject({ mode: 'incremental', events: 5 });
    // The events page; fs/dax v9 patch 5 by its Message-ID; the first vm_normal_page patch,
    // then its series' patches (the three siblings in one request); the fix; patch 5's checks.
    expect(second.requests).toBe(6);
    expect(paths().map((u) => u.replace(/\?.*/, '?…'))).toEqual([
      'GET /api/1.3/events/?…',
      'GET /api/1.3/patches/?…',
      'GET /api/1.3/patches/?…',
      'GET /api/1.3/patches/?…',
      'GET /api/1.3/patches/?…',
      `GET /api/1.3/patches/${v9p5.origin.id}/checks/?…`,
    ]);
    const got = new Map(second.patches.map((p) => [p.messageId, p]));
    expect(got.get(FSDAX_2026_V2)).toMatchObject({ state: { slug: 'accepted' }, commitRef: '0123456789abcdef0123456789abcdef01234567', delegate: { username: 'djbw' } });
    expect(vm.slice(0, 3).map((p) => got.get(p.messageId)?.state.slug)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(got.get(vm[10]!.messageId)?.state.slug).toBe('changes-requested');
    expect(got.get(v9p5.messageId)?.checks?.map((c) => `${c.context} ${c.state}`)).toEqual(['build-x86_64 success', 'checkpatch success', 'kunit success']);
    // Only patches the events named, and the siblings read with them.
    expect(second.patches).toHaveLength(1 + vm.length + 1);

    proxy.records.length = 0;
    const third = await sync({ ...o, cursor: second.cursor });
    expect(third).toMatchObject({ events: 0, patches: [], requests: 1 });

    // With the default overlap a sync asks from 10 s before the newest event (so an event
    // committed late is not missed) and skips the ids it keeps from there: a cursor written with
    // no overlap lacks the ids of the four state changes before the check, so they are taken in
    // once more; the cursor written then keeps them, and the sync after it reads nothing again.
    const widened = await sync({ cursor: third.cursor });
    expect(widened).toMatchObject({ events: 4, problems: [] });
    const overlapping = await sync({ cursor: widened.cursor });
    expect(overlapping).toMatchObject({ events: 0, patches: [], problems: [] });
    expect(overlapping.cursor!.eventIds).toEqual(widened.cursor!.eventIds);
    expect(overlapping.cursor!.eventIds.length).toBeGreaterThanOrEqual(5);
    first = { ...first, cursor: third.cursor };
  });

  it('reads a series that arrived since: the series, its patches in one request, its cover letter', async () => {
    await rig.restartWith([join(CORPUS, 'nvdimm/threads/related/2022-04-03_patch-v7-0-6-fix-some-bugs-related-to-ramp-and-dax.mbox.gz')]);
    proxy.records.length = 0;
    const r = await sync({ cursor: first.cursor, eventOverlapMs: 0 });
    expect(r.problems).toEqual([]);
    expect(r.series).toMatchObject([{ name: 'Fix some bugs related to ramp and dax', version: 7, total: 6, receivedAll: true }]);
    expect(r.patches.map((p) => [p.name.replace(/\].*/, ']'), p.state.slug])).toEqual([1, 2, 3, 4, 5, 6].map((i) => [`[v7,${i}/6]`, 'new']));
    expect(r.covers.map((c) => c.messageId)).toEqual([r.series[0]!.coverMessageId]);
    expect(r.events).toBeGreaterThan(14);
    // The events; the series; its patches; its cover letter by Message-ID.
    expect(paths().map((u) => u.replace(/\?.*/, '?…'))).toEqual(['GET /api/1.3/events/?…', `GET /api/1.3/series/${r.series[0]!.origin.id}/`, 'GET /api/1.3/patches/?…', 'GET /api/1.3/covers/?…']);
    expect(r.missing.map((m) => m.messageId).sort()).toEqual([r.series[0]!.coverMessageId!, ...r.series[0]!.patchMessageIds].sort());
    first = { ...first, cursor: r.cursor };
  });

  it('misses an archived flag changed alone (Patchwork logs no event for it) until a full read', async () => {
    const p = seriesPatches(first, FSDAX_V8)[0]!;
    expect(p.archived).toBe(false);
    await maintainerRequest(rig, 'PATCH', `/patches/${p.origin.id}/`, { archived: true });
    const incremental = await sync({ cursor: first.cursor, eventOverlapMs: 0 });
    expect(incremental).toMatchObject({ mode: 'incremental', events: 0, patches: [] });
    const full = await sync({ cursor: first.cursor, full: true });
    expect(full).toMatchObject({ mode: 'full', reason: 'a full read was asked for' });
    expect(full.patches.find((x) => x.messageId === p.messageId)?.archived).toBe(true);
  });

  it('retries a 500, and leaves checks it could not read to the next sync', async () => {
    const v9p1 = seriesPatches(first, FSDAX_V9)[0]!;
    proxy.rules.push({ url: /^\/api\/1\.3\/patches\/\?/, times: 1, fault: { kind: 'status', status: 500 } });
    proxy.rules.push({ url: new RegExp(`^/api/1\\.3/patches/${v9p1.origin.id}/checks/`), times: Infinity, fault: { kind: 'status', status: 500 } });
    let broken: SyncPatchworkResult;
    try {
      broken = await sync({ since: '2025-01-01' });
    } finally {
      proxy.rules.length = 0;
    }
    expect(broken.problems).toEqual([
      { code: 'http/server-error', message: expect.stringMatching(new RegExp(`^checks of patch ${v9p1.origin.id}: HTTP 500 .*gave up after 2 retries`)), source: expect.stringContaining(`/patches/${v9p1.origin.id}/checks/`), hint: expect.any(String), attempts: 3, severity: 'error' },
    ]);
    expect(broken.patches.length).toBeGreaterThan(100);
    const cursor: PatchworkCursor = broken.cursor!;
    expect(cursor.owed.checks[0]).toBe(v9p1.origin.id);
    // The run stops at the failed request; what is left is owed, not lost.
    expect(cursor.owed.patches.map((p) => p.id)).toEqual(cursor.owed.checks);
    const next = await sync({ since: '2025-01-01', cursor, eventOverlapMs: 0 });
    expect(next.problems).toEqual([]);
    expect(next.cursor!.owed).toEqual({ patches: [], checks: [], covers: [], series: [] });
    expect(next.patches.find((p) => p.origin.id === v9p1.origin.id)?.checks?.map((c) => c.context)).toEqual(['build-x86_64', 'checkpatch']);
  });

  it('reads a server that has only API 1.0 (Patchwork 2.0): the same decisions, no web or archive URLs, patches read again by id', async () => {
    const current = await sync({ since: '2025-08-01' });
    const fix1 = current.patches.find((p) => p.messageId === '20260501233933.2614302-1-souvik@amlalabs.com')!;
    expect(fix1.state.slug).toBe('superseded');
    proxy.rules.push({ url: /^\/api\/1\.[123]\//, times: Infinity, fault: { kind: 'status', status: 404 } });
    try {
      proxy.records.length = 0;
      const old = await sync({ since: '2025-08-01' });
      expect(old.problems).toEqual([]);
      expect(old.cursor!.apiVersion).toBe('1.0');
      expect(paths().slice(0, 7)).toEqual(['1.3', '1.3', '1.2', '1.2', '1.1', '1.1', '1.0'].map((v, i) => `GET /api/${v}/${i % 2 === 0 ? 'projects/nvdimm/' : ''}`));
      const decisions = (r: SyncPatchworkResult) => r.patches.map((p) => [p.messageId, p.state.slug, p.archived, p.delegate?.username, p.commitRef, p.checks]);
      expect(decisions(old)).toEqual(decisions(current));
      expect(old.patches[0]).toMatchObject({ listArchiveUrl: null, origin: { apiVersion: '1.0', webUrl: null } });

      await maintainerRequest(rig, 'PATCH', `/patches/${fix1.origin.id}/`, { state: 'rejected' });
      proxy.records.length = 0;
      const next = await sync({ since: '2025-08-01', cursor: old.cursor, eventOverlapMs: 0 });
      expect(next.problems).toEqual([]);
      expect(paths()).toEqual([`GET /api/1.0/events/?order=-date&per_page=100&project=1&since=${encodeURIComponent(old.cursor!.eventDate!)}`, `GET /api/1.0/patches/${fix1.origin.id}/`]);
      expect(next.patches).toMatchObject([{ messageId: fix1.messageId, state: { slug: 'rejected', name: 'Rejected' } }]);
    } finally {
      proxy.rules.length = 0;
    }
  });

  it('says what is wrong with a project that is not there, a server that is not Patchwork, and HTML instead of JSON', async () => {
    const none = await sync({ project: 'linux-cxl' });
    expect(none.problems).toEqual([{ code: 'patchwork/no-project', message: `${proxy.url} has no project "linux-cxl" (by link name, List-Id, list address or name)`, source: `${proxy.url}/api/1.3/projects/linux-cxl/`, hint: 'its projects: nvdimm', severity: 'error' }]);
    expect(none).toMatchObject({ patches: [], cursor: null });
    const byList = await sync({ project: 'nvdimm@lists.linux.dev', since: '2026-01-01' });
    expect(byList).toMatchObject({ problems: [], project: { linkName: 'nvdimm' }, cursor: { project: 'nvdimm', asked: 'nvdimm@lists.linux.dev' } });

    proxy.rules.push({ url: /^\/api\//, times: Infinity, fault: { kind: 'status', status: 404 } });
    let notPw: SyncPatchworkResult;
    try {
      proxy.records.length = 0;
      notPw = await sync();
    } finally {
      proxy.rules.length = 0;
    }
    expect(notPw.problems).toEqual([{ code: 'patchwork/no-api', message: `${proxy.url} answers none of Patchwork's REST API versions 1.3, 1.2, 1.1, 1.0`, source: `${proxy.url}/api/1.0/`, hint: expect.any(String), severity: 'error' }]);
    expect(paths()).toHaveLength(8);

    proxy.rules.push({ url: /^\/api\/1\.3\/projects\//, times: Infinity, fault: { kind: 'html' } });
    let html: SyncPatchworkResult;
    try {
      html = await sync();
    } finally {
      proxy.rules.length = 0;
    }
    expect(html.problems).toEqual([{ code: 'http/not-json', message: expect.stringMatching(/^project nvdimm: expected a JSON document, got an HTML page/), source: `${proxy.url}/api/1.3/projects/nvdimm/`, hint: expect.any(String), attempts: 1, severity: 'error' }]);
  });
});
