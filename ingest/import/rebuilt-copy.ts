// A server's rebuild of a message (Patchwork's mbox: its stored text, the trailers it collected
// from replies, re-encoded; Message.rebuiltBy) and the mail as sent share a Message-ID but not
// their content. They are one message, never imposters, whichever arrives first: the mail as sent
// supersedes the rebuild in place, as a page copy is (same row, key and copies; mail.replaceMessage:
// its content, full-text row and patch facts; its thread threaded and discussed again), and a rebuild of stored mail is one more copy
// of it. Between two rebuilds (Patchwork rebuilds again when a reply adds a trailer) the first
// stored stays: reindex reads raw mail in the order it was stored, so it makes the same choice.
// Decides; the store persists.
import type { Store, VariantRow } from '../store/store-port.ts';
import type { Diagnostic, Message, PatchMeta } from '../types.ts';
import { messageRecord } from './message-record.ts';
import { rekeyVariants } from './rekey-variants.ts';
import { resetThread } from './reset-thread.ts';
import type { StoreOutcome } from './store-message.ts';

/** Who rebuilds mail, for messages. */
const REBUILDER: Record<NonNullable<Message['rebuiltBy']>, string> = { patchwork: 'Patchwork' };

/** Store `m` when it or a stored variant is a rebuild; null when neither is (the caller stores it
 *  as usual). Call inside a transaction, after looking for a copy with the same content. */
export function storeRebuiltCopy(
  store: Store,
  rawId: number,
  m: Message,
  meta: PatchMeta,
  existing: readonly VariantRow[],
): { outcome: StoreOutcome; message: number; diagnostics: Diagnostic[] } | null {
  if (existing.length === 0) return null;
  const primary = existing.find((v) => v.key === m.messageId) ?? existing[0]!;
  if (m.rebuiltBy) {
    const d: Diagnostic = {
      code: 'store/rebuilt-copy',
      message: `${REBUILDER[m.rebuiltBy]}'s rebuild of a stored message: kept as another copy of it`,
      messageId: m.messageId,
    };
    store.mail.addCopy(rawId, primary.id);
    store.mail.addDiagnostics(rawId, primary.key, [d]);
    return { outcome: 'duplicate', message: primary.id, diagnostics: [d] };
  }
  const rebuilt = existing.find((v) => v.rebuiltBy !== null && v.key === m.messageId) ?? existing.find((v) => v.rebuiltBy !== null);
  if (!rebuilt) return null;
  resetThread(store, rebuilt.key);
  store.mail.replaceMessage(rebuilt.id, messageRecord(m, rebuilt.key), meta);
  store.mail.addCopy(rawId, rebuilt.id);
  // Its date and content changed: the primary among imposters may be another one now.
  const keys = rekeyVariants(
    store,
    m.messageId,
    existing.map((v) => (v.id === rebuilt.id ? { ...v, contentHash: m.contentHash, date: m.date } : v)),
  );
  const d: Diagnostic = {
    code: 'store/superseded',
    message: `the mail as sent replaced ${REBUILDER[rebuilt.rebuiltBy as keyof typeof REBUILDER] ?? rebuilt.rebuiltBy}'s rebuild of it`,
    messageId: m.messageId,
  };
  store.mail.addDiagnostics(rawId, keys.get(rebuilt.id)!, [...m.diagnostics, d]);
  return { outcome: 'superseded', message: rebuilt.id, diagnostics: [...m.diagnostics, d] };
}
