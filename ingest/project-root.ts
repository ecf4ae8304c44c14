// Where patchlore's own files are: the package root (astro.config.mjs, src/, content/).
import { resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');
