// Message-IDs a message points at in its own text: URLs of kernel.org's archives and the
// redirectors to them (lore.kernel.org /r/, /all/, /<list>/; lkml.kernel.org/r/; patch.msgid.link
// and msgid.link; marc.info/?i=; read by ingest/lore/parse-archive-url.ts), and bracketed IDs on
// lines that speak of versions or links ("previous version: <id>"). Quoted lines are not the
// author's. Pure; never throws.
import { KERNEL_ARCHIVES, messageUrlsIn } from '../lore/parse-archive-url.ts';
import { unescapeMessageId } from '../lore/lore-url.ts';
import { messageIdInLink } from '../message/message-id.ts';

/** Lines that speak of earlier versions of a series. */
const VERSION_CONTEXT = /\b(v\d+(?:\.\d+)?|version|previous(?:ly)?|prior|earlier|rfc|resend|respin|repost)\b|link to/i;

/** Lines where a bracketed Message-ID is a reference to a posting. */
const LINK_CONTEXT = /\b(v\d+(?:\.\d+)?|version|previous|prior|earlier|link|posting|posted|series|rfc|thread)\b/i;

/** Message-IDs referenced in `text`, in order of appearance, without duplicates: all of them,
 *  and those on lines that speak of versions ("v2:", "Link to v3:", "previous version"), since a
 *  cover letter also links to dependencies and discussions, which are not earlier revisions. */
export function messageLinks(text: string): { all: string[]; versioned: string[] } {
  const all = new Set<string>();
  const versioned = new Set<string>();
  if (!text.includes('://') && !text.includes('<')) return { all: [], versioned: [] };
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const hasUrl = line.includes('://');
    if ((!hasUrl && !line.includes('<')) || /^\s*>/.test(line)) continue;
    const found: Array<[number, string]> = [];
    if (hasUrl) {
      for (const { index, url } of messageUrlsIn(line)) if (KERNEL_ARCHIVES.has(url.source)) found.push([index, url.messageId]);
    }
    // Judge the words, not the URLs: b4 Message-IDs carry "-v1-" themselves.
    const aboutVersions = VERSION_CONTEXT.test(hasUrl ? line.replace(/https?:\/\/\S+/g, ' ') : line.replace(/<[^<>\s]*>/g, ' '));
    if (aboutVersions || LINK_CONTEXT.test(line)) {
      for (const m of line.matchAll(/(?<![\w/])<([^<>\s@]+@[^<>\s@]+)>/g)) found.push([m.index ?? 0, messageIdInLink(unescapeMessageId(m[1]!))]);
    }
    for (const [, id] of found.sort((a, b) => a[0] - b[0])) {
      if (!id.includes('@')) continue;
      all.add(id);
      if (aboutVersions) versioned.add(id);
    }
  }
  return { all: [...all], versioned: [...versioned] };
}
