// The header block of a raw message, split into fields without decoding: names lower-cased,
// values unfolded, bytes kept as Latin-1 code units so nothing is lost or guessed. Used for what
// must be read raw (Message-ID, References, Date, Received, List-Id) and to hand the MIME parser
// only the fields it needs. Pure.

/** One header field. */
export interface HeaderField {
  /** Lower-case field name. */
  name: string;
  /** Value with folding removed, as Latin-1 code units of the raw bytes. */
  value: string;
  /** Byte range of the whole field (name, value, folding, line end) in the message. */
  start: number;
  end: number;
}

/** A message's header block. */
export interface HeaderBlock {
  fields: HeaderField[];
  /** Byte offset where the body starts (after the empty line), or the message length. */
  bodyStart: number;
  /** True when a header has bytes outside ASCII (raw 8-bit, not RFC 2047). */
  highBytes: boolean;
  /** The first line did not look like a header field. */
  malformed: boolean;
}

/** Header blocks larger than this are cut here; the rest is treated as body. Postfix refuses
 *  headers over 100 KB (header_size_limit = 102400); some margin above it. */
export const MAX_HEADER_BYTES = 256 * 1024;

const FIELD_NAME = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;

/** Split the header block of `bytes`. */
export function headerBlock(bytes: Buffer): HeaderBlock {
  const limit = Math.min(bytes.length, MAX_HEADER_BYTES);
  // The block ends at the first empty line: "\n\n" or "\n\r\n".
  let end = limit;
  let bodyStart = limit;
  const lf = bytes.indexOf('\n\n');
  const crlf = bytes.indexOf('\n\r\n');
  if (lf >= 0 && lf < limit && (crlf < 0 || lf < crlf)) {
    end = lf + 1;
    bodyStart = lf + 2;
  } else if (crlf >= 0 && crlf < limit) {
    end = crlf + 1;
    bodyStart = crlf + 3;
  }
  const text = bytes.toString('latin1', 0, end);
  const fields: HeaderField[] = [];
  let malformed = false;
  let pos = 0;
  while (pos < text.length) {
    // A field runs to the first line end not followed by whitespace (folding).
    let nl = text.indexOf('\n', pos);
    while (nl >= 0 && (text[nl + 1] === ' ' || text[nl + 1] === '\t')) nl = text.indexOf('\n', nl + 1);
    const stop = nl < 0 ? text.length : nl + 1;
    const raw = text.slice(pos, stop);
    const m = FIELD_NAME.exec(raw);
    if (m) {
      const value = raw.slice(m[0].length).replace(/\r?\n[ \t]*/g, ' ').replace(/\r$/, '').trim();
      fields.push({ name: m[1]!.toLowerCase(), value, start: pos, end: stop });
    } else if (fields.length === 0 && /\S/.test(raw)) {
      malformed = true;
    }
    pos = stop;
  }
  return { fields, bodyStart, highBytes: /[^\x00-\x7f]/.test(text), malformed };
}

/** Values of one field, in order. */
export function fieldValues(block: HeaderBlock, name: string): string[] {
  const out: string[] = [];
  for (const f of block.fields) if (f.name === name) out.push(f.value);
  return out;
}
