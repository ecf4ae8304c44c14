// Incremental mbox splitting: bytes in (any chunking), one record per message out, with the byte
// offset of its From_ line. Handles mboxrd (">From " unquoting of any depth), mboxo, and
// mboxcl/mboxcl2 (Content-Length delimits the body, whose "From " lines are not quoted).
// Pure: no I/O, holds only the message being assembled. It does not parse mail.
import type { Diagnostic } from '../types.ts';

/** mbox variants (see https://www.loc.gov/preservation/digital/formats/fdd/fdd000383.shtml). */
export type MboxFormat = 'auto' | 'mboxrd' | 'mboxo' | 'mboxcl' | 'mboxcl2';

/** One message cut out of an mbox. */
export interface MboxRecord {
  /** Byte offset of the record's From_ line in the (decompressed) stream; of the data for a preamble. */
  offset: number;
  /** The From_ line without its line ending; null for a preamble. */
  fromLine: string | null;
  /** The message: From_ line and separating blank line removed, ">From " unquoted. */
  bytes: Buffer;
  /** True for bytes before the first From_ line. */
  preamble: boolean;
  /** Problems met cutting this record. */
  diagnostics: Diagnostic[];
}

/** A From_ line as mbox writers produce it: "From <sender> <asctime date>", e.g.
 *  "From mboxrd@z Thu Jan  1 00:00:00 1970" (lore) or "From 4e1b... Mon Sep 17 00:00:00 2001"
 *  (git format-patch). Strict like public-inbox's $from_strict (lib/PublicInbox/MboxReader.pm) so
 *  an unquoted "From here..." in a body does not cut a message in two. */
const FROM_LINE = /^From \S+ +[A-Za-z]{3},? +[A-Za-z]{3} +\d{1,2},? +\d{1,2}:\d{2}(?::\d{2})?\b/;

/** If a message's header block is not complete within this many bytes, its Content-Length is not
 *  looked for (the header block of real mail is a few KB; postfix limits it to 100 KB). */
const MAX_HEADER_SCAN = 1 << 20;

/** Whether a line (without line ending) is an mbox From_ separator line. */
export function isFromLine(line: string): boolean {
  return FROM_LINE.test(line);
}

/** The asctime date of a From_ line ("Thu Jan  1 00:00:00 1970"), or null. Epoch 0 is the
 *  placeholder lore writes ("From mboxrd@z Thu Jan  1 00:00:00 1970") and means "no date". */
export function envelopeDate(fromLine: string | null): string | null {
  if (!fromLine) return null;
  const rest = fromLine.replace(/^From \S+ +/, '');
  if (/\b00:00:00 1970\b/.test(rest)) return null;
  return rest;
}

interface Current {
  /** Index in buf where the message content starts (after the From_ line). */
  start: number;
  offset: number;
  fromLine: string | null;
  preamble: boolean;
  /** Index in buf where Content-Length says the message ends; null when not (yet) known. */
  clEnd: number | null;
  /** Index in buf of the From_ line following a Content-Length body. */
  clNext: number | null;
  /** True once Content-Length has been looked for. */
  clChecked: boolean;
  diagnostics: Diagnostic[];
}

/** Splits an mbox stream into records. Feed chunks with push(), then call end(). */
export class MboxSplitter {
  private buf: Buffer = Buffer.alloc(0);
  /** Absolute stream offset of buf[0]. */
  private base = 0;
  private scan = 0;
  private cur: Current | null = null;
  private started = false;

  constructor(
    private format: MboxFormat = 'auto',
    private readonly source = '',
  ) {}

  /** Add bytes; returns the records completed by them. */
  push(chunk: Buffer): MboxRecord[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: MboxRecord[] = [];
    this.advance(out, false);
    this.compact();
    return out;
  }

  /** Signal the end of input; returns the last record. */
  end(): MboxRecord[] {
    const out: MboxRecord[] = [];
    this.advance(out, true);
    if (this.cur) {
      const rec = this.finish(this.cur, this.buf.length, true);
      if (rec) out.push(rec);
      this.cur = null;
    } else if (!this.started && /\S/.test(this.buf.toString('latin1'))) {
      out.push(this.record(0, this.buf.length, null, false, [], true));
    }
    this.buf = Buffer.alloc(0);
    return out;
  }

