// Words as the search index sees them: the same split as the store's FTS5 tokenizer
// (unicode61, remove_diacritics 2, tokenchars '_'): letters, digits, private-use characters and
// '_' make words, everything else separates them; words are lower-cased and lose diacritics.
// So "pte_special" and "vm_normal_page" are one word each and "fs/dax.c" is three ("fs" "dax"
// "c"), searched as a phrase. Xapian, which lore runs, splits the same way ('_' is a connector,
// a word character for it too). Mail is mostly ASCII: such text is split by a scan of character
// codes, the rest by a Unicode regex; both give the same words. Pure; usable in the browser.

const WORD = /[\p{L}\p{N}\p{Co}_]+/gu;
const MARKS = /\p{M}+/gu;
/** Text the fast scan handles: ASCII and the field break (search-fields.ts), a private-use
 *  character and so a word character, as to the regex. */
const PLAIN = /^[\x00-\x7f\ue000]*$/;
const BREAK = 0xe000;

/** Fold one word as the index does: lower case, no diacritics. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Only non-ASCII words can carry diacritics; most of the kernel's are plain ASCII.
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** Whether a character code of plain text is a word character ([0-9A-Za-z_] or the break). */
export function wordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === BREAK;
}

/** Whether `text` is split by the fast scan (the lower-cased text then has the words' offsets). */
export function plainText(text: string): boolean {
  return PLAIN.test(text);
}

/** Call `word(start, end)` for each word of plain text. */
function scanPlain(text: string, word: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !wordCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && wordCode(text.charCodeAt(i))) i++;
    word(start, i);
  }
}

/** The words of a text, in order, folded. */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  if (PLAIN.test(text)) {
    const lower = text.toLowerCase();
    scanPlain(lower, (s, e) => out.push(lower.slice(s, e)));
    return out;
  }
  for (const m of text.matchAll(WORD)) out.push(foldWord(m[0]));
  return out;
}

/** The words of a text with where each starts and ends (for highlighting), not folded. */
export function searchTokenSpans(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  if (PLAIN.test(text)) {
    const lower = text.toLowerCase();
    scanPlain(lower, (start, end) => out.push({ word: lower.slice(start, end), start, end }));
    return out;
  }
  for (const m of text.matchAll(WORD)) out.push({ word: foldWord(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}
