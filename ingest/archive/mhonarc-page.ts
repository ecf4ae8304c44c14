// A MHonArc message page (spinics.net and many list archives) as a PageMessage. MHonArc keeps the
// header fields it indexes in comments before <html> (X-Subject, X-From-R13, X-Date,
// X-Message-Id, one X-Reference per References/In-Reply-To ID; values HTML-escaped), shows the
// header fields in a list between `<!--X-Head-of-Message-->` and its End, and the body between
// `<!--X-Body-of-Message-->` and its End: text/plain in <pre>, format=flowed as <tt> lines (a
// soft break keeps its trailing space) with quoted text in <blockquote>.
// With SPAMMODE (spinics) every address, in headers and body, reads "user@xxxxxx"; the real
// From survives in X-From-R13. Only the comments before the first `<!--X-Head-End-->` count.
// Bodies show an mbox's ">From " quoting, which is undone. Pure.
import { load } from 'cheerio';
import type { Diagnostic, Obfuscation, PageMessage, PageMessageId } from '../types.ts';
import { decodeEntities } from './decode-entities.ts';
import { decodeR13 } from './mhonarc-r13.ts';
import { pageAddresses } from './page-address.ts';
import { pageComments } from './page-comments.ts';
import { readPageDate } from './page-date.ts';
import { readPageId } from './page-message-id.ts';
import { pageText } from './page-text.ts';

/** The text between two MHonArc marker comments, or null. */
function between(html: string, start: string, end: string): string | null {
  const i = html.indexOf(start);
  if (i < 0) return null;
  const j = html.indexOf(end, i + start.length);
  return j < 0 ? null : html.slice(i + start.length, j);
}

/** Read a MHonArc message page. `source` is the page's URL or file, `version` MHonArc's. */
export function mhonarcPage(html: string, source: string, version: string): PageMessage {
  const diagnostics: Diagnostic[] = [];
  const obfuscated: Obfuscation[] = [];
  const headEnd = html.indexOf('<!--X-Head-End-->');
  const fields = new Map<string, string[]>();
  for (const c of pageComments(html, headEnd < 0 ? 0 : headEnd)) {
    const m = c.text.match(/^X-([A-Za-z0-9-]+):\s?([\s\S]*?)\s*$/);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    fields.set(key, [...(fields.get(key) ?? []), decodeEntities(m[2]!)]);
  }
  const comment = (k: string): string => fields.get(k)?.[0] ?? '';

  // The visible header list: "<li><em>Name</em>: value</li>".
  const shown = new Map<string, string>();
  const headHtml = between(html, '<!--X-Head-of-Message-->', '<!--X-Head-of-Message-End-->');
  if (headHtml !== null) {
    const $h = load(headHtml, null, false);
    $h('li').each((_, li) => {
      const name = $h(li).children('em').first().text().trim().toLowerCase();
      if (name && !shown.has(name)) shown.set(name, $h(li).text().replace(/^[^:]*:\s*/, '').replace(/\s+/g, ' ').trim());
    });
  } else {
    diagnostics.push({ code: 'page/incomplete', message: 'MHonArc page without its header list (<!--X-Head-of-Message-->)', source });
  }

  const messageId = readPageId(comment('message-id'), 'plain');
  // X-Reference: References then In-Reply-To, as MHonArc collects them; In-reply-to shown apart.
  const refs: PageMessageId[] = (fields.get('reference') ?? []).map((r) => readPageId(r, 'plain')).filter((r) => r.state !== 'missing');
  const irtShown = (shown.get('in-reply-to') ?? '').match(/<([^<>\s]+)>/)?.[1] ?? '';
  let inReplyTo: PageMessageId | null = irtShown ? readPageId(irtShown, 'plain') : refs[refs.length - 1] ?? null;
  if (inReplyTo && !refs.some((r) => r.id === inReplyTo!.id)) refs.push(inReplyTo);
  if (inReplyTo) {
    // The parent is last, as Message.references orders them.
    const parent = inReplyTo;
    refs.splice(refs.findIndex((r) => r.id === parent.id), 1);
    refs.push(parent);
  }
  if (inReplyTo?.state === 'missing') inReplyTo = null;

  const subject = (comment('subject') || shown.get('subject') || load(html)('h1').first().text()).replace(/\s+/g, ' ').trim();

  // The real From from X-From-R13; the x-ed one shown only when that is missing.
  const r13 = comment('from-r13');
  const fromReal = r13 ? pageAddresses(decodeR13(r13))[0] : undefined;
  const fromShown = pageAddresses(shown.get('from') ?? '')[0];
  const from = fromReal?.address.email ? fromReal : fromShown;
  if (fromShown?.hidden) obfuscated.push({ field: 'from', how: fromShown.hidden.how, restored: from === fromReal && !fromReal?.hidden });
  const list = (k: 'to' | 'cc') => {
    const got = pageAddresses(shown.get(k) ?? '');
    const hidden = got.find((a) => a.hidden);
    if (hidden) obfuscated.push({ field: k, how: hidden.hidden!.how, restored: false });
    return got.map((a) => a.address);
  };
  const to = list('to');
  const cc = list('cc');

  let date = readPageDate(shown.get('date') ?? '', 'second');
  if (date.ms === null && comment('date')) date = readPageDate(comment('date'), 'second');

  let body = '';
  const bodyHtml = between(html, '<!--X-Body-of-Message-->', '<!--X-Body-of-Message-End-->');
  if (bodyHtml === null) {
    diagnostics.push({ code: 'page/incomplete', message: 'MHonArc page without its body (<!--X-Body-of-Message-->)', source });
  } else {
    const $b = load(bodyHtml, null, false);
    // format=flowed: each <tt> is one line; a soft break (trailing space) joins it to the next.
    $b('tt').each((_, tt) => {
      const t = $b(tt).text();
      if (/ \n$/.test(t) && t !== '-- \n') $b(tt).text(t.slice(0, -1));
    });
    // MHonArc reads mbox files without undoing their ">From " quoting.
    body = pageText($b.root().toArray(), { sourceNewlines: 'keep', nbsp: 'keep' }).replace(/^>(>*From )/gm, '$1');
    if (/[\w.+-]@x{3,}\b/.test(body)) obfuscated.push({ field: 'body', how: 'x-domain', restored: false });
  }
  if (messageId.state !== 'complete') {
    diagnostics.push({ code: 'page/message-id', message: messageId.state === 'missing' ? 'MHonArc page without X-Message-Id' : `MHonArc page's Message-ID is damaged: ${messageId.written}`, source, found: messageId.written.slice(0, 120) });
  }
  return {
    generator: 'mhonarc',
    version,
    provenance: { source, anchor: '' },
    messageId,
    references: refs,
    inReplyTo,
    subject,
    from: from?.address ?? { name: '', email: '' },
    to,
    cc,
    date,
    body,
    obfuscated,
    listId: '',
    diagnostics,
  };
}
