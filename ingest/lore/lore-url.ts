// The URLs of a public-inbox server as patchlore builds them: a message's permalink on
// lore.kernel.org, and the resources a sync requests (manifest, epochs, thread mbox, raw message,
// search, Atom feed), laid out as public-inbox's WWW.pm routes them and lore.kernel.org serves
// them; the escaping of Message-IDs in them and its inverse; checks of what names a server or a
// list. Reading a URL someone pasted is parse-archive-url.ts. Pure and usable in the browser:
// fetches nothing.

/** Where lists are synced from and permalinks point unless the config or a pasted URL says
 *  otherwise. */
export const DEFAULT_BASE = 'https://lore.kernel.org';

/** lore's inbox of every list (an extindex): finds a message without knowing its list. */
export const ALL_LISTS = 'all';

/** A resource of an inbox on a public-inbox server. */
export type LoreResource =
  | { kind: 'manifest' }
  | { kind: 'epoch'; n: number }
  | { kind: 'thread'; messageId: string }
  | { kind: 'raw'; messageId: string }
  | { kind: 'search'; query: string }
  | { kind: 'atom' };

/** public-inbox's inbox names (WWW.pm $INBOX_RE). */
export function isListName(s: string): boolean {
  return /^[\w-][\w.-]*$/.test(s) && s.length <= 200;
}

/** A server base URL: http(s), no query or fragment, no trailing slash. */
export function normalizeBase(input: string): { ok: true; base: string } | { ok: false; reason: string } {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, reason: `not a URL: ${JSON.stringify(input.slice(0, 80))}; expected e.g. "https://lore.kernel.org"` };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, reason: `only http and https servers are supported; got ${u.protocol}` };
  if (u.search || u.hash) return { ok: false, reason: `a base URL has no query or fragment; got ${JSON.stringify(input.slice(0, 80))}` };
  if (u.username || u.password) return { ok: false, reason: 'a base URL must not carry credentials' };
  return { ok: true, base: `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}` };
}

/** What encodeURIComponent escapes that public-inbox keeps: @ : + = $ , ; & (and ! * ' ( ),
 *  which both keep). */
const KEPT_BY_PUBLIC_INBOX = /%(40|3A|2B|3D|24|2C|3B|26|21|2A|27|28|29)/gi;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encode a Message-ID for a URL path segment the way public-inbox does (MID.pm
 *  MID_ESC: everything but A-Za-z0-9 and -._~!$&'()*+,;=:@ is escaped, "/" included), as UTF-8.
 *  Also the site's escaping of any path segment (src/lib/paths.ts). */
export function escapeMessageId(mid: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(mid);
  } catch {
    // A lone surrogate, which encodeURIComponent refuses: UTF-8 has U+FFFD in its place.
    encoded = encodeURIComponent(mid.replace(LONE_SURROGATE, '\uFFFD'));
  }
  return encoded.replace(KEPT_BY_PUBLIC_INBOX, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The inverse of escapeMessageId, for a path segment read from a URL: %XX decoded as UTF-8; a
 *  segment with a broken escape is kept as written. */
export function unescapeMessageId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A message's permalink on lore.kernel.org: its /r/ redirector finds it on any list. */
export function lorePermalink(mid: string): string {
  return `${DEFAULT_BASE}/r/${escapeMessageId(mid)}`;
}

/** The URL of a resource of inbox `list` on the server at `base`. */
export function loreUrl(base: string, list: string, r: LoreResource): string {
  const inbox = `${base}/${list}`;
  switch (r.kind) {
    case 'manifest':
      return `${inbox}/manifest.js.gz`;
    case 'epoch':
      // lore serves epoch N at /<list>/N (also /<list>/git/N.git); `git clone` takes either.
      return `${inbox}/${r.n}`;
    case 'thread':
      return `${inbox}/${escapeMessageId(r.messageId)}/t.mbox.gz`;
    case 'raw':
      return `${inbox}/${escapeMessageId(r.messageId)}/raw`;
    case 'search':
      // x=m asks for an mbox; it only works with POST (see pull-http-fs.ts for the body).
      return `${inbox}/?q=${encodeURIComponent(r.query).replace(/%20/g, '+')}&x=m`;
    case 'atom':
      return `${inbox}/new.atom`;
  }
}
