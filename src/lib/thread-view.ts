// View model of a thread page: the tree outline and each message ready to render, with quotes
// marked for collapsing and diffs and signatures set apart. Pure: rows in, plain data out.
// Everything here is mail-controlled text; the page must render it as text, never as HTML.
import { formatCitation } from '../../ingest/discussion/format-citation.ts';
import { ownExcerpt } from '../../ingest/discussion/excerpt.ts';
import type { ThreadLink } from '../../ingest/read-models.ts';
import type { MessageRow, NodeRow, QuoteSourceRow, StatementSpanRow as StatementRow, StoredPart, ThreadRow } from '../../ingest/store/store-rows.ts';
import { lorePermalink } from '../../ingest/lore/lore-url.ts';
import { anchorHref, messageAnchor, messageHref, messagePath, threadSlug } from './paths.ts';
import { recoveredView, type RecoveredView } from './recovered-view.ts';
import { segmentBody, type Segment } from './segment-body.ts';

/** A quoted passage the message does not answer (no own text after it before the next diff, the
 *  signature or the end: a quoted patch under a trailer, the rest of a mail quoted whole) starts
 *  collapsed when it is longer than this many lines. Passages the message answers stay inline,
 *  as an inline review reads. */
export const COLLAPSE_QUOTE_LINES = 3;
/** A passage the message answers is shown whole up to this many lines; a longer one shows its
 *  last QUOTE_TAIL_LINES (what the answer is about) and collapses the lines before them. */
export const LONG_QUOTE_LINES = 40;
export const QUOTE_TAIL_LINES = 12;

/** The deepest indentation the stylesheet draws (classes d1 to d24); deeper messages are drawn
 *  at it. */
export const MAX_INDENT = 24;

/** The deepest quote shading the stylesheet draws (classes qd2 to qd4). */
export const MAX_QUOTE_SHADE = 4;

/** Characters of a quoted point shown beside a statement on a thread page. */
export const ANSWER_CHARS = 160;

/** `text`, cut to `max` characters with "…" as the last when longer. */
export function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The indentation class of a message (or outline entry) at `depth`. */
const indentClass = (depth: number): string => `d${Math.min(depth, MAX_INDENT)}`;

/** Who wrote (part of) a quote: resolved by the discussion stage. */
export interface QuoteSourceView {
  author: string;
  /** The quoted message: its anchor on this page, its permalink, or null when not archived. */
  href: string | null;
  depth: number;
}

/** One line of a diff, as drawn: its class says what it is (DIFF_LINE_CLASS). */
export interface DiffLineView {
  className: string;
  /** The line with its "\n". */
  text: string;
}

export type SegmentView = Segment & {
  collapsed: boolean;
  summary: string;
  sources: QuoteSourceView[];
  /** A quote's shading class by depth ("qd2"), '' for other segments. */
  depthClass: string;
  /** A diff's lines, empty for other segments. */
  diffLines: DiffLineView[];
};

export interface StatementView {
  kind: string;
  text: string;
  /** What it answers; `excerpt` is `text` cut to ANSWER_CHARS. */
  answers: { author: string; text: string; excerpt: string; href: string | null } | null;
  confidence: number;
  why: string;
  /** Its tooltip: why it was picked, and the confidence. */
  title: string;
  /** The Markdown citation the "cite" button copies. */
  cite: string;
}

export interface PartView {
  /** '' for the message body, else the attachment's file name. */
  filename: string;
  contentType: string;
  segments: SegmentView[];
}

export interface MessageView {
  kind: 'message';
  anchor: string;
  messageId: string;
  key: string;
  imposter: boolean;
  depth: number;
  /** Its indentation class ("d3"; MAX_INDENT at most). */
  depthClass: string;
  parentAnchor: string | null;
  from: string;
  fromEmail: string;
  date: string;
  isoDate: string;
  subject: string;
  lists: string[];
  /** `lists` as the page shows them: "a, b". */
  listText: string;
  loreUrl: string;
  permalink: string;
  parts: PartView[];
  attachments: Array<{ filename: string; contentType: string; size: number }>;
  /** What the page says of each attachment not shown: its name, and its type and size
   *  ("application/gzip, 2 KB"). */
  attachmentNotes: Array<{ filename: string; description: string }>;
  statements: StatementView[];
  /** The Markdown citation of the message the "cite" button copies. */
  cite: string;
  /** How it was recovered from an archive page; null for mail as received. */
  recovered: RecoveredView | null;
}

