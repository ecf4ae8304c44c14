// The earlier postings of one author that a posting may revise on heuristic evidence: those whose
// title shares a word with its title's rarest words (a prefix filter, as set-similarity joins use:
// two titles at least `minSimilarity` alike by word overlap always share one), or that share a
// patch (fingerprint or title). Looking them up here instead of comparing every pair keeps an
// author of thousands of postings near-linear. Does not judge the evidence: link-revisions.ts does.
// Pure.
// Not used by linking since the rules of acc (similar titles by containment, renamed patch
// titles, takeovers, the rank of a split-out patch): those reach postings no shared rare word or
// patch finds, so link-revisions.ts compares every posting of a pool (poolOf) instead.
import type { Posting } from '../types.ts';
import { appendTo } from './append-to.ts';

/** How many of a title's `n` words, rarest first, two titles at least `similarity` alike by word
 *  overlap (Jaccard) always share one of: n - ceil(similarity * n) + 1. */
export function prefixLength(n: number, similarity: number): number {
  // The epsilon keeps 0.8 * 5 from rounding up to 5: a longer prefix is always safe.
  return Math.min(n, Math.max(1, n - Math.ceil(similarity * n - 1e-9) + 1));
}

/** The distinct values of a posting's patches that count as a shared patch. */
function patchKeys(p: Posting): { fingerprints: Set<string>; titles: Set<string> } {
  return {
    fingerprints: new Set(p.patches.map((x) => x.fingerprint).filter((f) => f)),
    titles: new Set(p.patches.map((x) => x.title.toLowerCase())),
  };
}

export class RevisionCandidates {
  /** Each posting's place in the author's list. */
  private readonly place = new Map<Posting, number>();
  /** Each posting's prefix words. */
  private readonly prefixes = new Map<Posting, string[]>();
  private readonly byWord = new Map<string, Posting[]>();
  private readonly byFingerprint = new Map<string, Posting[]>();
  private readonly byTitle = new Map<string, Posting[]>();

  /** `postings`: one author's, in date order. `words`: a title's words, as the similarity rule
   *  counts them. */
  constructor(
    postings: readonly Posting[],
    words: (title: string) => ReadonlySet<string>,
    minSimilarity: number,
  ) {
    const sets = postings.map((p) => [...words(p.title)]);
    const frequency = new Map<string, number>();
    for (const ws of sets) for (const w of ws) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const rarestFirst = (a: string, b: string): number => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
    postings.forEach((p, i) => {
      this.place.set(p, i);
      const ws = sets[i]!.sort(rarestFirst);
      const prefix = ws.slice(0, prefixLength(ws.length, minSimilarity));
      this.prefixes.set(p, prefix);
      for (const w of prefix) appendTo(this.byWord, w, p);
      const { fingerprints, titles } = patchKeys(p);
      for (const f of fingerprints) appendTo(this.byFingerprint, f, p);
      for (const t of titles) appendTo(this.byTitle, t, p);
    });
  }

  /** The author's postings before `b` that share a prefix word, a fingerprint or a patch title
   *  with it, most recent first. */
  of(b: Posting): Posting[] {
    const at = this.place.get(b);
    if (at === undefined) throw new Error(`BUG: ${b.id} is not one of the author's postings`);
    const found = new Set<Posting>();
    const take = (list: readonly Posting[] | undefined): void => {
      // Lists are in date order: stop at the first posting not before b.
      for (const a of list ?? []) {
        if (this.place.get(a)! >= at) break;
        found.add(a);
      }
    };
    for (const w of this.prefixes.get(b)!) take(this.byWord.get(w));
    const { fingerprints, titles } = patchKeys(b);
    for (const f of fingerprints) take(this.byFingerprint.get(f));
    for (const t of titles) take(this.byTitle.get(t));
    return [...found].sort((x, y) => this.place.get(y)! - this.place.get(x)!);
  }
}
