// A canonical dump of a store's derived content, independent of row ids and of where the mail
// was read from: two stores holding the same mail dump the same. For tests (the reason it reads
// the tables directly, not through the port).
import { sqlOf } from './sqlite-store-fs.ts';
import type { Store } from './store-port.ts';

export interface StoreDump {
  messages: unknown[];
  nodes: unknown[];
  threads: unknown[];
  unparsed: unknown[];
}

export function dumpStore(store: Store): StoreDump {
  const db = sqlOf(store);
  const messages = db
    .prepare(
      `SELECT key, message_id AS messageId, content_hash AS contentHash, imposter, subject, author, date, date_source AS dateSource,
              refs, thread_id AS threadId, parent, depth, ord,
              (SELECT group_concat(list, ',') FROM (SELECT list FROM message_lists l WHERE l.message = m.id ORDER BY list)) AS lists,
              (SELECT count(*) FROM copies c WHERE c.message = m.id) AS copies
       FROM messages m ORDER BY key`,
    )
    .all();
  const nodes = db.prepare('SELECT id, thread_id AS threadId, ghost, parent, depth, ord, shown FROM nodes ORDER BY id').all();
  const threads = db.prepare('SELECT * FROM threads ORDER BY id').all();
  const unparsed = db
    .prepare('SELECT r.sha256, c.unparsed_code AS code FROM copies c JOIN raw r ON r.id = c.raw_id WHERE c.message IS NULL ORDER BY r.sha256')
    .all();
  return { messages, nodes, threads, unparsed };
}
