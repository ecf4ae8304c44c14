// Reads patchlore.config.json for the sync command: the file named with --config, else the one in
// the current directory, else the defaults. A named file that is missing, unreadable JSON or a
// bad "sync" section is an error naming the file; a missing default file is not.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultSyncConfig, parseSyncConfig, type SyncConfig } from './sync-config.ts';

/** The project file's name, looked for in the current directory. */
export const CONFIG_FILE = 'patchlore.config.json';

/** A config and where it came from. */
export interface LoadedConfig {
  config: SyncConfig;
  /** The file read, or null when the defaults were used. */
  file: string | null;
  /** The directory relative paths in it are taken from (the file's, else the current one). */
  dir: string;
  /** Its "db" entry, if any (resolved against dir). */
  db: string | null;
}

/** Read the config; `errors` is non-empty when it cannot be used. */
export function readSyncConfigFs(path: string | undefined, cwd = process.cwd()): { loaded: LoadedConfig; errors: string[] } {
  const file = path ? resolve(cwd, path) : resolve(cwd, CONFIG_FILE);
  const fallback: LoadedConfig = { config: defaultSyncConfig(), file: null, dir: cwd, db: null };
  if (!existsSync(file)) {
    return { loaded: fallback, errors: path ? [`${file}: no such file`] : [] };
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { loaded: fallback, errors: [`${file}: not valid JSON (${(err as Error).message})`] };
  }
  const { config, errors } = parseSyncConfig(value);
  const dir = dirname(file);
  const dbEntry = typeof value === 'object' && value !== null ? (value as { db?: unknown }).db : undefined;
  return {
    loaded: { config, file, dir, db: typeof dbEntry === 'string' ? resolve(dir, dbEntry) : null },
    errors: errors.map((e) => `${file}: ${e}`),
  };
}
