// A remark plugin for topic pages: `[[<msgid>]]`, `[[<msgid>|fragment]]` and pasted message URLs
// of kernel.org's archives (lore.kernel.org/<list>/<msgid>/, /r/, /all/, patch.msgid.link/,
// lkml.kernel.org/r/, marc.info/?i=; ingest/lore/parse-archive-url.ts reads them) become
// citations: alone in a paragraph, a card (the quoted words, author, date, local and lore links,
// a cite button); inside a sentence, a short "Author, date" link. Every citation must resolve:
// those that do not are collected with their line, and the caller fails the build on them.
// Mail text reaches the page only as text nodes (escaped by rehype). Pure, given `resolve`.
import type { Link, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { formatCitation } from '../discussion/format-citation.ts';
import type { Citation } from '../types.ts';
import { lorePermalink, unescapeMessageId } from '../lore/lore-url.ts';
import { KERNEL_ARCHIVES, parseArchiveUrl } from '../lore/parse-archive-url.ts';
import { topicProblem, type TopicProblem } from './read-topic.ts';

export interface ResolvedCitation extends Citation {
  /** The local page of the message (its permalink in the built site). */
  href: string;
}

export interface CitationOptions {
  /** The citation of a Message-ID, optionally narrowed to a fragment; an error message when it
   *  cannot be made. */
  resolve(mid: string, fragment?: string): ResolvedCitation | string;
  /** The topic file, and the line of it the Markdown given to the processor starts on. */
  file: string;
  firstLine: number;
  /** Where problems go ('topic/citation', at their line of the file). */
  problems: TopicProblem[];
  /** Message-IDs cited, in order. */
  cited?: string[];
}

/** `[[msgid]]` and `[[msgid|fragment]]` as written in a topic. */
export const WIKI = /\[\[\s*<?([^\]|<>\s]+@[^\]|<>\s]+?)>?\s*(?:\|\s*([^\]]+?)\s*)?\]\]/g;
/** What `[[...]]` is rewritten to before parsing (so no Markdown extension reads the
 *  Message-ID as an address): a link with this scheme, on the same line. */
export const CITE_SCHEME = 'patchlore-cite:';

/** The Message-ID a link's URL names on kernel.org's archives, else null. */
function citedUrl(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  const u = parseArchiveUrl(url);
  return u.kind === 'message' && KERNEL_ARCHIVES.has(u.source) && u.messageId.includes('@') ? u.messageId : null;
}

/** `[[msgid|fragment]]` as a link the Markdown parser leaves alone. */
export function protectWikiCitations(markdown: string): string {
  return markdown.replace(WIKI, (_, mid: string, fragment: string | undefined) => {
    const q = fragment ? `?q=${encodeURIComponent(fragment)}` : '';
    return `[cite](${CITE_SCHEME}${encodeURIComponent(mid)}${q})`;
  });
}

function wikiTarget(url: string): { mid: string; fragment?: string } | null {
  if (!url.startsWith(CITE_SCHEME)) return null;
  const [mid, q] = url.slice(CITE_SCHEME.length).split('?q=');
  return { mid: unescapeMessageId(mid!), ...(q ? { fragment: unescapeMessageId(q) } : {}) };
}

/** An mdast node that becomes the given HTML element. */
function el(hName: string, hProperties: Record<string, string | string[]>, children: Array<RootContent | PhrasingContent>): Paragraph {
  return { type: 'paragraph', data: { hName, hProperties }, children: children as PhrasingContent[] };
}

const text = (value: string): Text => ({ type: 'text', value });
/** Links made here carry this mark, so the plugin never re-reads its own output. */
const MADE = { made: 'patchlore-citation' };
const link = (url: string, label: string, rel?: string): Link => ({
  type: 'link',
  url,
  children: [text(label)],
  data: { ...MADE, ...(rel ? { hProperties: { rel } } : {}) } as Link['data'],
});
const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : 'undated');

