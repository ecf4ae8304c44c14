// The English stemmer lore uses: Snowball's "english" (Porter2), as in Xapian 1.4, which
// public-inbox indexes and queries with (STEM_SOME: a word typed in lower case also finds the
// words of the same stem: "refcount" finds "refcounts" and "refcounting"). Written from the
// published algorithm (snowballstem.org/algorithms/english/stemmer.html); the tests pin it on
// the algorithm's own examples. Works on folded words (search-tokens.ts). Pure.

const EXCEPTIONS: Record<string, string> = {
  skis: 'ski',
  skies: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  idly: 'idl',
  gently: 'gentl',
  ugly: 'ugli',
  early: 'earli',
  only: 'onli',
  singly: 'singl',
  sky: 'sky',
  news: 'news',
  howe: 'howe',
  atlas: 'atlas',
  cosmos: 'cosmos',
  bias: 'bias',
  andes: 'andes',
};
const AFTER_STEP_1A = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);

/** Words the stem of which is not reached by trimming at most two letters off the stem (see
 *  stemPrefix): the exceptions above. */
export const STEM_SOURCES: Record<string, string[]> = { die: ['dying'], lie: ['lying'], tie: ['tying'] };

/** The STEM_SOURCES of a stem (own keys only: a stem may be "constructor"). */
export function stemSources(stem: string): readonly string[] {
  return Object.hasOwn(STEM_SOURCES, stem) ? STEM_SOURCES[stem]! : [];
}

const isVowel = (c: string | undefined): boolean => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';

function regionAfter(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
  return w.length;
}

/** Whether w ends in a short syllable. */
function endsShort(w: string): boolean {
  const n = w.length;
  if (n === 2) return isVowel(w[0]) && !isVowel(w[1]);
  if (n < 3) return false;
  const [a, b, c] = [w[n - 3], w[n - 2], w[n - 1]];
  return !isVowel(a) && isVowel(b) && !isVowel(c) && c !== 'w' && c !== 'x' && c !== 'Y';
}

/** The longest of `suffixes` w ends with, or ''. */
function longest(w: string, suffixes: readonly string[]): string {
  let best = '';
  for (const s of suffixes) if (s.length > best.length && w.endsWith(s)) best = s;
  return best;
}

const STEP2: Record<string, string> = {
  tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
  ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful',
  ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble', ogi: 'og',
  fulli: 'ful', lessli: 'less', li: '',
};
const STEP2_KEYS = Object.keys(STEP2);
const STEP3: Record<string, string> = { tional: 'tion', ational: 'ate', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '', ative: '' };
const STEP3_KEYS = Object.keys(STEP3);
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion'];

