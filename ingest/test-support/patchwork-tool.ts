// Where the Patchwork test rig lives (../shared/tools/patchwork: a real Patchwork 3.2.1 with
// start/stop scripts and reference answers), or $PATCHLORE_PATCHWORK_TOOL. Tests that need it
// skip, saying why, when it is not there.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PATCHWORK_TOOL = resolve(process.env.PATCHLORE_PATCHWORK_TOOL ?? join(import.meta.dirname, '../../../shared/tools/patchwork'));

/** Real answers of the rig's server with wish1 loaded and triaged (X and X.headers). */
export const PATCHWORK_REFERENCE = join(PATCHWORK_TOOL, 'reference');

/** Why the reference answers cannot be read here, or null. */
export const missingReference: string | null = existsSync(join(PATCHWORK_REFERENCE, 'patch-128.json'))
  ? null
  : `no Patchwork reference answers at ${PATCHWORK_REFERENCE} (set PATCHLORE_PATCHWORK_TOOL)`;
