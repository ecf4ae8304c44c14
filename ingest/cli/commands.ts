// The registry of CLI commands: name -> options, help and the function that runs it.
import type { ParseArgsConfig } from 'node:util';
import type { Context } from './main.ts';
import { addCommand } from './commands/add.ts';
import { buildCommand } from './commands/build.ts';
import { citeCommand } from './commands/cite.ts';
import { importCommand } from './commands/import.ts';
import { reindexCommand } from './commands/reindex.ts';
import { reportCommand } from './commands/report.ts';
import { searchCommand } from './commands/search.ts';
import { seriesCommand } from './commands/series.ts';
import { serveCommand } from './commands/serve.ts';
import { startCommand } from './commands/start.ts';
import { statementsCommand, verdictsCommand } from './commands/statements.ts';
import { statsCommand } from './commands/stats.ts';
import { syncCommand } from './commands/sync.ts';
import { threadCommand } from './commands/thread.ts';

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

export const COMMANDS: Record<string, Command> = {
  import: importCommand,
  stats: statsCommand,
  thread: threadCommand,
  search: searchCommand,
  series: seriesCommand,
  statements: statementsCommand,
  verdicts: verdictsCommand,
  cite: citeCommand,
  report: reportCommand,
  build: buildCommand,
  serve: serveCommand,
  start: startCommand,
  reindex: reindexCommand,
  sync: syncCommand,
  add: addCommand,
};
