// Writes the /m/<msgid>/ pages (src/build/redirect-page.ts): one per message and per shown ghost,
// leading to its place in its thread page. A full build writes them all; an incremental one those
// of the threads that changed (a message that moved to another thread, a ghost that arrived),
// each only when its content differs from the file's.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/store-port.ts';
import { redirectPage } from '../../src/build/redirect-page.ts';
import { anchorHref, messageDir, messageHref, threadPath } from '../../src/lib/paths.ts';
import { ghostAnchor } from '../../src/lib/thread-view.ts';

export interface MessagePagesWritten {
  /** Pages looked at, files written, and of those files the new ones. */
  pages: number;
  written: number;
  created: number;
  /** The highest message row id met. */
  maxId: number;
}

/** Write a page unless (when `compare`) the file holds it already: 0 not written, 1 rewritten,
 *  2 created. */
function writePageFs(out: string, dir: string, html: string, compare: boolean): 0 | 1 | 2 {
  const d = join(out, dir);
  const file = join(d, 'index.html');
  const existed = compare && existsSync(file);
  if (existed && readFileSync(file, 'utf8') === html) return 0;
  mkdirSync(d, { recursive: true });
  writeFileSync(file, html);
  return existed ? 1 : 2;
}

function count(r: MessagePagesWritten, w: 0 | 1 | 2): void {
  r.pages++;
  if (w > 0) r.written++;
  if (w === 2) r.created++;
}

const ghostPage = (id: string, threadId: string): string => redirectPage(`${threadPath(threadId)}${anchorHref(ghostAnchor(id))}`, `where <${id}> would be (not in this archive)`);

/** Every message's and shown ghost's page (files already there are compared when `compare`);
 *  `each` sees every message (row id and key), in row id order. */
export function writeAllMessagePagesFs(store: Store, out: string, compare: boolean, each: (id: number, key: string) => void): MessagePagesWritten {
  const r: MessagePagesWritten = { pages: 0, written: 0, created: 0, maxId: 0 };
  const written = new Set<string>();
  for (const m of store.threads.messageIndex()) {
    each(m.id, m.key);
    r.maxId = Math.max(r.maxId, m.id);
    count(r, writePageFs(out, messageDir(m.key), redirectPage(messageHref(m.threadId, m.key), m.subject || m.key), compare));
    written.add(m.key);
  }
  for (const g of store.threads.ghosts()) {
    if (!written.has(g.id)) count(r, writePageFs(out, messageDir(g.id), ghostPage(g.id, g.threadId), compare));
  }
  return r;
}

/** The pages of the messages and shown ghosts of these threads. */
export function writeThreadMessagePagesFs(store: Store, out: string, threadIds: Iterable<string>): MessagePagesWritten {
  const r: MessagePagesWritten = { pages: 0, written: 0, created: 0, maxId: 0 };
  for (const t of threadIds) {
    const nodes = store.threads.shownNodes(t);
    const messages = new Set(nodes.flatMap((n) => (n.message ? [n.message.key] : [])));
    for (const n of nodes) {
      let html: string;
      if (n.message) r.maxId = Math.max(r.maxId, n.message.rowId);
      if (n.message) html = redirectPage(messageHref(t, n.message.key), n.message.subject || n.message.key);
      else if (n.ghost && !messages.has(n.id)) html = ghostPage(n.id, t);
      else continue;
      count(r, writePageFs(out, messageDir(n.message?.key ?? n.id), html, true));
    }
  }
  return r;
}
