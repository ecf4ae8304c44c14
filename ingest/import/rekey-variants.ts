// Re-keying the variants of a Message-ID (imposters) after one was stored or changed, so which one
// keeps the plain Message-ID does not depend on arrival order (the choice: variant-keys.ts). The
// store persists the keys; the threads of every key involved are invalidated.
import type { Store } from '../store/store-port.ts';
import { variantKeys } from './variant-keys.ts';

/** Re-key every variant of a Message-ID so the choice of the primary does not depend on arrival
 *  order (variant-keys.ts), invalidating their threads; returns each variant's key by row id. */
export function rekeyVariants(store: Store, messageId: string, all: ReadonlyArray<{ id: number; key: string; contentHash: string; date: number | null }>): Map<number, string> {
  const keys = variantKeys(messageId, all);
  const changed = all.map((v, i) => ({ v, key: keys[i]! })).filter(({ v, key: k }) => v.key !== k);
  store.threads.invalidate([messageId, ...all.map((v) => v.key)]);
  // Move rows off the plain Message-ID first, so the unique key never collides.
  changed.sort((a, b) => (a.key === messageId ? 1 : 0) - (b.key === messageId ? 1 : 0));
  store.mail.rekey(changed.map(({ v, key: k }) => ({ id: v.id, key: k, imposter: k !== messageId })));
  return new Map(all.map((v, i) => [v.id, keys[i]!]));
}
