// Postings: the cover letter and patches sent together as one revision of a series. Grouped by
// threading first (same thread, sender, version, RFC/RESEND and total), then, for mail sent
// without threading, by sender, version and total within a short window. A cover letter is a
// "0/N", or the same-author parent of the first patch with a diffstat (a cover without a number)
// or without (a "naked" cover, as b4 recognizes them). Partial rerolls (v5.1 sent in reply to one
// patch of v5) and series sent in reply to another series are postings of their own.
// Pure; iterative; never throws.
import type { Posting, PostingPatch, SeriesMessage } from '../types.ts';
import { appendTo } from './append-to.ts';

/** Patches sent without threading belong together when sent within this time of the first:
 *  git send-email sends a series in seconds; a slow SMTP relay or a resumed send takes minutes. */
export const UNTHREADED_WINDOW_MS = 2 * 3600 * 1000;

/** A posting being gathered. */
interface Draft {
  /** Thread of its first message. */
  threadId: string;
  /** Its groupKey within the thread. */
  groupKey: string;
  /** The cover letter found so far, null when none. */
  cover: SeriesMessage | null;
  /** How the cover letter was recognized (Posting.cover). */
  coverHow: Posting['cover'];
  /** Its patches by number ("k" of "k/N"; 1 for a single patch). */
  slots: Map<number, SeriesMessage>;
}

const byDate = (a: SeriesMessage, b: SeriesMessage): number =>
  (a.date ?? Infinity) - (b.date ?? Infinity) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function groupKey(m: SeriesMessage, withThread: boolean): string {
  const t = m.meta.tags;
  // RESEND is not part of the key: a "[RESEND PATCH v8 0/9]" cover often leads "[PATCH v8 n/9]"s.
  return JSON.stringify([withThread ? m.threadId : '', m.from.email.toLowerCase(), t.version ?? '', t.rfc, t.total ?? `single:${m.key}`]);
}

function members(d: Draft): SeriesMessage[] {
  const out = [...d.slots.values()];
  if (d.cover) out.push(d.cover);
  return out;
}

/** Group the postings among a set of messages (usually a whole store). */
export function groupPostings(messages: readonly SeriesMessage[]): Posting[] {
  const byKey = new Map(messages.map((m) => [m.key, m]));
  const candidates = messages.filter((m) => m.meta.kind === 'patch' || (m.meta.kind === 'cover' && m.meta.tags.index === 0)).sort(byDate);
  const drafts = draftsInThreads(candidates);
  const merged = mergeUnthreaded(drafts, byKey);
  giveCoversTheirPatches(drafts, merged);
  findUnnumberedCovers(drafts, merged, byKey);
  return drafts.filter((d) => !merged.has(d)).map((d) => toPosting(d, byKey));
}

/** Phase 1: within threads, fill slots 0..N of a draft per sender, version, RFC and total; a
 *  taken slot opens a new draft. `candidates` in date order. */
function draftsInThreads(candidates: readonly SeriesMessage[]): Draft[] {
  const drafts: Draft[] = [];
  const open = new Map<string, Draft[]>();
  for (const m of candidates) {
    const key = groupKey(m, true);
    const index = m.meta.tags.index ?? 1;
    const list = open.get(key) ?? [];
    open.set(key, list);
    let d = list.find((x) => (index === 0 ? x.cover === null : !x.slots.has(index)));
    if (!d) {
      d = { threadId: m.threadId, groupKey: key, cover: null, coverHow: null, slots: new Map() };
      list.push(d);
      drafts.push(d);
    }
    if (index === 0) {
      d.cover = m;
      d.coverHow = 'numbered';
    } else d.slots.set(index, m);
  }
  return drafts;
}

/** Phase 2: unthreaded sends: drafts whose messages are all thread roots (or reply to messages the
 *  archive lacks: the rest of a send that went to other lists) merge with drafts of the same
 *  sender, version and total sent within UNTHREADED_WINDOW_MS, when their slots do not collide.
 *  Returns the drafts merged into another. */
function mergeUnthreaded(drafts: readonly Draft[], byKey: ReadonlyMap<string, SeriesMessage>): Set<Draft> {
  const isRootOnly = (d: Draft): boolean => members(d).every((m) => m.parent === null || !byKey.has(m.parent)) && (members(d)[0]?.meta.tags.total ?? 0) > 1;
  const loose = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (!isRootOnly(d)) continue;
    const k = groupKey(members(d)[0]!, false);
    appendTo(loose, k, d);
  }
  const merged = new Set<Draft>();
  for (const list of loose.values()) {
    const start = (d: Draft): number => Math.min(...members(d).map((m) => m.date ?? Infinity));
    list.sort((a, b) => start(a) - start(b));
    let acc: Draft | null = null;
    for (const d of list) {
      const fits =
        acc !== null &&
        start(d) - start(acc) <= UNTHREADED_WINDOW_MS &&
        !(d.cover && acc.cover) &&
        [...d.slots.keys()].every((i) => !acc!.slots.has(i));
      if (acc && fits) {
        for (const [i, m] of d.slots) acc.slots.set(i, m);
        if (d.cover) {
          acc.cover = d.cover;
          acc.coverHow = d.coverHow;
        }
        merged.add(d);
      } else acc = d;
    }
  }
  return merged;
}

