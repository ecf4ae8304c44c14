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

/** What may follow a Message-ID in a public-inbox link (WWW.pm's message routes). */
const AFTER_ID = /^(?:|raw|T|t|t\.mbox\.gz|t\.atom|R)$/;

/**
 * The Message-ID a public-inbox link names: "../<msgid>/", "../../<msgid>/raw", or the absolute
 * URL a browser's "save page" may have written ("https://lore.kernel.org/nvdimm/<msgid>/"); the
 * ID MID_ESC-escaped (%2F for "/"). Null for links to anything else (mailto:, help, search).
 */
export function hrefMessageId(href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^(?:https?|file):/i.test(href)) return null;
  const segs = href.replace(/[?#].*$/, '').split('/');
  let i = segs.length - 1;
  while (i > 0 && AFTER_ID.test(segs[i]!)) i--;
  const seg = segs[i] ?? '';
  if (!seg.includes('@') || i === segs.length - 1) return null;
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
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
  const entries = overview ? overviewEntries(preLines($(overview).contents().toArray()), hrefMessageId) : [];
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
