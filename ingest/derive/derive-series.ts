// The series derivation: postings, lineages and trailers, recomputed by what changed since they
// were last derived, with the same result as recomputing them from every message:
// 1. grouping: the threads the thread derivation wrote since (series_dirty_threads) are grouped
//    into postings again, each with the threads it must be grouped with (grouping-scope.ts), a
//    scope at a time; their trailers are collected with them. Postings that came, went or changed
//    are noted.
// 2. evidence: what comparing postings with earlier ones finds (link-revisions.ts: findEvidence)
//    is kept per posting and found again only for the postings the changed ones concern
//    (link-scope.ts: evidenceScope), an author at a time.
// 3. lineages: forks, manual decisions, families, versions and carried trailers are recomputed for
//    the postings connected by evidence or pins to anything that changed (lineageScope).
// A new stage version, a changed content/series-links.json (its fingerprint is this derivation's
// external input) or a store never derived recomputes everything the same way, every thread
// dirty, never holding more than a scope's messages, an author's postings or a batch of lineages.
import { appendTo } from '../series/append-to.ts';
import { collectTrailers } from '../series/collect-trailers.ts';
import { groupPostings } from '../series/group-postings.ts';
import { groupingScope, rootRow, unthreadedRoots, UNTHREADED_KINDS } from '../series/grouping-scope.ts';
import { evidenceContext, evidenceScope, lineageScope, pinnedPartners } from '../series/link-scope.ts';
import { authorKey, findEvidence, foundUnder, linkRevisions, poolKeys } from '../series/link-revisions.ts';
import { overridesFingerprint, readRevisionOverrides, seriesLinksPath } from '../series/read-overrides-fs.ts';
import type { SeriesRootRow, Store } from '../store/store-port.ts';
import type { Posting, RevisionOverrides } from '../types.ts';
import type { Derivation } from './derivation.ts';

/** Changed threads taken as the seeds of one grouping scope. */
const THREAD_CHUNK = 256;
/** Postings linked together at most, unless one connected part is larger. */
const LINK_CHUNK = 2048;
/** Changed threads above which everything is recomputed instead: what a change is noted with
 *  (each changed posting as it was and as it is) grows with the change, a full recomputation
 *  does not, and it costs little more when so much changed. */
const FULL_ABOVE_THREADS = 50_000;

export const seriesDerivation: Derivation = {
  name: 'series',
  title: 'series lineages',
  // 2: evidence, records and roots kept for recomputing by what changed; 3: the mining and linking
  // rules revised.
  version: 3,
  after: ['thread', 'patch'],
  external: (opts) => overridesFingerprint(opts.seriesLinks ?? seriesLinksPath()),
  async run(store: Store, { previous, full, opts }) {
    const { overrides, diagnostics } = readRevisionOverrides(opts.seriesLinks ?? seriesLinksPath());
    const progress = (done: number, total: number): void => opts.onProgress?.('series', done, total);
    const count = store.transaction(() => refreshSeries(store, overrides, { full: full || previous === null, progress }));
    return { count, diagnostics };
  },
};

/** What refreshing the series did, for progress: units done and known so far. */
interface Tally {
  done: number;
  total: number;
  progress?: (done: number, total: number) => void;
}

/** Bring the series tables up to date with the threads written since they were derived (with
 *  `full`, or when more than FULL_ABOVE_THREADS were, with every thread, from empty tables).
 *  Returns the lineages written. Call inside a transaction: the dirty threads are forgotten at
 *  the end. */
export function refreshSeries(store: Store, overrides: RevisionOverrides, opts: { full: boolean; progress?: (done: number, total: number) => void }): number {
  const s = store.series;
  const dirty = opts.full ? [] : s.dirtyThreads();
  const full = opts.full || dirty.length > FULL_ABOVE_THREADS;
  const threads = full ? store.threads.ids() : dirty;
  const tally: Tally = { done: 0, total: threads.length, progress: opts.progress };
  if (full) s.clear();
  keepRootsOf(store, full ? null : threads);
  // A pin whose posting goes or changes leaves its partner's lineage to recompute.
  const pinnedBefore = full ? [] : [...pinnedPartners(overrides, s).keys()];
  const grouped = regroup(store, threads, full, tally);
  const seeds = full ? s.postingIds() : refreshEvidence(store, grouped, pinnedBefore, tally);
  if (full) findAllEvidence(store, tally);
  const families = relink(store, seeds, overrides, tally);
  s.clearDirtyThreads();
  return families;
}

/** Keep the roots of these threads (null: every thread) as they are now, before any grouping
 *  scope is taken (grouping-scope.ts). */
function keepRootsOf(store: Store, threads: readonly string[] | null): void {
  // Read whole before writing (one connection): a few small rows per thread.
  const rows: SeriesRootRow[] = [];
  for (const r of store.series.rootMessages(UNTHREADED_KINDS, threads)) if (r.date !== null) rows.push(rootRow(r.key, r.fromEmail, r.date));
  store.series.keepRoots(rows);
}

/** What regrouping changed: postings as they were and as they are, those gone, and every posting
 *  of the threads grouped. */
