// RawMessage -> Message: MIME decoding with mailparser, then IDs, references, dates, addresses,
// parts and the content hash. Bad mail yields diagnostics or an Unparsed outcome, never a throw.
// It does not look at other messages (duplicates, threads): later stages do.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import type { Address, DateSource, Diagnostic, Message, MessagePart, ParseOutcome, RawMessage } from '../types.ts';
import { contentHash, type HashPart } from './content-hash.ts';
import { parseMessageId, parseReferences } from './message-id.ts';
import { chooseDate } from './parse-date.ts';
import { listIdOf } from './list-name.ts';
import { fieldValues, headerBlock, type HeaderBlock } from './header-block.ts';
import { rebuiltBy } from './rebuilt-by.ts';
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
  const screened = screenRaw(raw);
  if (screened.kind === 'refused') return unparsed(screened.reason);
  const { bytes, block } = screened;
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(parserInput(bytes, block), PARSER_OPTIONS);
  } catch (err) {
    return unparsed({
      code: 'mail/parse-failed',
      message: `MIME parser failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300),
    });
  }
  const diagnostics: Diagnostic[] = [];
  const fields = readFields(parsed, block, raw.envelopeDate, diagnostics);
  const subject = decodeSubject(parsed, block, diagnostics);
  for (const cs of bytes.indexOf('harset') >= 0 ? unknownCharsets(bytes) : []) {
    diagnostics.push({ code: 'charset/unknown', message: `unknown charset "${cs}"; decoded as UTF-8`, found: cs.slice(0, 40) });
  }
  const { parts, hashParts } = await readParts(parsed, diagnostics);
  const recovered = recoveredFrom(block);
  const message = assemble({ rawHash, where, fields, subject, parts, hashParts, diagnostics, recovered });
  const rebuilt = rebuiltBy(block);
  return { kind: 'message', message: rebuilt ? { ...message, rebuiltBy: rebuilt } : message };
}

/** Phase 1: the bytes worth parsing, and their header block; or why they are not mail: empty,
 *  over MAX_MESSAGE_BYTES, or not starting with a header field. Blank lines before the header
 *  block (left by some mbox writers) are not part of the mail. */
function screenRaw(raw: RawMessage): { kind: 'mail'; bytes: Buffer; block: HeaderBlock } | { kind: 'refused'; reason: Diagnostic } {
  let bytes = Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength);
  let lead = 0;
  while (lead < bytes.length && (bytes[lead] === 0x0a || bytes[lead] === 0x0d)) lead++;
  if (lead > 0 && lead < bytes.length) bytes = bytes.subarray(lead);
  const firstLine = bytes.subarray(0, Math.min(bytes.length, 1000)).toString('latin1').split(/\r?\n/)[0] ?? '';
  if (!/\S/.test(bytes.subarray(0, Math.min(bytes.length, 4096)).toString('latin1')) && bytes.length < 4096) {
    return { kind: 'refused', reason: { code: 'mail/empty', message: 'empty message', found: `${bytes.length} bytes of whitespace` } };
  }
  if (bytes.length > MAX_MESSAGE_BYTES) {
    return {
      kind: 'refused',
      reason: { code: 'mail/too-large', message: `message of ${bytes.length} bytes is over the ${MAX_MESSAGE_BYTES}-byte parse limit; kept raw` },
    };
  }
  const block = headerBlock(bytes);
  if (block.malformed || block.fields.length === 0) {
    return {
      kind: 'refused',
      reason: { code: 'mail/no-headers', message: 'does not start with a header field: not a mail message', expected: 'Name: value', found: firstLine.slice(0, 80) },
    };
  }
  return { kind: 'mail', bytes, block };
}

/** Phase 2: what the MIME parser is given: the fields it decodes (PARSER_FIELDS) and the body;
 *  nothing else. */
function parserInput(bytes: Buffer, block: HeaderBlock): Buffer {
  const slices: Buffer[] = [];
  for (const f of block.fields) if (PARSER_FIELDS.has(f.name)) slices.push(bytes.subarray(f.start, f.end));
  slices.push(Buffer.from('\n'), bytes.subarray(block.bodyStart));
  return Buffer.concat(slices);
}

/** What the header fields say besides the subject and the parts. */
interface HeaderFacts {
  /** Senders decoded by the MIME parser (the first is the message's). */
  from: Address[];
  /** To addresses, read raw. */
  to: Address[];
  /** Cc addresses, read raw. */
  cc: Address[];
  /** The Message-ID, null when the mail has none that can be read. */
  messageId: string | null;
  /** Parent candidates, oldest first (Message.references). */
  references: string[];
  /** The first ID of In-Reply-To, '' when none. */
  inReplyTo: string;
  /** Milliseconds since the epoch, null when no source gave a date. */
  date: number | null;
  /** Which header gave `date`. */
  dateSource: DateSource;
  /** The Date header as written, '' when absent. */
  dateHeader: string;
  /** List-Id names, without repeats. */
  listIds: string[];
}

/** Phase 3: addresses, Message-ID, references, date and lists, with their diagnostics in that
 *  order. */
function readFields(parsed: ParsedMail, block: HeaderBlock, envelopeDate: string | null, diagnostics: Diagnostic[]): HeaderFacts {
  const h = (name: string): string[] => fieldValues(block, name);
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
  const date = chooseDate({ date: h('date'), received: h('received'), envelope: envelopeDate });
  diagnostics.push(...date.diagnostics);
  const listIds = h('list-id').map(listIdOf).filter((x) => x.length > 0);
  return {
    from,
    to,
    cc,
    messageId: mid.id,
    references: refs.references,
    inReplyTo: refs.inReplyTo,
    date: date.ms,
    dateSource: date.source,
    dateHeader: h('date')[0] ?? '',
    listIds: [...new Set(listIds)],
  };
}

/** Phase 4: the subject, one line. A header block with raw 8-bit bytes is reported; a Subject
 *  whose raw bytes are not UTF-8 is read as Windows-1252 (rawSubject). */
function decodeSubject(parsed: ParsedMail, block: HeaderBlock, diagnostics: Diagnostic[]): string {
  let subject = (parsed.subject ?? '').replace(/\s+/g, ' ').trim();
  if (block.highBytes) {
    const rawSubj = fieldValues(block, 'subject')[0] ?? '';
    const utf8 = /[^\x00-\x7f]/.test(rawSubj) && Buffer.from(rawSubj, 'latin1').toString('utf8').includes('\uFFFD');
    if (utf8 && subject.includes('\uFFFD')) subject = rawSubject(rawSubj) ?? subject;
    diagnostics.push({
      code: 'header/raw-8bit',
      message: `header has raw 8-bit bytes (not RFC 2047); read as ${utf8 ? 'Windows-1252' : 'UTF-8'}`,
    });
  }
  return subject;
}

/** Phase 5: the parts shown (inline text first, from HTML when there is no text, then
 *  attachments: TEXTUAL ones decoded, others described) and what the content hash reads of
 *  them. */
async function readParts(parsed: ParsedMail, diagnostics: Diagnostic[]): Promise<{ parts: MessagePart[]; hashParts: HashPart[] }> {
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
  return { parts, hashParts };
}

/** Phase 6: the Message: its content hash, a synthetic Message-ID when it has none, and every
 *  diagnostic marked with where the mail came from and its ID. */
function assemble(m: {
  rawHash: string;
  where: { source: string; locator: string };
  fields: HeaderFacts;
  subject: string;
  parts: MessagePart[];
  hashParts: HashPart[];
  diagnostics: Diagnostic[];
  recovered: Message['recovered'];
}): Message {
  const { fields: f, diagnostics } = m;
  const hash = contentHash({ references: f.references, from: f.from, subject: m.subject, dateHeader: f.dateHeader, to: f.to, cc: f.cc, parts: m.hashParts });
  let messageId = f.messageId;
  if (messageId === null) {
    messageId = syntheticMessageId(hash);
    diagnostics.push({ code: 'mid/missing', message: `no Message-ID; using ${messageId}` });
  }
  for (const d of diagnostics) {
    Object.assign(d, m.where);
    d.messageId = messageId;
  }
  return {
    messageId,
    syntheticId: f.messageId === null,
    rawHash: m.rawHash,
    contentHash: hash,
    subject: m.subject,
    from: f.from[0] ?? { name: '', email: '' },
    to: f.to,
    cc: f.cc,
    date: f.date,
    dateSource: f.dateSource,
    dateHeader: f.dateHeader,
    references: f.references,
    inReplyTo: f.inReplyTo,
    listIds: f.listIds,
    parts: m.parts,
    diagnostics,
    recovered: m.recovered,
  };
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
