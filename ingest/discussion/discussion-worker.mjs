// Worker bootstrap: lets a worker thread load the TypeScript discussion worker.
import { register } from 'tsx/esm/api';

register();
await import('./discussion-worker.ts');
