// Where patchlore's own files are: the package root (astro.config.mjs, src/, content/). Code that
// Astro bundles for the site runs from elsewhere, so `patchlore build` passes the root down in
// $PATCHLORE_ROOT.
import { resolve } from 'node:path';

export const PROJECT_ROOT = process.env.PATCHLORE_ROOT ?? resolve(import.meta.dirname, '..');
