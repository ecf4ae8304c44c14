// View model of a thread page: the tree outline and each message ready to render, with quotes
// marked for collapsing and diffs and signatures set apart. Pure: rows in, plain data out.
// Everything here is mail-controlled text; the page must render it as text, never as HTML.
import type { StoredPart } from '../../ingest/store/store-fs.ts';
import { loreUrl, messageAnchor, messagePath, threadSlug } from './paths.ts';
import { segmentBody, type Segment } from './segment-body.ts';
import type { NodeRow, ThreadRow } from './site-data-fs.ts';

/** Quotes longer than this many lines start collapsed. */
export const COLLAPSE_QUOTE_LINES = 3;

export type SegmentView = Segment & { collapsed: boolean; summary: string };

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
  parentAnchor: string | null;
  from: string;
  fromEmail: string;
  date: string;
  isoDate: string;
  subject: string;
  lists: string[];
  loreUrl: string;
  permalink: string;
  parts: PartView[];
  attachments: Array<{ filename: string; contentType: string; size: number }>;
}

export interface GhostView {
  kind: 'ghost';
  anchor: string;
  messageId: string;
  depth: number;
  loreUrl: string;
}

export interface OutlineEntry {
  anchor: string;
  depth: number;
  ghost: boolean;
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
  outline: OutlineEntry[];
  entries: Array<MessageView | GhostView>;
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
  return `${head.length > 100 ? head.slice(0, 99) + '…' : head} (${seg.lines} quoted lines)`;
}

export function segmentViews(text: string): SegmentView[] {
  return segmentBody(text).map((s) => ({
    ...s,
    collapsed: s.kind === 'quote' && s.lines > COLLAPSE_QUOTE_LINES,
    summary: summarize(s),
  }));
}

function partViews(body: string, parts: StoredPart[]): { parts: PartView[]; attachments: MessageView['attachments'] } {
  const out: PartView[] = [];
  const attachments: MessageView['attachments'] = [];
  for (const p of parts) {
    if (p.kind === 'text') out.push({ filename: p.filename, contentType: p.contentType, segments: segmentViews(body.slice(p.start, p.end)) });
    else attachments.push({ filename: p.filename || '(unnamed)', contentType: p.contentType, size: p.size });
  }
  return { parts: out, attachments };
}

export function ghostAnchor(id: string): string {
  return `ghost:${id}`;
}

export function threadView(thread: ThreadRow, nodes: NodeRow[]): ThreadView {
  const anchorOf = new Map<string, string>();
  for (const n of nodes) anchorOf.set(n.id, n.ghost ? ghostAnchor(n.id) : messageAnchor(n.id));
  const lists = new Set<string>();
  const entries: ThreadView['entries'] = [];
  const outline: OutlineEntry[] = [];
  for (const n of nodes) {
    if (!n.message) {
      entries.push({ kind: 'ghost', anchor: anchorOf.get(n.id)!, messageId: n.id, depth: n.depth, loreUrl: loreUrl(n.id) });
      outline.push({ anchor: anchorOf.get(n.id)!, depth: n.depth, ghost: true, subject: '(not in this archive)', from: '', date: '' });
      continue;
    }
    const m = n.message;
    for (const l of m.lists) lists.add(l);
    const from = m.fromName || m.fromEmail || '(no sender)';
    const { parts, attachments } = partViews(m.body, m.parts);
    entries.push({
      kind: 'message',
      anchor: anchorOf.get(n.id)!,
      messageId: m.messageId,
      key: m.key,
      imposter: m.imposter,
      depth: n.depth,
      parentAnchor: n.parent ? (anchorOf.get(n.parent) ?? null) : null,
      from,
      fromEmail: m.fromEmail,
      date: formatDate(m.date),
      isoDate: m.date === null ? '' : new Date(m.date).toISOString(),
      subject: m.subject || '(no subject)',
      lists: m.lists,
      loreUrl: loreUrl(m.messageId),
      permalink: messagePath(m.key),
      parts,
      attachments,
    });
    outline.push({ anchor: anchorOf.get(n.id)!, depth: n.depth, ghost: false, subject: m.subject || '(no subject)', from, date: formatDate(m.date).slice(0, 10) });
  }
  return {
    slug: threadSlug(thread.id),
    title: thread.subject || '(no subject)',
    messages: thread.messages,
    ghosts: thread.ghosts,
    firstDate: formatDate(thread.firstDate),
    lastDate: formatDate(thread.lastDate),
    lists: [...lists].sort(),
    outline,
    entries,
  };
}
