// A hypermail message page (lkml.iu.edu's 2.1.x markup and the XHTML of 2.2 and later) as a
// PageMessage. The header fields come from the comments hypermail writes before the body
// (received=, sent=, name=, email=, subject=, id=, inreplyto=), the body from between
// `<!-- body="start" -->` and `<!-- body="end" -->`, where lines end in <br>, a blank line is a
// <p> (2.1) or a second <br> (2.4), leading spaces are &nbsp; and patches sit in <pre>.
// Only the comments before the body count: a comment later on the page is not hypermail's.
// Quirks: 2.4 runs its anti-spam rewriting over the Message-ID and In-Reply-To lines too
// (page-message-id.ts) and over addresses in the body ("peterx_at_xxxxxxxxxx"); 2.1 hides only
// the sender's address. Both show an mbox's ">From " quoting, which is undone. Pure.
import { load } from 'cheerio';
import type { Diagnostic, Obfuscation, PageMessage } from '../types.ts';
import { decodeEntities } from './decode-entities.ts';
import { pageAddress } from './page-address.ts';
import { pageComments } from './page-comments.ts';
import { readPageDate } from './page-date.ts';
import { readPageId } from './page-message-id.ts';
import { pageText } from './page-text.ts';

const BODY_START = '<!-- body="start" -->';
const BODY_END = '<!-- body="end" -->';

/** An address in a 2.4 body with "@" spelt "_at_": the domain x-ed, or a domain with a TLD (so
 *  identifiers such as set_pte_at_notify stay as they are). */
const BODY_AT = /([\w.+-]+)_at_(x{2,}|(?:[a-z0-9-]+\.)+[a-z]{2,})(?![\w.-]*\()/gi;

/** The header comments before the body: first occurrence of each name wins. */
function headerComments(html: string, end: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of pageComments(html, end)) {
    const m = c.text.match(/^\s*([a-z]+)="([\s\S]*)"\s*$/);
    if (m && !out.has(m[1]!)) out.set(m[1]!, decodeEntities(m[2]!));
  }
  return out;
}

/** Read a hypermail message page. `source` is the page's URL or file, `version` hypermail's. */
export function hypermailPage(html: string, source: string, version: string): PageMessage {
  const diagnostics: Diagnostic[] = [];
  const obfuscated: Obfuscation[] = [];
  const bodyStart = html.indexOf(BODY_START);
  const bodyEnd = bodyStart < 0 ? -1 : html.indexOf(BODY_END, bodyStart);
  const c = headerComments(html, bodyStart < 0 ? html.length : bodyStart);
  const $ = load(html.slice(0, bodyStart < 0 ? html.length : bodyStart));

  const messageId = readPageId(c.get('id') ?? '', 'spelt-out');
  if (messageId.state === 'truncated') obfuscated.push({ field: 'message-id', how: 'truncated', restored: false });
  const parentWritten = c.get('inreplyto') ?? '';
  const inReplyTo = parentWritten ? readPageId(parentWritten, 'spelt-out') : null;
  if (inReplyTo?.state === 'truncated') obfuscated.push({ field: 'references', how: 'truncated', restored: false });

  const subject = (c.get('subject') ?? $('h1').first().text()).replace(/\s+/g, ' ').trim();
  // name= and email= are the sender; the visible From line is the fallback.
  let name = c.get('name') ?? '';
  let email = c.get('email') ?? '';
  if (!name && !email) {
    const shown = $('.headers, #from').first().text().replace(/^\s*From:?\s*/i, '').replace(/\s*Date:[\s\S]*$/, '');
    const m = shown.match(/^(.*?)\s*[(<]([^()<>]*)[)>]\s*$/);
    name = m ? m[1]! : shown;
    email = m ? m[2]! : '';
  }
  const from = pageAddress(name, email);
  if (from.hidden) obfuscated.push({ field: 'from', ...from.hidden });

  let date = readPageDate(c.get('sent') ?? '', 'second');
  if (date.ms === null && c.has('isosent')) date = readPageDate(c.get('isosent')!, 'second');
  if (date.ms === null) {
    const shown = $('#date, .headers').first().text().match(/Date:?\s*([^\n]+)/)?.[1] ?? '';
    if (shown) date = readPageDate(shown, 'second');
  }

  let body = '';
  if (bodyStart < 0 || bodyEnd < 0) {
    diagnostics.push({ code: 'page/incomplete', message: `hypermail page without ${bodyStart < 0 ? BODY_START : BODY_END}: the body cannot be told from the page around it`, source, expected: BODY_START });
  } else {
    const $b = load(html.slice(bodyStart + BODY_START.length, bodyEnd), null, false);
    // 2.2+ repeat From and Date in an <address> and end with "Received on"; neither is the body.
    $b('address.headers, #received, a[name="start"]').remove();
    body = pageText($b.root().toArray(), { sourceNewlines: 'drop', nbsp: 'space' });
    // hypermail reads mbox files without undoing their ">From " quoting.
    body = body.replace(/^>(>*From )/gm, '$1');
    let hidden = false;
    body = body.replace(BODY_AT, (_, local: string, domain: string) => {
      if (/^x+$/i.test(domain)) hidden = true;
      return `${local}@${domain}`;
    });
    if (hidden) obfuscated.push({ field: 'body', how: 'x-domain', restored: false });
    else if (/@x{4,}\b/.test(body)) obfuscated.push({ field: 'body', how: 'x-domain', restored: false });
  }
  if (messageId.state !== 'complete') {
    diagnostics.push({
      code: 'page/message-id',
      message:
        messageId.state === 'made-up'
          ? `hypermail made up this Message-ID (the message had none, or reused one): ${messageId.written}`
          : messageId.state === 'truncated'
            ? `hypermail ${version} cut the Message-ID short (its anti-spam rewriting runs over the Message-ID line): ${messageId.written}`
            : 'the page carries no Message-ID',
      source,
      found: messageId.written.slice(0, 120),
    });
  }
  return {
    generator: 'hypermail',
    version,
    provenance: { source, anchor: '' },
    messageId,
    references: inReplyTo && inReplyTo.state !== 'missing' ? [inReplyTo] : [],
    inReplyTo: inReplyTo && inReplyTo.state !== 'missing' ? inReplyTo : null,
    subject,
    from: from.address,
    to: [],
    cc: [],
    date,
    body,
    obfuscated,
    listId: '',
    diagnostics,
  };
}
