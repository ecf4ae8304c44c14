// The command-line interface (docs: ../shared/docs/cli.md) and its one error boundary, which
// tells failures apart by their class: bad usage exits 2; the user's input (UserError,
// StoreVersionError) and the environment (EnvironmentError, Node's system errors, SQLite's
// errors of the disk and of locking) exit 1 with what failed and where; anything else is
// reported as a bug, with its stack.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readConfigFs, type LoadedConfig } from '../config/read-config-fs.ts';
import { deriveStore, staleDerivations } from '../derive/derive-store.ts';
import { EnvironmentError } from '../environment-error.ts';
import { defaultWorkers } from '../workers/worker-pool.ts';
import { severityOf } from '../severity-of.ts';
import { StoreOpenError, StoreVersionError, openStore, sqliteFailure } from '../store/sqlite-store-fs.ts';
import type { Store } from '../store/store-port.ts';
import type { Diagnostic } from '../types.ts';
import { COMMANDS, loadCommand, type Command } from './commands.ts';
import { formatProblem } from './format-problem.ts';

/** Wrong use of the command line: exit 2 with this message and the usage. */
export class UsageError extends Error {}

/** A failure the user can act on (missing store, unreadable input): exit 1, no stack. */
export class UserError extends Error {}

/** What a command gets. */
export interface Context {
  /** Positional arguments after the command name. */
  args: string[];
  /** Parsed options. */
  options: Record<string, string | boolean | string[] | undefined>;
  /** --json was given. */
  json: boolean;
  /** Resolved store path. */
  dbPath: string;
  /** patchlore.config.json (--config PATH, else ./patchlore.config.json), read once; its
   *  warnings are printed when it is read, its errors are for the command to judge. */
  config(): LoadedConfig;
  /** Open the store; read commands get a UserError if it is missing. */
  store(opts?: StoreOptions): Promise<Store>;
  /** Print to stdout. */
  out(text: string): void;
  /** Print one JSON document to stdout. */
  outJson(value: unknown): void;
  /** Print to stderr. */
  err(text: string): void;
}

/** How a command opens the store. */
export interface StoreOptions {
  /** Create it when missing (commands that write mail). */
  create?: boolean;
  /** Bring stale derivations up to date (an interrupted import, a changed series-links file)
   *  before the command runs, saying so on stderr; commands that derive themselves (import, sync,
   *  reindex) say false. Default true. Without it, or with `create`, the store is opened for
   *  writing; with it, read-only unless something is stale. */
  catchUp?: boolean;
  /** Open a store indexed by another version, dropping its derived tables (reindex). */
  rebuild?: boolean;
}

const COMMON_OPTIONS = {
  db: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** The error for a config whose problems stop a command: every problem, one per line. */
export function unusableConfig(problems: readonly Diagnostic[]): UserError {
  return new UserError(`the config cannot be used:\n  ${problems.map((p) => formatProblem(p).replace(/\n/g, '\n  ')).join('\n  ')}`);
}

/** The store path: --db, else $PATCHLORE_DB, else the config file's "db" (relative to the
 *  file), else data/patchlore.sqlite. The config is read only when it is needed here. */
export function resolveDbPath(flag: string | undefined, config: () => LoadedConfig, cwd = process.cwd()): string {
  if (flag) return resolve(cwd, flag);
  if (process.env.PATCHLORE_DB) return resolve(cwd, process.env.PATCHLORE_DB);
  const loaded = config();
  const missing = loaded.problems.find((p) => p.code === 'config/missing');
  if (missing) throw new UserError(`no config file at ${missing.source} (--config)`);
  const bad = loaded.problems.filter((p) => p.code === 'config/unreadable' || p.code === 'config/db');
  if (bad.length) throw unusableConfig(bad);
  return loaded.config.db === null ? resolve(cwd, 'data/patchlore.sqlite') : resolve(loaded.dir, loaded.config.db);
}

/** Whose a failure is, by the class of what was thrown. */
export function classifyError(err: unknown): 'usage' | 'input' | 'environment' | 'bug' {
  if (err instanceof UsageError) return 'usage';
  if (err instanceof UserError || err instanceof StoreVersionError) return 'input';
  if (err instanceof EnvironmentError) return 'environment';
  const store = sqliteFailure(err);
  if (store) return store;
  // Node's system errors (a class of their own, told by their code): disk full, permission
  // denied, a port in use, a file missing.
  const code = (err as { code?: unknown } | null)?.code;
  if (err instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code)) return 'environment';
  return 'bug';
}

