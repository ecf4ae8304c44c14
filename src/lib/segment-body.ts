// Splits a message body into what a reader sees differently: the author's text, quoted text (with
// its depth and the "X wrote:" line above it), a diff, and the signature. Line-based and
// iterative: quote depth is counted, never recursed into. Pure.

/** Every segment knows the character span it covers in the text given ([from, to)). */
export type Segment = { from: number; to: number } & (
  | { kind: 'text'; text: string }
  | { kind: 'quote'; text: string; depth: number; lines: number; attribution: string }
  | { kind: 'diff'; text: string; lines: number }
  | { kind: 'signature'; text: string }
);

/** Attribution lines mail clients write above a quote. */
const ATTRIBUTION = /(wrote|writes|said|schrieb|a écrit|escribió|napisał)\s*:\s*$/i;
const DIFF_START = /^(diff --git |diff -[a-zA-Z]* |Index: |--- a\/|--- \S+\s*$)/;
const QUOTE = /^[ \t]?>/;

function quoteDepth(line: string): number {
  let d = 0;
  for (const ch of line) {
    if (ch === '>') d++;
    else if (ch !== ' ' && ch !== '\t') break;
  }
  return d;
}

/** Segments of a body, in order. Attribution lines move into the quote they introduce. */
export function segmentBody(body: string): Segment[] {
  const normalized = body.replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  // Offsets of each line (of the text as given when it has no "\r", which stored bodies do not).
  const at: number[] = [];
  let o = 0;
  for (const l of lines) {
    at.push(o);
    o += l.length + 1;
  }
  const spanOf = (start: number, end: number): { from: number; to: number } => ({
    from: at[start] ?? o,
    to: end < lines.length ? at[end]! : Math.min(o, normalized.length),
  });
  const out: Segment[] = [];
  let i = 0;
  let text: string[] = [];
  let textStart = 0;
  const flushText = (): void => {
    if (text.length) out.push({ kind: 'text', text: text.join('\n') + '\n', ...spanOf(textStart, textStart + text.length) });
    text = [];
  };
  const pushText = (line: string, index: number): void => {
    if (!text.length) textStart = index;
    text.push(line);
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '-- ' || (line === '--' && i + 1 < lines.length && /^\d+\.\d+/.test(lines[i + 1]!))) {
      flushText();
      out.push({ kind: 'signature', text: lines.slice(i).join('\n') + '\n', ...spanOf(i, lines.length) });
      break;
    }
    if (DIFF_START.test(line) && (line.startsWith('diff ') || line.startsWith('Index: ') || /^\+\+\+ /.test(lines[i + 1] ?? ''))) {
      flushText();
      let j = i;
      // A diff runs until the signature or the end of the text.
      while (j < lines.length && lines[j] !== '-- ') j++;
      out.push({ kind: 'diff', text: lines.slice(i, j).join('\n') + '\n', lines: j - i, ...spanOf(i, j) });
      i = j;
      continue;
    }
    if (QUOTE.test(line)) {
      let attribution = '';
      let start = i;
      if (text.length && ATTRIBUTION.test(text[text.length - 1]!)) {
        attribution = text.pop()!;
        start = i - 1;
      } else if (text.length >= 2 && text[text.length - 1] === '' && ATTRIBUTION.test(text[text.length - 2]!)) {
        text.pop();
        attribution = text.pop()!;
        start = i - 2;
      }
      flushText();
      let j = i;
      let depth = 0;
      // Blank lines inside a quote belong to it when the quote continues after them.
      while (j < lines.length) {
        if (QUOTE.test(lines[j]!)) {
          depth = Math.max(depth, quoteDepth(lines[j]!));
          j++;
        } else if (lines[j] === '' && j + 1 < lines.length && QUOTE.test(lines[j + 1]!)) j++;
        else break;
      }
      out.push({ kind: 'quote', text: lines.slice(i, j).join('\n') + '\n', depth, lines: j - i, attribution, ...spanOf(start, j) });
      i = j;
      continue;
    }
    pushText(line, i);
    i++;
  }
  flushText();
  return out;
}
