// Read-only questions about series: which posting a message belongs to, the whole lineage of a
// posting with its patches and trailers (docs/cli.md `patchlore series`), and the list of all
// lineages for the site.
import { MAX_WALK } from '../series/collect-trailers.ts';
import { countReplies } from '../series/count-replies.ts';
import { comparePatches, extractChangelog, type ComparedPatch } from '../series/compare-revisions.ts';
import { lineageTitle } from '../series/lineage-title.ts';
import type { Address, PostingTrailer, RevisionSignal, TrailerMismatch } from '../types.ts';
import { locate } from './queries-fs.ts';
import type { Store } from './store-fs.ts';

/** A trailer in `patchlore series` output: a posting trailer, without the posting and patch its
 *  place in the output already gives. */
export type SeriesTrailer = Omit<PostingTrailer, 'postingId' | 'patchKey'>;

export interface SeriesPatch {
  messageId: string;
  index: number;
  total: number;
  subject: string;
  title: string;
  fingerprint: string;
  trailers: SeriesTrailer[];
  /** Messages in the thread below this patch (and not below another patch of the posting). */
  replies: number;
}

export interface SeriesRevision {
  postingId: string;
  version: number;
  versionInferred: boolean;
  versionTag: string | null;
  rfc: boolean;
  resend: boolean;
  bundle: boolean;
  coverId: string | null;
  date: string | null;
  subject: string;
  title: string;
  author: Address;
  threadId: string;
  total: number | null;
  patches: SeriesPatch[];
  /** Messages below the cover letter that answer the series as a whole. */
  coverReplies: number;
  link: { from: string; source: RevisionSignal; confidence: number } | null;
  forkedFrom: string | null;
  /** Against the previous revision of the lineage; empty for the first. */
  changes: ComparedPatch[];
  /** The changelog the cover letter (or single patch) gives. */
  changelog: string;
  mismatches: Array<Omit<TrailerMismatch, 'postingId'>>;
}

export interface SeriesLineage {
  family: string;
  /** The posting the question was about. */
  postingId: string;
  title: string;
  author: Address;
  revisions: SeriesRevision[];
}

/** The posting a message is part of (as cover or patch), or that it replies to; null if none. */
export function postingOf(store: Store, mid: string): string | null {
  const at = locate(store, mid);
  let key: string | null = at?.id ?? mid;
  const member = store.db.prepare(
    'SELECT id FROM postings WHERE cover_key = ? UNION SELECT posting FROM posting_patches WHERE key = ? LIMIT 1',
  );
  const parent = store.db.prepare('SELECT parent FROM nodes WHERE id = ?');
  for (let i = 0; key !== null && i < MAX_WALK; i++) {
    const row = member.get(key, key) as { id: string } | undefined;
    if (row) return row.id;
    key = (parent.get(key) as { parent: string | null } | undefined)?.parent ?? null;
  }
  return null;
}

/** The lineage of the posting `mid` belongs to; null when it belongs to none. With `family`, the
 *  lineage of that id (a bundle continues two lineages). */
export function seriesOf(store: Store, mid: string, family?: string): SeriesLineage | null {
  const postingId = postingOf(store, mid);
  if (!postingId) return null;
  const fam = family ?? familyOf(store, postingId);
  if (!fam) return null;
  const whole = lineageOf(store, fam);
  return whole && { family: fam, postingId, title: whole.title, author: whole.author, revisions: whole.revisions };
}

/** The lineage a posting is in: the one it starts, else (a bundle continues several) the first
 *  by id; null when it is in none. */
export function familyOf(store: Store, postingId: string): string | null {
  const row = store.db.prepare('SELECT family FROM revisions WHERE posting = ? ORDER BY family = posting DESC, family LIMIT 1').get(postingId) as { family: string } | undefined;
  return row?.family ?? null;
}

/** A whole lineage by its family id: its title (lineageTitle), its first author, its revisions. */
export function lineageOf(store: Store, family: string): Omit<SeriesLineage, 'postingId'> | null {
  const revisions = lineage(store, family);
  if (revisions.length === 0) return null;
  return { family, title: lineageTitle(revisions), author: revisions[0]!.author, revisions };
}

type PostingRow = {
  id: string;
  threadId: string;
  authorName: string;
  authorEmail: string;
  date: number | null;
  versionTag: string | null;
  rfc: number;
  resend: number;
  bundle: number;
  total: number | null;
  title: string;
  subject: string;
  coverKey: string | null;
  version: number;
  versionInferred: number;
  linkFrom: string | null;
  forkedFrom: string | null;
  signal: RevisionSignal | null;
  confidence: number;
};

