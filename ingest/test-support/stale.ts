// Whether a derivation is stale in a store, for tests.
import { staleDerivations } from '../derive/derive-store.ts';
import type { Store } from '../store/store-port.ts';

export function isStale(store: Store, name: string): boolean {
  return staleDerivations(store, { workers: 0 }).some((d) => d.name === name);
}
