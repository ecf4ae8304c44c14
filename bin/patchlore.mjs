#!/usr/bin/env node
// The patchlore command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../ingest/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
