// A built site in a browser, for end-to-end tests: imports the given mail into a fresh store,
// builds the site, serves it on 127.0.0.1 and opens Chromium on it, recording page errors, failed
// requests and dialogs. close() stops the server and the browser and removes the files.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { importSources } from '../../ingest/import/import-sources.ts';
import { buildSiteFs } from '../../ingest/publish/build-site-fs.ts';
import { serveSite, type RunningServer } from '../../ingest/serve/serve-site-fs.ts';
import { mbox, tempDir, tempStore } from '../../ingest/test-support/mail-builder.ts';
import { launchBrowser } from './browser.ts';

export interface SiteFixture {
  tmp: ReturnType<typeof tempDir>;
  /** The store the site was built from. */
  db: string;
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors, console errors and HTTP errors, in order. */
  errors: string[];
  /** Dialogs the page opened (dismissed). */
  dialogs: string[];
  close(): Promise<void>;
}

/** `inputs`: more paths to import after the mail (saved archive pages, say). */
export async function startSite(mails: string[], opts: { clipboard?: boolean; beforeBuild?: (dir: string) => void | Promise<void>; inputs?: string[] } = {}): Promise<SiteFixture> {
  const tmp = tempDir();
  const db = join(tmp.dir, 'store.sqlite');
  const store = tempStore(tmp.dir);
  await importSources(store, [tmp.file('list.mbox', mbox(mails)), ...(opts.inputs ?? [])], { list: '', mboxFormat: 'auto', workers: 0 });
  store.close();
  await opts.beforeBuild?.(tmp.dir);
  await buildSiteFs(db, join(tmp.dir, 'site'), () => undefined);
  const server = await serveSite(join(tmp.dir, 'site'));
  const browser = await launchBrowser();
  const context = await browser.newContext();
  if (opts.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return {
    tmp,
    db,
    server,
    browser,
    context,
    page,
    errors,
    dialogs,
    async close() {
      await browser.close();
      await server.close();
      tmp.cleanup();
    },
  };
}
