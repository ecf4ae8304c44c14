// A Patchwork patch or cover letter page (/project/<p>/patch|cover/<msgid>/; patchwork.kernel.org)
// as PageMessages. Patchwork shows the Message-ID in its "patch-meta" table and the submission's
// whole header block under "Headers" (From, To, Cc, Subject, Date, Message-Id, In-Reply-To,
// References as received), the message text in the first .submission-message, the patch apart
// in #patch. The body is rebuilt as text, a blank line, the patch; Patchwork keeps no signature
// ("-- \n2.x", after a patch or ending a cover letter). Comments follow with their author and date (to the
// minute) but neither Message-ID nor subject: each becomes a message without a Message-ID, about
// the submission (Patchwork files a reply under its patch, not under the reply it answers).
// Links to the series' other patches are mentions. Pure.
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Diagnostic, Obfuscation, PageAddress, PageMessage, PageMessageId } from '../types.ts';
import { decodeWords } from '../message/address-list.ts';
import { bracketedIds } from '../message/message-id.ts';
import { pageAddresses } from './page-address.ts';
import { readPageDate } from './page-date.ts';
import { readPageId } from './page-message-id.ts';
import { preLines } from './pre-lines.ts';
import { headerFields } from './public-inbox-page.ts';
import { pageText } from './page-text.ts';

/** A submission or comment's <pre class="content"> as text, without the newline and indentation
 *  the template puts before </pre> (and no final newline). */
function content($: CheerioAPI, pre: Cheerio<Element>): string {
  return pageText(pre.toArray(), { sourceNewlines: 'keep', nbsp: 'keep' }).replace(/\n {2}\n$/, '\n').replace(/\n+$/, '');
}

/** The Message-ID a Patchwork link names: /project/<p>/patch|cover/<msgid>/. */
export function patchworkLinkId(href: string): string | null {
  const m = href.match(/\/project\/[^/]+\/(?:patch|cover)\/([^/?#]+)\/?(?:[?#].*)?$/);
  if (!m || !m[1]!.includes('@')) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

/** Read a Patchwork submission page. `source` is the page's URL or file. */
export function patchworkPage(html: string, source: string): { messages: PageMessage[]; mentions: string[]; diagnostics: Diagnostic[] } {
  const $ = load(html);
  const diagnostics: Diagnostic[] = [];
  const obfuscated: Obfuscation[] = [];
  const meta = $('#patch-meta');
  const shownId = meta.find('tr').first().find('td').first().text().trim().split(/\s+/)[0] ?? '';
  const head = headerFields(preLines($('#patch-headers pre').first().contents().toArray()));
  if (!head.size) diagnostics.push({ code: 'page/incomplete', message: 'Patchwork page without the submission\'s headers ("Headers" row)', source });

  const headerId = bracketedIds(head.get('message-id') ?? '')[0] ?? '';
  const messageId = readPageId(headerId || shownId, 'plain');
  const refs = bracketedIds(head.get('references') ?? '');
  const irt = bracketedIds(head.get('in-reply-to') ?? '')[0] ?? null;
  const references: PageMessageId[] = refs.filter((r) => r !== irt && r !== messageId.id).map((r) => readPageId(r, 'plain'));
  if (irt && irt !== messageId.id) references.push(readPageId(irt, 'plain'));
  const inReplyTo = irt ? readPageId(irt, 'plain') : references[references.length - 1] ?? null;

  const addresses = (k: 'from' | 'to' | 'cc') => {
    const got = pageAddresses(head.get(k) ?? '');
    const hidden = got.find((a) => a.hidden);
    if (hidden) obfuscated.push({ field: k, how: hidden.hidden!.how, restored: hidden.hidden!.restored });
    return got.map((a) => a.address);
  };
  const messages = $('.submission-message').toArray();
  const first = messages[0] ? $(messages[0]) : null;
  let from: PageAddress = addresses('from')[0] ?? { name: '', email: '' };
  if (!from.name && !from.email && first) from = { name: first.find('.meta span').first().text().trim(), email: '' };
  const subject = decodeWords(head.get('subject') ?? '').replace(/\s+/g, ' ').trim() || $('h1').first().text().replace(/\s+/g, ' ').trim();
  let date = readPageDate(head.get('date') ?? '', 'second');
  if (date.ms === null && first) date = readPageDate(first.find('.message-date').first().text(), 'minute');

  const text = first ? content($, first.find('pre.content').first()) : '';
  // Patchwork joins a hunk header's "@@ ... @@" and its context (which starts with its own space)
  // with one more space (templatetags/syntax.py patchsyntax): take it out again.
  $('#patch span.p_chunk').each((_, el) => {
    const gap = el.next;
    const after = gap?.next;
    const context = after?.type === 'tag' && (after as Element).attribs.class === 'p_context';
    if (gap?.type === 'text' && (gap as unknown as { data: string }).data === ' ' && context) $(gap).remove();
  });
  const patch = content($, $('#patch pre.content').first());
  const body = [text, patch].filter((t) => t.length > 0).join('\n\n');
  if (!first) diagnostics.push({ code: 'page/incomplete', message: 'Patchwork page without the submission\'s message (.submission-message)', source });
  const listId = (head.get('list-id') ?? '').match(/<([^<>\s]+)>/)?.[1]?.toLowerCase() ?? '';
  const own: Diagnostic[] = [];
  if (messageId.state !== 'complete') own.push({ code: 'page/message-id', message: 'Patchwork page without a Message-ID', source, found: messageId.written });
  const out: PageMessage[] = [
    {
      generator: 'patchwork',
      version: '',
      provenance: { source, anchor: '' },
      messageId,
      references,
      inReplyTo,
      subject,
      from,
      to: addresses('to'),
      cc: addresses('cc'),
      date,
      body: body ? body + '\n' : '',
      obfuscated,
      listId,
      diagnostics: own,
    },
  ];

  // Comments: author, date, text; no Message-ID, no subject.
  messages.slice(1).forEach((el, i) => {
    const c = $(el);
    const anchor = c.prev('a[name]').attr('name') ?? String(i + 1);
    const metaText = c.find('.meta').first();
    const name = metaText.find('a').first().text().trim() || metaText.clone().children().remove().end().text().trim();
    const when = metaText.find('.message-date').first().text().replace(/\|[\s\S]*$/, '').trim();
    const about = messageId.state === 'complete' ? [messageId] : [];
    out.push({
      generator: 'patchwork',
      version: '',
      provenance: { source, anchor },
      messageId: { id: '', state: 'missing', written: '' },
      references: about,
      inReplyTo: about[0] ?? null,
      subject: '',
      from: { name, email: '' },
      to: [],
      cc: [],
      date: readPageDate(when, 'minute'),
      body: (() => {
        const t = content($, c.find('pre.content').first());
        return t ? t + '\n' : '';
      })(),
      obfuscated: [{ field: 'from', how: 'name-only', restored: false }],
      listId,
      diagnostics: [
        { code: 'page/message-id', message: 'a Patchwork comment: the page shows no Message-ID for it', source, locator: `#${anchor}` },
        { code: 'page/parent', message: 'a Patchwork comment is filed under its patch; which message it answers is not shown', source, locator: `#${anchor}` },
      ],
    });
  });

  const mentions = new Set<string>();
  $('a[href]').each((_, a) => {
    const id = patchworkLinkId($(a).attr('href') ?? '');
    if (id && id !== messageId.id) mentions.add(id);
  });
  return { messages: out, mentions: [...mentions], diagnostics };
}
