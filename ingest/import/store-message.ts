// Storing one parsed message: the same Message-ID and content as a stored message is a duplicate
// (recorded as another copy); a server's rebuild of a message and the mail as sent are one message
// (rebuilt-copy.ts); the same Message-ID with other content is an imposter, stored under its own
// key, and every variant is re-keyed so which one keeps the plain Message-ID does not depend on
// arrival order (variant-keys.ts). Copies recovered from archive pages follow their own rules
// first (store-page-copy.ts). Decides; the store only persists.
import { listName } from '../message/list-name.ts';
import type { Store } from '../store/store-port.ts';
import type { Diagnostic, Message, Origin, PatchMeta } from '../types.ts';
import { messageRecord } from './message-record.ts';
import { storeRebuiltCopy } from './rebuilt-copy.ts';
import { rekeyVariants } from './rekey-variants.ts';
import { storePageCopy, supersedePageCopies, throughAliases } from './store-page-copy.ts';

/** Time spent storing patch facts (series work), for the import benchmark. */
export const timings = { patchMetaMs: 0 };

/** What storing one parsed message did. A duplicate is a copy of a message already stored (the
 *  copy may have replaced a page copy's content: see `changed`). `superseded`: it was a copy of a
 *  stored message whose content it replaced (the mail as sent in place of a server's rebuild,
 *  rebuilt-copy.ts). */
export type StoreOutcome = 'stored' | 'imposter' | 'duplicate' | 'superseded';

/** What storeMessage did: the outcome, the stored message's row id, the diagnostics stored with
 *  it, and whether stored messages changed (derivations must run again). */
export interface StoreResult {
  outcome: StoreOutcome;
  message: number;
  diagnostics: Diagnostic[];
  changed: boolean;
}

/** Store `m`, read as raw `rawId`, with its patch facts. Call inside a transaction. */
export function storeMessage(store: Store, rawId: number, parsed: Message, meta: PatchMeta): StoreResult {
  const m = throughAliases(store, parsed);
  const page = storePageCopy(store, rawId, m, meta);
  if (page) return page;
  const existing = store.mail.variantsOf(m.messageId);
  const same = existing.find((e) => e.contentHash === m.contentHash);
  if (same) {
    store.mail.addCopy(rawId, same.id);
    return { outcome: 'duplicate', message: same.id, diagnostics: [], changed: false };
  }
  const rebuilt = storeRebuiltCopy(store, rawId, m, meta, existing);
  if (rebuilt) return { ...rebuilt, changed: rebuilt.outcome === 'superseded' };
  if (existing.length === 0) {
    const replaced = supersedePageCopies(store, rawId, m, meta);
    if (replaced) return replaced;
  }
  const diagnostics = [...m.diagnostics];
  const provisional = existing.length ? `pending.${rawId}` : m.messageId;
  const id = store.mail.insertMessage(messageRecord(m, provisional));
  const t0 = performance.now();
  store.mail.addPatchMeta(id, meta);
  timings.patchMetaMs += performance.now() - t0;
  store.mail.addCopy(rawId, id);
  let key = m.messageId;
  if (existing.length) {
    key = rekeyVariants(store, m.messageId, [...existing, { id, key: provisional, contentHash: m.contentHash, date: m.date }]).get(id)!;
    diagnostics.push({
      code: 'store/imposter',
      message: `Message-ID reused by a message with different content; stored as ${key === m.messageId ? 'the primary' : key}`,
      messageId: m.messageId,
    });
  }
  store.mail.addDiagnostics(rawId, key, diagnostics);
  return { outcome: existing.length ? 'imposter' : 'stored', message: id, diagnostics, changed: true };
}

/** The list a copy was delivered by: the origin's, else the message's first List-Id. */
export function sightingList(origin: Origin, listIds: readonly string[]): string {
  return origin.list || (listIds[0] ? listName(listIds[0]) : '');
}

/** Record where raw `rawId` was read; true when its message is newly seen on that list (its
 *  thread's summary was dropped and must be redone). `listIds`, the stored message's List-Ids
 *  when the caller has them, saves reading them back. */
export function recordSighting(store: Store, rawId: number, origin: Origin, message: number | null, listIds?: readonly string[]): boolean {
  const list = message === null ? origin.list : sightingList(origin, listIds ?? store.mail.listIdsOf(message));
  return store.mail.addSighting(rawId, origin, message, list);
}
