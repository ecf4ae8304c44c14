import type { Command } from '../commands.ts';
export const startCommand: Command = { synopsis: '', summary: 'todo', options: {}, async run() { return 1; } };
