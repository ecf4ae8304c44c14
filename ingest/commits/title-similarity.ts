// How alike a commit subject and a patch title are, for links by subject: the share of words in
// common (Dice's coefficient), of the whole titles or of what follows their subsystem prefixes,
// whichever is higher, since maintainers rewrite "ndctl: cxl: add X" as "cxl/list: add X". Words
// only: no stemming, no synonyms, no edit distance. Pure.

/** Lower case, single spaces, no trailing period: titles equal under this are the same title. */
export function normalTitle(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').trim().replace(/\.$/, '');
}

/** Words of a title: letters, digits and underscores (kernel identifiers stay whole). */
export function titleWords(title: string): string[] {
  return title.toLowerCase().match(/[a-z0-9_]+/g) ?? [];
}

/** The title after its last "prefix:" ("ndctl: cxl: add monitor" -> "add monitor"). */
function afterPrefix(title: string): string {
  const m = /^(?:[^\s:]+(?:\s[^\s:]+)?:\s+)+/.exec(title);
  return m ? title.slice(m[0].length) : title;
}

/** Dice's coefficient of two word lists, counting repeats. */
function dice(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** 1 for the same title (normalTitle), else the higher of the word overlaps of the whole titles
 *  and of the titles after their prefixes, below 1. */
export function titleSimilarity(a: string, b: string): number {
  if (normalTitle(a) === normalTitle(b)) return 1;
  const whole = dice(titleWords(a), titleWords(b));
  const rest = dice(titleWords(afterPrefix(a)), titleWords(afterPrefix(b)));
  return Math.min(0.99, Math.max(whole, rest));
}
