// The site's search in a real browser, on a site built from mail written here: fielded queries
// (diff fields included), date ranges, phrases, grouping by thread, a broken query's positioned
// error with a corrected example, and every hit linking to its message's anchor.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mail } from '../../ingest/test-support/mail-builder.ts';
import { browserMissing } from './browser.ts';
import { startSite, type SiteFixture } from './site-fixture.ts';

const skip = browserMissing();
const LIST = 'nvdimm.lists.linux.dev';

const PATCH = `vm_normal_page() must not hand out device pages.

Signed-off-by: Alistair Popple <apopple@nvidia.com>
---
diff --git a/mm/memory.c b/mm/memory.c
--- a/mm/memory.c
+++ b/mm/memory.c
@@ -600,7 +600,7 @@ struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
 	if (pte_special(pte))
-		return NULL;
+		return pfn_to_page(pfn);
 	return page;
`;

describe.skipIf(skip)(`search in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let site: SiteFixture;
  let server: SiteFixture['server'];
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    site = await startSite([
      mail({ id: 'patch@example.org', from: 'Alistair Popple <apopple@nvidia.com>', subject: '[PATCH] mm: fix vm_normal_page for devdax', listId: LIST, date: 'Mon, 15 Jan 2024 10:00:00 +0000', body: PATCH }),
      mail({
        id: 'reply@example.org',
        from: 'Jason Gunthorpe <jgg@nvidia.com>',
        subject: 'Re: [PATCH] mm: fix vm_normal_page for devdax',
        inReplyTo: 'patch@example.org',
        references: ['patch@example.org'],
        listId: LIST,
        date: 'Tue, 16 Jan 2024 10:00:00 +0000',
        body: '> vm_normal_page() must not hand out device pages.\n\nThe page reference counts are wrong for pte_special devdax mappings.\n',
      }),
      mail({ id: 'old@example.org', from: 'Dan Williams <dan.j.williams@intel.com>', subject: 'page reference counts of fs/dax', listId: LIST, date: 'Wed, 10 Mar 2021 10:00:00 +0000', body: 'Counting page references in fs/dax.c is hard.\n' }),
      mail({ id: 'other@example.org', from: 'Dan Williams <dan.j.williams@intel.com>', subject: 'counts of references, page by page', listId: LIST, date: 'Thu, 11 Mar 2021 10:00:00 +0000', body: 'References to a page are counted.\n' }),
    ]);
    ({ server, page, errors } = site);
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  async function search(q: string): Promise<string[]> {
    await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''));
    return page.locator('#search-results li[data-message-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-message-id')!).sort());
  }

  it('answers fielded queries, diff fields included', async () => {
    expect(await search('dfhh:vm_normal_page')).toEqual(['patch@example.org']);
    expect(await search('dfa:NULL')).toEqual(['patch@example.org']);
    expect(await search('dfb:pfn_to_page')).toEqual(['patch@example.org']);
    expect(await search('dfn:mm/memory.c')).toEqual(['patch@example.org']);
    expect(await search('f:jgg@nvidia.com')).toEqual(['reply@example.org']);
    expect(await search('q:vm_normal_page')).toEqual(['reply@example.org']);
    expect(await search('nq:vm_normal_page')).toEqual(['patch@example.org']);
    expect(await search('pte_special devdax')).toEqual(['patch@example.org', 'reply@example.org']);
    expect(await search('s:devdax -f:apopple')).toEqual(['reply@example.org']);
    expect(errors).toEqual([]);
  });

  it('restricts to a date range', async () => {
    expect(await search('page d:2021-01-01..2021-12-31')).toEqual(['old@example.org', 'other@example.org']);
    expect(await search('page d:2021-03-10')).toEqual(['old@example.org']);
    expect(await search('page d:2024-01-16..')).toEqual(['reply@example.org']);
  });

  it('matches a phrase as written and a word by its stem', async () => {
    expect(await search('"page reference counts"')).toEqual(['old@example.org', 'reply@example.org']);
    expect(await search('b:"reference counts"')).toEqual(['reply@example.org']);
    // "counting" finds "counts" (same stem); "Counted" or "counted" in quotes only itself.
    expect(await search('s:counting')).toEqual(['old@example.org', 'other@example.org']);
    expect(await search('counted')).toEqual(['old@example.org', 'other@example.org', 'reply@example.org']);
    expect(await search('"counted"')).toEqual(['other@example.org']);
    expect(await search('Counted')).toEqual(['other@example.org']);
  });

  it('groups hits by thread and marks the matched words', async () => {
    await search('devdax');
    const threads = page.locator('#search-results section.search-thread');
    expect(await threads.count()).toBe(1);
    expect(await threads.first().locator('li[data-message-id]').count()).toBe(2);
    expect(await page.locator('#search-results mark').allTextContents()).toContain('devdax');
  });

  it('shows the help for an empty query, and offers looser queries when nothing matches', async () => {
    await page.goto(`${server.url}search/`);
    await page.waitForFunction(() => /Type a query/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await page.locator('details.search-help').getAttribute('open')).not.toBeNull();
    expect(await search('s:pte_special devdax')).toEqual([]);
    const offers = page.locator('#search-results li.search-relax a');
    expect(await offers.allTextContents()).toEqual(['pte_special devdax', 'devdax']);
    expect(await page.locator('#search-results li.search-relax').textContent()).toBe('Try pte_special devdax (2: s:pte_special anywhere, not only in subject), devdax (2: without s:pte_special)');
    await offers.first().click();
    await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? '') && !/No messages/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect((await page.locator('#search-results li[data-message-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-message-id')))).sort()).toEqual(['patch@example.org', 'reply@example.org']);
    expect(errors).toEqual([]);
  });

  it('explains a broken query: what, where, and a corrected example', async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent('s:"fs/dax d:2024-01-01..')}`);
    const err = page.locator('#search-error');
    await err.waitFor();
    expect(await err.textContent()).toContain('the quote at column 3 is never closed');
    await page.goto(`${server.url}search/?q=${encodeURIComponent('sub:dax')}`);
    await err.waitFor();
    expect(await err.textContent()).toContain('unknown prefix "sub:" at column 1');
    const fix = err.locator('a');
    expect(await fix.textContent()).toBe('s:dax');
    await fix.click();
    await page.waitForURL(/q=s%3Adax/);
    await page.locator('#search-results li[data-message-id]').first().waitFor();
    expect(await page.locator('#search-results li[data-message-id]').count()).toBe(1);
  });

  it('links every hit to its message anchor, and j/Enter open it from the keyboard', async () => {
    await search('pte_special');
    const hrefs = await page.locator('#search-results li[data-message-id] > a').evaluateAll((as) => as.map((a) => [a.closest('li')!.getAttribute('data-message-id'), a.getAttribute('href')]));
    for (const [mid, href] of hrefs) expect(decodeURIComponent(href!.split('#')[1]!)).toBe(mid);
    await page.keyboard.press('j');
    const first = await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-message-id'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
    expect(await page.evaluate(() => document.querySelector(':target')?.getAttribute('data-message-id'))).toBe(first);
  });
});
