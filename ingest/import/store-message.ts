// Storing one parsed message: the same Message-ID and content as a stored message is a duplicate
// (recorded as another copy); the same Message-ID with other content is an imposter, stored under
// its own key, and every variant is re-keyed so which one keeps the plain Message-ID does not
// depend on arrival order (variant-keys.ts). Decides; the store only persists.
import { formatAddress } from '../message/format-address.ts';
import { listName } from '../message/list-name.ts';
import { joinParts } from '../message/message-body.ts';
import { searchFields } from '../search/search-fields.ts';
import type { Store } from '../store/store-port.ts';
import type { Diagnostic, Message, Origin, PatchMeta } from '../types.ts';
import { variantKeys } from './variant-keys.ts';

/** Time spent storing patch facts (series work), for the import benchmark. */
export const timings = { patchMetaMs: 0 };

/** What storing one parsed message did. */
export type StoreOutcome = 'stored' | 'imposter' | 'duplicate';

/** Store `m`, read as raw `rawId`, with its patch facts. Returns the stored message's row id, what
 *  happened, and the diagnostics stored with it. Call inside a transaction. */
export function storeMessage(store: Store, rawId: number, m: Message, meta: PatchMeta): { outcome: StoreOutcome; message: number; diagnostics: Diagnostic[] } {
  const existing = store.mail.variantsOf(m.messageId);
  const same = existing.find((e) => e.contentHash === m.contentHash);
  if (same) {
    store.mail.addCopy(rawId, same.id);
    return { outcome: 'duplicate', message: same.id, diagnostics: [] };
  }
  const diagnostics = [...m.diagnostics];
  const { body, parts } = joinParts(m);
  const author = formatAddress(m.from.name, m.from.email);
  const provisional = existing.length ? `pending.${rawId}` : m.messageId;
  const id = store.mail.insertMessage({
    key: provisional,
    messageId: m.messageId,
    contentHash: m.contentHash,
    syntheticId: m.syntheticId,
    author,
    subject: m.subject,
    from: m.from,
    to: m.to,
    cc: m.cc,
    date: m.date,
    dateSource: m.dateSource,
    dateHeader: m.dateHeader,
    inReplyTo: m.inReplyTo,
    references: m.references,
    listIds: m.listIds,
    body,
    parts,
    fields: searchFields({
      messageId: m.messageId,
      subject: m.subject,
      from: author,
      to: m.to.map((a) => formatAddress(a.name, a.email)),
      cc: m.cc.map((a) => formatAddress(a.name, a.email)),
      body,
      parts,
    }),
  });
  const t0 = performance.now();
  store.mail.addPatchMeta(id, meta);
  timings.patchMetaMs += performance.now() - t0;
  store.mail.addCopy(rawId, id);
  let key = m.messageId;
  if (existing.length) {
    // Re-key all variants so the choice of the primary does not depend on arrival order.
    const all = [...existing, { id, key: provisional, contentHash: m.contentHash, date: m.date }];
    const keys = variantKeys(m.messageId, all);
    const changed = all.map((v, i) => ({ v, key: keys[i]! })).filter(({ v, key: k }) => v.key !== k);
    store.threads.invalidate([m.messageId, ...all.map((v) => v.key)]);
    // Move rows off the plain Message-ID first, so the unique key never collides.
    changed.sort((a, b) => (a.key === m.messageId ? 1 : 0) - (b.key === m.messageId ? 1 : 0));
    store.mail.rekey(changed.map(({ v, key: k }) => ({ id: v.id, key: k, imposter: k !== m.messageId })));
    key = keys[keys.length - 1]!;
    diagnostics.push({
      code: 'store/imposter',
      message: `Message-ID reused by a message with different content; stored as ${key === m.messageId ? 'the primary' : key}`,
      messageId: m.messageId,
    });
  }
  store.mail.addDiagnostics(rawId, key, diagnostics);
  return { outcome: existing.length ? 'imposter' : 'stored', message: id, diagnostics };
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
