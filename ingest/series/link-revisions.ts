// Revisions: which postings are versions of the same series (a lineage, RFC -> v1 -> ... -> vN),
// linked by a cascade of evidence, strongest first: the same b4 change-id; a cover letter linking
// to the previous posting ("Link to v2: https://lore.kernel.org/r/..."); a posting sent in reply
// to the previous one; a changelog ("Changes since v3") by the same author; the same author with
// the same or a similar title and a later version; the same author with the same patches
// (fingerprints) or patch titles under a new title. A series someone else takes over (a later
// version under the same title, keeping the first author's sign-off or patches) is linked too;
// otherwise only explicit evidence (change-id, link) joins postings of different authors. No
// heuristic joins postings whose patches change none of the same files (a kernel series and its
// user-space counterpart), nor a standalone patch into a series it was split from. Manual pins and
// splits (content/series-links.json) win over all of it. Versions missing from subjects are
// inferred (changelog, order in the lineage); a RESEND is the version it resends. What comparing
// each posting with the earlier ones it might revise finds (findEvidence: PostingEvidence) can be
// kept and given back to linkRevisions (a LinkScope), so that new mail compares again only the
// postings it can concern (link-scope.ts). Pure; never throws (but on a scope missing a posting).
import type { Lineages, Posting, PostingEvidence, PostingPatch, PostingTrailer, Revision, RevisionCandidate, RevisionOverrides, RevisionSignal } from '../types.ts';
import { DisjointSets } from '../thread/disjoint-sets.ts';
import { appendTo } from './append-to.ts';
import { trailerIdentity } from './collect-trailers.ts';

/** Confidence of each signal: how often it is right, as judged on the nvdimm list. */
export const SIGNAL_CONFIDENCE: Record<RevisionSignal, number> = {
  manual: 1,
  'change-id': 0.99,
  'changelog-link': 0.95,
  'in-reply-to': 0.9,
  changelog: 0.8,
  subject: 0.7,
  'patch-id': 0.6,
};

/** Postings further apart than this are not linked by subject or patches alone (a title reused
 *  years later is more likely a new series than a revision). */
export const HEURISTIC_WINDOW_MS = 3 * 365 * 24 * 3600 * 1000;
/** Titles at least this similar (word overlap) count as "the same title". */
export const TITLE_SIMILARITY = 0.8;
/** A changelog naming the earlier version links it when the titles are at least this similar
 *  (or the postings share a patch). */
export const CHANGELOG_SIMILARITY = 0.5;

export const NO_OVERRIDES: RevisionOverrides = { pin: [], split: [] };

/** Patch titles are compared word by word (a renamed patch) only within postings this small: a
 *  long series has enough patches under their own titles. */
const MAX_FUZZY = 40;

/** Titles whose words were read, kept while linking a store's postings compares them again and
 *  again; emptied when it holds more than this many. */
const WORDS_CACHE = 50_000;
const wordCache = new Map<string, Set<string>>();

function words(title: string): Set<string> {
  let w = wordCache.get(title);
  if (w) return w;
  if (wordCache.size >= WORDS_CACHE) wordCache.clear();
  w = new Set(
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_/.-]+/gu, ' ')
      .split(/\s+/)
      .filter((x) => x.length > 0),
  );
  wordCache.set(title, w);
  return w;
}

/** Word-set similarity of two titles (Jaccard), 1 for equal titles. */
export function titleSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common);
}

/** Whether titles name the same series: the same words mostly (TITLE_SIMILARITY), or all the
 *  words of one among those of the other when they are several ("x86/mce: retrieve poison range
 *  from hardware" after "... from hardware whenever supported"). */
function similarTitles(a: string, b: string): boolean {
  if (titleSimilarity(a, b) >= TITLE_SIMILARITY) return true;
  const [small, big] = [words(a), words(b)].sort((x, y) => x.size - y.size);
  if (small!.size < 4 || titleSimilarity(a, b) < 0.5) return false;
  for (const w of small!) if (!big!.has(w)) return false;
  return true;
}

/** Who sent a posting, as the ways to find the postings of one person: the address, unless it is
 *  a list's or a relay's that stands for many senders (Mailman's "Dan Williams via Linux-nvdimm",
 *  b4's "Name via B4 Relay <devnull+...>"), and the name when it has two words or more. */
