// Reads and writes a site's build state (build-state.ts) in its output directory, under
// .patchlore-build/ (written whole to a temporary file and renamed, so an interrupted build leaves
// the previous state or none). A state that cannot be read is no state: the build is then a full
// one.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_VERSION, type BuildState } from './build-state.ts';

/** The directory of the state, inside the site. */
export const STATE_DIR = '.patchlore-build';
const STATE_FILE = 'state.json';

export function readBuildStateFs(out: string): BuildState | null {
  const file = join(out, STATE_DIR, STATE_FILE);
  if (!existsSync(file)) return null;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as BuildState;
    return state.version === STATE_VERSION ? state : null;
  } catch {
    return null;
  }
}

export function writeBuildStateFs(out: string, state: BuildState): void {
  const dir = join(out, STATE_DIR);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `${STATE_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, join(dir, STATE_FILE));
}
