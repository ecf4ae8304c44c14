// A public-inbox thread page, /T/ (flat) or /t/ (nested), as one PageMessage per message on it.
// Each message is a <pre> that starts with its anchor (id=m<sha1 of its Message-ID>) and subject,
// then its place in the thread (parent above, "@ " on its own line, replies below, linked by
// anchor), then "From: Name @ 2024-04-11 12:25 UTC (permalink / raw)" with the permalink naming
// its Message-ID, "To:"/"Cc:" as names or local parts, a blank line, the body, and a "^" anchor
// line. Lost against a message page: addresses (names only), seconds and zone of the date.
// Pure.
import { createHash } from 'node:crypto';
import { load } from 'cheerio';
import type { Diagnostic, Obfuscation, PageAddress, PageMessage, PageMessageId } from '../types.ts';
import { readPageDate } from './page-date.ts';
import { readPageId } from './page-message-id.ts';
import { preLines, type PreLine } from './pre-lines.ts';
import { hrefMessageId, inboxListId } from './public-inbox-page.ts';
import { ancestorsOfCurrent, overviewEntries } from './thread-overview.ts';

const ANCHOR = /^m([0-9a-f]{40})$/;
const FROM_LINE = /^From: (.*) @ (\d{4}-\d\d-\d\d [ \d]\d:\d\d UTC)\b/;

/** public-inbox's anchor of a message: "m" and the SHA-1 of its Message-ID (WWW's id_compress
 *  of ids it cannot use as they are). */
function anchorOf(messageId: string): string {
  return 'm' + createHash('sha1').update(messageId).digest('hex');
}

/** "To: a, b" shown as names or local parts: names only. */
function names(value: string): PageAddress[] {
  return value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0)
    .map((name) => ({ name, email: '' }));
}

/** Read a public-inbox /T/ or /t/ page. `source` is the page's URL or file. */
export function publicInboxThreadPage(html: string, source: string): { messages: PageMessage[]; diagnostics: Diagnostic[] } {
  const $ = load(html);
  const listId = inboxListId($);
  const diagnostics: Diagnostic[] = [];
  type Block = { anchor: string; lines: PreLine[] };
  const blocks: Block[] = [];
  for (const pre of $('pre').toArray()) {
    const lines = preLines($(pre).contents().toArray());
    const anchor = lines[0]?.ids.find((id) => ANCHOR.test(id));
    if (anchor) blocks.push({ anchor, lines });
  }
  // Anchor -> Message-ID, from each message's permalink.
  const byAnchor = new Map<string, string>();
  const fromLine = (b: Block) => b.lines.findIndex((l) => FROM_LINE.test(l.text));
  for (const b of blocks) {
    const i = fromLine(b);
    const mid = i < 0 ? null : b.lines[i]!.hrefs.map(hrefMessageId).find((m) => m !== null) ?? null;
    if (mid) byAnchor.set(b.anchor, mid);
  }
  const resolve = (href: string): string | null => (href.startsWith('#m') ? byAnchor.get(href.slice(1)) ?? null : hrefMessageId(href));

  const messages: PageMessage[] = [];
  for (const b of blocks) {
    const where = { source, locator: `#${b.anchor}` };
    const own: Diagnostic[] = [];
    const obfuscated: Obfuscation[] = [];
    const at = fromLine(b);
    if (at < 0) {
      diagnostics.push({ code: 'page/incomplete', message: 'a message of a public-inbox thread page without its "From: ... (permalink / raw)" line', ...where });
      continue;
    }
    const mid = byAnchor.get(b.anchor) ?? '';
    const messageId = readPageId(mid, 'plain');
    if (mid && anchorOf(mid) !== b.anchor) {
      own.push({ code: 'page/message-id', message: `the permalink's Message-ID does not hash to the message's anchor ${b.anchor}; the permalink is taken`, ...where, found: mid.slice(0, 120) });
    }
    const [, fromName, when] = FROM_LINE.exec(b.lines[at]!.text)!;
    // Headers: "  To: ...", "  Cc: ...", continued by tab-indented lines, up to a blank line.
    let end = at + 1;
    const head: Record<string, string> = {};
    let last = '';
    for (; end < b.lines.length && b.lines[end]!.text.trim() !== ''; end++) {
      const t = b.lines[end]!.text;
      const m = t.match(/^\s+(To|Cc):\s*(.*)$/);
      if (m) head[(last = m[1]!.toLowerCase())] = m[2]!;
      else if (last) head[last] += ' ' + t.trim();
    }
    const stop = b.lines.findIndex((l) => l.ids.some((id) => id === `e${b.anchor.slice(1)}`));
    const bodyLines = b.lines.slice(end + 1, stop < 0 ? b.lines.length : stop).map((l) => l.text);
    const body = bodyLines.join('\n').replace(/\n+$/, '');

    const context = overviewEntries(b.lines.slice(0, at), resolve);
    const ancestors = ancestorsOfCurrent(context) ?? [];
    const parent = ancestors.length ? ancestors[ancestors.length - 1]! : undefined;
    if (parent === null) own.push({ code: 'page/parent', message: 'the message answers one the page does not link to (not archived): its parent is unknown', ...where });
    const references: PageMessageId[] = ancestors.filter((a): a is string => a !== null).map((a) => readPageId(a, 'plain'));
    const to = names(head.to ?? '');
    const cc = names(head.cc ?? '');
    obfuscated.push({ field: 'from', how: 'name-only', restored: false });
    if (to.length) obfuscated.push({ field: 'to', how: 'name-only', restored: false });
    if (cc.length) obfuscated.push({ field: 'cc', how: 'name-only', restored: false });
    messages.push({
      generator: 'public-inbox-thread',
      version: '',
      provenance: { source, anchor: b.anchor },
      messageId,
      references,
      inReplyTo: parent ? readPageId(parent, 'plain') : null,
      subject: b.lines[0]!.text.replace(/^\*\s*/, '').replace(/\s+/g, ' ').trim(),
      from: { name: fromName!.trim(), email: '' },
      to,
      cc,
      date: readPageDate(when!, 'minute'),
      body: body ? body + '\n' : '',
      obfuscated,
      listId,
      diagnostics: own,
    });
  }
  if (blocks.length === 0) diagnostics.push({ code: 'page/incomplete', message: 'public-inbox thread page without any message on it', source });
  return { messages, diagnostics };
}
