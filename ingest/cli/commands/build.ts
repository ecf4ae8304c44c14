import type { Command } from '../commands.ts';
export const buildCommand: Command = { synopsis: '', summary: 'todo', options: {}, async run() { return 1; } };
