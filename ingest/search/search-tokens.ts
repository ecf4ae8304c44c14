// Words as the search index sees them: the same split as the store's FTS5 tokenizer
// (unicode61, remove_diacritics 2, tokenchars '_'): letters, digits, private-use characters and
// '_' make words, everything else separates them; words are lower-cased and lose diacritics.
// So "pte_special" and "vm_normal_page" are one word each and "fs/dax.c" is three ("fs" "dax"
// "c"), searched as a phrase. Xapian, which lore runs, splits the same way ('_' is a connector,
// a word character for it too). Pure; usable in the browser.

const WORD = /[\p{L}\p{N}\p{Co}_]+/gu;
const MARKS = /\p{M}+/gu;

/** Fold one word as the index does: lower case, no diacritics. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Only non-ASCII words can carry diacritics; most of the kernel's are plain ASCII.
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** The words of a text, in order, folded. */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) out.push(foldWord(m[0]));
  return out;
}

/** The words of a text with where each starts and ends (for highlighting), not folded. */
export function searchTokenSpans(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const m of text.matchAll(WORD)) out.push({ word: foldWord(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}
