// RawMessage -> Message: MIME decoding with mailparser, then IDs, references, dates, addresses,
// parts and the content hash. Bad mail yields diagnostics or an Unparsed outcome, never a throw.
// It does not look at other messages (duplicates, threads): later stages do.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import type { Address, Diagnostic, Message, MessagePart, ParseOutcome, RawMessage } from '../types.ts';
import { contentHash, type HashPart } from './content-hash.ts';
import { parseMessageId, parseReferences } from './message-id.ts';
import { chooseDate } from './parse-date.ts';
import { listIdOf } from './list-name.ts';
import { fieldValues, headerBlock, type HeaderBlock } from './header-block.ts';
import { normalizeEmail, parseAddressList, rawText } from './address-list.ts';
import { decodeFlowed } from './decode-flowed.ts';
import { readRecoveredHeader } from './recovered-header.ts';

/** mailparser decodes format=flowed text with libmime's decodeFlowed, which glues a reply to the
 *  quoted line before it (decode-flowed.ts says how). It has no option to replace it, so the
 *  method of the very libmime its flowed decoder loads is replaced here, in every thread that
 *  parses; parse-message.test.ts checks that mailparser's output is this decoder's. */
function installFlowedDecoder(): void {
  const fromMailparser = createRequire(createRequire(import.meta.url).resolve('mailparser'));
  const fromDecoder = createRequire(fromMailparser.resolve('@zone-eu/mailsplit/lib/flowed-decoder.js'));
  const libmime = fromDecoder('libmime') as { Libmime: { prototype: { decodeFlowed: (s: string, delSp?: boolean) => string } } };
  libmime.Libmime.prototype.decodeFlowed = (str: string, delSp?: boolean) => decodeFlowed(String(str ?? ''), delSp === true);
}
installFlowedDecoder();

/** Messages larger than this are kept raw but not parsed: mailparser holds a message and its
 *  decoded parts in memory at once. Far above any list's limit (vger refuses mail over 100 KB
 *  of text; lists.linux.dev over 10 MB). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** mailparser options: its HTML-to-text, text-to-HTML and link detection cost 2.8x the parse and
 *  produce nothing patchlore uses. */
const PARSER_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
} as const;

/** Fields the MIME parser is given. The rest are read raw (address lists, IDs, dates) or not at
 *  all (Received, DKIM, ARC, X-*: two thirds of the header lines of list mail). Handing mailparser
 *  everything cost it 35% more time on the nvdimm archive, and its To/Cc parsing (which also
 *  renders HTML for every address) another 10%. */
const PARSER_FIELDS = new Set(['from', 'sender', 'subject', 'mime-version', 'content-type', 'content-transfer-encoding', 'content-disposition']);

function addresses(obj: AddressObject | AddressObject[] | undefined): Address[] {
  const out: Address[] = [];
  const objs = obj === undefined ? [] : Array.isArray(obj) ? obj : [obj];
  for (const o of objs) {
    // Groups nest one level (RFC 5322 3.4); iterate, do not recurse on mail-controlled depth.
    const queue = [...o.value];
    while (queue.length) {
      const a = queue.shift()!;
      if (a.group) queue.push(...a.group);
      else out.push({ name: (a.name ?? '').trim(), email: normalizeEmail(a.address ?? '') });
    }
  }
  return out;
}


/** Decode a text attachment with its declared charset; UTF-8 when unknown or absent. */
function decodeText(a: Attachment, diagnostics: Diagnostic[]): string {
  const ct = a.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  const charset = ct?.params?.charset?.trim() || 'utf-8';
  if (iconv.encodingExists(charset)) return iconv.decode(a.content, charset);
  diagnostics.push({
    code: 'charset/unknown',
    message: `attachment ${a.filename ?? '(unnamed)'} declares unknown charset; decoded as UTF-8`,
    found: String(charset).slice(0, 40),
  });
  return a.content.toString('utf8');
}

/** Content types shown as text although not text/*. */
const TEXTUAL = /^(text\/(?!html)|message\/rfc822|application\/(x-)?(patch|diff|x-shellscript))/i;

/** Charsets declared in Content-Type headers (of the message or its parts) that no decoder
 *  knows, e.g. "charset=y", typed at git-send-email's "Which 8bit encoding should I declare?"
 *  prompt. Only Content-Type lines count: "charset=3D..." in a quoted-printable HTML body is not one. */
