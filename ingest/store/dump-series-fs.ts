// A canonical dump of a store's series tables (postings, patches, revisions, trailers with their
// order within each patch, mismatches with their order within each posting), independent of row
// ids: two stores holding the same series dump the same. For tests (the reason it reads the tables
// directly, not through the port).
import { sqlOf } from './sqlite-store-fs.ts';
import type { Store } from './store-port.ts';

export interface SeriesDump {
  postings: unknown[];
  patches: unknown[];
  revisions: unknown[];
  trailers: unknown[];
  mismatches: unknown[];
}

export function dumpSeries(store: Store): SeriesDump {
  const db = sqlOf(store);
  return {
    postings: db.prepare('SELECT * FROM postings ORDER BY id').all(),
    patches: db.prepare('SELECT * FROM posting_patches ORDER BY posting, idx, key').all(),
    revisions: db.prepare('SELECT * FROM revisions ORDER BY family, posting').all(),
    trailers: db
      .prepare('SELECT posting, patch_key, name, person, email, value, source, given_in FROM posting_trailers ORDER BY posting, patch_key, rowid')
      .all(),
    mismatches: db.prepare('SELECT posting, message_key, name, value, sender FROM trailer_mismatches ORDER BY posting, rowid').all(),
  };
}
