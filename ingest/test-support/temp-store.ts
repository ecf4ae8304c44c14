// A test's own store: fresh for each test of a describe block, in a temporary directory removed
// after it.
import { afterEach, beforeEach } from 'vitest';
import type { Store } from '../store/store-port.ts';
import { tempDir, tempStore } from './mail-builder.ts';

/** A fresh store in a fresh temporary directory for each test of the calling describe block,
 *  closed and removed after it. */
export function useTempStore(): { readonly store: Store; readonly tmp: ReturnType<typeof tempDir> } {
  let tmp: ReturnType<typeof tempDir> | null = null;
  let store: Store | null = null;
  beforeEach(() => {
    tmp = tempDir();
    store = tempStore(tmp.dir);
  });
  afterEach(() => {
    store?.close();
    tmp?.cleanup();
  });
  return {
    get store() {
      if (!store) throw new Error('BUG: useTempStore: no store outside a test');
      return store;
    },
    get tmp() {
      if (!tmp) throw new Error('BUG: useTempStore: no directory outside a test');
      return tmp;
    },
  };
}
