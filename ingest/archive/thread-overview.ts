// public-inbox's thread overview lines: "2024-04-11 12:59   ` <a href=...>Jason Gunthorpe</a>",
// one per message, indented two columns per level under the root, the current message in bold
// ("[this message]" on a message page, "@ " before the date on /T/ and /t/ pages). The same
// lines head each message of a thread page. Gives each line's depth and Message-ID, and the
// ancestors of the current message. Pure.
import type { PreLine } from './pre-lines.ts';

/** One message line of an overview. */
export interface OverviewEntry {
  /** 0 for the thread's root, 1 for its replies, ... */
  depth: number;
  /** The Message-ID the line links to (null when it links to none: a message not archived). */
  messageId: string | null;
  /** The line of the page's own message. */
  current: boolean;
}

/** "@ "? date, spaces, and "` " for a reply. */
const ENTRY = /^(@ |\s*)\d{4}-\d\d-\d\d [ \d]\d:\d\d( +)(` )?/;

/** The message lines of `lines`; `resolve` turns a link into the Message-ID it names (null for
 *  links to anything else). */
export function overviewEntries(lines: readonly PreLine[], resolve: (href: string) => string | null): OverviewEntry[] {
  const out: OverviewEntry[] = [];
  for (const line of lines) {
    const m = ENTRY.exec(line.text);
    if (!m) continue;
    const depth = m[3] ? (m[2]!.length + 1) / 2 : 0;
    let messageId: string | null = null;
    for (const h of line.hrefs) {
      messageId = resolve(h);
      if (messageId !== null) break;
    }
    out.push({ depth: Number.isInteger(depth) ? depth : Math.ceil(depth), messageId, current: m[1] === '@ ' || line.text.includes('[this message]') });
  }
  return out;
}

/** The ancestors of the current entry, root first, the parent last; null for an ancestor whose
 *  line links to no message. Null when no entry is current. */
export function ancestorsOfCurrent(entries: readonly OverviewEntry[]): Array<string | null> | null {
  const at = entries.findIndex((e) => e.current);
  if (at < 0) return null;
  const chain: Array<string | null> = [];
  let depth = entries[at]!.depth;
  for (let i = at - 1; i >= 0 && depth > 0; i--) {
    const e = entries[i]!;
    if (e.depth < depth) {
      chain.push(e.messageId);
      depth = e.depth;
    }
  }
  return chain.reverse();
}