export function identities(p: Pick<Posting, 'author'>): string[] {
  const via = /\s+via\s+\S.*$/i.exec(p.author.name);
  const name = (via ? p.author.name.slice(0, via.index) : p.author.name).trim().replace(/\s+/g, ' ').toLowerCase();
  const email = p.author.email.toLowerCase();
  const out: string[] = [];
  if (email && !via && !email.startsWith('devnull+')) out.push(email);
  if (name.includes(' ') && name.length > 5) out.push(`name:${name}`);
  if (out.length === 0) out.push(email || `name:${name}`);
  return out;
}

function sameAuthor(a: Posting, b: Posting): boolean {
  const ia = identities(a);
  return identities(b).some((x) => ia.includes(x));
}

/** Postings whose patches both change files and no file of the other: different code bases or
 *  different work, whatever their titles say. */
function disjointFiles(a: Posting, b: Posting): boolean {
  if (a.files.length === 0 || b.files.length === 0) return false;
  const fa = setsOf(a).files;
  return !b.files.some((f) => fa.has(f));
}

/** A patch sent on its own (no cover letter, not "k/N" of a larger series). */
const standalone = (p: Posting): boolean => p.coverKey === null && (p.total ?? 1) <= 1 && p.patches.length === 1;

/** A patch on its own and a series of three or more under another title: one may be split out of
 *  (or grown from) the other, which sharing a patch, or "v1" naming any untagged posting, does not
 *  tell. */
const splitOut = (a: Posting, b: Posting): boolean =>
  standalone(a) !== standalone(b) && Math.max(a.patches.length, b.patches.length) >= 3 && titleSimilarity(a.title, b.title) < 0.5;

/** A posting's tagged version; a bundle's own version says nothing about its series. */
const num = (p: Posting): number | null => (p.version === null || p.bundle ? null : Number(p.version));

/** Whether B may follow A as a later revision, by their versions. */
function laterVersion(a: Posting, b: Posting): boolean {
  const va = num(a);
  const vb = num(b);
  if (va === null || vb === null) return true;
  if (vb > va) return true;
  if (vb === va) return b.resend || (a.rfc && !b.rfc) || Math.trunc(vb) !== vb;
  return a.rfc && !b.rfc;
}

/** Whether B, sent in reply to A, is a revision of A: a higher version, a RESEND, or a partial
 *  reroll ("v5.1" in reply to v5). Series sent in reply to a bundle, or to someone's discussion,
 *  are not revisions by their threading alone. */
function repliesAsRevision(a: Posting, b: Posting): boolean {
  const vb = b.version === null ? null : Number(b.version);
  const va = a.version === null ? null : Number(a.version);
  if (vb !== null && !Number.isInteger(vb)) return va !== null && Math.trunc(vb) === Math.trunc(va);
  if (b.resend) return true;
  // An untagged posting is v1; a bundle's own number says nothing.
  const na = a.bundle ? null : (num(a) ?? 1);
  const nb = num(b);
  return na !== null && nb !== null && (nb > na || (nb === na && a.rfc && !b.rfc));
}

/** Whether two patch titles name the same patch: equal, or the same words but one or two of
 *  several ("don't mark refcounted pages special in ..." renamed "... folios special in ..."). */
function samePatchTitle(a: PostingPatch, b: PostingPatch): boolean {
  if (a.title.toLowerCase() === b.title.toLowerCase()) return true;
  const wa = words(a.title);
  const wb = words(b.title);
  if (wa.size < 5 || wb.size < 5) return false;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common) >= TITLE_SIMILARITY;
}

/** A posting's patch fingerprints and lower-case patch titles, and its files, computed once. */
const patchSets = new WeakMap<Posting, { fingerprints: Set<string>; titles: Set<string>; files: Set<string> }>();
function setsOf(p: Posting): { fingerprints: Set<string>; titles: Set<string>; files: Set<string> } {
  let s = patchSets.get(p);
  if (!s) {
    s = { fingerprints: new Set(p.patches.map((x) => x.fingerprint).filter((f) => f)), titles: new Set(p.patches.map((x) => x.title.toLowerCase())), files: new Set(p.files) };
    patchSets.set(p, s);
  }
  return s;
}

