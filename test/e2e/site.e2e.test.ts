// The built site in a real browser: mail cannot inject markup or run script, permalinks land on
// the message, search runs from the URL. Builds a small site from mail written here.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mail } from '../../ingest/test-support/mail-builder.ts';
import { messagePath } from '../../src/lib/paths.ts';
import { browserMissing } from './browser.ts';
import { startSite, type SiteFixture } from './site-fixture.ts';

const skip = browserMissing();
const PAYLOAD = 'window.__xss = (window.__xss || 0) + 1';
const XSS_ID = 'xss@evil.example';
const WEIRD_ID = 'weird/ID+x=y?#%@example.org';

function xssMail(): string {
  const b = 'BOUNDARY';
  return [
    `From: "<img src=x onerror=\\"${PAYLOAD}\\">" <evil@example.org>`,
    `Subject: <script>${PAYLOAD}</script> hello <b>bold</b>`,
    'Date: Tue, 2 Jan 2024 10:00:00 +0000',
    `Message-ID: <${XSS_ID}>`,
    'In-Reply-To: <root@example.org>',
    'References: <root@example.org>',
    'List-Id: <nvdimm.lists.linux.dev>',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `<script>${PAYLOAD}</script>`,
    `<img src=x onerror="${PAYLOAD}">`,
    `</pre><svg onload="${PAYLOAD}"></svg><a href="javascript:${PAYLOAD}">click</a>`,
    '> quoted <script>alert(1)</script>',
    '',
    `--${b}`,
    `Content-Type: text/x-patch; name="<img src=x onerror=${PAYLOAD}>.patch"`,
    `Content-Disposition: attachment; filename="<img src=x onerror=${PAYLOAD}>.patch"`,
    '',
    `diff --git a/x b/x`,
    `+</pre><script>${PAYLOAD}</script>`,
    '',
    `--${b}--`,
    '',
  ].join('\n');
}

describe.skipIf(skip)(`site in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let site: SiteFixture;
  let page: Page;
  let server: SiteFixture['server'];
  let errors: string[];
  let dialogs: string[];

  beforeAll(async () => {
    const LIST = 'nvdimm.lists.linux.dev';
    const messages = [
      mail({ id: 'root@example.org', subject: '[PATCH] fs/dax: fix pte_special handling', listId: LIST, date: 'Mon, 1 Jan 2024 10:00:00 +0000', body: 'The patch.\n' }),
      xssMail(),
      mail({ id: WEIRD_ID, subject: 'Re: [PATCH] fs/dax: fix pte_special handling', inReplyTo: 'root@example.org', references: ['root@example.org'], listId: LIST, date: 'Wed, 3 Jan 2024 10:00:00 +0000' }),
      mail({ id: 'orphan@example.org', subject: 'Re: a thread that started elsewhere', inReplyTo: 'elsewhere@example.org', references: ['elsewhere@example.org'], listId: LIST }),
    ];
    site = await startSite(messages);
    ({ page, server, errors, dialogs } = site);
  }, 180_000);

  /** Open a /m/ permalink and wait for its redirect to the thread page. */
  async function openPermalink(mid: string): Promise<void> {
    await page.goto(server.url + messagePath(mid).slice(1));
    await page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
    await page.waitForLoadState('load');
  }

  afterAll(async () => {
    await site?.close();
  });

  it('renders hostile subjects, names, bodies and attachment names as text and runs nothing', async () => {
    await openPermalink(XSS_ID);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#${XSS_ID}`);
    const msg = page.locator(`[data-message-id="${XSS_ID}"]`);
    await expect(msg.getAttribute('id')).resolves.toBe(XSS_ID);
    const text = (await msg.textContent()) ?? '';
    expect(text).toContain(`<script>${PAYLOAD}</script> hello <b>bold</b>`);
    expect(text).toContain(`<img src=x onerror="${PAYLOAD}">`);
    expect(text).toContain(`<img src=x onerror=\\"${PAYLOAD}\\">`.replace(/\\"/g, '"'));
    expect(text).toContain(`attachment <img src=x onerror=${PAYLOAD}>.patch`);
    // No element came from mail: no img, svg, script or b inside messages, no javascript: links.
    expect(await page.locator('article img, article svg, article script, article b, article iframe').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('resolves /m/<msgid>/ for IDs with slashes and URL syntax in them', async () => {
    await openPermalink(WEIRD_ID);
    const target = await page.evaluate(() => document.querySelector(':target')?.getAttribute('data-message-id'));
    expect(target).toBe(WEIRD_ID);
  });

  it('shows a ghost where a message is missing, with the reply under it', async () => {
    await openPermalink('orphan@example.org');
    const ghost = page.locator('article.ghost');
    expect(await ghost.textContent()).toContain('<elsewhere@example.org>');
    expect(await page.locator('article.msg.d1[data-message-id="orphan@example.org"]').count()).toBe(1);
  });

  it('runs the search in ?q= and links each hit to its message', async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent('pte_special')}`);
    const hits = page.locator('#search-results li[data-message-id]');
    await hits.first().waitFor();
    expect(await hits.evaluateAll((els) => els.map((e) => e.getAttribute('data-message-id')).sort())).toEqual(['root@example.org', WEIRD_ID].sort());
    await page.locator(`#search-results li[data-message-id="root@example.org"] a`).click();
    await page.waitForURL(/\/t\/[0-9a-f]{16}\/#root@example.org$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.getAttribute('data-message-id'))).toBe('root@example.org');
  });

  it('shows hostile subjects in search results as text', async () => {
    await page.goto(`${server.url}search/?q=hello`);
    const hit = page.locator(`#search-results li[data-message-id="${XSS_ID}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain('<script>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('sends a Message-ID typed into search to its permalink', async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent('<root@example.org>')}`);
    const link = page.locator('#search-status a');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/m/root@example.org/');
  });
});
