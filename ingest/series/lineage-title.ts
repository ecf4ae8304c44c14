// Which revision names a lineage: its latest posting that is not a bundle (a bundle's subject
// names several series at once), else its latest posting. Pure.

/** The revision a lineage (revisions oldest first) is titled by; undefined when it has none. */
export function titleRevision<T extends { bundle: boolean }>(revisions: readonly T[]): T | undefined {
  for (let i = revisions.length - 1; i >= 0; i--) if (!revisions[i]!.bundle) return revisions[i];
  return revisions[revisions.length - 1];
}

/** The title of a lineage (revisions oldest first): that of its latest non-bundle revision. */
export function lineageTitle(revisions: readonly { title: string; bundle: boolean }[]): string {
  return titleRevision(revisions)?.title ?? '';
}
