// patchlore.config.json as a whole, once parsed from JSON: "db" (where the store is) and "sync"
// (sync-config.ts reads that section). Every section is checked, each problem naming the field
// and what was expected; a key nothing reads is a warning, not an error (it may be meant for
// another version). Pure: the file is read by read-config-fs.ts, which also says where it was.
import { defaultSyncConfig, parseSyncConfig, showValue, SYNC_EXAMPLE, type SyncConfig } from '../sync/sync-config.ts';
import type { Diagnostic } from '../types.ts';

/** The project file's settings, with defaults for what it does not say. */
export interface ProjectConfig {
  /** The "db" entry as written (relative to the file's directory), null when absent. */
  db: string | null;
  /** The "sync" section, with defaults filled in. */
  sync: SyncConfig;
}

/** The top-level keys read. */
const KEYS = ['db', 'sync'];

/** What a whole file looks like, for messages. */
const EXAMPLE = `{"db": "data/patchlore.sqlite", "sync": ${SYNC_EXAMPLE}}`;

/** Read a parsed config file. The problems carry no source: the reader of the file adds it. */
export function parseConfig(value: unknown): { config: ProjectConfig; problems: Diagnostic[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      config: { db: null, sync: defaultSyncConfig() },
      problems: [{ code: 'config/unreadable', message: `expected a JSON object such as ${EXAMPLE}; found ${showValue(value)}` }],
    };
  }
  const v = value as Record<string, unknown>;
  const problems: Diagnostic[] = [];
  for (const k of Object.keys(v)) {
    if (!KEYS.includes(k)) problems.push({ code: 'config/unknown-key', message: `${k}: unknown key, ignored; known keys: ${KEYS.join(', ')}` });
  }
  let db: string | null = null;
  if (v.db !== undefined) {
    if (typeof v.db === 'string' && v.db.trim()) db = v.db;
    else problems.push({ code: 'config/db', message: `db: expected the store's path such as "data/patchlore.sqlite"; found ${showValue(v.db)}` });
  }
  const sync = parseSyncConfig(v.sync);
  return { config: { db, sync: sync.config }, problems: [...problems, ...sync.problems] };
}
