// Brings the site's static search index up to date on a worker thread (interim: rebuilds it).
import { startSearchIndexFs } from '../../src/build/search-index-fs.ts';
import type { IndexState } from '../../src/build/search-index.ts';

export interface IndexUpdate {
  state: IndexState;
  written: number;
  removed: number;
}

export async function updateSearchIndexFs(db: string, out: string, _previous: IndexState | null, _changes: { threads: string[]; families: string[]; afterId: number } | null): Promise<IndexUpdate> {
  const a = await startSearchIndexFs(db, out).place();
  return { state: { bytes: a.bytes }, written: a.files, removed: 0 };
}
