// Questions about series, answered from store rows: which posting a message belongs to, the whole
// lineage of a posting with its patches, trailers, reply counts and changes (docs/cli.md
// `patchlore series`), the series tables of the site, the postings a thread starts, and what each
// message of a thread is to them.
import { withCommits } from '../commits/commits-queries.ts';
import { lineageStatus } from '../discussion/discussion-queries.ts';
import { revisionPatchwork, revisionsWithPatchwork } from '../patchwork/patchwork-queries.ts';
import type { SeriesLineage, SeriesNeighbour, SeriesPatch, SeriesRevision, SeriesRow, ThreadNote, ThreadSeries } from '../read-models.ts';
import type { NeighbourRow, NodeRow, Store } from '../store/store-port.ts';
import { MAX_WALK } from './collect-trailers.ts';
import { comparePatches, extractChangelog, isBaseRevision, type ComparedPatch } from './compare-revisions.ts';
import { interdiff } from './interdiff.ts';
import { countReplies } from './count-replies.ts';
import { isFragment, lineageTitle } from './lineage-title.ts';
import type { ComputedLineages } from './score-lineages.ts';
import { patchRoles, type PatchRole, type RoleMessage, type RolePosting } from './patch-roles.ts';
import { parseSubject } from '../patch/subject-tags.ts';

/** The posting a message is part of (as cover or patch), or that it replies to; null if none. */
export function postingOf(store: Store, mid: string): string | null {
  let key: string | null = store.mail.locate(mid)?.id ?? mid;
  for (let i = 0; key !== null && i < MAX_WALK; i++) {
    const posting = store.series.postingOfMember(key);
    if (posting) return posting;
    key = store.threads.parentOf(key);
  }
  return null;
}

/** The lineage a posting is in: the one it starts, else (a bundle continues several) the first
 *  by id; null when it is in none. */
export function familyOf(store: Store, postingId: string): string | null {
  return store.series.familiesOf(postingId)[0] ?? null;
}

/** The lineage of the posting `mid` belongs to; null when it belongs to none. With `family`, the
 *  lineage of that id (a bundle continues two lineages). */
export function seriesOf(store: Store, mid: string, family?: string): SeriesLineage | null {
  const postingId = postingOf(store, mid);
  if (!postingId) return null;
  const fam = family ?? familyOf(store, postingId);
  if (!fam) return null;
  const whole = lineageOf(store, fam);
  const status = lineageStatus(store, fam);
  return whole && { ...whole, postingId, status: status && { ...status, patchwork: revisionPatchwork(whole.revisions, status.latestPosting) } };
}

/** A whole lineage by its family id: its title (lineageTitle), its first author, its revisions
 *  (with the commits each patch became, when a repository was read, and what Patchwork says of
 *  them). */
export function lineageOf(store: Store, family: string): Omit<SeriesLineage, 'postingId'> | null {
  const revisions = revisionsWithPatchwork(store, withCommits(store, lineage(store, family)));
  if (revisions.length === 0) return null;
  return { family, title: lineageTitle(revisions), author: revisions[0]!.author, revisions };
}

/** The store's lineages as the scorer reads them (score-lineages.ts). */
export function storeLineages(store: Store): ComputedLineages {
  const versions = new Map<string, Map<string, number>>();
  return {
    postingOf: (messageId) => store.series.postingOfMember(store.mail.locate(messageId)?.id ?? messageId),
    familiesOf: (postingId) => store.series.familiesOf(postingId),
    versionIn(family, postingId) {
      let v = versions.get(family);
      if (!v) versions.set(family, (v = new Map(store.series.revisions(family).map((r) => [r.id, r.version]))));
      return v.get(postingId) ?? null;
    },
  };
}

