// Messages recovered from archive pages, in a real browser: the thread page says where each was
// recovered from and what the archive hid, and nothing of a hostile page runs (script in its
// subject, sender, body and attributes), nor of mail that claims to be recovered from a page
// whose address is script.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mail } from '../../ingest/test-support/mail-builder.ts';
import { recoveredHeader } from '../../ingest/message/recovered-header.ts';
import { messagePath } from '../../src/lib/paths.ts';
import { browserMissing } from './browser.ts';
import { startSite, type SiteFixture } from './site-fixture.ts';

const skip = browserMissing();
const HOSTILE = join(import.meta.dirname, '../../ingest/archive/fixtures/hostile-hypermail.html');
const HOSTILE_ID = '20240101100000.A1@attacker.example';
const PAYLOAD = 'window.__xss=(window.__xss||0)+1';

/** Mail claiming, in its first header field, to be recovered from a page at `source`. */
function claims(id: string, source: string): string {
  const header = recoveredHeader({ generator: 'mhonarc', version: '2.6.19', source, messageId: 'truncated', writtenId: `<script>${PAYLOAD}</script>`, obfuscated: [{ field: 'from', how: 'x-domain', restored: false }], datePrecision: 'minute' });
  return `X-Patchlore-Recovered: ${header}\n${mail({ id, subject: 'a recovered claim', inReplyTo: 'root@example.org', references: ['root@example.org'], date: 'Tue, 2 Jan 2024 12:00:00 +0000' })}`;
}

describe.skipIf(skip)(`recovered messages in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let site: SiteFixture;
  let page: Page;

  beforeAll(async () => {
    site = await startSite(
      [
        mail({ id: 'root@example.org', subject: '[PATCH] fix', date: 'Mon, 1 Jan 2024 09:00:00 +0000' }),
        claims('script-source@example.org', `javascript:${PAYLOAD}`),
        claims('quote-source@example.org', `https://x.example/"><img src=x onerror="${PAYLOAD}">`),
      ],
      { inputs: [HOSTILE] },
    );
    page = site.page;
  }, 180_000);
  afterAll(async () => {
    await site?.close();
  });

  async function open(mid: string): Promise<void> {
    await page.goto(site.server.url + messagePath(mid).slice(1));
    await page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
    await page.waitForLoadState('load');
  }

  it('says a hostile page was recovered from, what the archive hid, as text; nothing of it runs', async () => {
    await open(HOSTILE_ID);
    const msg = page.locator(`[data-message-id="${HOSTILE_ID}"]`);
    const note = msg.locator('.recovered');
    expect(await note.textContent()).toContain('Recovered from a hypermail 2.1.7 page, not received as mail: file://');
    // hypermail wrote the sender's "@" as "_at_": turned back.
    expect(await note.locator('.restored').textContent()).toBe('Hidden by the archive, restored: the sender\'s address: "@" spelt out.');
    expect(await note.locator('.lost').count()).toBe(0);
    // A saved file is named, not linked.
    expect(await note.locator('a').count()).toBe(0);
    const text = (await msg.textContent()) ?? '';
    expect(text).toContain("Re: [PATCH] fix <script>alert('subject')</script>");
    expect(text).toContain('Mallory <img src=x onerror=alert(1)>');
    expect(await page.locator('article img, article svg, article script, article iframe, article style').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(site.dialogs).toEqual([]);
    expect(site.errors).toEqual([]);
  });

  it('never links or runs a page address that is script, and quotes one that breaks out of an attribute as text', async () => {
    await open('script-source@example.org');
    const scripted = page.locator('[data-message-id="script-source@example.org"] .recovered');
    expect(await scripted.locator('.source').textContent()).toBe(`javascript:${PAYLOAD}`);
    expect(await scripted.locator('a').count()).toBe(0);
    expect(await scripted.locator('.placeholder').textContent()).toBe('the page cut its Message-ID: it is stored under a placeholder until its mail arrives.');
    expect(await scripted.locator('.precision').textContent()).toBe('Date: the page gives the date to the minute.');
    const quoted = page.locator('[data-message-id="quote-source@example.org"] .recovered a.source');
    expect(await quoted.getAttribute('href')).toBe(`https://x.example/"><img src=x onerror="${PAYLOAD}">`);
    expect(await quoted.getAttribute('rel')).toBe('noreferrer nofollow');
    expect(await page.locator('article img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(site.dialogs).toEqual([]);
    expect(site.errors).toEqual([]);
  });
});
