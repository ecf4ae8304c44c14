// A parsed message as the store keeps it: its columns under a given key, the text parts joined,
// and the text of each lore search field (ingest/search/search-fields.ts). Pure.
import { formatAddress } from '../message/format-address.ts';
import { joinParts } from '../message/message-body.ts';
import { searchFields } from '../search/search-fields.ts';
import type { MessageRecord } from '../store/store-port.ts';
import type { Message } from '../types.ts';

/** The record storing `m` under `key`. */
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
    fields: searchFields({
      messageId: m.messageId,
      subject: m.subject,
      from: author,
      to: m.to.map((a) => formatAddress(a.name, a.email)),
      cc: m.cc.map((a) => formatAddress(a.name, a.email)),
      body,
      parts,
    }),
  };
}
