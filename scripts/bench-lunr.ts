// The measurement behind the static site's own search index (README, "Search"): what a lunr
// index of a store costs to build and to download, and how lunr's tokenizer splits kernel
// identifiers. A lunr index is serialized and loaded whole, so its gzip size is what every
// search would fetch before showing anything (budget: 300 KB).
//   npm run bench:lunr -- --db STORE [--bodies]
// Without --bodies: subject and author; with it, the message text too (slow: minutes, GBs).
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import lunr from 'lunr';
import { openStore } from '../ingest/store/sqlite-store-fs.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, bodies: { type: 'boolean' } } });
if (!values.db) {
  console.error('usage: bench-lunr.ts --db STORE [--bodies]');
  process.exit(2);
}

// lunr's tokenizer splits on whitespace and '-' only: "fs/dax.c" stays one token, and lore's
// tokenisation ("fs" "dax" "c") cannot be had without replacing it.
for (const id of ['fs/dax.c', 'pte_special', 'vm_normal_page()', 'dax_lock_page']) {
  console.log(`lunr tokens of ${JSON.stringify(id)}: ${JSON.stringify(lunr.tokenizer(id).map((t) => t.toString()))}`);
}

const store = openStore(values.db, { readonly: true });
/** Every message, numbered in the order the store gives them. */
function* numbered(): Iterable<{ id: number; subject: string; author: string; body?: string }> {
  let id = 0;
  for (const d of store.search.documents()) yield { id: id++, subject: d.subject, author: d.author, ...(values.bodies ? { body: d.body } : {}) };
}
const rows = numbered();
const t0 = performance.now();
let docs = 0;
const index = lunr(function () {
  // Refs are row numbers, the shortest a result could map back from.
  this.ref('id');
  this.field('subject');
  this.field('author');
  if (values.bodies) this.field('body');
  for (const r of rows) {
    this.add(r);
    docs++;
  }
});
const buildMs = performance.now() - t0;
store.close();
const json = JSON.stringify(index);
const gzip = gzipSync(json).byteLength;
const MB = 1024 * 1024;
console.log(
  `lunr index of ${docs} messages (${values.bodies ? 'subject, author, body' : 'subject, author'}): built in ${(buildMs / 1000).toFixed(1)} s, ` +
    `${(json.length / MB).toFixed(1)} MB serialized, ${(gzip / 1024).toFixed(0)} KB gzip (fetched whole by every search); ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
