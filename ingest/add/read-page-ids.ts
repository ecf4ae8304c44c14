// Which messages a fetched or saved page names: from an archive page, the Message-IDs of the
// messages it shows (only those the page gives whole: a damaged one names nothing), then those it
// links to (a thread overview, a Patchwork series); from mail (a raw message, an mbox, a header
// block), the Message-ID fields; from a page no archive reader knows, "Message-ID: <...>" lines
// in its text (a site showing the headers). Pure; it fetches nothing and imports nothing.
import { decodeEntities } from '../archive/decode-entities.ts';
import { decodePage } from '../archive/decode-page.ts';
import { placeholderId } from '../archive/page-message-id.ts';
import { parsePage } from '../archive/parse-page.ts';
import { fieldValues, headerBlock } from '../message/header-block.ts';
import { bracketedIds, parseMessageId } from '../message/message-id.ts';
import { MboxSplitter } from '../source/split-mbox.ts';
import type { Diagnostic, PageFacts, PageRecognition } from '../types.ts';

/** What a page names. */
export interface PageIds {
  /** Message-IDs it names, without duplicates: the messages it shows first, in page order, then
   *  those it links to. */
  messageIds: string[];
  /** Where they were read: the page's own markup, or header fields (mail, or a page showing
   *  them). */
  via: 'page' | 'headers';
  /** What the body is: an archive page as recognised, or mail. */
  recognition: PageRecognition;
  /** Messages shown on it that an import would recover (an archive page's; 0 for mail). */
  messages: number;
  /** Of those, how many carry no usable Message-ID (damaged, made up, missing). */
  unusable: number;
  /** Those messages as the page shows them (to search for them), each with the ID its page copy
   *  is stored under (a placeholder; null when the page shows none). */
  withoutId: Array<PageFacts & { storedAs: string | null }>;
  /** Problems reading it (foreign HTML, an index page). */
  diagnostics: Diagnostic[];
}

/** The Message-IDs of the messages in mail bytes (one message or an mbox). */
function mailIds(bytes: Buffer, source: string): string[] {
  const splitter = new MboxSplitter('auto', source);
  const ids: string[] = [];
  for (const rec of [...splitter.push(bytes), ...splitter.end()]) {
    const block = headerBlock(rec.bytes);
    const id = parseMessageId(fieldValues(block, 'message-id')).id;
    if (id) ids.push(id);
  }
  return ids;
}

/** "Message-ID: <...>" lines in a page's text (its markup taken out). */
function headerLineIds(text: string): string[] {
  const plain = decodeEntities(text.replace(/<[^>]*>/g, ''));
  const ids: string[] = [];
  for (const m of plain.matchAll(/^[ \t]*Message-ID:[ \t]*(<[^<>\s]+>)/gim)) ids.push(...bracketedIds(m[1]!));
  return ids;
}

/** Read what `bytes` (fetched from or saved as `source`) names. `holds` says what the site
 *  serves there (ingest/add/page-fetch.ts); a saved file is read as a page. */
export function readPageIds(bytes: Buffer, source: string, holds: 'page' | 'mail' | 'headers'): PageIds {
  const unique = (ids: string[]) => [...new Set(ids)];
  const mail = (ids: string[]): PageIds => ({ messageIds: unique(ids), via: 'headers', recognition: { kind: 'mail' }, messages: 0, unusable: 0, withoutId: [], diagnostics: [] });
  const text = decodePage(bytes).text;
  // A site's view of a message may be the mail, or a page showing its header fields.
  if (holds !== 'page') return mail(/^\s*</.test(text) ? headerLineIds(text) : mailIds(bytes, source));
  const page = parsePage(text, source);
  const r = page.recognition;
  if (r.kind === 'mail') return mail(mailIds(bytes, source));
  if (r.kind === 'foreign') {
    const shown = headerLineIds(text);
    if (shown.length) return { ...mail(shown), recognition: r };
  }
  const whole = page.messages.filter((m) => m.messageId.state === 'complete');
  const rest = page.messages.filter((m) => m.messageId.state !== 'complete');
  return {
    messageIds: unique([...whole.map((m) => m.messageId.id), ...page.mentions]),
    via: 'page',
    recognition: r,
    messages: page.messages.length,
    unusable: rest.length,
    withoutId: rest.map((m) => ({ messageId: m.messageId, subject: m.subject, from: m.from, date: m.date, storedAs: placeholderId(m.messageId) })),
    diagnostics: page.diagnostics,
  };
}
