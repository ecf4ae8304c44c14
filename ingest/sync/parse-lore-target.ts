// What a user names on the command line: a list name, a lore URL of a list or of a message (in
// any form lore links it: /, T/, t/, t.mbox.gz, raw), a lore /r/ or patch.msgid.link short link,
// or a bare Message-ID. Pure: reads strings; an unusable one is `invalid`, with the reason.
import { escapeMessageId, isListName } from './lore-url.ts';

/** Hosts that only redirect a Message-ID to lore (b4's Link: trailers use the first). */
const SHORT_LINK_HOSTS = new Set(['patch.msgid.link', 'msgid.link']);

/** What a user named on the command line. */
export type LoreTarget =
  | { kind: 'list'; list: string; base: string | null }
  | {
      kind: 'message';
      messageId: string;
      /** The list named in the URL; null for a bare Message-ID or a short link. */
      list: string | null;
      /** The server of a pasted URL; null for a bare Message-ID. */
      base: string | null;
      /** A URL ending in /raw asks for the message alone; anything else for its thread. */
      part: 'thread' | 'raw';
    }
  | { kind: 'invalid'; input: string; reason: string };

/** A Message-ID as typed: angle brackets, "id:" prefixes (notmuch) and whitespace removed. */
export function cleanMessageId(s: string): string {
  return s.trim().replace(/^(?:id:|mid:)/i, '').replace(/^<|>$/g, '').trim();
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Path segments that name something inside an inbox rather than the inbox itself. */
const INBOX_SUFFIXES = /^(?:manifest\.js\.gz|new\.atom|new\.html|atom\.xml|index\.html|description|_|\d+|git|\d+\.git)$/;
/** What may follow a Message-ID in a message URL. */
const MESSAGE_SUFFIXES = /^(?:|T|t|t\.mbox\.gz|t\.mbox|t\.atom|raw|R|f)$/;

/** Read what a user named: a list name, a lore URL (list or message), a short link or a
 *  Message-ID. Never throws; an unusable input is `invalid` with the reason. */
export function parseLoreTarget(input: string): LoreTarget {
  const s = input.trim();
  const invalid = (reason: string): LoreTarget => ({ kind: 'invalid', input: s.slice(0, 200), reason });
  if (!s) return invalid('empty');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      return invalid('not a valid URL');
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return invalid(`only http and https URLs are supported; got ${u.protocol}`);
    const segs = u.pathname.split('/').filter((x) => x !== '').map(decodeSegment);
    const origin = `${u.protocol}//${u.host}`;
    if (SHORT_LINK_HOSTS.has(u.hostname)) {
      const mid = segs[0] ? cleanMessageId(segs[0]) : '';
      if (!mid) return invalid('a short link names a Message-ID after the host, e.g. https://patch.msgid.link/<msgid>');
      return { kind: 'message', messageId: mid, list: null, base: null, part: 'thread' };
    }
    const at = segs.findIndex((x) => x.includes('@'));
    if (at >= 0) {
      const rest = segs.slice(at + 1);
      if (rest.length > 1 || !MESSAGE_SUFFIXES.test(rest[0] ?? '')) return invalid(`"${rest.join('/')}" after the Message-ID is not a part of a message page (T/, t/, t.mbox.gz, raw)`);
      const listSeg = at > 0 ? segs[at - 1]! : null;
      // /r/<msgid> is lore's redirect to /all/<msgid>/: no particular list.
      const list = listSeg && listSeg !== 'r' && isListName(listSeg) ? listSeg : null;
      const prefix = segs.slice(0, Math.max(0, at - 1)).map(encodeURIComponent).join('/');
      return {
        kind: 'message',
        messageId: cleanMessageId(segs[at]!),
        list,
        base: prefix ? `${origin}/${prefix}` : origin,
        part: rest[0] === 'raw' ? 'raw' : 'thread',
      };
    }
    // A list URL, possibly of something inside the list (its manifest, an epoch, the feed).
    let end = segs.length;
    while (end > 0 && INBOX_SUFFIXES.test(segs[end - 1]!)) end--;
    const list = end > 0 ? segs[end - 1]! : null;
    if (!list || !isListName(list)) return invalid('no list or Message-ID in the URL; expected e.g. https://lore.kernel.org/nvdimm/ or https://lore.kernel.org/nvdimm/<msgid>/');
    const prefix = segs.slice(0, end - 1).map(encodeURIComponent).join('/');
    return { kind: 'list', list, base: prefix ? `${origin}/${prefix}` : origin };
  }
  if (s.startsWith('<') || s.includes('@') || /^(?:id|mid):/i.test(s)) {
    const mid = cleanMessageId(s);
    if (!mid || /\s/.test(mid)) return invalid('a Message-ID has no spaces; expected e.g. <20240101.abc@example.org>');
    return { kind: 'message', messageId: mid, list: null, base: null, part: 'thread' };
  }
  if (isListName(s)) return { kind: 'list', list: s, base: null };
  return invalid('not a list name, lore URL or Message-ID; expected e.g. nvdimm, https://lore.kernel.org/nvdimm/<msgid>/ or <msgid@host>');
}