/** Share of the smaller posting's patches the other has with the same diff (fingerprint). */
function sameDiffs(a: Posting, b: Posting): number {
  const fa = setsOf(a).fingerprints;
  let n = 0;
  for (const p of b.patches) if (p.fingerprint && fa.has(p.fingerprint)) n++;
  return n / (Math.min(a.patches.length, b.patches.length) || 1);
}

function overlap(a: Posting, b: Posting): number {
  const { fingerprints: fa, titles: ta } = setsOf(a);
  let fp = 0;
  for (const p of b.patches) if (p.fingerprint && fa.has(p.fingerprint)) fp++;
  let titles = 0;
  for (const p of b.patches) if (ta.has(p.title.toLowerCase())) titles++;
  const smaller = Math.min(a.patches.length, b.patches.length) || 1;
  // A single shared patch proves little in a big series (a patch split out of it into a small
  // series of its own keeps its title): ask for a third of the smaller one, and two patches once
  // it has three.
  const needed = Math.max(smaller >= 3 ? 2 : 1, Math.ceil(smaller / 3));
  if (fp < needed && titles < needed && a.patches.length <= MAX_FUZZY && b.patches.length <= MAX_FUZZY) {
    titles = 0;
    for (const p of b.patches) if (a.patches.some((q) => samePatchTitle(q, p))) titles++;
  }
  return fp >= needed || titles >= needed ? Math.max(fp, titles) / smaller : 0;
}

/** An earlier posting that a posting may revise, and the evidence of it. */
interface Candidate {
  from: Posting;
  signal: RevisionSignal;
  confidence: number;
  /** Share of patches it has in common with the later posting (overlap()), when computed. */
  shared?: number;
}

/** The stable tree a posting is a backport to ("6.12", "5.15.y", with AUTOSEL when the stable
 *  team's selection), or '' for mainline work. */
export function stableTree(p: Pick<Posting, 'prefixes'>): string {
  const version = p.prefixes.find((w) => /^\d+\.\d+(?:\.\d+|\.y)?$/i.test(w)) ?? '';
  const autosel = p.prefixes.some((w) => /^autosel$/i.test(w));
  return autosel ? `AUTOSEL ${version}`.trim() : version ? version : p.prefixes.some((w) => /^stable$/i.test(w)) ? 'stable' : '';
}

/** The evidence that `b` revises the earlier `a`, strongest signal first; null when none. */
export function evidence(a: Posting, b: Posting, member: Map<string, Posting>): Candidate | null {
  // A backport to a stable tree is not a revision of the mainline patch, nor of its backports to
  // other trees.
  if (stableTree(a) !== stableTree(b)) return null;
  if (a.changeId && a.changeId === b.changeId) return { from: a, signal: 'change-id', confidence: SIGNAL_CONFIDENCE['change-id'] };
  if (b.links.some((l) => member.get(l) === a)) return { from: a, signal: 'changelog-link', confidence: SIGNAL_CONFIDENCE['changelog-link'] };
  if (!sameAuthor(a, b)) return takeover(a, b);
  if (b.inReplyTo && member.get(b.inReplyTo) === a && repliesAsRevision(a, b)) {
    return { from: a, signal: 'in-reply-to', confidence: SIGNAL_CONFIDENCE['in-reply-to'] };
  }
  const gap = (b.date ?? 0) - (a.date ?? 0);
  const similar = titleSimilarity(a.title, b.title);
  // Shared patches are counted only when a rule needs them: comparing patch lists costs more
  // than the rest.
  let sharedCache: number | null = null;
  const shared = (): number => (sharedCache ??= overlap(a, b));
  const va = num(a) ?? 1;
  // 0 in a changelog is an RFC without a number ("Changes since RFC"); "Changes from V6" names
  // v6.2, a partial reroll of v6, too.
  const named = b.changelogFrom.includes(va) || b.changelogFrom.includes(Math.trunc(va)) || (a.rfc && a.version === null && b.changelogFrom.includes(0));
  if (disjointFiles(a, b) && !(similar === 1 && a.prefixes.join(' ') === b.prefixes.join(' '))) return null;
  // A patch sent on its own after a series it shares a patch with is split out of it, unless its
  // version continues the series' ("[PATCH v6] one patch" after "[PATCH v5 00/18]").
  if (splitOut(a, b) && standalone(b) && !(num(a) !== null && num(b) !== null && num(b)! > num(a)!)) return null;
  if (named && laterVersion(a, b) && (similar >= CHANGELOG_SIMILARITY || shared() > 0)) {
    return { from: a, signal: 'changelog', confidence: SIGNAL_CONFIDENCE.changelog };
  }
  if (gap > HEURISTIC_WINDOW_MS) return null;
  if (similarTitles(a.title, b.title) && laterVersion(a, b)) return { from: a, signal: 'subject', confidence: SIGNAL_CONFIDENCE.subject };
  // Half the patches again is the same series even when renumbered (a restart at v1, a bundle);
  // a series taking in a patch once sent on its own is not by that alone its next version.
  if (!splitOut(a, b) && shared() > 0 && (laterVersion(a, b) || shared() >= 0.5)) return { from: a, signal: 'patch-id', confidence: SIGNAL_CONFIDENCE['patch-id'], shared: shared() };
  return null;
}

