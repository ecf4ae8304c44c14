import type { Command } from '../commands.ts';
export const serveCommand: Command = { synopsis: '', summary: 'todo', options: {}, async run() { return 1; } };