  private advance(out: MboxRecord[], eof: boolean): void {
    const buf = this.buf;
    if (!this.started) {
      const nl = buf.indexOf(0x0a);
      if (nl < 0 && !eof && buf.length < 4096) return;
      this.started = true;
      const first = buf.toString('latin1', 0, nl < 0 ? buf.length : nl).replace(/\r$/, '');
      if (isFromLine(first)) {
        // lore writes mboxrd with this sender; nothing there is delimited by Content-Length.
        if (this.format === 'auto' && first.startsWith('From mboxrd@z ')) this.format = 'mboxrd';
        this.cur = this.open(nl < 0 ? buf.length : nl + 1, 0, first);
        this.scan = nl < 0 ? buf.length : nl;
      } else {
        this.cur = { start: 0, offset: this.base, fromLine: null, preamble: true, clEnd: null, clNext: null, clChecked: true, diagnostics: [] };
        this.scan = 0;
      }
    }
    for (;;) {
      const cur = this.cur!;
      if (!cur.clChecked && !this.checkContentLength(cur, eof)) return;
      if (cur.clEnd !== null) {
        // Content-Length said where the body ends; the next From_ line starts at cur.clNext.
        const next = cur.clNext!;
        if (next >= buf.length) return;
        const nl = buf.indexOf(0x0a, next);
        if (nl < 0 && !eof) return;
        const line = buf.toString('latin1', next, nl < 0 ? buf.length : nl).replace(/\r$/, '');
        if (!isFromLine(line)) return; // only whitespace up to the end of input
        const rec = this.finish(cur, cur.clEnd, false);
        if (rec) out.push(rec);
        this.cur = this.open(nl < 0 ? buf.length : nl + 1, this.base + next, line);
        this.scan = nl < 0 ? buf.length : nl;
        if (nl < 0) return;
        continue;
      }
      const idx = buf.indexOf('\nFrom ', this.scan);
      if (idx < 0) {
        this.scan = Math.max(cur.start, buf.length - 6);
        return;
      }
      const lineStart = idx + 1;
      const lineEnd = buf.indexOf(0x0a, lineStart);
      if (lineEnd < 0) {
        if (!eof) {
          this.scan = idx;
          return;
        }
      }
      const end = lineEnd < 0 ? buf.length : lineEnd;
      const line = buf.toString('latin1', lineStart, end).replace(/\r$/, '');
      if (!isFromLine(line)) {
        this.scan = lineStart;
        continue;
      }
      const rec = this.finish(cur, lineStart, false);
      if (rec) out.push(rec);
      this.cur = this.open(lineEnd < 0 ? buf.length : lineEnd + 1, this.base + lineStart, line);
      this.scan = end;
      if (lineEnd < 0) return;
    }
  }

  private open(start: number, offset: number, fromLine: string): Current {
    const useCl = this.format !== 'mboxrd' && this.format !== 'mboxo';
    return { start, offset, fromLine, preamble: false, clEnd: null, clNext: null, clChecked: !useCl, diagnostics: [] };
  }

  /** Look for Content-Length in cur's header block. Returns false when more data is needed. */
  private checkContentLength(cur: Current, eof: boolean): boolean {
    const buf = this.buf;
    const hdrEnd = headerEnd(buf, cur.start);
    if (hdrEnd < 0) {
      if (!eof && buf.length - cur.start < MAX_HEADER_SCAN) return false;
      cur.clChecked = true;
      return true;
    }
    const header = buf.toString('latin1', cur.start, hdrEnd);
    const m = header.match(/^content-length:[ \t]*(\d+)[ \t]*\r?$/im);
    if (!m) {
      cur.clChecked = true;
      return true;
    }
    const end = hdrEnd + Number(m[1]);
    // The declared end must be followed by end of input or (a blank line and) a From_ line.
    const need = end + 2 + 200;
    if (buf.length < need && !eof) return false;
    cur.clChecked = true;
    let p = end;
    if (buf[p] === 0x0d) p++;
    if (buf[p] === 0x0a) p++;
    const tailNl = buf.indexOf(0x0a, p);
    const nextLine = buf.toString('latin1', p, tailNl < 0 ? buf.length : tailNl).replace(/\r$/, '');
    const rest = buf.subarray(p);
    if (p >= buf.length || !/\S/.test(rest.toString('latin1', 0, Math.min(rest.length, 64))) || isFromLine(nextLine)) {
      cur.clEnd = end;
      cur.clNext = p;
      return true;
    }
    if (this.format === 'mboxcl' || this.format === 'mboxcl2') {
      cur.diagnostics.push({
        code: 'mbox/content-length',
        message: 'Content-Length does not end at a From line; split on From lines instead',
        source: this.source,
        locator: `@${cur.offset}`,
        expected: 'a From_ line after the body',
        found: nextLine.slice(0, 80),
      });
    }
    return true;
  }