/** The evidence that `b`, sent by someone else, takes over the series of the earlier `a`: a later
 *  version, within the heuristic window, changing some of the same files, under the same title
 *  with `a`'s author's sign-off kept, or with half of `a`'s patches unchanged (the same diffs: a
 *  title alone is anyone's to reuse). */
function takeover(a: Posting, b: Posting): Candidate | null {
  const va = num(a) ?? 1;
  const vb = num(b);
  if (vb === null || vb <= va || (b.date ?? 0) - (a.date ?? 0) > HEURISTIC_WINDOW_MS || disjointFiles(a, b)) return null;
  const signedByA = identities(a).some((x) => b.signers.includes(x));
  if (!(similarTitles(a.title, b.title) && signedByA) && sameDiffs(a, b) < 0.5) return null;
  const named = b.changelogFrom.includes(Math.trunc(va));
  return { from: a, signal: named ? 'changelog' : 'subject', confidence: SIGNAL_CONFIDENCE[named ? 'changelog' : 'subject'] };
}

/** Explicit evidence (change-id, links, replies) outranks heuristics; within a tier, the most
 *  recent earlier posting is the predecessor. */
function tier(c: Candidate): number {
  return c.confidence >= 0.9 ? 2 : 1;
}

/** How a candidate ranks among those of `b`: by tier; then, for heuristics, a series before a
 *  patch on its own it may have grown from (splitOut), and one sharing a patch with `b` (the
 *  previous version of a series split in two, or of one taken apart into single patches, holds its
 *  patches) before one that does not; the most recent wins a tie. */
export function rank(c: Candidate, b: Posting): number {
  if (tier(c) === 2) return 8;
  return 4 + (splitOut(c.from, b) ? 0 : 2) + ((c.shared ?? overlap(c.from, b)) > 0 ? 1 : 0);
}

/** Where a part of the postings is linked (ingest/series/link-scope.ts): what comparing them with
 *  earlier postings found, computed before for each of them. */
export interface LinkScope {
  /** By posting id; every posting given must have its entry. */
  evidence: ReadonlyMap<string, PostingEvidence>;
}

/** Link postings into lineages. `trailers` are the postings' collected trailers (for carrying).
 *  With a `scope`, the postings' evidence is the scope's instead of found here: then `postings`
 *  need only be closed under it (every posting its evidence names, every posting naming one of
 *  them, manual pins), and the lineages come out as they would among all postings. */