export interface GhostView {
  kind: 'ghost';
  anchor: string;
  messageId: string;
  depth: number;
  /** Its indentation class, as MessageView's. */
  depthClass: string;
  loreUrl: string;
}

export interface OutlineEntry {
  anchor: string;
  depth: number;
  ghost: boolean;
  /** Its class: the indentation class, and "ghost" for a ghost ("d2 ghost"). */
  className: string;
  subject: string;
  from: string;
  date: string;
}

export interface ThreadView {
  slug: string;
  title: string;
  messages: number;
  ghosts: number;
  firstDate: string;
  lastDate: string;
  lists: string[];
  /** `lists` as the page shows them: "a, b". */
  listText: string;
  outline: OutlineEntry[];
  entries: Array<MessageView | GhostView>;
}

/** "2024-04-12" (UTC), or "no date". */
export function formatDay(ms: number | null): string {
  return ms === null ? 'no date' : new Date(ms).toISOString().slice(0, 10);
}

/** "2024-04-12 11:53 UTC", or "date unknown". */
export function formatDate(ms: number | null): string {
  if (ms === null) return 'date unknown';
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function summarize(seg: Segment): string {
  if (seg.kind !== 'quote') return '';
  const first = seg.text.split('\n').find((l) => l.replace(/^[\s>]+/, '').trim()) ?? '';
  const head = seg.attribution || first.replace(/^[\s>]+/, '');
  return `${clip(head, 100)} (${seg.lines} quoted lines)`;
}

/** The class of a diff line: a file header line ("dh"), a hunk header ("dc"), an added ("da") or
 *  removed ("dd") line, or '' for context. */
function diffLineClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff ') || line.startsWith('index ')) return 'dh';
  if (line.startsWith('@@')) return 'dc';
  if (line.startsWith('+')) return 'da';
  if (line.startsWith('-')) return 'dd';
  return '';
}

