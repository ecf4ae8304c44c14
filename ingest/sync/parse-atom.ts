// Reads a public-inbox Atom feed (/<list>/new.atom: the newest messages, replies included) for
// the Message-IDs of its entries. public-inbox links every entry to its message page,
// <link href="https://lore.kernel.org/<list>/<escaped Message-ID>/"/>, which is where the ID is
// taken from. A regular-expression reader of that one shape, not a general XML parser. Pure.
import { unescapeMessageId } from '../lore/lore-url.ts';
import type { Diagnostic } from '../types.ts';

/** One entry of the feed. */
export interface AtomEntry {
  messageId: string;
  /** The entry's title (the Subject), entities decoded. */
  title: string;
  /** Its <updated> time as written. */
  updated: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** A problem with the feed (the caller knows its URL and what to do instead). */
const malformed = (message: string): Diagnostic => ({ code: 'atom/malformed', message });

/** The entries of a feed in feed order (newest first); `ok` is false when it is not a feed. */
export function parseAtom(text: string): { ok: boolean; entries: AtomEntry[]; problems: Diagnostic[] } {
  if (!/<feed[\s>]/.test(text)) return { ok: false, entries: [], problems: [malformed(`no <feed> element; starts ${JSON.stringify(text.slice(0, 60))}`)] };
  const entries: AtomEntry[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const re = /<entry[\s>]([\s\S]*?)<\/entry>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[1] ?? '';
    const href = /<link\b[^>]*?\bhref\s*=\s*"([^"]*)"/.exec(body)?.[1];
    const title = decodeEntities(/<title[^>]*>([\s\S]*?)<\/title>/.exec(body)?.[1] ?? '');
    const updated = /<updated>([^<]*)<\/updated>/.exec(body)?.[1] ?? '';
    let mid = '';
    if (href) {
      try {
        const path = new URL(decodeEntities(href)).pathname.replace(/\/+$/, '');
        mid = unescapeMessageId(path.slice(path.lastIndexOf('/') + 1));
      } catch {
        mid = '';
      }
    }
    if (/\s/.test(mid)) mid = '';
    if (!mid) {
      problems.push(malformed(`an entry without a message link (title ${JSON.stringify(title.slice(0, 60))})`));
      continue;
    }
    if (seen.has(mid)) continue;
    seen.add(mid);
    entries.push({ messageId: mid, title, updated });
  }
  return { ok: true, entries, problems };
}
