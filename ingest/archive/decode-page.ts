// The text of a saved page from its bytes: the charset its byte-order mark, <?xml encoding?> or
// <meta> declares, as a browser would pick it. hypermail does not transcode: a page is in the
// charset of the message it shows, headers' RFC 2047 words are written as raw bytes of their own
// charset, and some pages declare nothing, or us-ascii over 8-bit bytes. So an undeclared or
// ASCII page is read as UTF-8 when that is valid, else as Windows-1252. Pure; never throws.
import iconv from 'iconv-lite';

/** How far into a page its charset declaration is looked for (the HTML standard's prescan
 *  reads 1024 bytes; MHonArc writes its comment block first, so a little more). */
export const CHARSET_PRESCAN_BYTES = 4096;

/** The charset a page declares, lower-cased; '' when it declares none. */
function declaredCharset(head: string): string {
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']?([\w.:-]+)/i);
  if (xml) return xml[1]!.toLowerCase();
  const meta = head.match(/<meta\b[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i);
  return meta ? meta[1]!.toLowerCase() : '';
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what 8-bit mail almost always is). */
function utf8OrWindows1252(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\uFFFD') ? iconv.decode(bytes, 'windows-1252') : utf8;
}

/** Decode a page; `charset` says what was used. */
export function decodePage(input: Uint8Array): { text: string; charset: string } {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), charset: 'utf-16be' };
  const declared = declaredCharset(bytes.toString('latin1', 0, Math.min(bytes.length, CHARSET_PRESCAN_BYTES)));
  if (declared === '' || /^(us-?ascii|ascii|ansi_x3\.4-1968|utf-?8)$/.test(declared)) {
    return { text: utf8OrWindows1252(bytes), charset: declared || 'undeclared' };
  }
  // iso-8859-1 is read as Windows-1252, as browsers do (the HTML standard's encoding labels).
  const charset = /^(iso-?8859-1|latin-?1|l1)$/.test(declared) ? 'windows-1252' : declared;
  if (!iconv.encodingExists(charset)) return { text: utf8OrWindows1252(bytes), charset: `unknown ${declared}` };
  return { text: iconv.decode(bytes, charset), charset };
}