/** Every revision of a lineage, oldest first. */
export function lineage(store: Store, family: string): SeriesRevision[] {
  const out: SeriesRevision[] = [];
  // Revisions posted into one thread (a patch re-posted below its series) read its roles once.
  const roles = new Map<string, Map<string, PatchRole>>();
  let previous: SeriesPatch[] | null = null;
  for (const r of store.series.revisions(family)) {
    const ps: SeriesPatch[] = store.series.patches(r.id).map((x) => {
      const all = store.series.trailers(r.id, x.key);
      return {
        messageId: x.key,
        index: x.index,
        total: x.total,
        subject: x.subject,
        title: x.title,
        fingerprint: x.fingerprint,
        trailers: all.filter((t) => t.source !== 'carried'),
        carried: all.filter((t) => t.source === 'carried'),
        replies: 0,
      };
    });
    const counts = replyCounts(store, [...(r.coverKey ? [r.coverKey] : []), ...ps.map((p) => p.messageId)]);
    for (const p of ps) p.replies = counts.get(p.messageId) ?? 0;
    const lead = r.coverKey ?? ps[0]?.messageId;
    const fragment = isFragment({ coverId: r.coverKey, total: r.total, patches: ps.length });
    // A fragment lacks patches of its series (it re-posts some, or the archive lacks the rest):
    // those it lacks are not dropped.
    const compared = previous && !r.resend ? comparePatches(previous.map(asLike), ps.map(asLike)).filter((c) => !(fragment && c.status === 'dropped')) : [];
    out.push({
      postingId: r.id,
      version: r.version,
      versionInferred: r.versionInferred,
      versionTag: r.versionTag,
      rfc: r.rfc,
      resend: r.resend,
      bundle: r.bundle,
      coverId: r.coverKey,
      date: r.date === null ? null : new Date(r.date).toISOString(),
      subject: r.subject,
      title: r.title,
      author: r.author,
      threadId: r.threadId,
      total: r.total,
      patches: ps,
      fragment,
      coverReplies: r.coverKey ? (counts.get(r.coverKey) ?? 0) : 0,
      link: r.linkFrom && r.signal ? { from: r.linkFrom, source: r.signal, confidence: r.confidence } : null,
      forkedFrom: r.forkedFrom,
      changes: withInterdiffs(store, compared),
      changelog: extractChangelog(lead ? store.mail.bodyOf(lead) : ''),
      mismatches: store.series.mismatches(r.id),
      inThread: threadNotes(store, r.id, r.threadId, new Set(ps.map((p) => p.messageId)), roles),
    });
    // A partial reroll replaces some patches of its base; compare the next full one against the
    // last full revision.
    if (isBaseRevision({ ...r, fragment }, ps.length)) previous = ps;
  }
  return out;
}

/** Replies per member of a posting, over the threads its members are in (an unthreaded posting
 *  spans several). */
function replyCounts(store: Store, members: string[]): Map<string, number> {
  const threads = new Set<string>();
  for (const m of members) {
    const t = store.threads.threadOfNode(m);
    if (t) threads.add(t);
  }
  return countReplies(
    [...threads].flatMap((t) => store.threads.allNodes(t)),
    new Set(members),
  );
}

/** Changed patches with what changed in them, from the two postings. */
function withInterdiffs(store: Store, changes: ComparedPatch[]): ComparedPatch[] {
  for (const c of changes) if (c.status === 'changed') c.interdiff = interdiff(store.mail.bodyOf(c.previousKey), store.mail.bodyOf(c.key));
  return changes;
}

function asLike(p: SeriesPatch): { key: string; title: string; fingerprint: string } {
  return { key: p.messageId, title: p.title, fingerprint: p.fingerprint };
}

/** Every revision of every lineage (of lineages with a posting on `list`, when given), grouped
 *  by lineage, lineages most recently active first, revisions newest first. */
export function seriesRows(store: Store, list?: string): SeriesRow[] {
  const byFamily = new Map<string, SeriesRow[]>();
  for (const r of store.series.table(list ?? null)) {
    const fam = byFamily.get(r.family) ?? [];
    fam.push({ ...r, latest: false, revisions: 0 });
    byFamily.set(r.family, fam);
  }
  const families = [...byFamily.values()];
  for (const fam of families) {
    fam[fam.length - 1]!.latest = true;
    for (const r of fam) r.revisions = fam.length;
    fam.reverse();
  }
  families.sort((a, b) => (b[0]!.date ?? 0) - (a[0]!.date ?? 0) || (a[0]!.family < b[0]!.family ? -1 : 1));
  return families.flat();
}

