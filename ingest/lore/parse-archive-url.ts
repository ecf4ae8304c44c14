// Reads a URL that someone pasted or wrote in mail and says which message or list of which
// archive it names: lore.kernel.org and any other public-inbox server (/<list>/<msgid>/ with T/,
// t/, raw, t.mbox.gz and #anchors; /r/<msgid>, /all/<msgid>; /<list>/ and what lies inside an
// inbox), the redirectors patch.msgid.link/, msgid.link/ and lkml.kernel.org/r/,
// marc.info/?i=<msgid>, and the pages of other archive sites (archive-page-url.ts: lkml.iu.edu,
// spinics.net, Patchwork, marc.info's ?m=, lkml.org), which name a message through the page they
// show. The answer is a union discriminated on `kind`, its `source` saying which archive, so that
// further archives come in as further sources. Pure, usable in the browser, never throws; it
// fetches nothing and leaves to its callers what to do with the message (sync pulls it, mail
// links point at it, topics cite it, add reads the page).
import { messageIdInLink } from '../message/message-id.ts';
import { archivePageUrl, type PageSite, type SitePageUrl } from './archive-page-url.ts';
import { isListName, unescapeMessageId } from './lore-url.ts';

export type { PageSite, SitePageUrl };

/** Which archive (or redirector to one) a URL belongs to. */
export type ArchiveSource =
  /** lore.kernel.org. */
  | 'lore'
  /** Another server with public-inbox's URL layout (a mirror, a private archive). */
  | 'public-inbox'
  /** patch.msgid.link/<msgid> or msgid.link/<msgid>: redirects to lore (b4's Link: trailers). */
  | 'msgid-link'
  /** lkml.kernel.org/r/<msgid>: redirects to lore. */
  | 'lkml-redirect'
  /** marc.info/?i=<msgid>. */
  | 'marc'
  /** A Patchwork page named by Message-ID (/project/<p>/patch/<msgid>/): the mail is on lore. */
  | 'patchwork';

/** Sources whose URLs name a message wherever they appear (in mail, in a topic): kernel.org's
 *  archive and the redirectors and archives that name a message by its Message-ID. Another
 *  server's public-inbox layout counts only where a server is expected (patchlore sync URL). */
export const KERNEL_ARCHIVES: ReadonlySet<ArchiveSource> = new Set<ArchiveSource>(['lore', 'msgid-link', 'lkml-redirect', 'marc']);

/** What a message URL shows, from what follows the Message-ID. */
export type MessagePage =
  /** The message ("/", R/, f/, or nothing). */
  | 'message'
  /** Its thread (T/, t/, t.atom). */
  | 'thread'
  /** The thread as an mbox (t.mbox.gz, t.mbox). */
  | 'mbox'
  /** The message as received (raw). */
  | 'raw'
  /** Something else under the message (an attachment, a diff view). */
  | 'other';

/** What a URL names. */
export type ArchiveUrl =
  | {
      kind: 'message';
      source: ArchiveSource;
      /** Without angle brackets, %XX decoded. */
      messageId: string;
      /** The inbox named in the URL ("all" included); null for /r/ and the redirectors. */
      list: string | null;
      /** The public-inbox server, without a trailing slash; null when the URL is not one
       *  (redirectors, marc): lore is meant. */
      base: string | null;
      page: MessagePage;
      /** The path after the Message-ID as written ('' for none), e.g. "T" or "2-a.patch". */
      suffix: string;
      /** The fragment without "#" ('' for none), e.g. "u" or "m0a1b2c". */
      anchor: string;
    }
  | {
      kind: 'list';
      source: 'lore' | 'public-inbox';
      /** The inbox name. */
      list: string;
      /** The server, without a trailing slash. */
      base: string;
    }
  /** A page of an archive site that names a message only by showing it: what it is must be read
   *  from the page (or, for some sites, from a view of it: ingest/add/page-fetch.ts). */
  | SitePageUrl
  | {
      kind: 'unknown';
      /** Why it names nothing, with an example of what would. */
      reason: string;
    };

/** A URL that names a message. */
export type MessageUrl = Extract<ArchiveUrl, { kind: 'message' }>;

const LORE_HOST = 'lore.kernel.org';
const MSGID_LINK_HOSTS = new Set(['patch.msgid.link', 'msgid.link']);
const LKML_REDIRECT_HOST = 'lkml.kernel.org';
const MARC_HOST = 'marc.info';

/** Path segments that name something inside an inbox rather than the inbox itself. */
const INBOX_SUFFIXES = /^(?:manifest\.js\.gz|new\.atom|new\.html|atom\.xml|index\.html|description|_|\d+|git|\d+\.git)$/;

/** What may follow a Message-ID on a public-inbox server (WWW.pm), and what it shows. */
const PAGES: Record<string, MessagePage> = { '': 'message', R: 'message', f: 'message', T: 'thread', t: 'thread', 't.atom': 'thread', 't.mbox.gz': 'mbox', 't.mbox': 'mbox', raw: 'raw' };