export function linkRevisions(postings: readonly Posting[], trailers: readonly PostingTrailer[], overrides: RevisionOverrides = NO_OVERRIDES, scope?: LinkScope): Lineages {
  const index = indexPostings(postings);
  const evidence = scope?.evidence ?? new Map(index.ordered.map((b) => [b.id, evidenceOf(b, index)]));
  const chosen = predecessorsOf(index, evidence);
  const forked = forkRivals(index, chosen);
  const sets = joinFamilies(index, chosen, overrides);
  const { families, secondary } = gatherFamilies(index, sets, evidence);
  const trailersOf = new Map<string, PostingTrailer[]>();
  for (const t of trailers) appendTo(trailersOf, t.patchKey, t);
  const revisions: Revision[] = [];
  const carried: PostingTrailer[] = [];
  for (const [root, list] of families) {
    list.sort((a, b) => index.position.get(a.id)! - index.position.get(b.id)!);
    for (const r of numberFamily(list, (p) => secondary.get(`${root}\0${p.id}`) ?? chosen.get(p.id), forked)) revisions.push(r);
    carried.push(...carryTrailers(list, trailersOf));
  }
  return { revisions, carried };
}

/** The postings in date order (then id), with the lookups every phase uses. */
interface PostingIndex {
  /** The postings by date (undated last), then id. */
  ordered: Posting[];
  /** Each posting's place in `ordered`, by posting id. */
  position: Map<string, number>;
  /** The posting of each posting id and of each of its messages (cover letter, patches). */
  member: Map<string, Posting>;
  /** Postings by each of their author's identities (identities()), in date order. */
  byAuthor: Map<string, Posting[]>;
  /** Postings by change-id, in date order. */
  byChangeId: Map<string, Posting[]>;
  /** Postings by title (titleKey), in date order: where a series someone took over is found. */
  byTitle: Map<string, Posting[]>;
}

/** Who sent a posting, as the store batches the postings of one author: the address, else the
 *  name. (Which postings a posting is compared with is poolOf's: by each of its identities.) */
export const authorKey = (p: Pick<Posting, 'author'>): string => p.author.email.toLowerCase() || p.author.name.toLowerCase();

/** A title as postings are found by it: its words, in lower case. */
export const titleKey = (t: string): string => [...words(t)].join(' ');

/** The keys under which the earlier postings `b` might revise are found (poolOf), besides its
 *  change-id and links: each of its identities and its signers' (`author:`), and its title
 *  (`title:`). */
export function poolKeys(b: Pick<Posting, 'author' | 'signers' | 'title'>): string[] {
  return [...new Set([...identities(b), ...b.signers].map((k) => `author:${k}`)), `title:${titleKey(b.title)}`];
}

/** The keys under which a posting is found by the postings that might revise it (their
 *  poolKeys): each of its identities (`author:`) and its title (`title:`). */
export function foundUnder(a: Pick<Posting, 'author' | 'title'>): string[] {
  return [...identities(a).map((k) => `author:${k}`), `title:${titleKey(a.title)}`];
}


/** The earlier postings `b` might revise: its author's (by each identity), its change-id's, those
 *  it links to, those of its title and those of the people who signed its patches off. */
function poolOf(b: Posting, { member, byAuthor, byChangeId, byTitle }: PostingIndex): Set<Posting> {
  const pool = new Set<Posting>();
  for (const k of identities(b)) for (const a of byAuthor.get(k) ?? []) pool.add(a);
  if (b.changeId) for (const a of byChangeId.get(b.changeId) ?? []) pool.add(a);
  for (const l of b.links) {
    const a = member.get(l);
    if (a) pool.add(a);
  }
  for (const a of byTitle.get(titleKey(b.title)) ?? []) pool.add(a);
  for (const s of b.signers) for (const a of byAuthor.get(s) ?? []) pool.add(a);
  return pool;
}

/** Phase 1: order the postings and index them by message, author and change-id. */
function indexPostings(postings: readonly Posting[]): PostingIndex {
  const ordered = [...postings].sort((a, b) => (a.date ?? Infinity) - (b.date ?? Infinity) || (a.id < b.id ? -1 : 1));
  const position = new Map(ordered.map((p, i) => [p.id, i]));
  const member = new Map<string, Posting>();
  for (const p of ordered) {
    member.set(p.id, p);
    if (p.coverKey) member.set(p.coverKey, p);
    for (const x of p.patches) member.set(x.key, p);
  }
  const byAuthor = new Map<string, Posting[]>();
  const byChangeId = new Map<string, Posting[]>();
  const byTitle = new Map<string, Posting[]>();
  for (const p of ordered) {
    for (const k of identities(p)) appendTo(byAuthor, k, p);
    if (p.changeId) appendTo(byChangeId, p.changeId, p);
    appendTo(byTitle, titleKey(p.title), p);
  }
  return { ordered, position, member, byAuthor, byChangeId, byTitle };
}