/** Every revision of a lineage, oldest first. */
export function lineage(store: Store, family: string): SeriesRevision[] {
  const rows = store.db
    .prepare(
      `SELECT p.id, p.thread_id AS threadId, p.author_name AS authorName, p.author_email AS authorEmail, p.date, p.version_tag AS versionTag,
              p.rfc, p.resend, p.bundle, p.total, p.title, p.subject, p.cover_key AS coverKey,
              r.version, r.version_inferred AS versionInferred, r.link_from AS linkFrom, r.forked_from AS forkedFrom, r.signal, r.confidence
       FROM revisions r JOIN postings p ON p.id = r.posting WHERE r.family = ? ORDER BY p.date, p.id`,
    )
    .all(family) as PostingRow[];
  const patches = store.db.prepare('SELECT key, idx, total, subject, title, fingerprint FROM posting_patches WHERE posting = ? ORDER BY idx, key');
  const trailers = store.db.prepare(
    'SELECT name, person, email, value, source, given_in AS messageId FROM posting_trailers WHERE posting = ? AND patch_key = ? ORDER BY rowid',
  );
  const mismatches = store.db.prepare('SELECT message_key AS messageId, name, value, sender FROM trailer_mismatches WHERE posting = ? ORDER BY rowid');
  const body = store.db.prepare('SELECT body FROM messages WHERE key = ?');
  const replies = replyCounter(store);
  const out: SeriesRevision[] = [];
  let previous: SeriesPatch[] | null = null;
  for (const r of rows) {
    const ps = (patches.all(r.id) as Array<{ key: string; idx: number; total: number; subject: string; title: string; fingerprint: string }>).map((x) => ({
      messageId: x.key,
      index: x.idx,
      total: x.total,
      subject: x.subject,
      title: x.title,
      fingerprint: x.fingerprint,
      trailers: trailers.all(r.id, x.key) as SeriesTrailer[],
      replies: 0,
    }));
    const counts = replies([...(r.coverKey ? [r.coverKey] : []), ...ps.map((p) => p.messageId)]);
    for (const p of ps) p.replies = counts.get(p.messageId) ?? 0;
    const lead = r.coverKey ?? ps[0]?.messageId;
    const text = lead ? ((body.get(lead) as { body: string } | undefined)?.body ?? '') : '';
    out.push({
      postingId: r.id,
      version: r.version,
      versionInferred: r.versionInferred === 1,
      versionTag: r.versionTag,
      rfc: r.rfc === 1,
      resend: r.resend === 1,
      bundle: r.bundle === 1,
      coverId: r.coverKey,
      date: r.date === null ? null : new Date(r.date).toISOString(),
      subject: r.subject,
      title: r.title,
      author: { name: r.authorName, email: r.authorEmail },
      threadId: r.threadId,
      total: r.total,
      patches: ps,
      coverReplies: r.coverKey ? (counts.get(r.coverKey) ?? 0) : 0,
      link: r.linkFrom && r.signal ? { from: r.linkFrom, source: r.signal, confidence: r.confidence } : null,
      forkedFrom: r.forkedFrom,
      changes: previous && !r.resend ? comparePatches(previous.map(asLike), ps.map(asLike)) : [],
      changelog: extractChangelog(text),
      mismatches: mismatches.all(r.id) as SeriesRevision['mismatches'],
    });
    // A partial reroll replaces some patches of its base; compare the next full one against the
    // last full revision.
    if (!(r.versionTag && !Number.isInteger(Number(r.versionTag))) && !r.resend) previous = ps;
  }
  return out;
}

/** Replies per member of a posting, over the threads its members are in (an unthreaded posting
 *  spans several). Threads are read once per call of the returned function. */
function replyCounter(store: Store): (members: string[]) => Map<string, number> {
  const threadOf = store.db.prepare('SELECT thread_id AS t FROM nodes WHERE id = ?');
  const nodes = store.db.prepare('SELECT id, parent, ghost FROM nodes WHERE thread_id = ?');
  return (members) => {
    const threads = new Set<string>();
    for (const m of members) {
      const t = (threadOf.get(m) as { t: string } | undefined)?.t;
      if (t) threads.add(t);
    }
    const all = [...threads].flatMap((t) =>
      (nodes.all(t) as Array<{ id: string; parent: string | null; ghost: number }>).map((n) => ({ id: n.id, parent: n.parent, ghost: n.ghost === 1 })),
    );
    return countReplies(all, new Set(members));
  };
}

function asLike(p: SeriesPatch): { key: string; title: string; fingerprint: string } {
  return { key: p.messageId, title: p.title, fingerprint: p.fingerprint };
}

/** One revision of a lineage, as listings show it. */
export interface SeriesRow extends SeriesNeighbour {
  family: string;
  title: string;
  authorName: string;
  authorEmail: string;
  /** Patches in this posting. */
  patches: number;
  /** Patches of this posting with a Reviewed-by or Acked-by (given, or carried unchanged). */
  reviewed: number;
  nacked: boolean;
  /** The most recent posting of its lineage. */
  latest: boolean;
  /** Postings in its lineage. */
  revisions: number;
}

