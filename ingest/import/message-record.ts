// The row a parsed message is stored as: its columns, its text parts joined, and the lore search
// fields of its full-text row. Pure.
import { formatAddress } from '../message/format-address.ts';
import { joinParts } from '../message/message-body.ts';
import { messageFields } from '../search/message-fields.ts';
import type { MessageRecord } from '../store/store-port.ts';
import type { Message } from '../types.ts';

/** The row of `m` to store under `key`, with its full-text fields. */
export function messageRecord(m: Message, key: string): MessageRecord {
  const { body, parts } = joinParts(m);
  const author = formatAddress(m.from.name, m.from.email);
  return {
    key,
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
    recovered: m.recovered,
    body,
    parts,
    fields: messageFields({ messageId: m.messageId, subject: m.subject, author, to: m.to, cc: m.cc, body, parts }),
    rebuiltBy: m.rebuiltBy ?? null,
  };
}
