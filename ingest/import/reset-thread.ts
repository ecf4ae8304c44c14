// A stored message whose content changes in place (the mail as sent replacing a server's rebuild
// or a page copy) leaves its thread's message count and ids as they were: the thread is marked
// for threading again and its discussion for recomputing, before the row changes. Decides; the
// store persists.
import type { Store } from '../store/store-port.ts';

/** Have the thread of node `key` threaded again, and its discussion recomputed. */
export function resetThread(store: Store, key: string): void {
  const thread = store.threads.threadOfNode(key);
  if (thread) store.discussion.forget([thread]);
  store.threads.invalidate([key]);
}
