// What landed, in a real browser: a site built from the small lineage of series-mail.ts after
// `patchlore commits` read a repository that took in its v2 (series-repo-fs.ts). The lineage page
// says merged, which revision landed and the release, and links each commit through the
// repository's URL template; the thread page shows each patch its commit; the series table and
// the merged: search prefix agree.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepository } from '../../ingest/commits/read-repository-fs.ts';
import { deriveStore } from '../../ingest/derive/derive-store.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import { SERIES_IDS as I, seriesMail } from '../../ingest/test-support/series-mail.ts';
import { gitMissing, seriesRepository, type SeriesRepository } from '../../ingest/test-support/series-repo-fs.ts';
import { messagePath } from '../../src/lib/paths.ts';
import { browserMissing } from './browser.ts';
import { startSite, type SiteFixture } from './site-fixture.ts';

const skip = browserMissing() ?? gitMissing();
const URL = 'https://git.example.org/dax.git/commit/?id=%H';

describe.skipIf(skip)(`what landed, in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let site: SiteFixture;
  let page: Page;
  let server: SiteFixture['server'];
  let errors: string[];
  let repo: SeriesRepository;

  beforeAll(async () => {
    site = await startSite(seriesMail(), {
      beforeBuild: async (dir) => {
        repo = seriesRepository(dir);
        const store = openStore(join(dir, 'store.sqlite'));
        try {
          await readRepository(store, { path: repo.path, name: 'dax', urlTemplate: URL });
          await deriveStore(store, { workers: 0 });
        } finally {
          store.close();
        }
      },
    });
    ({ page, server, errors } = site);
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it('says on the lineage page that the series was merged, which revision landed, and links its commits', async () => {
    await page.goto(server.url + messagePath(I.v2Cover).slice(1));
    await page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
    await page.locator('nav.series-box a.series-link').click();
    await page.waitForURL(/\/s\/[0-9a-f]{16}\/$/);
    const merge = page.locator('section.merge');
    expect((await merge.textContent())!.replace(/\s+/g, ' ')).toMatch(/merged · v2 landed · all in v2/);
    expect(await merge.locator('a.hash').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
      [repo.second.slice(0, 12), URL.replace('%H', repo.second)],
      [repo.first.slice(0, 12), URL.replace('%H', repo.first)],
    ]);
    await merge.locator('a[href="#v2"]').click();
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('v2');
    // The timeline and each patch of v2; the RFC's patches became nothing themselves.
    expect(await page.locator('table.timeline tr[data-revision=v2] .badge.merged').textContent()).toBe('merged 2/2');
    expect(await page.locator('table.timeline tr[data-revision=rfc-v1] .badge').count()).toBe(0);
    const patches = page.locator('section.revision#v2 table.patches tbody tr');
    expect(await patches.evaluateAll((trs) => trs.map((tr) => tr.querySelector('li.commit')?.getAttribute('data-commit')))).toEqual([repo.first, repo.second]);
    expect(await page.locator('section.revision#rfc-v1 li.commit').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows each patch on its thread page the commit it became', async () => {
    await page.goto(server.url + messagePath(I.v22).slice(1));
    await page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
    const patch = page.locator(`article[data-message-id="${I.v22}"] li.commit`);
    expect(await patch.getAttribute('data-commit')).toBe(repo.second);
    expect((await patch.textContent())!.replace(/\s+/g, ' ')).toContain(`merged as ${repo.second.slice(0, 12)} fs/dax: drop devmap v2`);
    expect(await patch.getAttribute('title')).toContain('same git patch-id (0.99)');
    expect(await page.locator(`article[data-message-id="${I.v2Cover}"] li.commit`).count()).toBe(0);
    expect(await page.locator(`article[data-message-id="${I.review}"] li.commit`).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('marks the lineage merged in the series table, and finds what landed with merged:', async () => {
    await page.goto(`${server.url}l/nvdimm/series/`);
    expect(await page.locator(`table.series tr[data-family="${I.rfcCover}"] .badge.merged`).first().textContent()).toBe('merged');
    expect(await page.locator(`table.series tr[data-family="${I.other}"] .badge.merged`).count()).toBe(0);
    await page.goto(`${server.url}search/?q=${encodeURIComponent('merged:yes s:devmap')}`);
    await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''));
    const hits = await page.locator('#search-results li[data-message-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-message-id')!).sort());
    expect(hits).toEqual([I.rfc2, I.v22].sort());
    expect(errors).toEqual([]);
  });
});
