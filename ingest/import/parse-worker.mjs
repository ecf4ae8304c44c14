// Worker bootstrap: lets a worker thread load the TypeScript parse worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
