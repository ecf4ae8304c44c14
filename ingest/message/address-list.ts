// Address lists (To, Cc) read from raw header values: names and addresses, RFC 2047 encoded-words
// decoded. Simpler and several times faster than a general parser, for headers that often list
// dozens of people: it splits at commas outside quotes, brackets and comments, and takes the
// address in <...> or the bare word with an @. Groups ("undisclosed-recipients:;") are flattened.
// Pure; never throws.
import iconv from 'iconv-lite';
import type { Address } from '../types.ts';

/** Text of raw header bytes (held as Latin-1 code units): UTF-8 when valid, else Windows-1252. */
export function rawText(latin1: string): string {
  if (!/[^\x00-\x7f]/.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, 'latin1');
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\uFFFD') ? iconv.decode(bytes, 'windows-1252') : utf8;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function decodeWord(charset: string, enc: string, text: string): string | null {
  const cs = charset.replace(/\*.*$/, '');
  if (!iconv.encodingExists(cs)) return null;
  const bytes =
    enc === 'b' || enc === 'B'
      ? Buffer.from(text, 'base64')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        );
  return iconv.decode(bytes, cs);
}

/** Decode RFC 2047 encoded-words; whitespace between adjacent encoded-words is dropped. */
export function decodeWords(s: string): string {
  if (!s.includes('=?')) return s;
  return s.replace(/(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?)/g, '$1').replace(ENCODED_WORD, (m, cs: string, enc: string, text: string) => decodeWord(cs, enc, text) ?? m);
}

/** Split at commas that separate addresses. Iterative, one pass. */
function splitList(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && (quoted || comment)) {
      cur += ch + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (!comment && ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') comment++;
    else if (!quoted && ch === ')' && comment) comment--;
    else if (!quoted && !comment && ch === '<') angle++;
    else if (!quoted && !comment && ch === '>' && angle) angle--;
    if ((ch === ',' || ch === ';') && !quoted && !angle && !comment) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** An address with its domain lower-cased (domains are case-insensitive; local parts are not). */
export function normalizeEmail(email: string): string {
  const e = email.trim();
  const at = e.lastIndexOf('@');
  return at < 0 ? e : e.slice(0, at) + '@' + e.slice(at + 1).toLowerCase();
}

/** The addresses of a To/Cc header value (raw, unfolded). */
export function parseAddressList(raw: string): Address[] {
  const out: Address[] = [];
  for (let part of splitList(rawText(raw))) {
    // "group-name:" before the first member of a group
    const group = /^\s*[^"<>@,:]*:(?!\/)/.exec(part);
    if (group && !part.slice(0, group[0].length).includes('@')) part = part.slice(group[0].length);
    part = part.trim();
    if (!part) continue;
    const angle = /<([^<>]*)>/.exec(part);
    let email: string;
    let name: string;
    if (angle) {
      email = angle[1]!.trim();
      name = part.slice(0, angle.index).trim();
    } else {
      const word = part.replace(/\([^()]*\)/g, ' ').trim().split(/\s+/).find((w) => w.includes('@')) ?? '';
      email = word;
      name = (/\(([^()]*)\)/.exec(part)?.[1] ?? (word ? '' : part)).trim();
    }
    name = decodeWords(name.replace(/^"(.*)"$/s, '$1').replace(/\\(.)/g, '$1')).replace(/\s+/g, ' ').trim();
    if (name === email) name = '';
    out.push({ name, email: normalizeEmail(email.replace(/^mailto:/i, '')) });
  }
  return out;
}
