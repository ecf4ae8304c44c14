// Screenshots of a built site's pages in headless Chromium, at a desktop's and a phone's width
// (README's pictures):
//   npx tsx scripts/screenshot.ts SITE_DIR OUT_DIR NAME=/path/ [NAME=/path/ ...]
// writes OUT_DIR/NAME-desktop.png (1280 px) and OUT_DIR/NAME-phone.png (390 px).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveSite } from '../ingest/serve/serve-site-fs.ts';
import { launchBrowser } from '../test/e2e/browser.ts';

const [site, out, ...shots] = process.argv.slice(2);
if (!site || !out || shots.length === 0) {
  console.error('usage: screenshot.ts SITE_DIR OUT_DIR NAME=/path/ [NAME=/path/ ...]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const server = await serveSite(site);
const browser = await launchBrowser();
try {
  for (const [kind, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    for (const shot of shots) {
      const [name, path] = shot.split('=') as [string, string];
      await page.goto(server.url + path.replace(/^\//, ''));
      await page.waitForLoadState('load');
      await page.screenshot({ path: join(out, `${name}-${kind}.png`) });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
