// A page message -> the bytes of a mail message the parse stage reads like any other: the header
// fields the page carried (From, To, Cc, Subject, Date, Message-ID, In-Reply-To, References,
// List-Id), a UTF-8 text/plain body, and first of all X-Patchlore-Recovered naming the generator,
// the page (URL, or file: URL, with the message's anchor), the state of the Message-ID, the
// date's precision and the fields the archive hid. A damaged or made-up Message-ID becomes a
// placeholder under page.patchlore.invalid (page-message-id.ts), the same wherever the archive
// writes it, so its replies still thread to it. Same page message, same bytes: re-importing a
// page changes nothing. Pure.
// It invents nothing: a field the page lacks is left out (an address-less From is a name).
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageAddress, PageMessage } from '../types.ts';
import { parseDateValue } from '../message/parse-date.ts';
import { RECOVERED_HEADER, recoveredHeader } from '../message/recovered-header.ts';
import { placeholderId } from './page-message-id.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Bytes of an encoded-word's text at most (RFC 2047 2: an encoded-word is at most 75 chars). */
const ENCODED_WORD_BYTES = 45;

/** A header value on one line: no line breaks or other control characters a page could slip in. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

/** Text as RFC 2047 encoded-words (UTF-8, base64) when it is not plain printable ASCII, or when
 *  it holds "=?" that a reader would take for an encoded-word. */
function encodeText(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s) && !s.includes('=?')) return s;
  const words: string[] = [];
  let chunk = '';
  for (const ch of s) {
    if (Buffer.byteLength(chunk + ch) > ENCODED_WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\n ');
}

/** A display name: a quoted string when ASCII, encoded-words otherwise. */
function displayName(name: string): string {
  const n = oneLine(name);
  if (/^[\x20-\x7e]*$/.test(n) && !n.includes('=?')) return `"${n.replace(/[\\"]/g, '\\$&')}"`;
  return encodeText(n);
}

function address(a: PageAddress): string {
  const email = oneLine(a.email).replace(/[<>\s,;"]/g, '');
  if (!a.name) return email ? `<${email}>` : '';
  return email ? `${displayName(a.name)} <${email}>` : displayName(a.name);
}

function addressList(list: readonly PageAddress[]): string {
  return list.map(address).filter((a) => a.length > 0).join(',\n ');
}

/** The date as an RFC 5322 Date field value, in UTC. */
function rfc5322(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** The page as a URL: itself when it is one, a file: URL for a path; the anchor as fragment. */
export function provenanceUrl(m: PageMessage): string {
  const { source, anchor } = m.provenance;
  const base = /^[a-z][a-z0-9+.-]*:/i.test(source) ? source : isAbsolute(source) ? pathToFileURL(source).href : source;
  return anchor ? `${base.replace(/#.*$/, '')}#${encodeURIComponent(anchor)}` : base;
}

/** The mail message a page message stands for, as bytes (UTF-8, LF line ends). */
export function synthesiseMessage(m: PageMessage): Uint8Array {
  const headers: string[] = [];
  const recovered = recoveredHeader({
    generator: m.generator,
    version: m.version,
    source: provenanceUrl(m),
    messageId: m.messageId.state,
    writtenId: m.messageId.state === 'complete' ? '' : m.messageId.written,
    obfuscated: m.obfuscated,
    datePrecision: m.date.precision,
  });
  headers.push(`${RECOVERED_HEADER}: ${recovered.replace(/; /g, ';\n ')}`);
  const from = address(m.from);
  if (from) headers.push(`From: ${from}`);
  if (m.to.length) headers.push(`To: ${addressList(m.to)}`);
  if (m.cc.length) headers.push(`Cc: ${addressList(m.cc)}`);
  if (m.subject) headers.push(`Subject: ${encodeText(oneLine(m.subject))}`);
  if (m.date.ms !== null) {
    // The Date field as the sender wrote it when the page shows it (and it reads the same);
    // else the date in UTC (public-inbox thread pages show "2024-04-11 12:25 UTC").
    const written = oneLine(m.date.written);
    const same = m.date.precision === 'second' && parseDateValue(written)?.ms === m.date.ms;
    headers.push(`Date: ${same ? written : rfc5322(m.date.ms)}`);
  }
  const id = placeholderId(m.messageId);
  if (id) headers.push(`Message-ID: <${id}>`);
  const parent = m.inReplyTo ? placeholderId(m.inReplyTo) : null;
  if (parent) headers.push(`In-Reply-To: <${parent}>`);
  const refs = [...new Set(m.references.map(placeholderId).filter((r): r is string => r !== null && r !== id))];
  if (refs.length) headers.push(`References: ${refs.map((r) => `<${r}>`).join('\n ')}`);
  if (m.listId) headers.push(`List-Id: <${oneLine(m.listId).replace(/[<>\s]/g, '')}>`);
  headers.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit');
  const body = m.body.replace(/\r\n?/g, '\n');
  return Buffer.from(`${headers.join('\n')}\n\n${body.endsWith('\n') || body === '' ? body : body + '\n'}`, 'utf8');
}
