// Sentences of a block of the author's own text, with their character spans: paragraphs split on
// blank lines, lines joined (mail is hard-wrapped), sentences split after ".", "!" or "?" unless
// the word is an abbreviation ("e.g.", "i.e.", "etc.", "vs.") or a version or number. Lines that
// are code, command output or greetings are left out. Pure.
import type { Sentence } from '../types.ts';

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'etc', 'vs', 'cf', 'mr', 'mrs', 'dr', 'approx', 'a.k.a', 'resp', 'incl', 'no', 'fig', 'viz', 'al', 'esp', 'w.r.t', 'wrt']);

/** A line that is code or tool output rather than prose. */
export function isCodeLine(line: string): boolean {
  if (/^(?:\t| {4,})/.test(line)) return true;
  // Diff lines: "+\tcode", "- code", "@@ ... @@".
  if (/^[+-](?:[\t ]|$)|^@@ /.test(line)) return true;
  const t = line.trim();
  if (/[;{}]\s*$/.test(t) && !/\s(?:and|or|but|the|a|to)\s/.test(t)) return true;
  if (/^(?:#include|#define|#if|if \(|for \(|while \()/.test(t)) return true;
  // "struct page *page;", not "struct definitions so that we don't change them".
  if (/^(?:static|struct|return) /.test(t) && /[;{}()=*[]/.test(t)) return true;
  if (/^\[\s*\d+\.\d+\]/.test(t)) return true; // kernel log lines
  if (/^[$#] \S/.test(t)) return true; // shell prompts
  return false;
}

/** Greetings, sign-offs and lone names. */
export function isFormality(text: string): boolean {
  const t = text.trim();
  if (/^(?:hi|hello|hey|dear|greetings)\b[^.!?]{0,40}[,!:]?$/i.test(t)) return true;
  if (/^(?:thanks|thank you|many thanks|regards|best regards|kind regards|cheers|best|br|thx|ta)\b[^.!?]{0,40}[,.!]?$/i.test(t)) return true;
  if (/^-?\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,2}\s*$/u.test(t) && !/[.!?]$/.test(t)) return true;
  return false;
}

function endsSentence(text: string, at: number): boolean {
  // `at` is the index of the punctuation.
  const ch = text[at]!;
  const next = text[at + 1];
  // "!NULL", "?:" inside a sentence are code, not its end.
  if (ch === '!' || ch === '?') return next === undefined || /[\s"')\]!?.]/.test(next);
  // "v5.1", "3.14", "foo.c", "...": not an end.
  if (next !== undefined && !/\s/.test(next)) return false;
  if (text[at - 1] === '.') return false;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, at - 12), at))?.[1]?.toLowerCase() ?? '';
  if (ABBREVIATIONS.has(word)) return false;
  if (/^\p{L}$/u.test(word)) return false; // an initial: "J. Wong"
  return true;
}

/** Sentences of `text`, in order. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let paragraph = 0;
  let para: Array<{ line: string; offset: number }> = [];
  const flush = (): void => {
    if (para.length) {
      splitParagraph(para, paragraph, out);
      paragraph++;
    }
    para = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else if (isCodeLine(line)) {
      // Code breaks the prose around it into paragraphs of their own.
      flush();
    } else para.push({ line, offset });
    offset += line.length + 1;
  }
  flush();
  return out;
}

function splitParagraph(lines: Array<{ line: string; offset: number }>, paragraph: number, out: Sentence[]): void {
  // The paragraph as one line; `starts` maps positions back to block offsets (line by line).
  const joined = lines.map((l) => l.line).join(' ');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.line.length + 1;
  }
  const toBlock = (pos: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo]!.offset + (pos - starts[lo]!);
  };
  let start = 0;
  const emit = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(joined[s]!)) s++;
    while (e > s && /\s/.test(joined[e - 1]!)) e--;
    if (e > s) {
      const text = joined.slice(s, e).replace(/\s+/g, ' ');
      if (!isFormality(text)) out.push({ text, from: toBlock(s), to: toBlock(e - 1) + 1, paragraph });
    }
    start = end;
  };
  const ends = /[.!?]/g;
  for (let m = ends.exec(joined); m; m = ends.exec(joined)) {
    const i = m.index;
    if (!endsSentence(joined, i)) continue;
    let j = i + 1;
    // Closing quotes and brackets stay with the sentence; "?!" and "..." too.
    while (j < joined.length && /[.!?"')\]]/.test(joined[j]!)) j++;
    emit(j);
    ends.lastIndex = j;
  }
  emit(joined.length);
}
