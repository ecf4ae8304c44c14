// Series pages in a real browser: a thread page leads to its lineage and its neighbours, the
// lineage page shows the timeline, changes and trailers, and the series table filters by author
// and state with the filter kept in the URL. Builds a small site from mail written here.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERIES_IDS as I, seriesMail } from '../../ingest/test-support/series-mail.ts';
import { messagePath } from '../../src/lib/paths.ts';
import { browserMissing } from './browser.ts';
import { startSite, type SiteFixture } from './site-fixture.ts';

const skip = browserMissing();

describe.skipIf(skip)(`series pages in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let site: SiteFixture;
  let page: Page;
  let server: SiteFixture['server'];
  let errors: string[];

  beforeAll(async () => {
    site = await startSite(seriesMail());
    ({ page, server, errors } = site);
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it('leads from a thread to the previous revision and to the whole lineage', async () => {
    await page.goto(server.url + messagePath(I.v2Cover).slice(1));
    await page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
    const box = page.locator('nav.series-box');
    expect(await box.textContent()).toMatch(/v2\s+of\s+mm\/dax: fix refcounts/);
    // The cover letter says what it is; its patches, in their places below it, say nothing more.
    const roles = await page.locator('article[data-message-id] p.role').allTextContents();
    expect(roles).toEqual([expect.stringMatching(/^cover letter of v2 \(\d+ patch(es)?\)$/)]);
    expect(await page.locator(`article[data-message-id="${I.v2Cover}"] p.role`).count()).toBe(1);
    await box.locator('a[rel=prev]').click();
    await page.waitForLoadState('load');
    expect(await page.locator(`article[data-message-id="${I.rfcCover}"]`).count()).toBe(1);
    expect(await page.locator('nav.series-box a[rel=next]').textContent()).toContain('v2');
    await page.locator('nav.series-box a.series-link').click();
    await page.waitForURL(/\/s\/[0-9a-f]{16}\/$/);
    expect(await page.locator('h1').textContent()).toBe('mm/dax: fix refcounts');
    const status = (await page.locator('section.status').textContent())!.replace(/\s+/g, ' ');
    expect(status).toContain('Latest: v2 (2024-05-06), superseding 1 earlier postings.');
    expect(status).toContain('No maintainer said on these lists that it was applied.');
    expect(status).toContain('No NAK outstanding.');
  });

  it('shows the timeline, what changed, and who reviewed each patch', async () => {
    const rows = page.locator('table.timeline tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-revision')))).toEqual(['rfc-v1', 'v2']);
    expect(await rows.nth(1).textContent()).toContain('changelog names the previous version');
    const v2 = page.locator('section.revision#v2');
    expect(await v2.locator('.changes h3').textContent()).toMatch(/Against\s+RFC v1\?:\s+1 changed, 1 unchanged/);
    expect(await v2.locator('details.changelog pre').textContent()).toContain('count pages with refcount_inc_not_zero');
    const first = v2.locator('table.patches tbody tr').first();
    expect(await first.locator('.t-reviewed-by').textContent()).toContain('Rita Reviewer');
    expect(await first.locator('.t-reviewed-by a').getAttribute('href')).toBe(messagePath(I.review));
    expect(await first.locator('.t-acked-by').textContent()).toContain('(on the cover letter)');
    expect(await v2.locator('details.mismatches').textContent()).toContain('Somebody Else');
    // A patch link lands on the patch in its thread.
    await first.locator('td a').first().click();
    await page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
    expect(await page.evaluate(() => document.querySelector(':target')?.getAttribute('data-message-id'))).toBe(I.v21);
    expect(errors).toEqual([]);
  });

  it('filters the series table by author and state, keeping the filter in the URL', async () => {
    await page.goto(`${server.url}l/nvdimm/series/`);
    const visible = () => page.locator('table.series tbody tr:not([hidden])').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-family')));
    // Latest revision of each lineage by default.
    await expect.poll(visible).toEqual([I.other, I.rfcCover]);
    await expect.poll(() => page.locator('#series-count').textContent()).toBe('2 of 2 series shown');
    await page.locator('form.series-filter input[name=nak]').check();
    await expect.poll(visible).toEqual([I.other]);
    expect(new URL(page.url()).search).toBe('?nak=1');
    await page.locator('form.series-filter input[name=nak]').uncheck();
    // Where the lineage stands, from the lineage outcome: the NAKed one is 'nacked'.
    await page.locator('form.series-filter select[name=state]').selectOption('nacked');
    await expect.poll(visible).toEqual([I.other]);
    expect(new URL(page.url()).search).toBe('?state=nacked');
    await page.locator('form.series-filter select[name=state]').selectOption('any');
    await page.locator('form.series-filter input[name=latest]').uncheck();
    await page.locator('form.series-filter select[name=rfc]').selectOption('only');
    await expect.poll(visible).toEqual([I.rfcCover]);
    await page.goto(`${server.url}l/nvdimm/series/?author=author%40example.com&latest=0`);
    await expect.poll(visible).toEqual([I.rfcCover, I.rfcCover]);
    expect(await page.locator('form.series-filter input[name=author]').inputValue()).toBe('author@example.com');
    expect(errors).toEqual([]);
  });
});
