// What a page is, from the marks its generator leaves: hypermail's generator <meta> and its
// `<!-- id="..." -->` / `<!-- body="start" -->` comments, MHonArc's leading `<!-- MHonArc v... -->`
// and `<!--X-Message-Id: -->`, public-inbox's `<pre id=b>` message and `id=m<sha1>` thread
// anchors, Patchwork's `patch-meta` table. Mail handed in as a page (public-inbox's /raw) is
// told apart too. Pure: reads the text only; parse-page.ts reads the page once it is known.
import type { PageRecognition } from '../types.ts';

/** How far into a page the marks are looked for. The marks all sit in the first few kilobytes
 *  (MHonArc's comment block, hypermail's <head>), except Patchwork's table after its navigation. */
const SNIFF_CHARS = 64 * 1024;

/** A header field line, as mail starts ("From " is the mbox separator). */
const MAIL_START = /^(?:From \S|[A-Za-z][A-Za-z0-9-]*:[ \t])/;

/** Recognise a page from its text. */
export function recognisePage(text: string): PageRecognition {
  const head = text.slice(0, SNIFF_CHARS);
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('<')) {
    return MAIL_START.test(start) ? { kind: 'mail' } : { kind: 'foreign', reason: 'not HTML: it does not start with a tag' };
  }

  const mhonarc = start.match(/^<!--\s*MHonArc v([\w.+-]+)\s*-->/);
  if (mhonarc) {
    const version = mhonarc[1]!;
    if (/<!--X-Message-Id:|<!--X-Body-of-Message-->/.test(head)) return { kind: 'messages', generator: 'mhonarc', version };
    const title = head.match(/<title>([^<]*)<\/title>/i)?.[1]?.trim() ?? 'index';
    return { kind: 'index', generator: 'mhonarc', version, what: title };
  }

  const hypermail = head.match(/<meta\s+name="generator"\s+content="hypermail\s+([\w.+-]+)/i);
  if (hypermail) {
    const version = hypermail[1]!;
    if (/<!-- (?:id|body)="/.test(text)) return { kind: 'messages', generator: 'hypermail', version };
    const title = head.match(/<title>[^<:]*:\s*([^<]*)<\/title>/i)?.[1]?.trim() ?? 'index';
    return { kind: 'index', generator: 'hypermail', version, what: title };
  }

  if (/<table[^>]*\bid="?patch-meta\b/.test(text)) return { kind: 'messages', generator: 'patchwork', version: '' };
  if (/<title>[^<]*- Patchwork<\/title>/i.test(head) || /class="navbar-brand"[^>]*>Patchwork</.test(text)) {
    const listsPatches = /href="[^"]*\/project\/[^/"]+\/(?:patch|cover)\/[^"]+\/"/.test(text);
    return listsPatches
      ? { kind: 'index', generator: 'patchwork', version: '', what: 'patch list' }
      : { kind: 'foreign', reason: 'a Patchwork page that holds no patch, cover letter or patch list' };
  }

  // public-inbox: a message page shows the headers in <pre id=b>; a thread page (/T/, /t/)
  // anchors each message as id=m<sha1 of its Message-ID>.
  if (/<pre\s+id=["']?b\b/.test(text) && /\nMessage-ID: &lt;/.test(text)) return { kind: 'messages', generator: 'public-inbox', version: '' };
  if (/\bid=["']?m[0-9a-f]{40}\b/.test(text) && /messages? in thread/.test(text)) return { kind: 'messages', generator: 'public-inbox-thread', version: '' };
  if (/public inbox for |This is a public inbox, see /.test(text)) {
    return { kind: 'index', generator: 'public-inbox', version: '', what: head.match(/<title>([^<]*)<\/title>/i)?.[1]?.trim() ?? 'index' };
  }
  return { kind: 'foreign', reason: 'HTML that no known archive generator (hypermail, MHonArc, public-inbox, Patchwork) wrote' };
}
