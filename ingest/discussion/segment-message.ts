// Splits a message body into blocks: the author's own text, quoted text by depth (">" and "> >",
// with or without spaces, or everything below an "-----Original Message-----" line), the
// attribution lines above quotes ("X wrote:"), the author's
// trailers, a diff (with its "---" and diffstat), the signature and mailing-list footers. Every
// block knows its lines and character span in the body, so anything found in it can point back
// at its evidence. Line-based and iterative (no recursion on mail-controlled depth). Pure.
import type { Attribution, Block, BlockKind, SegmentedMessage } from '../types.ts';
import { isAttributionLine, joinWrappedAttribution, parseAttribution } from './attribution-line.ts';

/** The longest quote depth counted ("> > > ... "): deeper markers are text. */
const MAX_DEPTH = 64;
const TRAILER = /^\s*(?:[A-Za-z][\w-]*-by|Fixes|Link|Closes|Cc|BugLink|Change-Id|Message-ID):\s+\S/i;
const DIFFSTAT = /^\s\S.*\s\|\s+(?:\d+\s*[+-]*|Bin\b)/;

interface Line {
  /** Quote depth. */
  depth: number;
  /** Content after the quote markers (one space after the last marker removed). */
  content: string;
  /** Character offset of the line in the body. */
  offset: number;
  /** Length of the raw line. */
  length: number;
}

/** The line that opens the original below a top-posted reply ("-----Original Message-----",
 *  or a rule of underscores right above its "From:" header): everything from it on is quoted,
 *  though no line carries a marker. */
function opensOriginal(raw: readonly string[], k: number): boolean {
  const line = raw[k]!.trim();
  return /^-{3,}\s*Original Message\s*-{3,}$/i.test(line) || (/^_{10,}$/.test(line) && /^From:\s/i.test(raw[k + 1]?.trim() ?? ''));
}

/** The body's lines with their quote depth and position. */
function readLines(body: string): Line[] {
  const out: Line[] = [];
  let offset = 0;
  const raw = body.split('\n');
  if (raw.length && raw[raw.length - 1] === '') raw.pop();
  let below = 0;
  for (const [k, r] of raw.entries()) {
    const line = r.endsWith('\r') ? r.slice(0, -1) : r;
    if (below === 0 && opensOriginal(raw, k)) below = 1;
    let depth = below;
    let i = 0;
    // Quote markers: ">" with optional spaces between them; a leading space is allowed once.
    if (line.startsWith(' >')) i = 1;
    while (i < line.length && depth < MAX_DEPTH) {
      if (line[i] === '>') {
        depth++;
        i++;
        while (line[i] === ' ' && line[i + 1] === '>') i++;
      } else break;
    }
    const content = depth > below ? line.slice(line[i] === ' ' ? i + 1 : i) : line;
    out.push({ depth, content, offset, length: r.length });
    offset += r.length + 1;
  }
  return out;
}

const blank = (l: Line): boolean => l.content.trim() === '';

/** Blocks of a message body, in order. */
export function segmentMessage(body: string): SegmentedMessage {
  const s: Segmenter = { lines: readLines(body), blocks: [], textStart: -1 };
  let i = 0;
  while (i < s.lines.length) i = s.lines[i]!.depth === 0 ? ownLine(s, i) : quoteRegion(s, i);
  flushText(s, s.lines.length);
  return { blocks: s.blocks };
}

/** A body being cut into blocks. */
interface Segmenter {
  /** The body's lines. */
  lines: Line[];
  /** The blocks so far, in order. */
  blocks: Block[];
  /** First line of the own text not in a block yet, -1 when none is pending. */
  textStart: number;
}

