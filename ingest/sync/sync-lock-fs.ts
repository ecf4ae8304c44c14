// One sync at a time per cache directory: a lock file holding the owner's process id. A lock
// left by a process that no longer runs (killed with kill -9, a crash) is taken over; one held by
// a running process is a clear error. It does not lock the store: SQLite does that.
import { open, readFile, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EnvironmentError } from '../environment-error.ts';
import { processAlive } from './process-alive.ts';

/** A held lock; release() removes it. */
export interface SyncLock {
  path: string;
  release(): Promise<void>;
}

/** Take the lock of `cacheDir`, or return the pid of the running process holding it. */
export async function acquireSyncLockFs(cacheDir: string): Promise<SyncLock | { heldBy: number; path: string }> {
  await mkdir(cacheDir, { recursive: true });
  const path = join(cacheDir, 'sync.lock');
  for (let tries = 0; tries < 3; tries++) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(`${process.pid}\n`);
      await fh.close();
      return { path, release: () => rm(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) return { heldBy: pid, path };
      // Stale: its owner is gone.
      await rm(path, { force: true });
    }
  }
  throw new EnvironmentError(`cannot take the sync lock ${path}: it keeps reappearing`);
}
