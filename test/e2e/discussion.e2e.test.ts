// The design history in a real browser: a thread page shows a reply's statements with who they
// answer; every message and statement has a cite button that copies the same Markdown as
// `patchlore cite` (read back from the clipboard); a topic page renders its citations as cards
// and its timeline; a topic citing a message that is not in the store fails the build, naming
// the file and line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCitation } from '../../ingest/discussion/format-citation.ts';
import { buildSiteFs, TopicsError } from '../../ingest/publish/build-site-fs.ts';
import { citationOf } from '../../ingest/discussion/discussion-queries.ts';
import { openStore } from '../../ingest/store/sqlite-store-fs.ts';
import { tempDir } from '../../ingest/test-support/mail-builder.ts';
import { DISCUSSION_IDS, SERIES_IDS as I, discussionMail } from '../../ingest/test-support/series-mail.ts';
import { messagePath } from '../../src/lib/paths.ts';
import { browserMissing } from './browser.ts';
import { startSite, type SiteFixture } from './site-fixture.ts';

const skip = browserMissing();
const QUESTION = DISCUSSION_IDS.question;
const ANSWER = DISCUSSION_IDS.answer;

describe.skipIf(skip)(`design history in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let site: SiteFixture;
  let page: Page;
  let server: SiteFixture['server'];
  let errors: string[];
  let db: string;
  let topics: string;

  beforeAll(async () => {
    site = await startSite(discussionMail(), {
      clipboard: true,
      beforeBuild: (dir) => {
        topics = join(dir, 'topics');
        mkdirSync(topics);
        writeFileSync(
          join(topics, 'dax-refcounts.md'),
          `---\ntitle: "Refcounts of DAX pages"\nquery: 's:refcounts'\nmessages: ['${ANSWER}']\n---\nThe locking was settled in review:\n\n[[${ANSWER}|every caller takes it]]\n\nSee also [[${I.review}]] for the first review.\n`,
        );
        process.env.PATCHLORE_TOPICS = topics;
      },
    });
    ({ page, server, errors, db } = site);
  }, 180_000);

  afterAll(async () => {
    process.env.PATCHLORE_TOPICS = 'none';
    await site?.close();
  });

  async function clipboardAfterClicking(selector: string): Promise<string> {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.locator(selector).click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
    return page.evaluate(() => navigator.clipboard.readText());
  }

  it("shows a reply's statement with the question it answers and who asked it", async () => {
    await page.goto(server.url + messagePath(ANSWER).slice(1));
    await page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
    const st = page.locator(`article[data-message-id="${ANSWER}"] ul.statements li`);
    expect(await st.count()).toBe(1);
    expect(await st.locator('.kind').textContent()).toBe('agreement');
    expect(await st.locator('.answers').textContent()).toContain('Max Maintainer');
    expect(await st.locator('.answers a').getAttribute('href')).toBe(`#${QUESTION}`);
    expect(await st.locator('q').textContent()).toBe('Yes, every caller takes it before walking the entries.');
    // The quote in the answer is credited to the person who wrote it.
    expect(await page.locator(`article[data-message-id="${ANSWER}"] .quote-sources`).first().textContent()).toContain('Max Maintainer');
  });

  it('copies the same citation as `patchlore cite` from the cite buttons', async () => {
    const store = openStore(db, { readonly: true });
    const expected = formatCitation(citationOf(store, ANSWER, 'every caller takes it'), 'markdown');
    const whole = formatCitation(citationOf(store, I.review), 'markdown');
    store.close();
    expect(await clipboardAfterClicking(`article[data-message-id="${ANSWER}"] ul.statements button.cite`)).toBe(expected);
    expect(expected).toContain('> **Max Maintainer:** Does the caller already hold the page table lock here?');
    expect(expected).toContain(`(https://lore.kernel.org/r/${ANSWER})`);
    await page.goto(server.url + messagePath(I.review).slice(1));
    await page.waitForURL(/\/t\/[0-9a-f]{16}\/#/);
    expect(await clipboardAfterClicking(`article[data-message-id="${I.review}"] header button.cite`)).toBe(whole);
  });

  it('renders a topic: citation cards, the timeline of its lineages, key statements', async () => {
    await page.goto(`${server.url}topics/`);
    await page.locator('ul.topics a').click();
    await page.waitForURL(/\/topics\/dax-refcounts\/$/);
    expect(await page.locator('h1').textContent()).toBe('Refcounts of DAX pages');
    const card = page.locator(`figure.citation[data-message-id="${ANSWER}"]`);
    expect(await card.locator('blockquote').textContent()).toContain('Yes, every caller takes it before walking the entries.');
    expect(await card.locator('figcaption a').first().getAttribute('href')).toBe(messagePath(ANSWER));
    expect(await page.locator(`a.cite-ref[data-message-id="${I.review}"]`).textContent()).toBe('Rita Reviewer, 2024-05-07');
    const entry = page.locator('ol.timeline li.lineage');
    expect(await entry.count()).toBe(1);
    expect(await entry.locator('.revisions a').allTextContents()).toEqual(['RFC v1?', 'v2']);
    expect(await entry.locator('.badge').textContent()).toBe('applied (v2, by Max Maintainer)');
    expect(await page.locator('ol.key-statements li q').allTextContents()).toContain('Yes, every caller takes it before walking the entries.');
    const copied = await clipboardAfterClicking(`figure.citation[data-message-id="${ANSWER}"] button.cite`);
    expect(copied).toContain('**Patch Author:** Yes, every caller takes it before walking the entries.');
    expect(errors).toEqual([]);
  });

  it('fails the build on a citation that resolves to nothing, naming the file and line', async () => {
    const broken = tempDir();
    try {
      broken.file('broken.md', `---\ntitle: Broken\nquery: 's:refcounts'\n---\nFine.\n\n[[nowhere@example.com]]\n`);
      process.env.PATCHLORE_TOPICS = broken.dir;
      const failure = await buildSiteFs(db, join(broken.dir, 'site'), () => undefined).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(TopicsError);
      expect((failure as Error).message).toMatch(/broken\.md:7: <nowhere@example\.com> is not in the store/);
    } finally {
      process.env.PATCHLORE_TOPICS = topics;
      broken.cleanup();
    }
  });
});
