// The patch facts derivation: a message's patch facts (kind, subject tags, diff, trailers, links,
// changelog versions) are mined when it is imported (on the parse workers); when the mining rules
// change (MINE_RULES), the facts mined by older rules are mined again here from the stored
// message, so a store follows the rules without a reindex. Nothing to do otherwise.
import { minePatch, MINE_RULES } from '../patch/mine-patch.ts';
import type { Store } from '../store/store-port.ts';
import type { Derivation, DerivationRun } from './derivation.ts';

/** Messages mined again per transaction. */
const BATCH = 500;

/** Mine again every message whose facts older rules found; `count` is how many. */
export function remineStale(store: Store, onProgress?: (done: number) => void): DerivationRun {
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = store.mail.staleMineInputs(MINE_RULES, after, BATCH);
    if (rows.length === 0) break;
    store.transaction(() => {
      for (const r of rows) store.mail.addPatchMeta(r.id, minePatch({ subject: r.subject, body: r.body, from: r.from, isReply: r.isReply }));
    });
    after = rows[rows.length - 1]!.id;
    count += rows.length;
    onProgress?.(count);
  }
  return { count, diagnostics: [] };
}

export const patchDerivation: Derivation = {
  name: 'patch',
  title: 'patch facts',
  version: MINE_RULES,
  after: [],
  external: () => '',
  // A store made before the rules had a version has no stamp: its facts are checked once. New
  // mail is mined by the import with the current rules.
  run: async (store, { previous, opts }) =>
    previous === null || previous.version !== MINE_RULES ? remineStale(store, (n) => opts.onProgress?.('patch', n, n)) : { count: 0, diagnostics: [] },
};
