// The registry of CLI commands: name -> the module that defines it, loaded only when that command
// runs (or when usage lists them all): a command does not pay for the others' dependencies
// (mailparser, undici, astro, cheerio) at every start.
import type { ParseArgsConfig } from 'node:util';
import type { Context } from './main.ts';

/** One subcommand. */
export interface Command {
  /** Arguments after the name, for usage lines. */
  synopsis: string;
  /** One line: what it does. */
  summary: string;
  /** Longer help: options and an example. */
  help?: string;
  /** Options beyond the common --db, --json, --strict. */
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code. */
  run(ctx: Context): Promise<number>;
}

/** A command not loaded yet. */
export type LazyCommand = () => Promise<Command>;

export const COMMANDS: Record<string, Command | LazyCommand> = {
  import: async () => (await import('./commands/import.ts')).importCommand,
  stats: async () => (await import('./commands/stats.ts')).statsCommand,
  thread: async () => (await import('./commands/thread.ts')).threadCommand,
  search: async () => (await import('./commands/search.ts')).searchCommand,
  series: async () => (await import('./commands/series.ts')).seriesCommand,
  statements: async () => (await import('./commands/statements.ts')).statementsCommand,
  verdicts: async () => (await import('./commands/statements.ts')).verdictsCommand,
  cite: async () => (await import('./commands/cite.ts')).citeCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  build: async () => (await import('./commands/build.ts')).buildCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  start: async () => (await import('./commands/start.ts')).startCommand,
  reindex: async () => (await import('./commands/reindex.ts')).reindexCommand,
  sync: async () => (await import('./commands/sync.ts')).syncCommand,
  commits: async () => (await import('./commands/commits.ts')).commitsCommand,
  merged: async () => (await import('./commands/merged.ts')).mergedCommand,
  add: async () => (await import('./commands/add.ts')).addCommand,
};

/** The command a registry entry names, loaded. */
export async function loadCommand(entry: Command | LazyCommand): Promise<Command> {
  return typeof entry === 'function' ? entry() : entry;
}