/** The postings started in a thread (usually one; a series sent in reply to another makes two),
 *  each with its lineage neighbours. */
export function threadSeries(store: Store, threadId: string): ThreadSeries[] {
  const out: ThreadSeries[] = [];
  for (const id of store.series.postingsInThread(threadId)) {
    const byFamily = new Map<string, NeighbourRow[]>();
    for (const r of store.series.neighbours(id)) byFamily.set(r.family, [...(byFamily.get(r.family) ?? []), r]);
    for (const [family, fam] of byFamily) {
      const i = fam.findIndex((r) => r.postingId === id);
      if (i < 0) continue;
      const strip = ({ family: _f, title: _t, coverKey: _c, total: _n, patches: _p, ...n }: NeighbourRow): SeriesNeighbour => n;
      out.push({
        family,
        postingId: id,
        title: lineageTitle(fam.map((r) => ({ title: r.title, bundle: r.bundle, fragment: isFragment({ coverId: r.coverKey, total: r.total, patches: r.patches }) }))),
        revision: strip(fam[i]!),
        position: i + 1,
        count: fam.length,
        previous: i > 0 ? strip(fam[i - 1]!) : null,
        next: i + 1 < fam.length ? strip(fam[i + 1]!) : null,
        revisions: fam.map(strip),
      });
    }
  }
  return out;
}

/** The messages of a posting's thread its subject tags do not explain, with what each is to the
 *  posting: its own patches (`members`) and those whose role names the posting, and those naming
 *  no posting in the thread it starts first. `known`: roles by thread, read before. */
function threadNotes(store: Store, postingId: string, threadId: string, members: ReadonlySet<string>, known: Map<string, Map<string, PatchRole>>): ThreadNote[] {
  let roles = known.get(threadId);
  if (!roles) known.set(threadId, (roles = rolesIn(store, threadId, store.threads.roleNodes(threadId).map((r) => ({ key: r.key, subject: r.subject, parent: r.parent, imposter: r.imposter, from: r.fromEmail })))));
  const starts = store.series.postingsInThread(threadId)[0] === postingId;
  const out: ThreadNote[] = [];
  for (const [messageId, role] of roles) {
    if (!role.notable || role.kind === 'cover') continue;
    if (members.has(messageId) || role.posting === postingId || (role.posting === null && starts)) out.push({ messageId, kind: role.kind, text: role.text });
  }
  return out;
}

/** What each message of a thread (of its shown `nodes`) is to the postings it holds: the
 *  postings started in it, and those a message tagged as a patch belongs to though it started
 *  elsewhere. */
export function threadRoles(store: Store, threadId: string, nodes: readonly NodeRow[]): Map<string, PatchRole> {
  return rolesIn(store, threadId, nodes.flatMap((r) => (r.message ? [{ key: r.id, subject: r.message.subject, parent: r.parent, imposter: r.message.imposter, from: r.message.fromEmail }] : [])));
}

/** Roles of a thread's `messages` among the postings started in it and those its patch-tagged
 *  messages are members of. */
function rolesIn(store: Store, threadId: string, messages: readonly RoleMessage[]): Map<string, PatchRole> {
  const ids = new Set(store.series.postingsInThread(threadId));
  for (const m of messages) {
    if (!parseSubject(m.subject).patch) continue;
    const p = store.series.postingOfMember(m.key);
    if (p) ids.add(p);
  }
  const postings: RolePosting[] = [];
  for (const id of ids) {
    const family = store.series.familiesOf(id)[0];
    const r = family === undefined ? undefined : store.series.revisions(family).find((x) => x.id === id);
    if (!r) continue;
    postings.push({ id, version: r.version, versionTag: r.versionTag, rfc: r.rfc, author: r.author.email, coverKey: r.coverKey, total: r.total, patches: store.series.patches(id), date: r.date });
  }
  return patchRoles(messages, postings);
}
