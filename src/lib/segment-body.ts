// Splits a message body into what a reader sees differently: the author's text, quoted text (with
// its depth and the "X wrote:" line above it), a diff, and the signature. Line-based and
// iterative: quote depth is counted, never recursed into. Pure.

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'quote'; text: string; depth: number; lines: number; attribution: string }
  | { kind: 'diff'; text: string; lines: number }
  | { kind: 'signature'; text: string };

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
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const out: Segment[] = [];
  let i = 0;
  let text: string[] = [];
  const flushText = (): void => {
    if (text.length) out.push({ kind: 'text', text: text.join('\n') + '\n' });
    text = [];
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '-- ' || (line === '--' && i + 1 < lines.length && /^\d+\.\d+/.test(lines[i + 1]!))) {
      flushText();
      out.push({ kind: 'signature', text: lines.slice(i).join('\n') + '\n' });
      break;
    }
    if (DIFF_START.test(line) && (line.startsWith('diff ') || line.startsWith('Index: ') || /^\+\+\+ /.test(lines[i + 1] ?? ''))) {
      flushText();
      let j = i;
      // A diff runs until the signature or the end of the text.
      while (j < lines.length && lines[j] !== '-- ') j++;
      out.push({ kind: 'diff', text: lines.slice(i, j).join('\n') + '\n', lines: j - i });
      i = j;
      continue;
    }
    if (QUOTE.test(line)) {
      let attribution = '';
      if (text.length && ATTRIBUTION.test(text[text.length - 1]!)) attribution = text.pop()!;
      else if (text.length >= 2 && text[text.length - 1] === '' && ATTRIBUTION.test(text[text.length - 2]!)) {
        text.pop();
        attribution = text.pop()!;
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
      out.push({ kind: 'quote', text: lines.slice(i, j).join('\n') + '\n', depth, lines: j - i, attribution });
      i = j;
      continue;
    }
    text.push(line);
    i++;
  }
  flushText();
  return out;
}