/** Phase 2: what comparing each posting of `of` (by id) with the earlier ones among `postings`
 *  finds: its predecessor (among the earlier postings that might be, poolOf: the best rank of
 *  evidence wins, then the most recent posting) and, for a bundle, its evidence against every
 *  earlier posting of its pool, oldest first. `postings` must hold, for each of them, its pool:
 *  the postings of each of its identities and its signers', of its title, of its change-id and
 *  those it links to (link-scope.ts: evidenceContext). */
export function findEvidence(postings: readonly Posting[], of: Iterable<string>): PostingEvidence[] {
  const index = indexPostings(postings);
  const out: PostingEvidence[] = [];
  for (const id of of) {
    const b = index.member.get(id);
    if (!b || b.id !== id) throw new Error(`BUG: findEvidence asked about ${id}, which is not among its postings`);
    out.push(evidenceOf(b, index));
  }
  return out;
}

/** The evidence of one posting against the earlier postings of its pool. Every posting of the
 *  pool is compared (no index can skip one: the rules' similar titles, renamed patches and
 *  takeovers reach beyond shared words and patches), and the pool is small: a person's, a
 *  title's, a change-id's postings. */
function evidenceOf(b: Posting, index: PostingIndex): PostingEvidence {
  const { position, member } = index;
  const stored = (c: Candidate): RevisionCandidate => ({ from: c.from.id, signal: c.signal, confidence: c.confidence });
  const found: Candidate[] = [];
  let best: Candidate | null = null;
  let bestRank = 0;
  for (const a of poolOf(b, index)) {
    if (a === b || position.get(a.id)! >= position.get(b.id)!) continue;
    const c = evidence(a, b, member);
    if (!c) continue;
    found.push(c);
    const r = rank(c, b);
    if (!best || r > bestRank || (r === bestRank && position.get(c.from.id)! > position.get(best.from.id)!)) [best, bestRank] = [c, r];
  }
  const bundled = b.bundle ? found.sort((x, y) => position.get(x.from.id)! - position.get(y.from.id)!).map(stored) : [];
  return { postingId: b.id, predecessor: best && stored(best), bundled };
}

/** A stored candidate with its posting, which must be among the postings linked. */
function candidateOf(c: RevisionCandidate, { member }: PostingIndex): Candidate {
  const from = member.get(c.from);
  if (!from || from.id !== c.from) throw new Error(`BUG: evidence names ${c.from}, which is not among the postings linked`);
  return { from, signal: c.signal, confidence: c.confidence };
}

/** Each posting's predecessor, from its evidence. Postings without one are absent. */
function predecessorsOf(index: PostingIndex, evidence: ReadonlyMap<string, PostingEvidence>): Map<string, Candidate> {
  const chosen = new Map<string, Candidate>();
  for (const b of index.ordered) {
    const e = evidence.get(b.id);
    if (!e) throw new Error(`BUG: no evidence for posting ${b.id}`);
    if (e.predecessor) chosen.set(b.id, candidateOf(e.predecessor, index));
  }
  return chosen;
}

/** Phase 3: a series divided in two continues its numbering in both halves: the second posting
 *  to claim the same predecessor with the same version, on heuristic evidence, is the first of a
 *  lineage of its own. Its link leaves `chosen`; the result says what it forked from, by posting
 *  id. */
function forkRivals({ ordered }: PostingIndex, chosen: Map<string, Candidate>): Map<string, Posting> {
  const forked = new Map<string, Posting>();
  const successors = new Map<string, Posting[]>();
  for (const b of ordered) {
    const c = chosen.get(b.id);
    if (!c || c.confidence >= 0.9) continue;
    const vb = num(b);
    const rival = (successors.get(c.from.id) ?? []).find((x) => vb !== null && Number.isInteger(vb) && num(x) === vb && !x.resend && !b.resend);
    if (rival) {
      forked.set(b.id, c.from);
      chosen.delete(b.id);
      continue;
    }
    appendTo(successors, c.from.id, b);
  }
  return forked;
}

