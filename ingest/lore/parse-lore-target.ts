// What a user names on the command line: a list name, a URL of a list or of a message (any form
// parse-archive-url.ts reads: lore and other public-inbox servers with /, T/, t/, t.mbox.gz, raw;
// /r/, patch.msgid.link, lkml.kernel.org/r/, marc.info/?i=), or a bare Message-ID; and, where a
// message is expected, the Message-ID an argument names. Pure: reads strings; an unusable one is
// `invalid`, with the reason.
import { normalizeMessageId } from '../message/message-id.ts';
import { isListName } from './lore-url.ts';
import { SITE_NAMES } from './archive-page-url.ts';
import { parseArchiveUrl } from './parse-archive-url.ts';

/** What a user named on the command line. */
export type LoreTarget =
  | { kind: 'list'; list: string; base: string | null }
  | {
      kind: 'message';
      messageId: string;
      /** The list named in the URL; null for a bare Message-ID or a short link. */
      list: string | null;
      /** The server of a pasted URL; null for a bare Message-ID or a redirector's link. */
      base: string | null;
      /** A URL ending in /raw asks for the message alone; anything else for its thread. */
      part: 'thread' | 'raw';
    }
  | { kind: 'invalid'; input: string; reason: string };

/** "scheme://": an argument that is a URL rather than a name or a Message-ID. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Read what a user named: a list name, a URL (list or message), or a Message-ID. Never throws;
 *  an unusable input is `invalid` with the reason. */
export function parseLoreTarget(input: string): LoreTarget {
  const s = input.trim();
  const invalid = (reason: string): LoreTarget => ({ kind: 'invalid', input: s.slice(0, 200), reason });
  if (!s) return invalid('empty');
  if (URL_SCHEME.test(s)) {
    const u = parseArchiveUrl(s);
    if (u.kind === 'unknown') return invalid(u.reason);
    if (u.kind === 'list') return { kind: 'list', list: u.list, base: u.base };
    if (u.kind === 'page') return invalid(`a page of ${SITE_NAMES[u.site]} names its message only by showing it; patchlore add ${u.url} reads the Message-ID from the page`);
    if (u.page === 'other') return invalid(`"${u.suffix}" after the Message-ID is not a part of a message page (T/, t/, t.mbox.gz, raw)`);
    return { kind: 'message', messageId: u.messageId, list: u.list, base: u.base, part: u.page === 'raw' ? 'raw' : 'thread' };
  }
  if (s.startsWith('<') || s.includes('@') || /^(?:id|mid):/i.test(s)) {
    const mid = normalizeMessageId(s);
    if (!mid || /\s/.test(mid)) return invalid('a Message-ID has no spaces; expected e.g. <20240101.abc@example.org>');
    return { kind: 'message', messageId: mid, list: null, base: null, part: 'thread' };
  }
  if (isListName(s)) return { kind: 'list', list: s, base: null };
  return invalid('not a list name, lore URL or Message-ID; expected e.g. nvdimm, https://lore.kernel.org/nvdimm/<msgid>/ or <msgid@host>');
}

/** The Message-ID an argument names where a message is expected (`patchlore thread ARG`, a
 *  topic's pins): a URL of the message in any form parseArchiveUrl reads, else the ID as written,
 *  with or without <> (normalizeMessageId). */
export function messageIdArgument(arg: string): string {
  const s = arg.trim();
  if (URL_SCHEME.test(s)) {
    const u = parseArchiveUrl(s);
    if (u.kind === 'message') return u.messageId;
  }
  return normalizeMessageId(s);
}
