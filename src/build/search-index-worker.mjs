// Entry of the search index worker (src/build/search-index-fs.ts): TypeScript runs through tsx,
// as bin/patchlore.mjs runs the CLI; the work is in search-index-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./search-index-worker.ts');
