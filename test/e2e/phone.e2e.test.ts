// Every page kind at a phone's width (390 px) in Chromium: nothing wider than the screen, the
// search box whole. Built from series and discussion mail written here, plus a thread with the
// things that widen pages: long subjects, unbroken URLs and identifiers, deep replies, long diff
// lines, and a topic page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mail } from '../../ingest/test-support/mail-builder.ts';
import { DISCUSSION_IDS as D, SERIES_IDS as I, SERIES_LIST, discussionMail, seriesMail } from '../../ingest/test-support/series-mail.ts';
import { messagePath } from '../../src/lib/paths.ts';
import { browserMissing } from './browser.ts';
import { startSite, type SiteFixture } from './site-fixture.ts';

const skip = browserMissing();
const WIDTH = 390;

/** A thread built to be wide: a long subject, a URL and an identifier without break points, a
 *  ten-deep reply chain, and a diff with a 300-column line. */
function wideMail(): string[] {
  const long = 'x'.repeat(120);
  const out = [
    mail({
      id: 'wide-0@example.com',
      listId: SERIES_LIST,
      subject: `[PATCH] mm/memremap: ${'make_device_private_page_refcounting_consistent_'.repeat(3)}`,
      body: `See https://lore.kernel.org/linux-mm/${long}@example.com/T/#u and ${long}.\n\ndiff --git a/mm/memremap.c b/mm/memremap.c\n--- a/mm/memremap.c\n+++ b/mm/memremap.c\n@@ -1 +1 @@\n-${'a'.repeat(300)}\n+${'b'.repeat(300)}\n`,
    }),
  ];
  // Two reviewers of the same patch: one trailer line listing both.
  for (const [id, who] of [['wide-r1@example.com', 'Jason Gunthorpe <jgg@example.com>'], ['wide-r2@example.com', 'Dan Williams <dan@example.com>']] as const) {
    out.push(mail({ id, from: who, listId: SERIES_LIST, subject: 'Re: [PATCH] mm/memremap', inReplyTo: 'wide-0@example.com', references: ['wide-0@example.com'], body: `Looks right.\n\nReviewed-by: ${who}\n` }));
  }
  for (let i = 1; i <= 10; i++) {
    out.push(mail({ id: `wide-${i}@example.com`, listId: SERIES_LIST, subject: `Re: [PATCH] mm/memremap: ${'make_device_private_page_refcounting_consistent_'.repeat(3)}`, inReplyTo: `wide-${i - 1}@example.com`, references: Array.from({ length: i }, (_, k) => `wide-${k}@example.com`), body: `> quoted ${long}\n\nReply ${i} with ${long}\n` }));
  }
  return out;
}

describe.skipIf(skip)(`pages at ${WIDTH} px in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let site: SiteFixture;

  beforeAll(async () => {
    site = await startSite([...seriesMail(), ...discussionMail(), ...wideMail()], {
      beforeBuild: (dir) => {
        const topics = join(dir, 'topics');
        mkdirSync(topics);
        writeFileSync(join(topics, 'refcounts.md'), `---\ntitle: "Refcounts of DAX pages, a history that runs long"\nquery: 's:refcounts'\n---\nIn review:\n\n[[${D.answer}]]\n`);
        process.env.PATCHLORE_TOPICS = topics;
      },
    });
    await site.page.setViewportSize({ width: WIDTH, height: 800 });
  }, 180_000);

  afterAll(async () => {
    process.env.PATCHLORE_TOPICS = 'none';
    await site?.close();
  });

  /** The page's width, and the elements reaching past the screen's right edge that are not
   *  inside something that clips or scrolls them. */
  async function overflow(path: string): Promise<{ width: number; culprits: string[] }> {
    await site.page.goto(site.server.url + path.replace(/^\//, ''));
    await site.page.waitForLoadState('load');
    return site.page.evaluate((limit) => {
      const clipped = (e: Element): boolean => {
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
        return false;
      };
      const culprits = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > limit + 1 && !clipped(e))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      return { width: document.documentElement.scrollWidth, culprits };
    }, WIDTH);
  }

  /** Lists the page runs together with a space before each comma ("Jason Gunthorpe , Dan"). */
  async function looseCommas(): Promise<string[]> {
    const text = await site.page.locator('main').innerText();
    return text.match(/\S {1,3},/g) ?? [];
  }

  it.each([
    ['home', '/'],
    ['list', '/l/nvdimm/'],
    ['list series', '/l/nvdimm/series/'],
    ['all series', '/s/'],
    ['topics', '/topics/'],
    ['topic', '/topics/refcounts/'],
    ['search', '/search/?q=refcounts'],
  ])('fits the %s page', async (_, path) => {
    expect(await overflow(path)).toEqual({ width: WIDTH, culprits: [] });
    expect(await looseCommas()).toEqual([]);
  });

  it.each([
    ['thread of a series', I.v2Cover],
    ['wide thread', 'wide-0@example.com'],
    ['discussion thread', D.answer],
  ])('fits the %s page', async (_, mid) => {
    await site.page.goto(site.server.url + messagePath(mid).slice(1));
    await site.page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
    const path = new URL(site.page.url()).pathname;
    expect(await overflow(path)).toEqual({ width: WIDTH, culprits: [] });
    expect(await looseCommas()).toEqual([]);
  });

  it.each([
    ['a series', I.v2Cover],
    ['a patch reviewed by two', 'wide-0@example.com'],
  ])('fits the lineage page of %s', async (_, mid) => {
    await site.page.goto(site.server.url + messagePath(mid).slice(1));
    await site.page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
    const href = await site.page.locator('nav.series-box a.series-link').first().getAttribute('href');
    expect(await overflow(href!)).toEqual({ width: WIDTH, culprits: [] });
    expect(await looseCommas()).toEqual([]);
  });

  it('keeps the header search box whole', async () => {
    await site.page.goto(site.server.url);
    const box = await site.page.locator('form.search input').boundingBox();
    const button = await site.page.locator('form.search button').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(button!.x + button!.width).toBeLessThanOrEqual(WIDTH);
    expect(box!.width).toBeGreaterThan(200);
    expect(site.errors).toEqual([]);
  });
});
