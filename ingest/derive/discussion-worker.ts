// Worker thread body of the discussion derivation: opens the store read-only and answers each
// chunk of thread ids with their discussion (the main thread writes it).
import { discussThread } from '../discussion/discuss-thread.ts';
import { openStore } from '../store/sqlite-store-fs.ts';
import { serveRequests, workerInput } from '../workers/worker-pool.ts';
import type { DiscussionResults } from './derive-discussion.ts';

const store = openStore(workerInput<{ db: string }>().db, { readonly: true });

serveRequests<string[], DiscussionResults>((threadIds) => threadIds.map((threadId) => ({ threadId, discussion: discussThread(store.discussion.threadInputs(threadId)) })));