/** Every revision of every lineage (of lineages with a posting on `list`, when given), grouped
 *  by lineage, lineages most recently active first, revisions newest first. */
export function seriesRows(store: Store, list?: string): SeriesRow[] {
  const rows = store.db
    .prepare(
      `SELECT r.family, p.id AS postingId, p.thread_id AS threadId, p.title, p.subject, p.author_name AS authorName, p.author_email AS authorEmail,
              p.date, r.version, r.version_inferred AS versionInferred, p.rfc, p.resend, p.bundle,
              (SELECT count(*) FROM posting_patches x WHERE x.posting = p.id) AS patches,
              (SELECT count(DISTINCT t.patch_key) FROM posting_trailers t WHERE t.posting = p.id AND t.name IN ('Reviewed-by', 'Acked-by')) AS reviewed,
              EXISTS (SELECT 1 FROM posting_trailers t WHERE t.posting = p.id AND t.name = 'Nacked-by') AS nacked
       FROM revisions r JOIN postings p ON p.id = r.posting
       ${list ? 'WHERE r.family IN (SELECT r2.family FROM revisions r2 JOIN postings p2 ON p2.id = r2.posting JOIN thread_lists t ON t.thread_id = p2.thread_id WHERE t.list = ?)' : ''}
       ORDER BY r.family, p.date, p.id`,
    )
    .all(...(list ? [list] : [])) as Array<Omit<SeriesRow, 'latest' | 'revisions' | 'versionInferred' | 'rfc' | 'resend' | 'bundle' | 'nacked'> & Record<'versionInferred' | 'rfc' | 'resend' | 'bundle' | 'nacked', number>>;
  const byFamily = new Map<string, SeriesRow[]>();
  for (const r of rows) {
    const row: SeriesRow = {
      ...r,
      versionInferred: r.versionInferred === 1,
      rfc: r.rfc === 1,
      resend: r.resend === 1,
      bundle: r.bundle === 1,
      nacked: r.nacked === 1,
      latest: false,
      revisions: 0,
    };
    const fam = byFamily.get(r.family) ?? [];
    fam.push(row);
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

/** A posting in a thread, placed in its lineage. */
export interface ThreadSeries {
  family: string;
  postingId: string;
  title: string;
  revision: SeriesNeighbour;
  /** Its place in the lineage, from 1, and how many postings the lineage has. */
  position: number;
  count: number;
  previous: SeriesNeighbour | null;
  next: SeriesNeighbour | null;
  /** Every posting of the lineage, oldest first. */
  revisions: SeriesNeighbour[];
}

/** A posting as lineage listings name it. */
export interface SeriesNeighbour {
  postingId: string;
  threadId: string;
  subject: string;
  date: number | null;
  version: number;
  versionInferred: boolean;
  rfc: boolean;
  resend: boolean;
  bundle: boolean;
}

/** The postings started in a thread (usually one; a series sent in reply to another makes two),
 *  each with its lineage neighbours. */
export function threadSeries(store: Store, threadId: string): ThreadSeries[] {
  const postings = store.db.prepare('SELECT id FROM postings WHERE thread_id = ? ORDER BY date, id').all(threadId) as Array<{ id: string }>;
  const members = store.db.prepare(
    `SELECT r.family, p.id AS postingId, p.thread_id AS threadId, p.subject, p.title, p.date, r.version, r.version_inferred AS versionInferred, p.rfc, p.resend, p.bundle
     FROM revisions r JOIN postings p ON p.id = r.posting WHERE r.family IN (SELECT family FROM revisions WHERE posting = ?) ORDER BY r.family, p.date, p.id`,
  );
  const out: ThreadSeries[] = [];
  for (const { id } of postings) {
    type Row = Omit<SeriesNeighbour, 'versionInferred' | 'rfc' | 'resend' | 'bundle'> & { family: string; title: string } & Record<'versionInferred' | 'rfc' | 'resend' | 'bundle', number>;
    const rows = (members.all(id) as Row[]).map((r) => ({
      ...r,
      versionInferred: r.versionInferred === 1,
      rfc: r.rfc === 1,
      resend: r.resend === 1,
      bundle: r.bundle === 1,
    }));
    const byFamily = new Map<string, typeof rows>();
    for (const r of rows) byFamily.set(r.family, [...(byFamily.get(r.family) ?? []), r]);
    for (const [family, fam] of byFamily) {
      const i = fam.findIndex((r) => r.postingId === id);
      if (i < 0) continue;
      const strip = ({ family: _f, title: _t, ...n }: (typeof fam)[number]): SeriesNeighbour => n;
      out.push({
        family,
        postingId: id,
        title: lineageTitle(fam),
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

/** Every lineage id. */
export function familyIds(store: Store): string[] {
  return (store.db.prepare('SELECT DISTINCT family FROM revisions ORDER BY family').all() as Array<{ family: string }>).map((r) => r.family);
}