interface Regrouped {
  changed: Posting[];
  removed: string[];
  postings: string[];
}

/** Group the changed threads again, scope by scope, replacing their postings, trailers and roots.
 *  With `full` nothing was stored before, and nothing is noted. */
function regroup(store: Store, threads: readonly string[], full: boolean, tally: Tally): Regrouped {
  const s = store.series;
  const out: Regrouped = { changed: [], removed: [], postings: [] };
  const grouped = new Set<string>();
  for (let i = 0; i < threads.length; i += THREAD_CHUNK) {
    const scope = groupingScope(threads.slice(i, i + THREAD_CHUNK), s, grouped);
    for (const t of scope.threads) grouped.add(t);
    const postings = groupPostings(scope.messages);
    const { trailers, mismatches } = collectTrailers(scope.messages, postings);
    if (!full) noteChanges(s.postingRecords(scope.postings), postings, out);
    s.replacePostings(scope.postings, { postings: postings.map((p) => ({ posting: p, authorKey: authorKey(p), foundUnder: foundUnder(p), poolKeys: poolKeys(p) })), trailers, mismatches });
    s.replaceRoots(
      scope.messages.map((m) => m.key),
      unthreadedRoots(scope.messages),
    );
    tally.done = Math.min(threads.length, i + THREAD_CHUNK);
    tally.progress?.(tally.done, tally.total);
  }
  return out;
}

/** Note what differs between the postings stored for some threads and those grouped now. */
function noteChanges(before: readonly Posting[], after: readonly Posting[], out: Regrouped): void {
  const was = new Map(before.map((p) => [p.id, p]));
  for (const p of after) {
    out.postings.push(p.id);
    const old = was.get(p.id);
    was.delete(p.id);
    if (old && JSON.stringify(old) === JSON.stringify(p)) continue;
    if (old) out.changed.push(old);
    out.changed.push(p);
  }
  for (const [id, old] of was) {
    out.changed.push(old);
    out.removed.push(id);
  }
}

/** Find again the evidence the changed postings can alter. Returns the postings whose lineages
 *  to recompute from: every posting regrouped or whose evidence was found again, those their
 *  evidence named before, and those pinned before (`pinnedBefore`). */
function refreshEvidence(store: Store, grouped: Regrouped, pinnedBefore: readonly string[], tally: Tally): string[] {
  const s = store.series;
  const targets = evidenceScope(grouped.changed, s);
  const seeds = new Set([...grouped.postings, ...targets, ...pinnedBefore]);
  // A link that goes leaves its other end's lineage to recompute too.
  for (const e of s.evidence([...targets, ...grouped.removed])) {
    if (e.predecessor) seeds.add(e.predecessor.from);
    for (const c of e.bundled) seeds.add(c.from);
  }
  s.forgetEvidence(grouped.removed);
  const byAuthor = new Map<string, Posting[]>();
  for (const p of s.postingRecords([...targets])) appendTo(byAuthor, authorKey(p), p);
  tally.total += byAuthor.size;
  for (const [key, list] of byAuthor) {
    const context = evidenceContext(list, s.postingsOfAuthor(key), s);
    s.writeEvidence(findEvidence(context, list.map((p) => p.id)));
    tally.done++;
    tally.progress?.(tally.done, tally.total);
  }
  for (const id of grouped.removed) seeds.delete(id);
  return [...seeds];
}

/** Find the evidence of every posting, an author at a time. */
function findAllEvidence(store: Store, tally: Tally): void {
  const s = store.series;
  const authors = s.authorKeys();
  tally.total += authors.length;
  for (const key of authors) {
    const pool = s.postingsOfAuthor(key);
    s.writeEvidence(findEvidence(evidenceContext(pool, pool, s), pool.map((p) => p.id)));
    tally.done++;
    tally.progress?.(tally.done, tally.total);
  }
}

/** Recompute the lineages of the parts connected to `seeds` and to the pinned postings, a batch
 *  of whole parts at a time. Returns the lineages written. */
function relink(store: Store, seeds: readonly string[], overrides: RevisionOverrides, tally: Tally): number {
  const s = store.series;
  const pinned = pinnedPartners(overrides, s);
  const all = [...seeds, ...pinned.keys()];
  const taken = new Set<string>();
  let batch: string[] = [];
  let families = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    const evidence = new Map(s.evidence(batch).map((e) => [e.postingId, e]));
    const r = linkRevisions(s.postingRecords(batch), s.collectedTrailers(batch), overrides, { evidence });
    s.replaceLineages(batch, r.revisions, r.carried);
    families += new Set(r.revisions.map((x) => x.family)).size;
    tally.done += batch.length;
    tally.progress?.(tally.done, tally.total);
    batch = [];
  };
  tally.total += all.length;
  for (const seed of all) {
    if (taken.has(seed)) continue;
    const part = lineageScope([seed], s, pinned, taken);
    for (const id of part) taken.add(id);
    batch.push(...part);
    if (batch.length >= LINK_CHUNK) flush();
  }
  flush();
  return families;
}
