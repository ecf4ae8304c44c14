// A public-inbox message page (lore.kernel.org/<list>/<msgid>/) as a PageMessage. The page shows
// the decoded From, To, Cc, Subject, Date, Message-ID and In-Reply-To, then the body, in
// <pre id=b>; below, the thread overview, whose lines above "[this message]" give the
// ancestors (References are not shown) and whose links name every message of the thread.
// Nothing is hidden unless the inbox obfuscates ("user@example•com"), which is undone. Pure.
import { load, type CheerioAPI } from 'cheerio';
import type { Diagnostic, Obfuscation, PageMessage, PageMessageId } from '../types.ts';
import { pageAddresses, unhideBullets } from './page-address.ts';
import { readPageDate } from './page-date.ts';
import { readPageId } from './page-message-id.ts';
import { preLines, type PreLine } from './pre-lines.ts';
import { ancestorsOfCurrent, overviewEntries } from './thread-overview.ts';

/** The Message-ID a link of a message page points at ("../<msgid>/", MID_ESC-escaped). */
export function hrefMessageId(href: string, up: string): string | null {
  if (!href.startsWith(up)) return null;
  const m = href.slice(up.length).match(/^([^/?#]+)\/(?:[#?].*)?$/);
  if (!m || !m[1]!.includes('@')) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

/** "Name: value" fields of header lines, continuation lines joined. */
export function headerFields(lines: readonly PreLine[]): Map<string, string> {
  const out = new Map<string, string>();
  let last = '';
  for (const l of lines) {
    if (/^[ \t]/.test(l.text) && last) {
      out.set(last, `${out.get(last)} ${l.text.trim()}`);
      continue;
    }
    const m = l.text.match(/^([A-Za-z][A-Za-z-]*):\s?(.*)$/);
    if (!m) continue;
    last = m[1]!.toLowerCase();
    if (!out.has(last)) out.set(last, m[2]!.trim());
    else last = '';
  }
  return out;
}

/** The list a public-inbox page belongs to: "public inbox for nvdimm@lists.linux.dev" gives the
 *  List-Id "nvdimm.lists.linux.dev"; '' when the page does not say. */
export function inboxListId($: CheerioAPI): string {
  const m = $('pre').first().text().match(/public inbox for ([\w.+-]+)@([\w.-]+)/);
  return m ? `${m[1]}.${m[2]}`.toLowerCase() : '';
}

/** Read a public-inbox message page. `source` is the page's URL or file. */
export function publicInboxPage(html: string, source: string): { message: PageMessage; mentions: string[] } {
  const $ = load(html);
  const diagnostics: Diagnostic[] = [];
  const obfuscated: Obfuscation[] = [];
  const lines = preLines($('pre#b').first().contents().toArray());
  const blank = lines.findIndex((l) => l.text.trim() === '');
  const head = headerFields(blank < 0 ? lines : lines.slice(0, blank));
  const bodyLines = blank < 0 ? [] : lines.slice(blank + 1).map((l) => l.text);
  if (blank < 0 || !head.has('message-id')) {
    diagnostics.push({ code: 'page/incomplete', message: 'public-inbox page without the header block of <pre id=b> (From, Subject, Date, Message-ID)', source });
  }

  const messageId = readPageId((head.get('message-id') ?? '').match(/<([^<>]+)>/)?.[1] ?? '', 'plain');
  const irtWritten = (head.get('in-reply-to') ?? '').match(/<([^<>]+)>/)?.[1] ?? '';
  const inReplyTo: PageMessageId | null = irtWritten ? readPageId(irtWritten, 'plain') : null;

  // The thread overview below the message: its ancestors and every message of the thread.
  const overview = $('pre')
    .toArray()
    .find((p) => /Thread overview:/.test($(p).text()));
  const entries = overview ? overviewEntries(preLines($(overview).contents().toArray()), (h) => hrefMessageId(h, '../')) : [];
  const ancestors = (ancestorsOfCurrent(entries) ?? []).filter((a): a is string => a !== null && a !== messageId.id);
  const references: PageMessageId[] = ancestors.map((a) => readPageId(a, 'plain'));
  if (inReplyTo) {
    const i = references.findIndex((r) => r.id === inReplyTo.id);
    if (i >= 0) references.splice(i, 1);
    references.push(inReplyTo);
  }
  const mentions = [...new Set(entries.map((e) => e.messageId).filter((m): m is string => m !== null && m !== messageId.id))];

  const addresses = (k: 'from' | 'to' | 'cc') => {
    const got = pageAddresses(head.get(k) ?? '');
    const hidden = got.find((a) => a.hidden);
    if (hidden) obfuscated.push({ field: k, how: hidden.hidden!.how, restored: hidden.hidden!.restored });
    return got.map((a) => a.address);
  };
  const from = addresses('from')[0] ?? { name: '', email: '' };
  const to = addresses('to');
  const cc = addresses('cc');

  let body = bodyLines.join('\n').replace(/\n+$/, '');
  body = body ? body + '\n' : '';
  const unhidden = unhideBullets(body);
  if (unhidden.changed) {
    body = unhidden.text;
    obfuscated.push({ field: 'body', how: 'spelt-out', restored: true });
  }
  return {
    message: {
      generator: 'public-inbox',
      version: '',
      provenance: { source, anchor: '' },
      messageId,
      references,
      inReplyTo,
      subject: (head.get('subject') ?? '').replace(/\s+/g, ' ').trim(),
      from,
      to,
      cc,
      date: readPageDate((head.get('date') ?? '').replace(/\s*\[thread overview\]\s*$/, ''), 'second'),
      body,
      obfuscated,
      listId: inboxListId($),
      diagnostics,
    },
    mentions,
  };
}
