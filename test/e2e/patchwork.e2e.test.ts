// Patchwork's decisions on the wish1 series, end to end: a store holding the wish1 threads but two
// (fs/dax v9 and sparse-vmemmap v9), `patchlore sync --patchwork` against a real Patchwork 3.2.1
// (the rig, wish1 loaded and triaged) with a list archive on 127.0.0.1 that has fs/dax v9 only:
// the decisions are stored, fs/dax v9 comes from the archive and sparse-vmemmap v9 from
// Patchwork's mbox; `series --json` carries the states; the built site shows them on the lineage
// and thread pages, marks Patchwork's copies, and finds the states with pw: in Chromium; the
// archive's copy then replaces Patchwork's without imposters, and a second sync asks for one page
// of events.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mboxMessageIds } from '../../ingest/patchwork/mbox-message-ids.ts';
import { buildSiteFs } from '../../ingest/publish/build-site-fs.ts';
import { serveSite, type RunningServer } from '../../ingest/serve/serve-site-fs.ts';
import { tempDir } from '../../ingest/test-support/mail-builder.ts';
import { messagePath } from '../../src/lib/paths.ts';
import { missingRig, startRig, type Rig } from '../patchwork/patchwork-rig-fs.ts';
import { DAXGUP_V3, FSDAX_V9, FSDAX_V9_FILE, SPARSE_V9, SPARSE_V9_FILE, VM_NORMAL_V3 } from '../patchwork/wish1-series.ts';
import { CORPUS } from '../sync/public-inbox-fs.ts';
import { cli, writeConfig } from '../sync/run-cli.ts';
import { browserMissing, launchBrowser } from './browser.ts';