/** One problem on stderr, the way every command prints one. */
export function printProblem(io: Io, d: Diagnostic): void {
  io.stderr.write(`patchlore: ${severityOf(d)}: ${formatProblem(d)}\n`);
}

async function usage(): Promise<string> {
  const lines = ['usage: patchlore <command> [options]', '', 'commands:'];
  for (const [name, entry] of Object.entries(COMMANDS)) {
    const c = await loadCommand(entry);
    lines.push(`  ${(name + ' ' + c.synopsis).padEnd(52)} ${c.summary}`);
  }
  lines.push('', 'every command takes --db PATH (default data/patchlore.sqlite, or $PATCHLORE_DB, or "db" in --config PATH / ./patchlore.config.json) and --json');
  return lines.join('\n');
}

function commandUsage(name: string, c: Command): string {
  return `usage: patchlore ${name} ${c.synopsis}\n\n${c.summary}\n${c.help ? '\n' + c.help + '\n' : ''}`;
}

/** A store for a read command: read-only, unless derivations are stale (an import was interrupted,
 *  the manual series links changed): then it is opened for writing and caught up, saying so on
 *  stderr. */
async function openForReading(dbPath: string, io: Io): Promise<Store> {
  const ro = openStore(dbPath, { readonly: true });
  const stale = staleDerivations(ro, { workers: 0 });
  if (stale.length === 0) return ro;
  ro.close();
  const titles = stale.map((d) => d.title).join(', ');
  let rw: Store;
  try {
    rw = openStore(dbPath);
  } catch (err) {
    if (!(err instanceof StoreOpenError)) throw err;
    io.stderr.write(`patchlore: ${titles}: behind the stored mail, and ${dbPath} cannot be written to bring them up to date; showing them as they are\n`);
    return openStore(dbPath, { readonly: true });
  }
  io.stderr.write(`patchlore: bringing ${titles} up to date with the stored mail\n`);
  try {
    const report = await deriveStore(rw, { workers: defaultWorkers() });
    for (const d of report.diagnostics) printProblem(io, d);
  } catch (err) {
    rw.close();
    throw err;
  }
  return rw;
}

/** Where the CLI writes. */
export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write((await usage()) + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout.write('patchlore 0.1.0\n');
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr.write(`patchlore: unknown command "${name}"\n\n${await usage()}\n`);
    return 2;
  }
  const command = await loadCommand(entry);
  let store: Store | null = null;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const options = parsed.values as Context['options'];
    if (options.help) {
      io.stdout.write(commandUsage(name, command));
      return 0;
    }
    let loaded: LoadedConfig | null = null;
    const config = (): LoadedConfig => {
      if (loaded) return loaded;
      loaded = readConfigFs(options.config as string | undefined);
      for (const p of loaded.problems) if (severityOf(p) !== 'error') printProblem(io, p);
      return loaded;
    };
    const dbPath = resolveDbPath(options.db as string | undefined, config);
    const ctx: Context = {
      args: parsed.positionals,
      options,
      json: options.json === true,
      dbPath,
      config,
      async store({ create = false, catchUp = true, rebuild = false } = {}) {
        if (store) return store;
        if (!create && !existsSync(dbPath)) {
          throw new UserError(`no store at ${dbPath}: import mail first, e.g. patchlore import --db ${dbPath} archive.mbox.gz`);
        }
        if (create || !catchUp) return (store = openStore(dbPath, { rebuild }));
        return (store = await openForReading(dbPath, io));
      },
      out: (t) => void io.stdout.write(t.endsWith('\n') ? t : t + '\n'),
      outJson: (v) => void io.stdout.write(JSON.stringify(v, null, 2) + '\n'),
      err: (t) => void io.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    };
    return await command.run(ctx);
  } catch (err) {
    const e = err as Error;
    switch (classifyError(err)) {
      case 'usage':
        io.stderr.write(`patchlore ${name}: ${e.message}\n\n${commandUsage(name, command)}`);
        return 2;
      case 'input':
        io.stderr.write(`patchlore ${name}: ${e.message}\n`);
        return 1;
      case 'environment':
        io.stderr.write(`patchlore ${name}: ${e.message}${sqliteFailure(err) ? ` (${(err as { code: string }).code})` : ''}\n`);
        return 1;
      case 'bug':
        break;
    }
    io.stderr.write(`patchlore ${name}: internal error (a bug in patchlore, not in your input):\n${e?.stack ?? e?.message ?? String(err)}\n`);
    return 1;
  } finally {
    (store as Store | null)?.close();
  }
}
