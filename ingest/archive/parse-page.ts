// An archive web page -> the messages on it (PageParse): recognise the generator
// (recognise-page.ts), then read the page with that generator's module (hypermail-page.ts,
// mhonarc-page.ts, public-inbox-page.ts, public-inbox-thread-page.ts, patchwork-page.ts). Index
// pages give no message, only the Message-IDs they link to; foreign HTML gives a diagnostic.
// Pure over the page's text (decode-page.ts turns bytes into it); never throws on what a page
// holds. It fetches nothing and stores nothing.
import { load } from 'cheerio';
import type { Diagnostic, PageMessage, PageParse } from '../types.ts';
import { hypermailPage } from './hypermail-page.ts';
import { mhonarcPage } from './mhonarc-page.ts';
import { patchworkLinkId, patchworkPage } from './patchwork-page.ts';
import { hrefMessageId, publicInboxPage } from './public-inbox-page.ts';
import { publicInboxThreadPage } from './public-inbox-thread-page.ts';
import { placeholderId } from './page-message-id.ts';
import { recognisePage } from './recognise-page.ts';

/** The Message-IDs an index page links to (Patchwork's patch list, public-inbox's listings). */
function indexMentions(text: string): string[] {
  const $ = load(text);
  const out = new Set<string>();
  $('a[href]').each((_, a) => {
    const href = $(a).attr('href') ?? '';
    const id = patchworkLinkId(href) ?? hrefMessageId(href);
    if (id) out.add(id);
  });
  return [...out];
}

/** Read an archive page. `source` names it in provenance and diagnostics: its URL, or its file
 *  as a file: URL or path. */
export function parsePage(text: string, source: string): PageParse {
  const recognition = recognisePage(text);
  const diagnostics: Diagnostic[] = [];
  let messages: PageMessage[] = [];
  let mentions: string[] = [];
  switch (recognition.kind) {
    case 'mail':
      break;
    case 'foreign':
      diagnostics.push({ code: 'page/foreign', message: `not an archive page patchlore reads: ${recognition.reason}`, source });
      break;
    case 'index':
      mentions = indexMentions(text);
      diagnostics.push({
        code: 'page/index',
        message: `${recognition.generator} ${recognition.what}: an index holds no message` + (mentions.length ? `; it links to ${mentions.length} messages by Message-ID` : ''),
        source,
      });
      break;
    case 'messages':
      switch (recognition.generator) {
        case 'hypermail':
          messages = [hypermailPage(text, source, recognition.version)];
          break;
        case 'mhonarc':
          messages = [mhonarcPage(text, source, recognition.version)];
          break;
        case 'public-inbox': {
          const r = publicInboxPage(text, source);
          messages = [r.message];
          mentions = r.mentions;
          break;
        }
        case 'public-inbox-thread': {
          const r = publicInboxThreadPage(text, source);
          messages = r.messages;
          diagnostics.push(...r.diagnostics);
          break;
        }
        case 'patchwork': {
          const r = patchworkPage(text, source);
          messages = r.messages;
          mentions = r.mentions;
          diagnostics.push(...r.diagnostics);
          break;
        }
      }
  }
  for (const m of messages) {
    // Diagnostics name the message by the ID it is stored under (a placeholder for a damaged one).
    const id = placeholderId(m.messageId);
    for (const d of m.diagnostics) {
      d.source ??= source;
      if (id) d.messageId ??= id;
    }
  }
  return { recognition, messages, mentions, diagnostics };
}