const WISH1 = join(CORPUS, 'nvdimm/threads/wish1');
/** A list archive answering t.mbox.gz for every message of the thread files given, 404 else. */
async function startArchive(files: string[]): Promise<{ url: string; asked: string[]; close(): Promise<void> }> {
  const byId = new Map<string, Buffer>();
  for (const f of files) {
    const gz = readFileSync(f);
    for (const mid of mboxMessageIds(gunzipSync(gz).toString('utf8'))) byId.set(mid, gz);
  }
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const m = /^\/nvdimm\/([^/]+)\/t\.mbox\.gz$/.exec(req.url ?? '');
    const body = m ? byId.get(decodeURIComponent(m[1]!)) : undefined;
    if (body) res.writeHead(200, { 'content-type': 'application/gzip' }).end(body);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('No message found\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  return { url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, asked, close: () => new Promise((r) => server.close(() => r())) };
}

const skip = missingRig;
const noBrowser = browserMissing();

describe.skipIf(skip)(`Patchwork states of the wish1 series, synced, in series --json and on the site${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let rig: Rig;
  let archive: Awaited<ReturnType<typeof startArchive>>;
  let db: string;
  let config: string;
  const sync = (...more: string[]) => cli('sync', '--db', db, '--config', config, '--cache', join(tmp.dir, 'cache'), '--patchwork', rig.url, '--project', 'nvdimm', '--list', 'nvdimm', '--json', ...more);

  // Loading and triaging wish1 takes about 35 s on an idle machine of 2 cores, much more beside
  // other test files.
  beforeAll(async () => {
    tmp = tempDir('patchlore-pw-e2e-');
    rig = await startRig(join(tmp.dir, 'pw'));
    archive = await startArchive([join(WISH1, FSDAX_V9_FILE)]);
    config = writeConfig(tmp.dir, { base: archive.url, http: { delayMs: 0 } });
    db = join(tmp.dir, 'store.sqlite');
    const files = readdirSync(WISH1)
      .filter((f) => f.endsWith('.mbox.gz') && f !== FSDAX_V9_FILE && f !== SPARSE_V9_FILE)
      .map((f) => join(WISH1, f));
    expect((await cli('import', '--db', db, '--list', 'nvdimm', ...files)).code).toBe(0);
  }, 900_000);

  afterAll(async () => {
    await archive?.close();
    await rig?.stop();
    tmp?.cleanup();
  });

  it('stores every decision, and fetches the mail it names from the archive first, then Patchwork', async () => {
    const r = await sync();
    expect(r.code, r.err).toBe(0);
    const out = r.json();
    // The rig's README: the result of the triage, in patch counts.
    expect(out).toMatchObject({
      patches: 503,
      states: { accepted: 83, 'awaiting-upstream': 2, 'changes-requested': 26, deferred: 1, new: 1, 'not-applicable': 1, rfc: 40, superseded: 338, 'under-review': 11 },
      fetched: 27,
      mode: 'full',
      project: 'nvdimm',
      read: { patches: 503, covers: 36, series: 50 },
      problems: [],
    });
    expect(out.mail.fromArchive).toContain(FSDAX_V9);
    expect(out.mail.fromArchive).toHaveLength(21);
    expect(out.mail.fromPatchwork).toContain(SPARSE_V9);
    expect(out.mail.fromPatchwork).toHaveLength(6);
    expect(out.mail).toMatchObject({ lacking: 27, unavailable: [], skipped: 0 });
    // Oldest first: one 404 for sparse-vmemmap v9 (its cover letter asked for first, then no
    // more of it), one thread for fs/dax v9.
    expect(archive.asked.map(decodeURIComponent)).toEqual([`/nvdimm/${SPARSE_V9}/t.mbox.gz`, `/nvdimm/${FSDAX_V9}/t.mbox.gz`]);
  });

  it('gives series --json the states of fs/dax v9: 20 of 20 accepted, delegated to Dan Williams, with their checks; lineages their state', async () => {
    const s = (await cli('series', '--db', db, '--json', FSDAX_V9)).json();
    const v9 = s.revisions.find((x: { coverId: string }) => x.coverId === FSDAX_V9);
    expect(v9.patchwork).toMatchObject({ total: 20, tracked: 20, state: 'accepted', text: '20 of 20 accepted' });
    for (const p of v9.patches) expect(p.patchwork, p.title).toMatchObject({ state: 'accepted', stateName: 'Accepted', delegate: 'Dan Williams', archived: false, commitRef: null, project: 'nvdimm' });
    expect(v9.patches[2].patchwork.checks).toMatchObject({ state: 'warning', counts: { success: 1, warning: 1 } });
    expect(v9.patches[0].patchwork.url).toMatch(new RegExp(`^${rig.url}/project/nvdimm/patch/`));
    // Andrew Morton said on the list that he took v9 into mm.git: the list outranks Patchwork.
    expect(s.status).toMatchObject({ state: 'applied', applied: { by: 'Andrew Morton' }, patchwork: { text: '20 of 20 accepted' } });
    // Earlier revisions were superseded.
    const v8 = s.revisions.find((x: { versionTag: string | null }) => x.versionTag === '8');
    expect(v8.patchwork).toMatchObject({ state: 'superseded' });
    const gup = (await cli('series', '--db', db, '--json', DAXGUP_V3)).json();
    expect(gup.status.state).toBe('changes-requested');
    const vm = (await cli('series', '--db', db, '--json', VM_NORMAL_V3)).json();
    expect(vm.status).toMatchObject({ state: 'changes-requested', patchwork: { text: '10 of 11 under review, 1 changes requested' } });
  });

  describe.skipIf(noBrowser)(`on the built site${noBrowser ? ` (skipped: ${noBrowser})` : ''}`, () => {
    let server: RunningServer;
    let close: () => Promise<void>;
    let page: Page;
    const errors: string[] = [];
    beforeAll(async () => {
      await buildSiteFs(db, join(tmp.dir, 'site'), () => undefined);
      server = await serveSite(join(tmp.dir, 'site'));
      const browser = await launchBrowser();
      page = await browser.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      close = async () => {
        await browser.close();
        await server.close();
      };
    }, 600_000);
    afterAll(async () => {
      await close?.();
    });

    it('shows each patch its state and the cover letter its series on the thread page', async () => {
      await page.goto(server.url + messagePath(FSDAX_V9).slice(1));
      await page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
      const cover = page.locator(`article[data-message-id="${FSDAX_V9}"] p.patchwork`);
      expect((await cover.textContent())!.replace(/\s+/g, ' ').trim()).toBe('Patchwork: 20 of 20 accepted');
      const states = await page.locator('article[data-message-id] p.patchwork .badge.pw').allTextContents();
      expect(states).toEqual(Array(20).fill('Accepted'));
      const third = (await page.locator('article[data-message-id] p.patchwork').nth(3).textContent())!.replace(/\s+/g, ' ');
      expect(third).toContain('delegate Dan Williams');
      expect(third).toContain('checks: 1 success, 1 warning');
    });

    it("shows the lineage's state from Patchwork and every revision's on the lineage page", async () => {
      await page.locator('nav.series-box a.series-link').first().click();
      await page.waitForURL(/\/s\/[0-9a-f]{16}\/$/);
      const status = (await page.locator('section.status').textContent())!.replace(/\s+/g, ' ');
      expect(status).toContain('Patchwork on v9: 20 of 20 accepted.');
      const column = await page.locator('table.timeline tbody td.pw').allTextContents();
      expect(column.at(-1)!.trim()).toBe('20 of 20 accepted');
      expect(column.filter((t) => /superseded/.test(t)).length).toBeGreaterThan(5);
      const v9 = page.locator('section.revision').last();
      expect(await v9.locator('table.patches td.pw .badge.pw').allTextContents()).toEqual(Array(20).fill('Accepted'));
    });

    it("shows Patchwork's summary in the series table, on the page as built and in rows a filter fetches", async () => {
      const lineageTitle = (await cli('series', '--db', db, '--json', FSDAX_V9)).json().title as string;
      await page.goto(`${server.url}s/`);
      const rowText = async (): Promise<string> => ((await page.locator('table.series tbody tr', { hasText: lineageTitle }).first().locator('td.states').textContent()) ?? '').replace(/\s+/g, ' ');
      expect(await rowText()).toContain('Patchwork: 20 of 20 accepted');
      // A filter shows rows the script builds from the table's rows file: the same badges.
      await page.goto(`${server.url}s/?title=${encodeURIComponent(lineageTitle)}&latest=0`);
      await page.waitForFunction(() => /postings shown/.test(document.getElementById('series-count')?.textContent ?? ''));
      const rows = page.locator('table.series tbody tr', { hasText: lineageTitle });
      expect(await rows.count()).toBeGreaterThan(5);
      expect(await rowText()).toContain('Patchwork: 20 of 20 accepted');
      expect((await rows.locator('.badge.pw').allTextContents()).filter((t) => /superseded/.test(t)).length).toBeGreaterThan(5);
    });

    it("says on the thread page which messages are Patchwork's copies", async () => {
      await page.goto(server.url + messagePath(SPARSE_V9).slice(1));
      await page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
      const notes = await page.locator('article[data-message-id] p.rebuilt').allTextContents();
      expect(notes).toHaveLength(6);
      expect(notes[0]).toMatch(/^This is Patchwork's copy .*not the mail as sent/);
    });

    it('finds patches by their Patchwork state with pw:', async () => {
      await page.goto(`${server.url}search/?q=${encodeURIComponent('pw:changes-requested')}`);
      await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''));
      const cliHits = (await cli('search', '--db', db, '--json', '--limit', '1000', 'pw:changes-requested')).json();
      // The 26 patches and the cover letters of their series.
      expect(cliHits.total).toBeGreaterThan(26);
      expect(cliHits.hits.map((h: { messageId: string }) => h.messageId)).toContain(DAXGUP_V3);
      expect(await page.locator('#search-status').textContent()).toMatch(new RegExp(`^${cliHits.total} messages match`));
      expect(errors).toEqual([]);
    });
  });

  it("lets the archive's copy of mail fetched from Patchwork replace it, without imposters", async () => {
    const before = (await cli('stats', '--db', db, '--json')).json();
    const r = await cli('import', '--db', db, '--list', 'nvdimm', '--json', join(WISH1, SPARSE_V9_FILE));
    expect(r.code).toBe(0);
    expect(r.json().diagnostics.filter((d: { code: string }) => d.code === 'store/superseded')).toHaveLength(6);
    const after = (await cli('stats', '--db', db, '--json')).json();
    expect(after.imposters).toBe(before.imposters);
    const s = (await cli('series', '--db', db, '--json', SPARSE_V9)).json();
    expect(s.revisions.at(-1).patchwork).toMatchObject({ text: '5 of 5 accepted' });
  });

  it('asks a second time only for the events since the first', async () => {
    const r = await sync();
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ mode: 'incremental', requests: 1, fetched: 0, patches: 503, read: { patches: 0, events: 0 }, mail: { lacking: 0 } });
  });

});
