// Links the commits of a git history to the posted patches they came from, by the strongest
// evidence there is, in this order:
//   1. trailer: a Link:/Message-Id: trailer names the patch (or its cover letter, and one patch
//      of that posting matches the commit);
//   2. patch-id: the commit's `git patch-id --stable` equals the patch's;
//   3. subject: the same author and, for a commit with neither, the author date git am copied
//      from the mail, or the same subject, or a reworded subject over the same files, posted
//      within MAX_WAIT_MS before the commit.
// A commit links to at most one posting per lineage (when several revisions carry the same
// change: the one whose mail git am applied, else the latest posted before the commit); each link
// keeps the facts compared and how the commit differs from the patch (reworded, edited,
// squashed, split). Pure: commits and patches in, links out; it neither reads git nor the store.
import type { Address, CommitEvidence, CommitLink, CommitLinking, CommitMatch, GitCommit, LandingForm, PostedCover, PostedPatch, UnresolvedTrailer } from '../types.ts';
import { sameChangeKeys } from './commit-outcome.ts';
import { commitTrailerIds } from './commit-trailers.ts';
import { normalTitle, titleSimilarity } from './title-similarity.ts';

/** What linking reads. */
export interface CommitLinkInput {
  commits: readonly GitCommit[];
  patches: readonly PostedPatch[];
  covers: readonly PostedCover[];
}

const DAY = 24 * 60 * 60 * 1000;
/** A patch posted up to a day after the commit date may still be its source: clocks of senders
 *  and committers are not exact. Anything later was posted after the fact (a resend, a backport
 *  request). */
export const CLOCK_SLACK_MS = DAY;
/** Longest wait from posting to commit for a link by subject alone: three years, the window
 *  lineage linking uses for a series (ingest/series/link-revisions.ts). */
export const MAX_WAIT_MS = 3 * 365 * DAY;
/** Word overlap (title-similarity.ts) above which a changed subject still names the same patch,
 *  when the files agree too. */
export const REWORDED_TITLE = 0.6;
/** Share of files in common that backs a reworded subject. */
export const SAME_FILES = 0.5;

/** Confidence of each kind of link. */
export const CONFIDENCE = {
  /** A trailer names the patch. */
  trailer: 1,
  /** A trailer names the cover letter; the patch was picked within the posting. */
  trailerCover: 0.95,
  /** Equal patch-ids, same author. */
  patchId: 0.99,
  /** Equal patch-ids, another author (an identical change posted by someone else). */
  patchIdOtherAuthor: 0.9,
  /** Same author, and the author date git am took from the mail, with a similar subject or the
   *  same files. */
  exactDate: 0.95,
  /** Same author and author date only: one mail that became several commits. */
  exactDateOnly: 0.9,
  /** Same author, same subject, within the window. */
  sameTitle: 0.85,
  /** Base of same author, reworded subject, same files: plus 0.3 x the word overlap. */
  reworded: 0.5,
  /** A patch of the posting squashed into the commit: its files inside the commit's, its title in
   *  the commit message. */
  squashed: 0.7,
} as const;

/** A possible link, with the facts behind it. */
interface Candidate {
  commit: GitCommit;
  patch: PostedPatch;
  evidence: CommitEvidence;
  confidence: number;
  match: CommitMatch;
  /** The commit's author date is the patch's, to the second: git am applied this very mail. */
  exactDate: boolean;
}

