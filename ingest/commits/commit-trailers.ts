// The Message-IDs a commit message names in its `Link:` and `Message-Id:` trailers: lore URLs
// (/r/, /all/, /<list>/), patch.msgid.link, lkml.kernel.org/r/ (as ingest/patch/message-links.ts
// recognizes them in mail), and bare `Message-Id: <id>` (what `git am --message-id` writes).
// Links elsewhere (bug trackers, GitHub issues) name no message. Pure; never throws.
import { messageLinks } from '../patch/message-links.ts';

/** A Message-ID a trailer names. */
export interface TrailerMessageId {
  messageId: string;
  /** The trailer line as written. */
  line: string;
}

const TRAILER = /^(link|message-id)[ \t]*:[ \t]*(\S.*?)[ \t]*$/gim;

/** Message-IDs named by the Link:/Message-Id: trailer lines of `message`, in order, without
 *  repeats. A trailer anywhere in the message counts: maintainers' tools add them at the end, but
 *  a commit that squashes patches carries several blocks. */
export function commitTrailerIds(message: string): TrailerMessageId[] {
  const out: TrailerMessageId[] = [];
  const seen = new Set<string>();
  if (!/^(?:link|message-id)[ \t]*:/im.test(message)) return out;
  for (const m of message.matchAll(TRAILER)) {
    const value = m[2]!;
    const ids = m[1]!.toLowerCase() === 'link' ? messageLinks(value).all : bareId(value);
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ messageId: id, line: m[0].trim() });
    }
  }
  return out;
}

/** `<id@host>` or `id@host`. */
function bareId(value: string): string[] {
  const m = /^<?([^<>\s@]+@[^<>\s@]+?)>?$/.exec(value.trim());
  return m ? [m[1]!] : messageLinks(value).all;
}