/** "2 KB" (whole kilobytes) from 1024 bytes up, else "N B". */
export function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(0)} KB`;
}

/** For each segment, whether it is part of a quoted passage the message answers: a run of quote
 *  segments followed by own text. */
function answeredQuotes(segments: readonly Segment[]): boolean[] {
  const out = new Array<boolean>(segments.length).fill(false);
  let answered = false;
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!;
    if (s.kind === 'text') answered = s.text.trim() !== '' || answered;
    else if (s.kind !== 'quote') answered = false;
    if (s.kind === 'quote') out[i] = answered;
  }
  return out;
}

/** A quote segment as views see it: `head` marks the collapsed first part of a long answered
 *  passage, `answered` whether the message answers it. */
type QuoteCut = Segment & { head?: boolean; answered?: boolean };

/** A long answered quote as its collapsed head and the tail the answer is about. */
function splitLongQuote(s: Extract<Segment, { kind: 'quote' }>): QuoteCut[] {
  const lines = s.text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const cut = lines.length - QUOTE_TAIL_LINES;
  const headText = lines.slice(0, cut).join('\n') + '\n';
  const mid = s.from + headText.length;
  return [
    { ...s, text: headText, lines: cut, to: mid, head: true, answered: true },
    { ...s, text: lines.slice(cut).join('\n') + '\n', lines: QUOTE_TAIL_LINES, from: mid, attribution: '', answered: true },
  ];
}

/** Segments of `text` (which starts at `offset` in its message body), quotes with the sources
 *  found for the quote blocks inside them. */
export function segmentViews(text: string, offset = 0, quotes: QuoteSourceRow[] = [], hrefOf: (key: string) => string = messagePath): SegmentView[] {
  const segments = segmentBody(text);
  const answered = answeredQuotes(segments);
  const cuts = segments.flatMap((s, i): QuoteCut[] => {
    if (s.kind !== 'quote') return [s];
    return answered[i] && s.lines > LONG_QUOTE_LINES ? splitLongQuote(s) : [{ ...s, answered: answered[i] }];
  });
  return cuts.map(({ head, answered: isAnswered, ...s }) => {
    const sources: QuoteSourceView[] = [];
    if (s.kind === 'quote') {
      const seen = new Set<string>();
      for (const q of quotes) {
        if (q.from < offset + s.from || q.from >= offset + s.to) continue;
        const author = q.authorName || q.authorEmail;
        const id = `${q.depth}\0${author}\0${q.sourceKey}`;
        if (!author || seen.has(id)) continue;
        seen.add(id);
        sources.push({ author, href: q.sourceKey ? hrefOf(q.sourceKey) : null, depth: q.depth });
      }
      sources.sort((a, b) => a.depth - b.depth);
    }
    return {
      ...s,
      collapsed: s.kind === 'quote' && (head === true || (!isAnswered && s.lines > COLLAPSE_QUOTE_LINES)),
      summary: s.kind === 'quote' && head ? `${s.lines} earlier quoted lines` : summarize(s),
      sources,
      depthClass: s.kind === 'quote' ? `qd${Math.min(s.depth, MAX_QUOTE_SHADE)}` : '',
      diffLines: s.kind === 'diff' ? s.text.split('\n').map((l) => ({ className: diffLineClass(l), text: l + '\n' })) : [],
    };
  });
}

function partViews(
  body: string,
  parts: StoredPart[],
  quotes: QuoteSourceRow[],
  hrefOf: (key: string) => string,
): { parts: PartView[]; attachments: MessageView['attachments'] } {
  const out: PartView[] = [];
  const attachments: MessageView['attachments'] = [];
  for (const p of parts) {
    if (p.kind === 'text') out.push({ filename: p.filename, contentType: p.contentType, segments: segmentViews(body.slice(p.start, p.end), p.start, quotes, hrefOf) });
    else attachments.push({ filename: p.filename || '(unnamed)', contentType: p.contentType, size: p.size });
  }
  return { parts: out, attachments };
}

/** The discussion rows of a thread, as threadView takes them. */
export interface ThreadDiscussionRows {
  statements: StatementRow[];
  quotes: QuoteSourceRow[];
}

export function ghostAnchor(id: string): string {
  return `ghost:${id}`;
}

export function threadView(thread: ThreadRow, nodes: NodeRow[], discussion: ThreadDiscussionRows = { statements: [], quotes: [] }): ThreadView {
  const anchorOf = new Map<string, string>();
  for (const n of nodes) anchorOf.set(n.id, n.ghost ? ghostAnchor(n.id) : messageAnchor(n.id));
  // Messages on this page are linked at their anchor, others at their permalink.
  const hrefOf = (key: string): string => (anchorOf.has(key) ? anchorHref(anchorOf.get(key)!) : messagePath(key));
  const statementsOf = groupBy(discussion.statements, (r) => r.message);
  const quotesOf = groupBy(discussion.quotes, (r) => r.message);
  const lists = new Set<string>();
  const entries: ThreadView['entries'] = [];
  const outline: OutlineEntry[] = [];
  for (const n of nodes) {
    if (!n.message) {
      entries.push({ kind: 'ghost', anchor: anchorOf.get(n.id)!, messageId: n.id, depth: n.depth, depthClass: indentClass(n.depth), loreUrl: lorePermalink(n.id) });
      outline.push({ anchor: anchorOf.get(n.id)!, depth: n.depth, ghost: true, className: `${indentClass(n.depth)} ghost`, subject: '(not in this archive)', from: '', date: '' });
      continue;
    }
    const m = n.message;
    for (const l of m.lists) lists.add(l);
    const entry = messageView(m, n, anchorOf, hrefOf, statementsOf.get(m.rowId) ?? [], quotesOf.get(m.rowId) ?? []);
    entries.push(entry);
    outline.push({ anchor: entry.anchor, depth: n.depth, ghost: false, className: entry.depthClass, subject: entry.subject, from: entry.from, date: formatDay(m.date) });
  }
  return {
    slug: threadSlug(thread.id),
    title: thread.subject || '(no subject)',
    messages: thread.messages,
    ghosts: thread.ghosts,
    firstDate: formatDate(thread.firstDate),
    lastDate: formatDate(thread.lastDate),
    lists: [...lists].sort(),
    listText: [...lists].sort().join(', '),
    outline,
    entries,
  };
}

/** One message of a thread page: its header, parts, attachments and statements, each statement
 *  and the message citable. `hrefOf` links a message key on this page or off it. */
function messageView(
  m: MessageRow,
  n: NodeRow,
  anchorOf: ReadonlyMap<string, string>,
  hrefOf: (key: string) => string,
  statementRows: readonly StatementRow[],
  quotes: QuoteSourceRow[],
): MessageView {
  const from = m.fromName || m.fromEmail || '(no sender)';
  const { parts, attachments } = partViews(m.body, m.parts, quotes, hrefOf);
  const base = { messageId: m.messageId, author: from, email: m.fromEmail, date: m.date === null ? null : new Date(m.date).toISOString(), dateHeader: m.dateHeader, subject: m.subject || '(no subject)' };
  const statements = statementRows.map((r): StatementView => {
    const answers = r.answersText === null ? null : { author: r.answersName || r.answersEmail || 'someone', text: r.answersText };
    return {
      kind: r.kind,
      text: r.text,
      answers: answers && { ...answers, excerpt: clip(answers.text, ANSWER_CHARS), href: r.answersKey ? hrefOf(r.answersKey) : null },
      confidence: r.confidence,
      why: r.why,
      title: `${r.why} (confidence ${r.confidence})`,
      cite: formatCitation({ ...base, text: r.text, answers }, 'markdown'),
    };
  });
  const top = [...statements].sort((a, b) => b.confidence - a.confidence)[0];
  return {
    kind: 'message',
    anchor: anchorOf.get(n.id)!,
    messageId: m.messageId,
    key: m.key,
    imposter: m.imposter,
    depth: n.depth,
    depthClass: indentClass(n.depth),
    parentAnchor: n.parent ? (anchorOf.get(n.parent) ?? null) : null,
    from,
    fromEmail: m.fromEmail,
    date: formatDate(m.date),
    isoDate: m.date === null ? '' : new Date(m.date).toISOString(),
    subject: m.subject || '(no subject)',
    lists: m.lists,
    listText: m.lists.join(', '),
    loreUrl: lorePermalink(m.messageId),
    permalink: messagePath(m.key),
    parts,
    attachments,
    attachmentNotes: attachments.map((a) => ({ filename: a.filename, description: `${a.contentType}, ${formatSize(a.size)}` })),
    statements,
    cite: top ? top.cite : formatCitation({ ...base, text: ownExcerpt(m.body) }, 'markdown'),
    recovered: m.recovered ? recoveredView(m.recovered) : null,
  };
}

function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** A cross-thread link as a page shows it. */
export interface LinkView {
  /** The other end: its title and where it is (local page, or lore when not archived). */
  title: string;
  href: string;
  local: boolean;
  /** Who cites, with a link to the citing message. */
  by: string;
  byHref: string;
}

/** Lists of links this long or shorter start open on the page; longer ones start collapsed. */
export const OPEN_LINKS_MAX = 8;

/** What a thread (or the threads of a lineage) cites and what cites it, as a page shows it. */
export interface ThreadLinksView {
  cites: LinkView[];
  citedBy: LinkView[];
  /** Whether the list starts open (at most OPEN_LINKS_MAX links in all). */
  open: boolean;
}

/** What a thread cites and what cites it, one entry per other thread (or per message not in
 *  the archive), in date order. */
export function linkViews(links: { cites: ThreadLink[]; citedBy: ThreadLink[] }): ThreadLinksView {
  const cites: LinkView[] = [];
  const seen = new Set<string>();
  for (const l of links.cites) {
    const id = l.targetThread ?? `lore:${l.target}`;
    if (seen.has(id)) continue;
    seen.add(id);
    cites.push({
      title: l.targetSubject ?? `<${l.target}>`,
      href: l.targetThread ? messageHref(l.targetThread, targetKey(l)) : lorePermalink(l.target),
      local: l.targetThread !== null,
      by: l.fromAuthor,
      byHref: anchorHref(messageAnchor(l.from)),
    });
  }
  const citedBy: LinkView[] = [];
  const seenBy = new Set<string>();
  for (const l of links.citedBy) {
    if (seenBy.has(l.fromThread)) continue;
    seenBy.add(l.fromThread);
    citedBy.push({ title: l.fromSubject, href: messageHref(l.fromThread, l.from), local: true, by: l.fromAuthor, byHref: messageHref(l.fromThread, l.from) });
  }
  return { cites, citedBy, open: cites.length + citedBy.length <= OPEN_LINKS_MAX };
}

/** The key of a link target in the store (its Message-ID, unless stored under an imposter key). */
function targetKey(l: ThreadLink): string {
  return l.targetKey ?? l.target;
}