/** Lookups over the posted patches. */
interface PatchIndex {
  byId: Map<string, PostedPatch>;
  byPosting: Map<string, PostedPatch[]>;
  coverPosting: Map<string, string>;
  byPatchId: Map<string, PostedPatch[]>;
  /** By author (address or name, see authorKeys) and: the author date's second, the title, each
   *  file. A link by subject needs one of these in common, so no commit is compared with every
   *  patch of its author. */
  byAuthorSecond: Map<string, PostedPatch[]>;
  byAuthorTitle: Map<string, PostedPatch[]>;
  byAuthorFile: Map<string, PostedPatch[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A name good enough to identify an author without the address: two words or more. */
function nameKey(name: string): string | null {
  const n = name.toLowerCase().replace(/["']/g, '').replace(/\s+/g, ' ').trim();
  return n.includes(' ') ? n : null;
}

function indexPatches(patches: readonly PostedPatch[], covers: readonly PostedCover[]): PatchIndex {
  const ix: PatchIndex = {
    byId: new Map(),
    byPosting: new Map(),
    coverPosting: new Map(),
    byPatchId: new Map(),
    byAuthorSecond: new Map(),
    byAuthorTitle: new Map(),
    byAuthorFile: new Map(),
  };
  for (const p of patches) {
    ix.byId.set(p.messageId, p);
    push(ix.byPosting, p.postingId, p);
    if (p.patchId) push(ix.byPatchId, p.patchId, p);
    for (const a of authorKeys(p.author)) {
      if (p.authorDate !== null) push(ix.byAuthorSecond, `${a}\0${Math.floor(p.authorDate / 1000)}`, p);
      push(ix.byAuthorTitle, `${a}\0${normalTitle(p.title)}`, p);
      for (const f of new Set(p.files)) push(ix.byAuthorFile, `${a}\0${f}`, p);
    }
  }
  for (const c of covers) ix.coverPosting.set(c.messageId, c.postingId);
  return ix;
}

/** Keys an author is found under: the address, and the name when it identifies (nameKey). */
function authorKeys(a: Address): string[] {
  const name = nameKey(a.name);
  return [...(a.email ? [`e\0${a.email.toLowerCase()}`] : []), ...(name ? [`n\0${name}`] : [])];
}

function authorMatch(a: Address, b: Address): CommitMatch['author'] {
  if (a.email && a.email.toLowerCase() === b.email.toLowerCase()) return 'email';
  const x = nameKey(a.name);
  return x && x === nameKey(b.name) ? 'name' : null;
}

function fileOverlap(a: readonly string[], b: readonly string[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  const set = new Set(a);
  let common = 0;
  for (const f of new Set(b)) if (set.has(f)) common++;
  return common / (set.size + new Set(b).size - common);
}

/** Whether git's author date (seconds) is the patch's, to the second. */
function sameSecond(commitDate: number, patchDate: number | null): boolean {
  return patchDate !== null && Math.floor(patchDate / 1000) === Math.floor(commitDate / 1000);
}

function facts(c: GitCommit, p: PostedPatch, trailer: string | null): CommitMatch {
  return {
    trailer,
    patchId: c.patchId && p.patchId ? c.patchId === p.patchId : null,
    title: titleSimilarity(c.subject, p.title),
    author: authorMatch(c.author, p.author),
    dateDelta: p.authorDate === null ? null : c.authorDate - p.authorDate,
    files: fileOverlap(c.files, p.files),
  };
}

/** Posted no later than the commit (give or take CLOCK_SLACK_MS); an unknown date does not
 *  exclude. */
function postedBefore(c: GitCommit, p: PostedPatch): boolean {
  return p.postedAt === null || p.postedAt <= c.commitDate + CLOCK_SLACK_MS;
}

/** Later postings first; unknown dates last. */
function latestFirst(a: PostedPatch, b: PostedPatch): number {
  return (b.postedAt ?? -Infinity) - (a.postedAt ?? -Infinity) || b.version - a.version || (a.messageId < b.messageId ? -1 : 1);
}

/** The link by subject, author and date a commit and a patch make, or null when they do not. */
function bySubject(c: GitCommit, p: PostedPatch): Candidate | null {
  if (p.postedAt === null || !postedBefore(c, p) || p.postedAt < c.commitDate - MAX_WAIT_MS) return null;
  const author = authorMatch(c.author, p.author);
  if (!author) return null;
  const match = facts(c, p, null);
  const exactDate = sameSecond(c.authorDate, p.authorDate);
  let confidence = 0;
  if (exactDate) confidence = match.title >= REWORDED_TITLE || (match.files ?? 0) >= SAME_FILES ? CONFIDENCE.exactDate : CONFIDENCE.exactDateOnly;
  else if (match.title === 1 && match.files !== 0) confidence = CONFIDENCE.sameTitle;
  else if (match.title >= REWORDED_TITLE && (match.files ?? 0) >= SAME_FILES) confidence = CONFIDENCE.reworded + 0.3 * match.title;
  if (confidence === 0) return null;
  return { commit: c, patch: p, evidence: 'subject', confidence: round(confidence), match, exactDate };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The patch of a posting a commit came from, when a trailer names the posting's cover letter:
 *  the one with the commit's patch-id, else the one its subject and author pick, else the only
 *  patch. */
function pickInPosting(c: GitCommit, patches: readonly PostedPatch[]): PostedPatch | null {
  const same = patches.find((p) => c.patchId !== null && p.patchId === c.patchId);
  if (same) return same;
  const scored = patches
    .map((p) => ({ p, m: facts(c, p, null) }))
    .filter((x) => x.m.title >= REWORDED_TITLE || sameSecond(c.authorDate, x.p.authorDate))
    .sort((a, b) => b.m.title - a.m.title);
  if (scored.length > 0) return scored[0]!.p;
  return patches.length === 1 ? patches[0]! : null;
}

/** Of the candidates of one commit, at most one posting per lineage: trailer candidates over
 *  patch-id ones; among postings, the one whose mail git am applied (the commit's author date is
 *  its date, to the second), else the latest posted before the commit (a patch-id candidate posted
 *  after it is dropped). Several patches of the chosen posting stay (a squash). When the mail
 *  applied is known, patch-id candidates in other lineages are the same patch posted again in a
 *  series lineage linking did not join: they are dropped too. */
function onePostingPerFamily(c: GitCommit, candidates: Candidate[]): Candidate[] {
  const applied = candidates.some((x) => x.exactDate);
  const byFamily = new Map<string, Candidate[]>();
  for (const x of candidates) push(byFamily, x.patch.family, x);
  const out: Candidate[] = [];
  for (const list of byFamily.values()) {
    const trailers = list.filter((x) => x.evidence === 'trailer');
    let pool = trailers.length > 0 ? trailers : list.filter((x) => postedBefore(c, x.patch));
    // A trailer naming the wrong patch of the right posting (a maintainer's tool gave every
    // commit of a series the first patch's Link): the patch of that posting whose patch-id the
    // commit has is linked too.
    if (trailers.length > 0 && !trailers.some((x) => x.match.patchId !== false)) {
      const postings = new Set(trailers.map((x) => x.patch.postingId));
      pool = [...pool, ...list.filter((x) => x.evidence === 'patch-id' && postings.has(x.patch.postingId))];
    }
    if (pool.some((x) => x.exactDate)) pool = pool.filter((x) => x.exactDate || x.evidence === 'trailer');
    else if (applied && trailers.length === 0) continue;
    if (pool.length === 0) continue;
    const posting = pool.map((x) => x.patch).sort(latestFirst)[0]!.postingId;
    const seen = new Set<string>();
    for (const x of pool) {
      if (x.patch.postingId !== posting || seen.has(x.patch.messageId)) continue;
      seen.add(x.patch.messageId);
      out.push(x);
    }
  }
  return out;
}

/** Link every commit to the patches it came from. */
export function linkCommits(input: CommitLinkInput): CommitLinking {
  const ix = indexPatches(input.patches, input.covers);
  const accepted = new Map<string, Candidate[]>();
  const unresolved: UnresolvedTrailer[] = [];
  const commitsOfPatch = new Map<string, Set<string>>();
  /** Lineage and title, and lineage and patch-id, of every linked patch, to the commits: the
   *  same patch in another revision has landed. */
  const landedAs = new Map<string, Set<string>>();
  const accept = (x: Candidate): void => {
    push(accepted, x.commit.hash, x);
    const commits = commitsOfPatch.get(x.patch.messageId) ?? new Set<string>();
    commits.add(x.commit.hash);
    commitsOfPatch.set(x.patch.messageId, commits);
    for (const key of twinKeys(x.patch)) {
      const set = landedAs.get(key) ?? new Set<string>();
      set.add(x.commit.hash);
      landedAs.set(key, set);
    }
  };

  // 1 and 2: trailers and patch-ids.
  for (const c of input.commits) {
    const candidates: Candidate[] = [];
    for (const t of commitTrailerIds(c.message)) {
      const p = ix.byId.get(t.messageId);
      if (p) {
        candidates.push({ commit: c, patch: p, evidence: 'trailer', confidence: CONFIDENCE.trailer, match: facts(c, p, t.line), exactDate: sameSecond(c.authorDate, p.authorDate) });
        continue;
      }
      const posting = ix.coverPosting.get(t.messageId);
      const picked = posting ? pickInPosting(c, ix.byPosting.get(posting) ?? []) : null;
      if (picked) {
        candidates.push({ commit: c, patch: picked, evidence: 'trailer', confidence: CONFIDENCE.trailerCover, match: facts(c, picked, t.line), exactDate: sameSecond(c.authorDate, picked.authorDate) });
      } else {
        unresolved.push({ commit: c.hash, messageId: t.messageId, reason: posting ? 'cover-unmatched' : 'not-posted' });
      }
    }
    if (c.patchId && c.parents.length < 2) {
      for (const p of ix.byPatchId.get(c.patchId) ?? []) {
        if (candidates.some((x) => x.patch.messageId === p.messageId)) continue;
        const match = facts(c, p, null);
        candidates.push({
          commit: c,
          patch: p,
          evidence: 'patch-id',
          confidence: match.author ? CONFIDENCE.patchId : CONFIDENCE.patchIdOtherAuthor,
          match,
          exactDate: sameSecond(c.authorDate, p.authorDate),
        });
      }
    }
    for (const x of onePostingPerFamily(c, candidates)) accept(x);
  }

  // 3: subject, author and date, for commits nothing else linked; strongest first, one patch per
  // commit. A patch (or the same patch in another revision) that landed as another commit is not
  // taken again, unless the commit carries that mail's own date: one mail holding several
  // patches, or a cherry-pick, which keeps the author date.
  const fuzzy: Candidate[] = [];
  for (const c of input.commits) {
    if (accepted.has(c.hash) || c.parents.length >= 2) continue;
    const seen = new Set<string>();
    const pool: PostedPatch[] = [];
    for (const a of authorKeys(c.author)) {
      pool.push(...(ix.byAuthorSecond.get(`${a}\0${Math.floor(c.authorDate / 1000)}`) ?? []));
      pool.push(...(ix.byAuthorTitle.get(`${a}\0${normalTitle(c.subject)}`) ?? []));
      for (const f of c.files) pool.push(...(ix.byAuthorFile.get(`${a}\0${f}`) ?? []));
    }
    for (const p of pool) {
      if (seen.has(p.messageId)) continue;
      seen.add(p.messageId);
      const x = bySubject(c, p);
      if (x) fuzzy.push(x);
    }
  }
  fuzzy.sort((a, b) => b.confidence - a.confidence || latestFirst(a.patch, b.patch) || (a.commit.hash < b.commit.hash ? -1 : 1));
  for (const x of fuzzy) {
    if (accepted.has(x.commit.hash)) continue;
    if (!x.exactDate && twinKeys(x.patch).some((k) => [...(landedAs.get(k) ?? [])].some((h) => h !== x.commit.hash))) continue;
    accept(x);
  }

  // Patches squashed into a commit of their posting: the commit's diff is not the linked
  // patch's, and holds this one's files and names its title.
  for (const list of accepted.values()) {
    const c = list[0]!.commit;
    for (const x of [...list]) {
      if (x.match.patchId !== false) continue;
      for (const q of ix.byPosting.get(x.patch.postingId) ?? []) {
        if (commitsOfPatch.has(q.messageId) || q.files.length === 0 || !authorMatch(c.author, q.author)) continue;
        const files = new Set(c.files);
        if (!q.files.every((f) => files.has(f)) || normalTitle(q.title) === normalTitle(c.subject) || !mentions(c.message, q.title)) continue;
        accept({ commit: c, patch: q, evidence: 'subject', confidence: CONFIDENCE.squashed, match: facts(c, q, null), exactDate: false });
      }
    }
  }

  const links: CommitLink[] = [];
  for (const c of input.commits) {
    const list = accepted.get(c.hash);
    if (!list) continue;
    const perPosting = new Map<string, number>();
    for (const x of list) perPosting.set(x.patch.postingId, (perPosting.get(x.patch.postingId) ?? 0) + 1);
    // Several patches of a posting are squashed into the commit unless its diff is one of them.
    const squashFree = new Set(list.filter((x) => x.match.patchId === true).map((x) => x.patch.postingId));
    for (const x of list.sort((a, b) => (a.patch.postingId < b.patch.postingId ? -1 : a.patch.postingId > b.patch.postingId ? 1 : a.patch.index - b.patch.index))) {
      const forms: LandingForm[] = [];
      if (x.match.title < 1) forms.push('reworded');
      if (x.match.patchId === false) forms.push('edited');
      if (perPosting.get(x.patch.postingId)! > 1 && !squashFree.has(x.patch.postingId)) forms.push('squashed');
      if (commitsOfPatch.get(x.patch.messageId)!.size > 1 && x.exactDate) forms.push('split');
      links.push({ commit: c.hash, messageId: x.patch.messageId, postingId: x.patch.postingId, family: x.patch.family, evidence: x.evidence, confidence: x.confidence, match: x.match, forms });
    }
  }
  return { links, unresolved };
}

/** Keys under which the same patch in another revision of its lineage is found. */
function twinKeys(p: PostedPatch): string[] {
  return sameChangeKeys(p).map((k) => `${p.family}\0${k}`);
}

/** Whether a commit message names a title (same words in the same order). */
function mentions(message: string, title: string): boolean {
  const t = normalTitle(title);
  return t.length > 0 && normalTitle(message).includes(t);
}
