// A Patchwork state slug ("changes-requested") with the name Patchwork shows for it. The API gives
// only the slug; the names of the ten states every Patchwork starts with come from its
// patchwork/fixtures/default_states.xml (v3.2.1). A server may add its own states (kernel.org's
// projects have some): those keep their slug and get its words capitalised, marked unknown.
// Pure; it does not decide what a state means for a lineage.
import type { PatchworkState } from '../types.ts';

/** Patchwork's default states: slug, name, and whether they need the maintainer's action, in
 *  Patchwork's own order (default_states.xml). */
export const DEFAULT_STATES: ReadonlyArray<{ slug: string; name: string; actionRequired: boolean }> = [
  { slug: 'new', name: 'New', actionRequired: true },
  { slug: 'under-review', name: 'Under Review', actionRequired: true },
  { slug: 'accepted', name: 'Accepted', actionRequired: false },
  { slug: 'rejected', name: 'Rejected', actionRequired: false },
  { slug: 'rfc', name: 'RFC', actionRequired: false },
  { slug: 'not-applicable', name: 'Not Applicable', actionRequired: false },
  { slug: 'changes-requested', name: 'Changes Requested', actionRequired: false },
  { slug: 'awaiting-upstream', name: 'Awaiting Upstream', actionRequired: false },
  { slug: 'superseded', name: 'Superseded', actionRequired: false },
  { slug: 'deferred', name: 'Deferred', actionRequired: false },
];

const BY_SLUG = new Map(DEFAULT_STATES.map((s) => [s.slug, s]));

/** The state for a slug as the API gave it. */
export function patchworkState(slug: string): PatchworkState {
  const known = BY_SLUG.get(slug);
  if (known) return { slug, name: known.name, known: true, actionRequired: known.actionRequired };
  // Patchwork makes slugs with Django's slugify(name): "Handled Elsewhere" -> "handled-elsewhere".
  const name = slug
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
  return { slug, name: name || slug, known: false, actionRequired: null };
}