/** Add the block of lines [start, end); nothing when it is empty. */
function pushBlock(s: Segmenter, kind: BlockKind, depth: number, start: number, end: number, extra: Partial<Block> = {}): void {
  if (end <= start) return;
  const first = s.lines[start]!;
  const last = s.lines[end - 1]!;
  s.blocks.push({
    kind,
    depth,
    start,
    end,
    from: first.offset,
    to: last.offset + last.length,
    text: s.lines
      .slice(start, end)
      .map((l) => l.content)
      .join('\n'),
    ...extra,
  });
}

/** An own line (depth 0) at i. The signature ("-- ", or git's "--" and version line at the end
 *  of a patch) with any footer after it, or a list footer, ends the body; a diff runs to the
 *  signature or a footer; an attribution above a quote (possibly wrapped onto two lines,
 *  possibly a blank line before the quote) belongs to the quote, not to the author's text; any
 *  other line is own text, pending until something ends it. Returns the next line to read. */
function ownLine(s: Segmenter, i: number): number {
  const { lines } = s;
  const l = lines[i]!;
  if (l.content === '-- ' || (l.content === '--' && /^\d+\.\d+/.test(lines[i + 1]?.content ?? '') && i + 2 >= lines.length)) {
    flushText(s, i);
    const footer = findFooter(lines, i + 1);
    pushBlock(s, 'signature', 0, i, footer ?? lines.length);
    if (footer !== null) pushBlock(s, 'footer', 0, footer, lines.length);
    return lines.length;
  }
  if (isFooterStart(lines, i)) {
    flushText(s, i);
    pushBlock(s, 'footer', 0, i, lines.length);
    return lines.length;
  }
  if (isDiffStart(lines, i)) {
    flushText(s, i);
    let j = i + 1;
    while (j < lines.length && !(lines[j]!.depth === 0 && lines[j]!.content === '-- ') && !isFooterStart(lines, j)) j++;
    pushBlock(s, 'diff', 0, i, j);
    return j;
  }
  const att = ownAttributionAt(lines, i);
  if (att) {
    flushText(s, i);
    pushBlock(s, 'attribution', 0, i, i + att.lines, { attribution: att.attribution });
    return i + att.lines;
  }
  if (s.textStart < 0) s.textStart = i;
  return i + 1;
}

/** The pending own text, up to line `end`, as blocks: blank lines trimmed at both ends, runs of
 *  trailer lines ("Reviewed-by: ...") as trailers blocks, the text around them as text blocks. */
function flushText(s: Segmenter, end: number): void {
  if (s.textStart < 0) return;
  const { lines } = s;
  let t = s.textStart;
  let e = end;
  while (t < e && blank(lines[t]!)) t++;
  while (e > t && blank(lines[e - 1]!)) e--;
  while (t < e) {
    // A run of trailer lines is a trailers block; text around it stays text.
    if (TRAILER.test(lines[t]!.content)) {
      let u = t;
      while (u < e && (TRAILER.test(lines[u]!.content) || (blank(lines[u]!) && u + 1 < e && TRAILER.test(lines[u + 1]!.content)))) u++;
      pushBlock(s, 'trailers', 0, t, u);
      t = u;
      while (t < e && blank(lines[t]!)) t++;
      continue;
    }
    let u = t;
    while (u < e && !TRAILER.test(lines[u]!.content)) u++;
    let v = u;
    while (v > t && blank(lines[v - 1]!)) v--;
    pushBlock(s, 'text', 0, t, v);
    t = u;
  }
  s.textStart = -1;
}

/** A quote region from line i: consecutive quoted lines, with blank own lines inside it when the
 *  quote goes on after them. Returns the line after it. */
function quoteRegion(s: Segmenter, i: number): number {
  const { lines } = s;
  flushText(s, i);
  let j = i;
  while (j < lines.length) {
    if (lines[j]!.depth > 0) j++;
    else if (blank(lines[j]!) && j + 1 < lines.length && lines[j + 1]!.depth > 0) j++;
    else break;
  }
  quoteBlocks(s, i, j);
  return j;
}

/** Blocks of the quote region [start, end): runs of one depth, blank lines between runs of the
 *  same depth joined into them; attribution lines inside the quote as their own blocks. */
