// Which postings new mail can concern when linking revisions, so that only those are linked again
// (ingest/derive/derive-series.ts), with the same result as linking every posting:
// - evidence (link-revisions.ts: findEvidence): a posting compares itself only with the earlier
//   postings of its pool (poolOf): those of each of its author's identities and of the people
//   who signed its patches off, those of its title (a series taken over by someone else), of its
//   change-id, and those its links name. So when postings change (appear, go, or are grouped
//   differently), the evidence to find again is that of the postings whose pool holds a changed
//   one: those looking under one of the keys it is found under (an identity of its author, its
//   title: link-revisions.ts poolKeys, foundUnder) or sharing its change-id, dated from its date
//   on, and those linking to one of its messages. Finding it needs each such posting's pool
//   (`evidenceContext`).
// - lineages (linkRevisions with a LinkScope): forks, manual decisions, families, versions and
//   carried trailers depend only on the postings connected by evidence (either way) and manual
//   pins; `lineageScope` is the connected part around some postings.
// Reads through `LinkReader`; decides nothing else. Pure.
import type { RevisionOverrides, Posting, PostingEvidence } from '../types.ts';
import { appendTo } from './append-to.ts';
import { foundUnder, poolKeys } from './link-revisions.ts';
import { reachFrom } from './reach-from.ts';

/** What the scopes are found from (the store's series tables). */
export interface LinkReader {
  postingsOfAuthor(authorKey: string): Posting[];
  /** Postings found under one of these keys (link-revisions.ts: foundUnder). */
  postingsUnder(keys: readonly string[]): Posting[];
  /** Postings whose pool is looked for under one of these keys (link-revisions.ts: poolKeys). */
  postingsLookingUnder(keys: readonly string[]): Posting[];
  postingsWithChangeId(changeId: string): Posting[];
  /** Postings whose links name one of these message keys. */
  postingsLinkingTo(keys: readonly string[]): string[];
  /** The posting a message key is a cover letter or patch of. */
  postingOfMember(key: string): string | null;
  postingRecords(ids: readonly string[]): Posting[];
  /** Kept evidence of postings. */
  evidence(ids: readonly string[]): PostingEvidence[];
  /** Postings whose kept evidence names one of these. */
  evidenceNaming(ids: readonly string[]): string[];
}

/** The message keys a posting answers for when linking: its id, cover letter and patches. */
export function memberKeys(p: Posting): string[] {
  return [p.id, ...(p.coverKey ? [p.coverKey] : []), ...p.patches.map((x) => x.key)];
}

const dateOf = (p: Posting): number => p.date ?? Infinity;

/** The stored postings whose evidence may differ once `changed` postings changed (each given as
 *  it was and as it is, when it was or is stored). */
export function evidenceScope(changed: readonly Posting[], reader: LinkReader): Set<string> {
  const fromKey = new Map<string, number>();
  const fromChangeId = new Map<string, number>();
  const earliest = (m: Map<string, number>, key: string, p: Posting): void => void m.set(key, Math.min(m.get(key) ?? Infinity, dateOf(p)));
  for (const p of changed) {
    for (const k of foundUnder(p)) earliest(fromKey, k, p);
    if (p.changeId) earliest(fromChangeId, p.changeId, p);
  }
  const out = new Set<string>();
  // Only later postings compare themselves with a changed one (same date: either order).
  for (const p of reader.postingsLookingUnder([...fromKey.keys()])) {
    if (poolKeys(p).some((k) => fromKey.has(k) && dateOf(p) >= fromKey.get(k)!)) out.add(p.id);
  }
  for (const [id, from] of fromChangeId) for (const p of reader.postingsWithChangeId(id)) if (dateOf(p) >= from) out.add(p.id);
  for (const id of reader.postingsLinkingTo([...new Set(changed.flatMap(memberKeys))])) out.add(id);
  return out;
}

/** The postings findEvidence needs to find the evidence of `targets`, all of one author: that
 *  author's postings (`pool`), the postings found under the targets' pool keys (the postings of
 *  each identity of theirs and of their signers, of their titles), and the postings of the
 *  targets' change-ids and links. */
export function evidenceContext(targets: readonly Posting[], pool: readonly Posting[], reader: LinkReader): Posting[] {
  const context = new Map(pool.map((p) => [p.id, p]));
  for (const p of reader.postingsUnder([...new Set(targets.flatMap(poolKeys))])) context.set(p.id, p);
  const changeIds = new Set(targets.map((p) => p.changeId).filter((c): c is string => c !== null));
  for (const c of changeIds) for (const p of reader.postingsWithChangeId(c)) context.set(p.id, p);
  const linked = new Set<string>();
  for (const p of targets) {
    for (const l of p.links) {
      const id = reader.postingOfMember(l);
      if (id !== null && !context.has(id)) linked.add(id);
    }
  }
  for (const p of reader.postingRecords([...linked])) context.set(p.id, p);
  return [...context.values()];
}

/** Each pinned posting's partners (content/series-links.json), as the postings are now. */
export function pinnedPartners(overrides: RevisionOverrides, reader: Pick<LinkReader, 'postingOfMember'>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pin of overrides.pin) {
    const a = reader.postingOfMember(pin.from);
    const b = reader.postingOfMember(pin.to);
    if (a === null || b === null || a === b) continue;
    appendTo(out, a, b);
    appendTo(out, b, a);
  }
  return out;
}

/** The postings connected to `seeds` by kept evidence, either way, and by pins (`pinned`):
 *  linked together, they come out as they would among all postings. Postings in `exclude` (a
 *  connected part taken before) are left out. */
export function lineageScope(seeds: Iterable<string>, reader: LinkReader, pinned: ReadonlyMap<string, readonly string[]>, exclude: ReadonlySet<string> = new Set()): string[] {
  const part = reachFrom(seeds, exclude, (frontier, reach) => {
    for (const e of reader.evidence(frontier)) {
      if (e.predecessor) reach(e.predecessor.from);
      for (const c of e.bundled) reach(c.from);
    }
    for (const id of reader.evidenceNaming(frontier)) reach(id);
    for (const id of frontier) for (const p of pinned.get(id) ?? []) reach(p);
  });
  return [...part];
}
