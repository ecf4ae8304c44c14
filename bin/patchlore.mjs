#!/usr/bin/env node
// The patchlore command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
// `patchlore ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import('../ingest/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