function quoteBlocks(s: Segmenter, start: number, end: number): void {
  const { lines } = s;
  let runStart = -1;
  let runDepth = 0;
  let lastContent = -1;
  const close = (): void => {
    if (runStart >= 0) pushBlock(s, 'quote', runDepth, runStart, lastContent + 1);
    runStart = -1;
  };
  for (let k = start; k < end; k++) {
    const l = lines[k]!;
    if (blank(l)) continue;
    const wrapped = k + 1 < end && lines[k + 1]!.depth === l.depth ? joinWrappedAttribution(l.content, lines[k + 1]!.content) : null;
    if (wrapped || isAttributionLine(l.content)) {
      // Only an attribution when a deeper quote follows.
      const after = nextContent(lines, k + (wrapped ? 2 : 1), end);
      if (after !== null && lines[after]!.depth > l.depth) {
        const a = parseAttribution(wrapped ?? l.content);
        if (a) {
          close();
          pushBlock(s, 'attribution', l.depth, k, k + (wrapped ? 2 : 1), { attribution: a });
          if (wrapped) k++;
          continue;
        }
      }
    }
    if (runStart >= 0 && l.depth !== runDepth) close();
    if (runStart < 0) {
      runStart = k;
      runDepth = l.depth;
    }
    lastContent = k;
  }
  close();
}

function nextContent(lines: Line[], from: number, end: number): number | null {
  for (let k = from; k < end; k++) if (!blank(lines[k]!)) return k;
  return null;
}

/** An attribution of the author's own at line i: its length in lines and who it names, when a
 *  quote follows (directly or after one blank line). */
function ownAttributionAt(lines: Line[], i: number): { lines: number; attribution: Attribution } | null {
  const l = lines[i]!;
  if (blank(l)) return null;
  const next = lines[i + 1];
  const wrapped = next && next.depth === 0 ? joinWrappedAttribution(l.content, next.content) : null;
  const text = wrapped ?? (isAttributionLine(l.content) ? l.content : null);
  if (!text) return null;
  const n = wrapped ? 2 : 1;
  let k = i + n;
  if (k < lines.length && lines[k]!.depth === 0 && blank(lines[k]!)) k++;
  if (k >= lines.length || lines[k]!.depth === 0) return null;
  const attribution = parseAttribution(text);
  return attribution ? { lines: n, attribution } : null;
}

/** A diff of the author's own: "diff --git", "Index:", "--- a" + "+++ b", or the "---" line of a
 *  patch followed by its diffstat. */
function isDiffStart(lines: Line[], i: number): boolean {
  const c = lines[i]!.content;
  const next = lines[i + 1];
  if (c.startsWith('diff --git ') || /^Index: \S/.test(c) || c.startsWith('GIT binary patch')) return true;
  if (c.startsWith('--- ') && next?.depth === 0 && next.content.startsWith('+++ ')) return true;
  if (c === '---' && next?.depth === 0 && DIFFSTAT.test(next.content)) return true;
  return false;
}

/** A mailing-list footer: a rule of underscores (Mailman) followed by list words, or the
 *  "To unsubscribe" lines some lists append. */
function isFooterStart(lines: Line[], i: number): boolean {
  const c = lines[i]!.content;
  if (lines[i]!.depth !== 0) return false;
  if (/^_{20,}\s*$/.test(c)) {
    for (let k = i + 1; k < Math.min(lines.length, i + 6); k++) {
      if (/mailing list|lists?\.|listinfo|unsubscribe/i.test(lines[k]!.content)) return true;
    }
    return false;
  }
  return /^To unsubscribe from this (?:list|group)/i.test(c) && lines.length - i <= 8;
}

function findFooter(lines: Line[], from: number): number | null {
  for (let k = from; k < lines.length; k++) if (isFooterStart(lines, k)) return k;
  return null;
}
