// Reads patchlore.config.json once for every command: the file named with --config, else the one
// in the current directory, else the defaults. A named file that is missing, a file that is not
// JSON and every bad field are problems naming the file; a missing default file is not. It does
// not decide which problems stop a command: each command looks at the sections it uses.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultSyncConfig } from '../sync/sync-config.ts';
import type { Diagnostic } from '../types.ts';
import { parseConfig, type ProjectConfig } from './parse-config.ts';

/** The project file's name, looked for in the current directory. */
export const CONFIG_FILE = 'patchlore.config.json';

/** A config and where it came from. */
export interface LoadedConfig {
  /** The file read, or null when the defaults were used. */
  file: string | null;
  /** The directory relative paths in it are taken from (the file's, else the current one). */
  dir: string;
  config: ProjectConfig;
  /** What is wrong with it, each with the file as `source` (codes: ConfigCode). */
  problems: Diagnostic[];
}

/** Read the config named by `path` (--config), else ./patchlore.config.json. Never throws. */
export function readConfigFs(path: string | undefined, cwd = process.cwd()): LoadedConfig {
  const file = resolve(cwd, path ?? CONFIG_FILE);
  const defaults = (problems: Diagnostic[]): LoadedConfig => ({ file: null, dir: cwd, config: { db: null, sync: defaultSyncConfig() }, problems });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      return defaults(path === undefined ? [] : [{ code: 'config/missing', message: 'no such file', source: file, hint: 'check the --config path' }]);
    }
    return defaults([{ code: 'config/unreadable', message: `cannot read it (${e.message})`, source: file }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return defaults([{ code: 'config/unreadable', message: `not valid JSON (${(err as Error).message})`, source: file }]);
  }
  const { config, problems } = parseConfig(value);
  return { file, dir: dirname(file), config, problems: problems.map((p) => ({ ...p, source: file })) };
}