/** The Porter2 stem of a folded word. */
export function stemWord(word: string): string {
  if (word.length <= 2) return word;
  // Own keys only: "constructor" is a word of kernel mail, and a property of every object.
  const exception = Object.hasOwn(EXCEPTIONS, word) ? EXCEPTIONS[word] : undefined;
  if (exception) return exception;
  let w = word;
  if (w[0] === 'y') w = 'Y' + w.slice(1);
  for (let i = 1; i < w.length; i++) if (w[i] === 'y' && isVowel(w[i - 1])) w = w.slice(0, i) + 'Y' + w.slice(i + 1);

  let r1 = /^(gener|commun|arsen)/.exec(w)?.[0].length ?? regionAfter(w, 0);
  if (r1 > w.length) r1 = w.length;
  const r2Of = (x: string): number => Math.min(regionAfter(x, r1), x.length);

  // Step 1a
  let s = longest(w, ['sses', 'ied', 'ies', 's', 'us', 'ss']);
  if (s === 'sses') w = w.slice(0, -2);
  else if (s === 'ied' || s === 'ies') w = w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
  else if (s === 's' && /[aeiouy]/.test(w.slice(0, -2))) w = w.slice(0, -1);
  if (AFTER_STEP_1A.has(w)) return w;

  // Step 1b
  s = longest(w, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
  if (s === 'eed' || s === 'eedly') {
    if (w.length - s.length >= r1) w = w.slice(0, -s.length) + 'ee';
  } else if (s) {
    const stem = w.slice(0, -s.length);
    if (/[aeiouy]/.test(stem)) {
      w = stem;
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
      else if (endsShort(w) && r1 >= w.length) w += 'e';
    }
  }

  // Step 1c
  if (w.length > 2 && (w.endsWith('y') || w.endsWith('Y')) && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + 'i';

  // Step 2
  s = longest(w, STEP2_KEYS);
  if (s && w.length - s.length >= r1) {
    if (s === 'ogi') {
      if (w[w.length - 4] === 'l') w = w.slice(0, -3) + 'og';
    } else if (s === 'li') {
      if (/[cdeghkmnrt]/.test(w[w.length - 3] ?? '')) w = w.slice(0, -2);
    } else w = w.slice(0, -s.length) + STEP2[s];
  }

  // Step 3
  s = longest(w, STEP3_KEYS);
  if (s && w.length - s.length >= r1) {
    if (s === 'ative') {
      if (w.length - s.length >= r2Of(w)) w = w.slice(0, -s.length);
    } else w = w.slice(0, -s.length) + STEP3[s];
  }

  // Step 4
  s = longest(w, STEP4);
  if (s && w.length - s.length >= r2Of(w)) {
    if (s === 'ion') {
      if (/[st]/.test(w[w.length - 4] ?? '')) w = w.slice(0, -3);
    } else w = w.slice(0, -s.length);
  }

  // Step 5
  if (w.endsWith('e')) {
    const at = w.length - 1;
    if (at >= r2Of(w) || (at >= r1 && !endsShort(w.slice(0, -1)))) w = w.slice(0, -1);
  } else if (w.endsWith('l') && w.length - 1 >= r2Of(w) && w[w.length - 2] === 'l') w = w.slice(0, -1);

  return w.replace(/Y/g, 'y');
}

/** Whether lore stems a word as typed in a query: it starts with a lower-case letter (Xapian's
 *  STEM_SOME leaves capitalised words and words starting with a digit as they are). */
export function stemmable(typed: string): boolean {
  return /^[\p{Ll}\p{Lo}\p{Lm}\p{Lt}]/u.test(typed);
}

/** Every word with stem `stem` starts with this (Porter2 changes at most the last two letters of
 *  what it keeps, "-biliti" -> "-ble"; the exceptions are in STEM_SOURCES). */
export function stemPrefix(stem: string): string {
  return stem.slice(0, Math.max(1, stem.length - (stem.length >= 4 ? 2 : 1)));
}

/** Porter2 only ever removes or rewrites letters of a word's English suffixes (a-z), so every
 *  character of a word after the part it shares with its stem is a lower-case ASCII letter.
 *  A cheap test that rules out most words before stemming them ("config_zone_device" cannot
 *  have the stem "config"): false means stemWord(word) !== stem for sure. */
export function mayStemTo(word: string, stem: string): boolean {
  let i = 0;
  while (i < word.length && i < stem.length && word.charCodeAt(i) === stem.charCodeAt(i)) i++;
  for (; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** Ranges of words [from, to) that hold every word that mayStemTo `stem` and starts with its
 *  stemPrefix: per prefix of the stem at least that long, the prefix itself and the prefix
 *  followed by a letter other than the stem's next one (the stem's own next letter is the next
 *  prefix's business). Far narrower than the whole prefix range: "conf" holds thousands of
 *  "config_*" symbols that the stem "config" can never come from. */
export function stemRanges(stem: string): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  for (let k = stemPrefix(stem).length; k <= stem.length; k++) {
    const head = stem.slice(0, k);
    out.push({ from: head, to: head + '\u0001' });
    const next = k < stem.length ? stem.charCodeAt(k) : -1;
    if (next >= 97 && next <= 122) {
      if (next > 97) out.push({ from: head + 'a', to: head + String.fromCharCode(next) });
      if (next < 122) out.push({ from: head + String.fromCharCode(next + 1), to: head + '{' });
    } else {
      out.push({ from: head + 'a', to: head + '{' });
      // A stem going on with a non-letter: its longer prefixes are outside this letter range.
    }
  }
  return out;
}