function card(c: ResolvedCitation): Paragraph {
  const cite = formatCitation(c, 'markdown');
  const quote: Array<RootContent | PhrasingContent> = [];
  if (c.answers) quote.push(el('p', { className: ['answers'] }, [text(`${c.answers.author}: ${c.answers.text}`)]));
  quote.push(el('p', {}, [text(c.text)]));
  return el('figure', { className: ['citation'], dataMessageId: c.messageId }, [
    el('blockquote', {}, quote),
    el('figcaption', {}, [
      text(`— ${c.author}, ${day(c.date)}, `),
      link(c.href, c.subject),
      text(' · '),
      link(lorePermalink(c.messageId), 'lore', 'noreferrer nofollow'),
      text(' '),
      el('button', { type: 'button', className: ['cite'], dataCite: cite, title: 'copy a Markdown citation' }, [text('cite')]),
    ]),
  ]);
}

function inline(c: ResolvedCitation): PhrasingContent {
  return {
    type: 'link',
    url: c.href,
    title: c.text.slice(0, 300),
    data: { ...MADE, hProperties: { className: ['cite-ref'], dataMessageId: c.messageId } } as Link['data'],
    children: [text(`${c.author}, ${day(c.date)}`)],
  };
}

export function remarkCitations(opts: CitationOptions) {
  return (tree: Root): void => {
    const resolveAt = (mid: string, fragment: string | undefined, line: number): ResolvedCitation | null => {
      const r = opts.resolve(mid, fragment);
      if (typeof r === 'string') {
        opts.problems.push(topicProblem('topic/citation', opts.file, line + opts.firstLine - 1, r));
        return null;
      }
      opts.cited?.push(r.messageId);
      return r;
    };
    // A paragraph that is only a citation becomes a card.
    visit(tree, 'paragraph', (p: Paragraph, index, parent) => {
      if (!parent || index === undefined) return;
      const only = p.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
      if (only.length !== 1) return;
      const n = only[0]!;
      const line = p.position?.start.line ?? 0;
      let target: { mid: string; fragment?: string } | null = null;
      if (n.type === 'link') {
        const cited = citedUrl(n.url);
        const label = n.children.length === 1 && n.children[0]!.type === 'text' ? n.children[0]!.value : '';
        target = wikiTarget(n.url) ?? (cited && (label === n.url || label === '') ? { mid: cited } : null);
      }
      if (!target) return;
      const c = resolveAt(target.mid, target.fragment, line);
      // Unresolved: reported once; the page keeps the words as written.
      parent.children[index] = c ? card(c) : { ...p, children: [text(n.type === 'link' && wikiTarget(n.url) ? `[[${target.mid}]]` : (n as Link).url)] };
      return 'skip';
    });
    // Citations inside sentences.
    visit(tree, 'link', (n: Link, index, parent) => {
      if (!parent || index === undefined || (n.data as { made?: string } | undefined)?.made === MADE.made) return;
      const wiki = wikiTarget(n.url);
      const cited = wiki ? null : citedUrl(n.url);
      if (!wiki && !cited) return;
      const c = resolveAt(wiki?.mid ?? cited!, wiki?.fragment, n.position?.start.line ?? 0);
      if (!c) {
        // Unresolved: the problem is reported; the page keeps the words as written.
        (parent.children as PhrasingContent[])[index] = text(wiki ? `[[${wiki.mid}]]` : n.url);
        return;
      }
      if (wiki) {
        (parent.children as PhrasingContent[])[index] = inline(c);
        return;
      }
      const label = n.children.length === 1 && n.children[0]!.type === 'text' ? n.children[0]!.value : '';
      // A pasted URL shows as "Author, date"; a link with words of its own keeps them.
      (parent.children as PhrasingContent[])[index] =
        label === n.url || !label ? inline(c) : { ...n, url: c.href, title: `${c.author}, ${day(c.date)}: ${c.text.slice(0, 300)}`, data: { ...n.data, ...MADE } as Link['data'] };
    });
  };
}