/** A URL in running text: up to white space, brackets, quotes or the start of another URL. */
const URL_IN_TEXT = /https?:\/\/(?:(?!https?:\/\/)[^\s<>"')\]])+/gi;

/** Read one URL. Never throws; what names no message or list is `unknown`, with why. */
export function parseArchiveUrl(input: string): ArchiveUrl {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { kind: 'unknown', reason: 'not a valid URL' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { kind: 'unknown', reason: `only http and https URLs are supported; got ${u.protocol}` };
  const segs = u.pathname.split('/').filter((x) => x !== '').map(unescapeMessageId);
  const anchor = u.hash.slice(1);
  /** A message named by its Message-ID alone, at no particular server: lore is meant. */
  const byId = (source: ArchiveSource, id: string | undefined, example: string): ArchiveUrl => {
    const messageId = id === undefined ? '' : messageIdInLink(id);
    if (!messageId) return { kind: 'unknown', reason: `${example} names a message by its Message-ID` };
    return { kind: 'message', source, messageId, list: null, base: null, page: 'message', suffix: '', anchor };
  };
  // A Message-ID holding "/" is often written unescaped: the rest of the path is the ID.
  if (MSGID_LINK_HOSTS.has(u.hostname)) return byId('msgid-link', segs.join('/'), 'a short link such as https://patch.msgid.link/<msgid>');
  if (u.hostname === LKML_REDIRECT_HOST) return byId('lkml-redirect', segs[0] === 'r' ? segs.slice(1).join('/') : undefined, 'a link such as https://lkml.kernel.org/r/<msgid>');
  // Not URLSearchParams: it reads "+" as a space, and Message-IDs hold "+".
  const marcId = u.hostname === MARC_HOST ? /(?:^\?|&)i=([^&]*)/.exec(u.search)?.[1] : undefined;
  if (marcId !== undefined) return byId('marc', unescapeMessageId(marcId), 'a marc.info link such as https://marc.info/?i=<msgid>');
  const site = archivePageUrl(u);
  if (site?.kind === 'message') return { kind: 'message', source: 'patchwork', messageId: site.messageId, list: null, base: null, page: 'message', suffix: site.suffix, anchor };
  if (site) return site;
  if (u.hostname === MARC_HOST) return { kind: 'unknown', reason: 'a marc.info link such as https://marc.info/?i=<msgid> or https://marc.info/?l=linux-mm&m=<number> names a message' };
  return publicInboxUrl(u, segs, anchor);
}

/** A URL in public-inbox's layout: <base>/<list>/<msgid>/<page>, <base>/r/<msgid>, <base>/<list>/. */
function publicInboxUrl(u: URL, segs: string[], anchor: string): ArchiveUrl {
  const source = u.hostname === LORE_HOST ? 'lore' : 'public-inbox';
  const origin = `${u.protocol}//${u.host}`;
  const baseOf = (prefix: string[]): string => (prefix.length ? `${origin}/${prefix.map(encodeURIComponent).join('/')}` : origin);
  const at = segs.findIndex((x) => x.includes('@'));
  if (at >= 0) {
    const rest = segs.slice(at + 1);
    const suffix = rest.join('/');
    // On lore the inbox is the first segment, so segments between it and the one holding "@"
    // belong to a Message-ID written with its "/" unescaped, as Link: trailers often do
    // ("Link: https://lore.kernel.org/r/Ydb/3P+8nvjCjYfO@redhat.com"). Elsewhere the server's
    // own path is unknown: the inbox is the segment before the ID.
    const first = source === 'lore' ? Math.min(1, at) : at;
    const listSeg = first > 0 ? segs[first - 1]! : null;
    return {
      kind: 'message',
      source,
      messageId: messageIdInLink(segs.slice(first, at + 1).join('/')),
      // /r/<msgid> is lore's redirect to /all/<msgid>/: no particular list.
      list: listSeg && listSeg !== 'r' && isListName(listSeg) ? listSeg : null,
      base: baseOf(segs.slice(0, Math.max(0, first - 1))),
      page: rest.length > 1 ? 'other' : (PAGES[suffix] ?? 'other'),
      suffix,
      anchor,
    };
  }
  // A list URL, possibly of something inside the list (its manifest, an epoch, the feed).
  let end = segs.length;
  while (end > 0 && INBOX_SUFFIXES.test(segs[end - 1]!)) end--;
  const list = end > 0 ? segs[end - 1]! : null;
  if (!list || !isListName(list)) {
    return { kind: 'unknown', reason: 'no list or Message-ID in the URL; expected e.g. https://lore.kernel.org/nvdimm/ or https://lore.kernel.org/nvdimm/<msgid>/' };
  }
  return { kind: 'list', source, list, base: baseOf(segs.slice(0, end - 1)) };
}

/** The URLs in running text that name a message, with where each starts, in order. */
export function messageUrlsIn(text: string): Array<{ index: number; url: MessageUrl }> {
  const out: Array<{ index: number; url: MessageUrl }> = [];
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = parseArchiveUrl(m[0]);
    if (url.kind === 'message') out.push({ index: m.index ?? 0, url });
  }
  return out;
}