/** Phase 4: families as sets of posting ids: manual pins first (they become `chosen` links of
 *  signal 'manual'), then automatic links, strongest first, never across a manual split. A link
 *  refused by a split, or left between two families, leaves `chosen`. */
function joinFamilies({ ordered, position, member }: PostingIndex, chosen: Map<string, Candidate>, overrides: RevisionOverrides): DisjointSets {
  const sets = new DisjointSets();
  const splits = overrides.split.map((s) => [member.get(s.from), member.get(s.to)] as const).filter((s): s is readonly [Posting, Posting] => !!s[0] && !!s[1]);
  const forbidden = (a: string, b: string): boolean => {
    const ra = sets.find(a);
    const rb = sets.find(b);
    return splits.some(([x, y]) => {
      const rx = sets.find(x.id);
      const ry = sets.find(y.id);
      return (rx === ra && ry === rb) || (rx === rb && ry === ra);
    });
  };
  for (const pin of overrides.pin) {
    const a = member.get(pin.from);
    const b = member.get(pin.to);
    if (!a || !b || a === b) continue;
    const [early, late] = position.get(a.id)! < position.get(b.id)! ? [a, b] : [b, a];
    chosen.set(late.id, { from: early, signal: 'manual', confidence: 1 });
    sets.union(early.id, late.id);
  }
  const links: Array<[Posting, Candidate]> = ordered.filter((b) => chosen.has(b.id)).map((b) => [b, chosen.get(b.id)!]);
  links.sort((x, y) => y[1].confidence - x[1].confidence);
  for (const [b, c] of links) {
    if (c.signal === 'manual') continue;
    if (forbidden(c.from.id, b.id)) {
      chosen.delete(b.id);
      continue;
    }
    sets.union(c.from.id, b.id);
  }
  for (const [b, c] of links) if (c.signal !== 'manual' && sets.find(c.from.id) !== sets.find(b.id)) chosen.delete(b.id);
  return sets;
}

/** Phase 5: the postings of each family (by the id of its set), in date order. A bundle
 *  (PATCHSETS) continues every series it bundles: besides the family it was linked into, it joins
 *  the family of its best evidence elsewhere; `secondary` holds that link, by
 *  `${family root}\0${posting id}`. */
function gatherFamilies(index: PostingIndex, sets: DisjointSets, evidence: ReadonlyMap<string, PostingEvidence>): { families: Map<string, Posting[]>; secondary: Map<string, Candidate> } {
  const { ordered, position } = index;
  const families = new Map<string, Posting[]>();
  for (const p of ordered) appendTo(families, sets.find(p.id), p);
  const secondary = new Map<string, Candidate>();
  for (const b of ordered) {
    if (!b.bundle) continue;
    const home = sets.find(b.id);
    const others = new Map<string, Candidate>();
    for (const c of evidence.get(b.id)!.bundled.map((x) => candidateOf(x, index))) {
      const root = sets.find(c.from.id);
      if (root === home) continue;
      const prev = others.get(root);
      if (!prev || position.get(c.from.id)! > position.get(prev.from.id)!) others.set(root, c);
    }
    for (const [root, c] of others) {
      families.get(root)!.push(b);
      secondary.set(`${root}\0${b.id}`, c);
    }
  }
  return { families, secondary };
}

/** What numbering a lineage has reached, posting by posting. */
interface Numbering {
  /** The version each posting got, by posting id. */
  versionOf: Map<string, number>;
  /** The highest whole version of a non-RFC posting so far, 0 before the first. */
  lastRelease: number;
  /** The version of the previous posting, 0 before the first. */
  last: number;
  /** Whole versions given to RFC postings so far, and to the others. */
  rfcVersions: Set<number>;
  releaseVersions: Set<number>;
}

/** Phase 6: the revisions of one family, `list` in date order: each posting's version and the
 *  link that joined it (`linkOf`). */
