// Trailers of every patch of every posting: those in the patch itself, and those given in replies.
// A reply's trailers go to the nearest patch or cover letter above it in the thread (through other
// replies, as b4 does); a cover letter's go to every patch of its posting. A person-trailer counts
// only when it names the reply's sender; otherwise it is recorded as a mismatch, unless the patch
// already carries it (restating is not new information). Quoted text and signatures never count
// (see ingest/patch/trailers.ts). Pure; iterative; never throws.
import type { FoundTrailer, Posting, PostingTrailer, SeriesMessage, TrailerMismatch } from '../types.ts';
import { formatAddress } from '../message/format-address.ts';
import { trailerMatchesSender } from '../patch/trailers.ts';

/** Replies deeper than this below their patch are not walked up, here and when finding the
 *  posting a reply belongs to (store/series-queries-fs.ts): threads of thousands of replies
 *  exist; none gives a trailer that deep. */
export const MAX_WALK = 1000;

/** Two trailers are the same when name and value are, a "# comment" after the value aside (b4's
 *  LoreTrailer.__eq__: it keeps "Reviewed-by: A <x>" and "Reviewed-by: B <x>" both, and never
 *  compares extinfo). */
export function trailerIdentity(t: { name: string; value: string }): string {
  return `${t.name.toLowerCase()}\0${t.value
    .replace(/\s+#[^#]+$/, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')}`;
}

export function collectTrailers(
  messages: readonly SeriesMessage[],
  postings: readonly Posting[],
): { trailers: PostingTrailer[]; mismatches: TrailerMismatch[] } {
  const byKey = new Map(messages.map((m) => [m.key, m]));
  // Which posting member each key is.
  const role = new Map<string, { posting: Posting; patchKey: string | null }>();
  for (const p of postings) {
    if (p.coverKey) role.set(p.coverKey, { posting: p, patchKey: null });
    for (const patch of p.patches) role.set(patch.key, { posting: p, patchKey: patch.key });
  }
  const trailers: PostingTrailer[] = [];
  const mismatches: TrailerMismatch[] = [];
  const seen = new Map<string, Set<string>>();
  const add = (posting: Posting, patchKey: string, t: FoundTrailer, source: PostingTrailer['source'], messageId: string): void => {
    const s = seen.get(patchKey) ?? new Set<string>();
    seen.set(patchKey, s);
    const id = trailerIdentity(t);
    if (s.has(id)) return;
    s.add(id);
    trailers.push({ postingId: posting.id, patchKey, name: t.name, person: t.person, email: t.email, value: t.value, source, messageId });
  };

  for (const p of postings) {
    for (const patch of p.patches) for (const t of byKey.get(patch.key)?.meta.trailers ?? []) add(p, patch.key, t, 'patch', patch.key);
  }

  const replies = messages
    .filter((m) => (m.meta.kind === 'reply' || m.meta.kind === 'other') && m.meta.trailers.length > 0 && !role.has(m.key))
    .sort((a, b) => (a.date ?? Infinity) - (b.date ?? Infinity) || (a.key < b.key ? -1 : 1));
  for (const r of replies) {
    let up = r.parent;
    let target: { posting: Posting; patchKey: string | null } | undefined;
    for (let steps = 0; up !== null && steps < MAX_WALK; steps++) {
      target = role.get(up);
      if (target) break;
      up = byKey.get(up)?.parent ?? null;
    }
    if (!target) continue;
    const patchKeys = target.patchKey ? [target.patchKey] : target.posting.patches.map((x) => x.key);
    const source = target.patchKey ? 'reply' : 'cover';
    for (const t of r.meta.trailers) {
      if (!trailerMatchesSender(t, r.from)) {
        const already = patchKeys.every((k) => seen.get(k)?.has(trailerIdentity(t)));
        if (!already) {
          mismatches.push({ postingId: target.posting.id, messageId: r.key, name: t.name, value: t.value, sender: formatAddress(r.from.name, r.from.email) });
        }
        continue;
      }
      for (const k of patchKeys) add(target.posting, k, t, source, r.key);
    }
  }
  return { trailers, mismatches };
}
