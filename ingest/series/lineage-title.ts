// Which revision names a lineage: its latest posting that is the whole series (not a bundle, whose
// subject names several series at once, and not a fragment: a partial reroll of some patches
// sent without a cover letter, titled after its first patch), else its latest non-bundle
// posting, else its latest posting. Pure.

/** What naming needs of a revision. `fragment` unknown (absent) counts as whole. */
export interface Titled {
  bundle: boolean;
  fragment?: boolean;
}

/** Whether a posting is a fragment of its series: no cover letter, and fewer patches than its
 *  subjects announce ("[PATCH v6 08/40]" sent alone). */
export function isFragment(p: { coverId: string | null; total: number | null; patches: number }): boolean {
  return p.coverId === null && p.total !== null && p.total > 1 && p.patches < p.total;
}

/** The revision a lineage (revisions oldest first) is titled by; undefined when it has none. */
export function titleRevision<T extends Titled>(revisions: readonly T[]): T | undefined {
  for (let i = revisions.length - 1; i >= 0; i--) if (!revisions[i]!.bundle && !revisions[i]!.fragment) return revisions[i];
  for (let i = revisions.length - 1; i >= 0; i--) if (!revisions[i]!.bundle) return revisions[i];
  return revisions[revisions.length - 1];
}

/** The title of a lineage (revisions oldest first): that of its titleRevision. */
export function lineageTitle(revisions: readonly (Titled & { title: string })[]): string {
  return titleRevision(revisions)?.title ?? '';
}
