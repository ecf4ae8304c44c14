// The lore search fields of a message as stored (its sender written "Name <address>", its
// recipients as addresses): what its full-text row holds and what the static index indexes. Pure.
import { formatAddress } from '../message/format-address.ts';
import type { StoredPart } from '../message/message-body.ts';
import type { SearchFields } from './query-types.ts';
import { searchFields } from './search-fields.ts';
import type { Address } from '../types.ts';

/** A stored message's content, as far as its search fields go. */
export interface MessageContentInput {
  messageId: string;
  subject: string;
  /** "Name <address>" of the sender. */
  author: string;
  to: readonly Address[];
  cc: readonly Address[];
  /** Text parts joined. */
  body: string;
  parts: readonly StoredPart[];
}

export function messageFields(c: MessageContentInput): SearchFields {
  return searchFields({
    messageId: c.messageId,
    subject: c.subject,
    from: c.author,
    to: c.to.map((a) => formatAddress(a.name, a.email)),
    cc: c.cc.map((a) => formatAddress(a.name, a.email)),
    body: c.body,
    parts: c.parts,
  });
}
