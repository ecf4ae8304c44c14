// Which messages carry which Patchwork state, as the search facet `pw:` reads them: each patch
// its own states (one per project tracking it), each cover letter the states of its series'
// patches, the series as patchlore grouped it (its posting) and as Patchwork did. Values are
// state slugs as the query language writes them (facetValue). Pure.
import { facetValue } from '../search/query-prefixes.ts';

/** What the facet is made of. */
export interface PatchworkFacetInput {
  /** Every stored Patchwork patch's Message-ID and state slug. */
  states: Iterable<{ messageId: string; state: string }>;
  /** Patchwork's cover letters with their series' patches. */
  covers: Iterable<{ messageId: string; patchMessageIds: readonly string[] }>;
  /** patchlore's postings: a cover letter (message key, null when none) and its patches' keys. */
  postings: Iterable<{ cover: string | null; patches: readonly string[] }>;
}

/** Facet rows (message key, value), each pair once, sorted. */
export function patchworkFacet(input: PatchworkFacetInput): Array<{ key: string; value: string }> {
  const byMessage = new Map<string, Set<string>>();
  const add = (key: string, values: Iterable<string>): void => {
    let set = byMessage.get(key);
    for (const v of values) {
      if (!set) byMessage.set(key, (set = new Set()));
      set.add(v);
    }
  };
  for (const s of input.states) add(s.messageId, [facetValue(s.state)]);
  const of = (patches: readonly string[]): string[] => patches.flatMap((p) => [...(byMessage.get(p) ?? [])]);
  // A cover letter's values come from its patches' own (gathered above), never from another
  // cover letter's.
  const covers: Array<[string, string[]]> = [];
  for (const c of input.covers) covers.push([c.messageId, of(c.patchMessageIds)]);
  for (const p of input.postings) if (p.cover) covers.push([p.cover, of(p.patches)]);
  for (const [key, values] of covers) add(key, values);
  return [...byMessage]
    .flatMap(([key, values]) => [...values].map((value) => ({ key, value })))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