function unknownCharsets(bytes: Buffer): string[] {
  const out = new Set<string>();
  for (let i = bytes.indexOf('harset'); i >= 0; i = bytes.indexOf('harset', i + 6)) {
    const lineStart = bytes.lastIndexOf(0x0a, i) + 1;
    // The Content-Type field may be folded: look back over continuation lines.
    let fieldStart = lineStart;
    while (fieldStart > 0 && (bytes[fieldStart] === 0x20 || bytes[fieldStart] === 0x09)) fieldStart = bytes.lastIndexOf(0x0a, fieldStart - 2) + 1;
    if (!/^content-type:/i.test(bytes.toString('latin1', fieldStart, fieldStart + 13))) continue;
    const cs = bytes.toString('latin1', i, i + 80).match(/^harset\s*=\s*"?([^";\s]+)/i)?.[1];
    if (cs && !iconv.encodingExists(cs) && !/^(iso-?2022-?jp|jis)/i.test(cs)) out.add(cs);
  }
  return [...out];
}

/** The Subject from raw 8-bit bytes that are not UTF-8: read as Windows-1252, which is what such
 *  mailers almost always meant (mailparser would give U+FFFD). Null when RFC 2047 is used. */
function rawSubject(latin1: string): string | null {
  if (latin1.includes('=?')) return null;
  return iconv.decode(Buffer.from(latin1, 'latin1'), 'windows-1252').trim();
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The synthetic Message-ID of a message that has none: stable, derived from its content. */
export function syntheticMessageId(hash: string): string {
  return `${hash.slice(0, 32)}@content-hash.patchlore.invalid`;
}

/** How the message was recovered from an archive page, from X-Patchlore-Recovered; null for mail.
 *  Taken only when it is the first field and the only one of its name, where the page
 *  synthesiser writes it: mail as delivered starts with the Return-Path and Received fields its
 *  servers add, so a sender cannot put it first. */
function recoveredFrom(block: HeaderBlock): Message['recovered'] {
  const first = block.fields[0];
  if (first?.name !== 'x-patchlore-recovered' || fieldValues(block, first.name).length !== 1) return null;
  return readRecoveredHeader(rawText(first.value));
}

/** Parse one raw message. Never throws: what cannot be read becomes an Unparsed outcome. */
export async function parseMessage(raw: RawMessage, rawHash = sha256(raw.bytes)): Promise<ParseOutcome> {
  const where = { source: raw.origin.source, locator: raw.origin.locator };
  const unparsed = (reason: Diagnostic): ParseOutcome => ({
    kind: 'unparsed',
    unparsed: { rawHash, reason: { ...where, ...reason } },
  });
  let bytes = Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength);
  // Blank lines before the header block (left by some mbox writers) are not part of the mail.
  let lead = 0;
  while (lead < bytes.length && (bytes[lead] === 0x0a || bytes[lead] === 0x0d)) lead++;
  if (lead > 0 && lead < bytes.length) bytes = bytes.subarray(lead);
  const firstLine = bytes.subarray(0, Math.min(bytes.length, 1000)).toString('latin1').split(/\r?\n/)[0] ?? '';
  if (!/\S/.test(bytes.subarray(0, Math.min(bytes.length, 4096)).toString('latin1')) && bytes.length < 4096) {
    return unparsed({ code: 'mail/empty', message: 'empty message', found: `${bytes.length} bytes of whitespace` });
  }
  if (bytes.length > MAX_MESSAGE_BYTES) {
    return unparsed({
      code: 'mail/too-large',
      message: `message of ${bytes.length} bytes is over the ${MAX_MESSAGE_BYTES}-byte parse limit; kept raw`,
    });
  }
  const block = headerBlock(bytes);
  if (block.malformed || block.fields.length === 0) {
    return unparsed({
      code: 'mail/no-headers',
      message: 'does not start with a header field: not a mail message',
      expected: 'Name: value',
      found: firstLine.slice(0, 80),
    });
  }
  const h = (name: string): string[] => fieldValues(block, name);

  // The MIME parser gets the fields it decodes and the body; nothing else.
  const slices: Buffer[] = [];
  for (const f of block.fields) if (PARSER_FIELDS.has(f.name)) slices.push(bytes.subarray(f.start, f.end));
  slices.push(Buffer.from('\n'), bytes.subarray(block.bodyStart));
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(Buffer.concat(slices), PARSER_OPTIONS);
  } catch (err) {
    return unparsed({
      code: 'mail/parse-failed',
      message: `MIME parser failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300),
    });
  }

  const diagnostics: Diagnostic[] = [];
  const from = addresses(parsed.from);
  const to = h('to').flatMap(parseAddressList);
  const cc = h('cc').flatMap(parseAddressList);

  const mid = parseMessageId(h('message-id'));
  diagnostics.push(...mid.diagnostics);
  const refs = parseReferences({
    references: h('references'),
    inReplyTo: h('in-reply-to'),
    ownId: mid.id,
    addresses: [...from, ...to, ...cc].map((a) => a.email).filter((e) => e.length > 0),
  });
  diagnostics.push(...refs.diagnostics);

  const date = chooseDate({ date: h('date'), received: h('received'), envelope: raw.envelopeDate });
  diagnostics.push(...date.diagnostics);

  let subject = (parsed.subject ?? '').replace(/\s+/g, ' ').trim();
  if (block.highBytes) {
    const rawSubj = h('subject')[0] ?? '';
    const utf8 = /[^\x00-\x7f]/.test(rawSubj) && Buffer.from(rawSubj, 'latin1').toString('utf8').includes('\uFFFD');
    if (utf8 && subject.includes('\uFFFD')) subject = rawSubject(rawSubj) ?? subject;
    diagnostics.push({
      code: 'header/raw-8bit',
      message: `header has raw 8-bit bytes (not RFC 2047); read as ${utf8 ? 'Windows-1252' : 'UTF-8'}`,
    });
  }
  for (const cs of bytes.indexOf('harset') >= 0 ? unknownCharsets(bytes) : []) {
    diagnostics.push({ code: 'charset/unknown', message: `unknown charset "${cs}"; decoded as UTF-8`, found: cs.slice(0, 40) });
  }

  const parts: MessagePart[] = [];
  const hashParts: HashPart[] = [];
  let body = parsed.text;
  if (!body?.trim() && typeof parsed.html === 'string') body = await htmlToText(parsed.html);
  if (body !== undefined) {
    const text = body.replace(/\r\n?/g, '\n');
    parts.push({ kind: 'text', text, filename: '', contentType: 'text/plain' });
    hashParts.push({ filename: '', text, bytes: null });
  }
  for (const a of parsed.attachments) {
    const filename = (a.filename ?? '').replace(/[\u0000-\u001f]/g, '');
    if (TEXTUAL.test(a.contentType)) {
      const text = decodeText(a, diagnostics).replace(/\r\n?/g, '\n');
      parts.push({ kind: 'text', text, filename, contentType: a.contentType });
      hashParts.push({ filename, text, bytes: null });
    } else {
      parts.push({ kind: 'binary', filename, contentType: a.contentType, size: a.size ?? a.content.length });
      hashParts.push({ filename, text: null, bytes: a.content });
    }
  }

  const listIds = h('list-id').map(listIdOf).filter((x) => x.length > 0);
  const hash = contentHash({
    references: refs.references,
    from,
    subject,
    dateHeader: h('date')[0] ?? '',
    to,
    cc,
    parts: hashParts,
  });
  let messageId = mid.id;
  if (messageId === null) {
    messageId = syntheticMessageId(hash);
    diagnostics.push({ code: 'mid/missing', message: `no Message-ID; using ${messageId}` });
  }
  for (const d of diagnostics) {
    Object.assign(d, where);
    d.messageId = messageId;
  }
  const message: Message = {
    messageId,
    syntheticId: mid.id === null,
    rawHash,
    contentHash: hash,
    subject,
    from: from[0] ?? { name: '', email: '' },
    to,
    cc,
    date: date.ms,
    dateSource: date.source,
    dateHeader: h('date')[0] ?? '',
    references: refs.references,
    inReplyTo: refs.inReplyTo,
    listIds: [...new Set(listIds)],
    parts,
    diagnostics,
    recovered: recoveredFrom(block),
  };
  return { kind: 'message', message };
}

/** Text of an HTML-only message (rare on kernel lists; mostly spam and corporate mailers). */
async function htmlToText(html: string): Promise<string> {
  const { load } = await import('cheerio');
  const $ = load(html);
  $('script, style, head').remove();
  $('br').replaceWith('\n');
  $('p, div, tr, li, h1, h2, h3, h4, pre').after('\n');
  return $.root().text().replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
