// Is a downloaded body what was asked for? Looks at its first bytes and Content-Type only: a gzip
// mbox must start with the gzip magic number, a raw message with a mbox From_ line or a header,
// an Atom feed with XML, a JSON answer (Patchwork's REST API) with an object or an array, a page
// (an archive site's, read by ingest/add/) with text. An HTML page where mail was expected (a bot
// check, a proxy's error page served with 200) is named as such. Pure; whether a gzip stream is
// complete is checked while reading it (http-client-fs.ts).

/** What a request expects back. */
export type BodyKind = 'gzip' | 'mbox' | 'atom' | 'json' | 'page';

/** Bytes of the body kept for checking and for quoting in the problem. */
export const BODY_HEAD_BYTES = 512;

const WHAT: Record<BodyKind, string> = {
  gzip: 'a gzip file (a gzipped mbox or manifest)',
  mbox: 'a message (mboxrd)',
  atom: 'an Atom feed',
  json: 'a JSON document',
  page: 'a web page or a message',
};

function printable(head: Uint8Array): string {
  const s = Buffer.from(head.subarray(0, 80)).toString('latin1').replace(/\s+/g, ' ').replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(s.trim());
}

/** null when the body looks right; otherwise what was found instead, as a sentence. */
export function checkBody(head: Uint8Array, contentType: string | null, expected: BodyKind): string | null {
  const text = Buffer.from(head).toString('latin1').trimStart();
  const ct = (contentType ?? '').toLowerCase();
  const html = ct.includes('text/html') || /^(?:<!doctype html|<html|<head|<body)/i.test(text);
  let ok: boolean;
  switch (expected) {
    case 'gzip':
      ok = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
      break;
    case 'mbox':
      ok = !html && (/^From /.test(text) || /^[\x21-\x39\x3b-\x7e]+:/.test(text));
      break;
    case 'atom':
      ok = !html && /^(?:<\?xml|<feed)/.test(text);
      break;
    case 'json':
      ok = !html && /^[{[]/.test(text);
      break;
    case 'page':
      // Text of any kind; what it is, the page reader says. Not binary (a gzip, an image).
      ok = text.length > 0 && !(head[0] === 0x1f && head[1] === 0x8b) && !/[\x00-\x08\x0e-\x1a]/.test(text.slice(0, 200));
      break;
  }
  if (ok) return null;
  if (head.length === 0) return `expected ${WHAT[expected]}, got an empty body`;
  if (html) return `expected ${WHAT[expected]}, got an HTML page (${contentType ?? 'no Content-Type'}, starting ${printable(head)}): the server may be showing a bot check or an error page`;
  return `expected ${WHAT[expected]}, got ${contentType ?? 'no Content-Type'} starting ${printable(head)}`;
}