  private finish(cur: Current, endIndex: number, eof: boolean): MboxRecord | null {
    if (cur.preamble) {
      if (!/\S/.test(this.buf.toString('latin1', cur.start, Math.min(endIndex, cur.start + 65536)))) return null;
      // A file with no From_ line at all is a single message (.eml, format-patch output).
      if (eof) return this.record(cur.start, endIndex, null, false, [], true);
      const d: Diagnostic = {
        code: 'mbox/preamble',
        message: `${endIndex - cur.start} bytes before the first From line`,
        source: this.source,
        locator: `@${cur.offset}`,
      };
      return this.record(cur.start, endIndex, null, true, [d]);
    }
    if (cur.clEnd !== null && cur.clEnd > endIndex) {
      cur.diagnostics.push({
        code: 'mbox/truncated',
        message: `input ends ${cur.clEnd - endIndex} bytes before the end its Content-Length announces`,
        source: this.source,
        locator: `@${cur.offset}`,
      });
    }
    const byLength = cur.clEnd !== null;
    const rec = this.record(cur.start, byLength ? Math.min(cur.clEnd!, endIndex) : endIndex, cur.fromLine, false, cur.diagnostics, byLength);
    rec.offset = cur.offset;
    return rec;
  }

  private record(start: number, end: number, fromLine: string | null, preamble: boolean, diagnostics: Diagnostic[], byLength = false): MboxRecord {
    let bytes = this.buf.subarray(start, end);
    // The blank line that separates a message from the next From_ line is not part of it.
    const n = bytes.length;
    if (byLength) {
      // exact length: nothing to strip
    } else if (n >= 4 && bytes[n - 1] === 0x0a && bytes[n - 2] === 0x0d && bytes[n - 3] === 0x0a && bytes[n - 4] === 0x0d) bytes = bytes.subarray(0, n - 2);
    else if (n >= 2 && bytes[n - 1] === 0x0a && bytes[n - 2] === 0x0a) bytes = bytes.subarray(0, n - 1);
    const unquote = byLength ? this.format === 'mboxcl' ? 'mboxo' : null : this.format === 'mboxo' || this.format === 'mboxcl' ? 'mboxo' : 'mboxrd';
    // Copy: the record must not pin the whole read buffer in memory.
    const copy = Buffer.from(unquote ? unquoteFrom(bytes, unquote) : bytes);
    return { offset: this.base + start, fromLine, bytes: copy, preamble, diagnostics };
  }

  /** Drop bytes no longer needed, keeping the current message. */
  private compact(): void {
    const keep = this.cur ? this.cur.start : this.started ? this.buf.length : 0;
    if (keep === 0) return;
    this.buf = this.buf.subarray(keep);
    this.base += keep;
    this.scan = Math.max(0, this.scan - keep);
    if (this.cur) {
      this.cur.start -= keep;
      if (this.cur.clEnd !== null) this.cur.clEnd -= keep;
      if (this.cur.clNext !== null) this.cur.clNext -= keep;
    }
  }
}

/** Index just past the empty line ending the header block starting at `from`, or -1. */
function headerEnd(buf: Buffer, from: number): number {
  const lf = buf.indexOf('\n\n', from);
  const crlf = buf.indexOf('\r\n\r\n', from);
  if (lf < 0 && crlf < 0) return -1;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return crlf + 4;
  return lf + 2;
}

/** Undo From_ quoting: mboxrd removes one '>' from any ">...>From " line; mboxo from ">From ". */
export function unquoteFrom(bytes: Buffer, format: 'mboxrd' | 'mboxo'): Buffer {
  if (bytes.indexOf('>From ') < 0) return bytes;
  const text = bytes.toString('latin1');
  const re = format === 'mboxrd' ? /^>(>*From )/gm : /^>(From )/gm;
  return Buffer.from(text.replace(re, '$1'), 'latin1');
}
