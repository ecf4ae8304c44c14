// Test helper: a store in a temporary directory holding the small series lineage of
// series-mail.ts, imported as list "nvdimm"; close() closes it and removes the directory.
import { importSources } from '../import/import-sources.ts';
import type { Store } from '../store/store-port.ts';
import { mbox, tempDir, tempStore } from './mail-builder.ts';
import { seriesMail } from './series-mail.ts';

export interface SeriesStore {
  store: Store;
  tmp: ReturnType<typeof tempDir>;
  close(): void;
}

export async function seriesStore(): Promise<SeriesStore> {
  const tmp = tempDir();
  const store = tempStore(tmp.dir);
  await importSources(store, [tmp.file('l.mbox', mbox(seriesMail()))], { list: 'nvdimm', mboxFormat: 'auto', workers: 0 });
  return {
    store,
    tmp,
    close() {
      store.close();
      tmp.cleanup();
    },
  };
}
