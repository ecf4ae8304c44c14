// Worker bootstrap: lets a worker thread load a TypeScript module (workerData.module), as
// bin/patchlore.mjs does for the main thread.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
