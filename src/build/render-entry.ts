// The server bundle's entry (see render-adapter.ts): Astro calls createExports with the bundle's
// manifest; the build takes from it the routes, Astro's App that renders them, and the site's
// data module (the same instance the pages read through, so the build can ask it what a page
// read). Nothing else runs here.
import type { SSRManifest } from 'astro';
import { App } from 'astro/app';
import * as data from '../lib/site-data-fs.ts';

/** What the bundle exports under `site`. */
export interface SiteBundle {
  manifest: SSRManifest;
  app: App;
  data: typeof data;
}

export function createExports(manifest: SSRManifest): { site: SiteBundle } {
  return { site: { manifest, app: new App(manifest), data } };
}
