// The content hash: what stays the same when a list re-delivers a message. Transport headers
// (Received, DKIM, List-*, Return-Path) change between deliveries; the author's content does not.
// Modelled on public-inbox lib/PublicInbox/ContentHash.pm, which lore uses to set aside
// re-deliveries: references (minus the message's own ID), From, Subject, Date, To, Cc with quotes
// and case of domains ignored, and every part's decoded text with line endings and trailing
// whitespace normalized. Pure.
import { createHash } from 'node:crypto';
import type { Address } from '../types.ts';

/** One MIME part as the hash sees it. */
export interface HashPart {
  /** Attachment file name, '' for none. */
  filename: string;
  /** Decoded text of a text part, or null for a binary part (then `bytes` is hashed). */
  text: string | null;
  /** Decoded bytes of a binary part. */
  bytes: Uint8Array | null;
}

/** The fields the hash covers. */
export interface ContentFields {
  references: readonly string[];
  from: readonly Address[];
  subject: string;
  dateHeader: string;
  to: readonly Address[];
  cc: readonly Address[];
  parts: readonly HashPart[];
}

function addressKey(a: Address): string {
  return `${a.name.replace(/"/g, '').replace(/\s+/g, ' ').trim()} <${a.email.toLowerCase()}>`;
}

/** CRLF to LF, no trailing whitespace on lines or at the end (as ContentHash.pm). */
function normalizeText(text: string): string {
  let t = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  if (/[ \t]\n/.test(t)) t = t.replace(/[ \t]+\n/g, '\n');
  return t.trimEnd();
}

/** Hex SHA-256 over the content fields. Equal for re-deliveries of one message. */
export function contentHash(f: ContentFields): string {
  const h = createHash('sha256');
  // Labelled, NUL-separated fields: no two different field lists hash the same text.
  const text: string[] = [];
  for (const r of f.references) text.push('ref', r);
  for (const a of f.from) text.push('from', addressKey(a));
  text.push('subject', f.subject.replace(/\s+/g, ' ').trim());
  text.push('date', f.dateHeader.replace(/\s+/g, ' ').trim());
  for (const a of f.to) text.push('to', addressKey(a));
  for (const a of f.cc) text.push('cc', addressKey(a));
  f.parts.forEach((p, i) => {
    text.push('part', `${i}:${p.filename}`);
    if (p.text !== null) text.push('text', normalizeText(p.text));
    else text.push('bytes', p.bytes ? createHash('sha256').update(p.bytes).digest('hex') : '');
  });
  h.update(text.join('\0'));
  return h.digest('hex');
}