function numberFamily(list: readonly Posting[], linkOf: (p: Posting) => Candidate | undefined, forked: ReadonlyMap<string, Posting>): Revision[] {
  const family = list[0]!.id;
  const numbering: Numbering = { versionOf: new Map(), lastRelease: 0, last: 0, rfcVersions: new Set(), releaseVersions: new Set() };
  return list.map((p): Revision => {
    const c = linkOf(p);
    const { version, inferred } = versionIn(p, c, numbering);
    numbering.versionOf.set(p.id, version);
    (p.rfc ? numbering.rfcVersions : numbering.releaseVersions).add(Math.trunc(version));
    if (!p.rfc) numbering.lastRelease = Math.max(numbering.lastRelease, Math.trunc(version));
    numbering.last = version;
    return {
      postingId: p.id,
      family,
      version,
      versionInferred: inferred,
      linkFrom: p.id === family ? null : (c?.from.id ?? null),
      forkedFrom: forked.get(p.id)?.id ?? null,
      signal: p.id === family ? null : (c?.signal ?? null),
      confidence: p.id === family ? 1 : (c?.confidence ?? 1),
    };
  });
}

/** A posting's version in its lineage: as tagged; a partial reroll ("v2.1") under the number its
 *  predecessor got here (a bundle's); else inferred from a bundle's or RESEND's place, the
 *  changelog, or the order of postings. */
function versionIn(p: Posting, c: Candidate | undefined, { versionOf, lastRelease, last, rfcVersions, releaseVersions }: Numbering): { version: number; inferred: boolean } {
  const raw = p.version === null ? null : Number(p.version);
  if (raw !== null && !Number.isInteger(raw) && c && versionOf.has(c.from.id)) {
    // A partial reroll ("v2.1") of a posting whose number in this lineage differs (a bundle).
    const version = Math.trunc(versionOf.get(c.from.id)!) + Math.round((raw - Math.trunc(raw)) * 100) / 100;
    return { version, inferred: version !== raw };
  }
  const tagged = num(p);
  if (tagged !== null) return { version: tagged, inferred: false };
  if (p.bundle && last > 0) return { version: Math.trunc(last) + 1, inferred: true };
  if (p.resend) return { version: last || 1, inferred: true };
  // An untagged posting after RFCs that names only RFC versions ("Changes from v2 of the RFC")
  // is the first of the series proper: v1, as its subject says by having no number.
  const named = p.rfc ? p.changelogFrom : p.changelogFrom.filter((v) => !(rfcVersions.has(v) && !releaseVersions.has(v)) && !(v === 0 && rfcVersions.size > 0));
  if (named.length) return { version: Math.max(...named) + 1, inferred: true };
  // An untagged RFC is a preview of the next version; an untagged posting follows the last.
  return { version: lastRelease + 1, inferred: lastRelease > 0 || p.rfc };
}

/** Trailers given to a patch in one revision carry to later revisions only while the patch's
 *  fingerprint is unchanged (as b4 does with patch-ids). */
function carryTrailers(family: Posting[], trailersOf: Map<string, PostingTrailer[]>): PostingTrailer[] {
  const out: PostingTrailer[] = [];
  const byFingerprint = new Map<string, PostingTrailer[]>();
  for (const p of family) {
    for (const patch of p.patches) {
      if (!patch.fingerprint) continue;
      const own = trailersOf.get(patch.key) ?? [];
      const have = new Set(own.map(trailerIdentity));
      const earlier = byFingerprint.get(patch.fingerprint) ?? [];
      const mine: PostingTrailer[] = [];
      for (const t of earlier) {
        const id = trailerIdentity(t);
        if (have.has(id)) continue;
        have.add(id);
        const c: PostingTrailer = { ...t, postingId: p.id, patchKey: patch.key, source: 'carried' };
        out.push(c);
        mine.push(c);
      }
      // What later revisions may inherit: everything this patch now has but its own author's
      // sign-offs, which each revision carries in its own trailer block.
      const given = [...own, ...mine].filter((t) => t.source !== 'patch' || t.name !== 'Signed-off-by');
      byFingerprint.set(patch.fingerprint, [...earlier.filter((t) => !given.some((g) => g.name === t.name && g.email === t.email && g.value === t.value)), ...given]);
    }
  }
  return out;
}