/** The lowest-numbered patch of a draft that has patches. */
const firstPatch = (d: Draft): SeriesMessage => d.slots.get(Math.min(...d.slots.keys()))!;

/** Phase 3: covers the patches reply to but whose tags differ from theirs ("[PATCH net-next v3
 *  0/4]" leading "[PATCH net-next 1/4]"s, "[PATCH v2 0/7]" leading "[PATCH v2 1/6]"s): a cover
 *  left alone takes the patches of the same author that reply to it, when they announce as many
 *  patches or the same version. Their draft joins `merged`. */
function giveCoversTheirPatches(drafts: readonly Draft[], merged: Set<Draft>): void {
  const coverOnly = new Map<string, Draft>();
  for (const d of drafts) if (!merged.has(d) && d.cover && d.slots.size === 0) coverOnly.set(d.cover.key, d);
  for (const d of drafts) {
    if (merged.has(d) || d.cover || d.slots.size === 0) continue;
    const first = firstPatch(d);
    const host = first.parent ? coverOnly.get(first.parent) : undefined;
    if (!host || host.cover!.from.email.toLowerCase() !== first.from.email.toLowerCase()) continue;
    const tags = host.cover!.meta.tags;
    if (tags.total !== first.meta.tags.total && !(tags.version === first.meta.tags.version && tags.rfc === first.meta.tags.rfc)) continue;
    host.slots = d.slots;
    merged.add(d);
    coverOnly.delete(first.parent!);
  }
}

/** Phase 4: covers without a number: the parent of the first patch, by the same author, that is
 *  a patch-tagged mail with a diffstat, or a thread root that is not a patch (a naked cover). */
function findUnnumberedCovers(drafts: readonly Draft[], merged: ReadonlySet<Draft>, byKey: ReadonlyMap<string, SeriesMessage>): void {
  const claimed = new Set<string>();
  for (const d of drafts) if (d.cover) claimed.add(d.cover.key);
  for (const d of drafts) {
    if (merged.has(d) || d.cover || d.slots.size === 0) continue;
    const first = firstPatch(d);
    const parent = first.parent ? byKey.get(first.parent) : undefined;
    if (!parent || claimed.has(parent.key) || parent.from.email.toLowerCase() !== first.from.email.toLowerCase()) continue;
    if (parent.meta.kind === 'cover') {
      d.cover = parent;
      d.coverHow = 'diffstat';
    } else if (parent.meta.kind === 'other' && parent.parent === null && !parent.meta.tags.reply) {
      d.cover = parent;
      d.coverHow = 'naked';
    } else continue;
    claimed.add(parent.key);
  }
}

/** The posting a draft makes. */
function toPosting(d: Draft, byKey: Map<string, SeriesMessage>): Posting {
  const patches: PostingPatch[] = [...d.slots.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, m]) => ({
      key: m.key,
      index,
      total: m.meta.tags.total ?? 1,
      subject: m.subject,
      title: m.meta.tags.title,
      fingerprint: m.meta.diff?.fingerprint ?? '',
    }));
  const lead = d.cover ?? byKey.get(patches[0]!.key)!;
  const all = members(d);
  const inPosting = new Set(all.map((m) => m.key));
  const first = d.cover ?? byKey.get(patches[0]?.key ?? '')!;
  const dates = all.map((m) => m.date).filter((x): x is number => x !== null);
  const tagsOf = (d.slots.values().next().value ?? lead).meta.tags;
  // The version the cover letter announces wins over its patches' when the two differ (a cover
  // bumped to "v4" over patches still tagged "v3").
  const version = (d.cover?.meta.tags.version ?? null) !== null && d.cover!.meta.tags.index === 0 ? d.cover!.meta.tags.version : (tagsOf.version ?? d.cover?.meta.tags.version ?? null);
  const patchMessages = [...d.slots.values()];
  return {
    id: lead.key,
    threadId: d.threadId,
    author: lead.from,
    date: d.cover?.date ?? (dates.length ? Math.min(...dates) : null),
    version,
    rfc: tagsOf.rfc || lead.meta.tags.rfc,
    resend: all.some((m) => m.meta.tags.resend),
    bundle: lead.meta.tags.bundle,
    total: tagsOf.total,
    prefixes: tagsOf.prefixes,
    title: lead.meta.tags.title || lead.subject,
    subject: lead.subject,
    coverKey: d.cover?.key ?? null,
    cover: d.coverHow,
    patches,
    changeId: d.cover?.meta.changeId ?? all.map((m) => m.meta.changeId).find((c) => c !== null) ?? null,
    links: [...new Set(all.flatMap((m) => m.meta.versionLinks))].filter((l) => !inPosting.has(l)),
    changelogFrom: [...new Set(all.flatMap((m) => m.meta.changelogFrom))].sort((a, b) => a - b),
    inReplyTo: first.parent !== null && !inPosting.has(first.parent) ? first.parent : null,
    files: [...new Set(patchMessages.flatMap((m) => m.meta.diff?.files.map((f) => f.path) ?? []))].sort(),
    signers: [...new Set(patchMessages.flatMap((m) => m.meta.trailers.filter((t) => /^(?:signed-off-by|co-developed-by)$/i.test(t.name) && t.email).map((t) => t.email)))].sort(),
  };
}
