// The thread derivation: threads every message not threaded yet, together with the threads it
// touches (any thread holding its ID or an ID it names), and stores nodes and summaries. The
// result depends only on the set of messages (thread-messages.ts), so redoing just the touched
// threads gives what threading everything would. The threads it writes are recorded for the
// series derivation, which regroups only those.
import type { Store } from '../store/store-port.ts';
import { summarizeThreads } from '../thread/summarize-threads.ts';
import { threadMessages } from '../thread/thread-messages.ts';
import type { Derivation, DerivationRun } from './derivation.ts';

/** Thread what is pending, in one transaction. `count` is the threads written. */
export function threadPending(store: Store): DerivationRun {
  return store.transaction(() => {
    const inputs = store.threads.takeDirty();
    if (inputs.length === 0) return { count: 0, diagnostics: [] };
    const result = threadMessages(inputs);
    const keys = inputs.map((i) => i.key);
    const summaries = summarizeThreads(result.nodes, store.threads.summaryFacts(keys));
    store.threads.write(result.nodes, summaries, keys, result.diagnostics);
    // The series are regrouped from these threads (derive-series.ts).
    store.series.markThreadsDirty(summaries.map((t) => t.id));
    return { count: summaries.length, diagnostics: result.diagnostics };
  });
}

export const threadDerivation: Derivation = {
  name: 'thread',
  title: 'threads',
  version: 1,
  after: [],
  external: () => '',
  run: async (store) => threadPending(store),
};
