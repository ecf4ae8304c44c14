// The text of a message as one string (text parts joined, attachments included) with where each
// part starts and ends; what the store keeps as `body` and what search and mining read. Pure.
import type { Message } from '../types.ts';

/** Text parts live in `messages.body`, joined; a part row says where. */
export type StoredPart =
  | { kind: 'text'; filename: string; contentType: string; start: number; end: number }
  | { kind: 'binary'; filename: string; contentType: string; size: number };

/** Split the text parts of a message into one body string and part boundaries. */
export function joinParts(message: Message): { body: string; parts: StoredPart[] } {
  let body = '';
  const parts: StoredPart[] = [];
  for (const p of message.parts) {
    if (p.kind === 'text') {
      if (body.length && !body.endsWith('\n')) body += '\n';
      const start = body.length;
      body += p.text;
      parts.push({ kind: 'text', filename: p.filename, contentType: p.contentType, start, end: body.length });
    } else {
      parts.push({ kind: 'binary', filename: p.filename, contentType: p.contentType, size: p.size });
    }
  }
  return { body, parts };
}

