// Read-only questions about series: which posting a message belongs to, the whole lineage of a
// posting with its patches and trailers (docs/cli.md `patchlore series`), and the list of all
// lineages for the site.
import { comparePatches, extractChangelog, type ComparedPatch } from '../series/compare-revisions.ts';
import type { RevisionSignal } from '../types.ts';
import { locate } from './queries-fs.ts';
import type { Store } from './store-fs.ts';

/** A trailer in `patchlore series` output. */
export interface SeriesTrailer {
  name: string;
  person: string;
  email: string;
  value: string;
  source: 'patch' | 'reply' | 'cover' | 'carried';
  messageId: string;
}

export interface SeriesPatch {
  messageId: string;
  index: number;
  total: number;
  subject: string;
  title: string;
  fingerprint: string;
  trailers: SeriesTrailer[];
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
  author: { name: string; email: string };
  threadId: string;
  total: number | null;
  patches: SeriesPatch[];
  link: { from: string; source: RevisionSignal; confidence: number } | null;
  forkedFrom: string | null;
  /** Against the previous revision of the lineage; empty for the first. */
  changes: ComparedPatch[];
  /** The changelog the cover letter (or single patch) gives. */
  changelog: string;
  mismatches: Array<{ messageId: string; name: string; value: string; sender: string }>;
}

export interface SeriesLineage {
  family: string;
  /** The posting the question was about. */
  postingId: string;
  title: string;
  author: { name: string; email: string };
  revisions: SeriesRevision[];
}

/** Walk limit when looking for the posting a reply belongs to. */
const MAX_WALK = 1000;

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
  const fam =
    family ??
    (store.db.prepare('SELECT family FROM revisions WHERE posting = ? ORDER BY family = posting DESC, family LIMIT 1').get(postingId) as { family: string } | undefined)?.family;
  if (!fam) return null;
  const revisions = lineage(store, fam);
  const first = revisions[0]!;
  const latest = [...revisions].reverse().find((r) => !r.bundle) ?? revisions[revisions.length - 1]!;
  return { family: fam, postingId, title: latest.title, author: first.author, revisions };
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
    }));
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

function asLike(p: SeriesPatch): { key: string; title: string; fingerprint: string } {
  return { key: p.messageId, title: p.title, fingerprint: p.fingerprint };
}

/** One line per lineage, for listings. */
export interface LineageSummary {
  family: string;
  title: string;
  authorName: string;
  authorEmail: string;
  first: number | null;
  last: number | null;
  revisions: number;
  latestVersion: number;
  latestRfc: boolean;
  latestPosting: string;
  threadId: string;
  patches: number;
  reviewed: number;
  nacked: boolean;
}

/** Every lineage, most recently active first; `list` limits to lineages with a posting on it. */
export function lineageSummaries(store: Store, list?: string): LineageSummary[] {
  const rows = store.db
    .prepare(
      `SELECT r.family, p.id, p.title, p.author_name AS authorName, p.author_email AS authorEmail, p.date, p.rfc, p.thread_id AS threadId, r.version,
              (SELECT count(*) FROM posting_patches x WHERE x.posting = p.id) AS patches
       FROM revisions r JOIN postings p ON p.id = r.posting
       ${list ? 'WHERE r.family IN (SELECT r2.family FROM revisions r2 JOIN postings p2 ON p2.id = r2.posting JOIN thread_lists t ON t.thread_id = p2.thread_id WHERE t.list = ?)' : ''}
       ORDER BY r.family, p.date, p.id`,
    )
    .all(...(list ? [list] : [])) as Array<{ family: string; id: string; title: string; authorName: string; authorEmail: string; date: number | null; rfc: number; threadId: string; version: number; patches: number }>;
  const reviewed = store.db.prepare(
    `SELECT count(DISTINCT x.key) AS n FROM posting_patches x WHERE x.posting = @p AND EXISTS (
       SELECT 1 FROM posting_trailers t WHERE t.posting = @p AND t.patch_key = x.key AND t.name IN ('Reviewed-by', 'Acked-by'))`,
  );
  const nacked = store.db.prepare("SELECT 1 FROM posting_trailers WHERE posting = ? AND name = 'Nacked-by' LIMIT 1");
  const byFamily = new Map<string, typeof rows>();
  for (const r of rows) byFamily.set(r.family, [...(byFamily.get(r.family) ?? []), r]);
  const out: LineageSummary[] = [];
  for (const [family, list2] of byFamily) {
    const latest = list2[list2.length - 1]!;
    const first = list2[0]!;
    out.push({
      family,
      title: latest.title,
      authorName: first.authorName,
      authorEmail: first.authorEmail,
      first: first.date,
      last: latest.date,
      revisions: list2.length,
      latestVersion: latest.version,
      latestRfc: latest.rfc === 1,
      latestPosting: latest.id,
      threadId: latest.threadId,
      patches: latest.patches,
      reviewed: (reviewed.get({ p: latest.id }) as { n: number }).n,
      nacked: nacked.get(latest.id) !== undefined,
    });
  }
  return out.sort((a, b) => (b.last ?? 0) - (a.last ?? 0) || (a.family < b.family ? -1 : 1));
}
