// The series tables of the SQLite store: postings, their patches, revisions (a posting's place in
// its lineage), trailers and trailer mismatches; what the series stage reads, and the questions
// asked of its results. How postings are grouped and linked is the series stage's
// (ingest/series/).
import type Database from 'better-sqlite3';
import type { LineageOutcome, PatchMeta } from '../types.ts';
import type { SqliteContext } from './sqlite-store-fs.ts';
import type { SeriesTables } from './store-port.ts';
import type * as R from './store-rows.ts';

type Flag = 0 | 1;

export class SqliteSeries implements SeriesTables {
  private readonly db: Database.Database;
  private readonly q;

  constructor(ctx: SqliteContext) {
    const db = (this.db = ctx.db);
    this.q = {
      member: db.prepare('SELECT id FROM postings WHERE cover_key = ? UNION SELECT posting FROM posting_patches WHERE key = ? LIMIT 1').pluck(),
      families: db.prepare('SELECT family FROM revisions WHERE posting = ? ORDER BY family = posting DESC, family').pluck(),
      revisions: db.prepare(
        `SELECT p.id, p.thread_id AS threadId, p.author_name AS authorName, p.author_email AS authorEmail, p.date, p.version_tag AS versionTag,
                p.rfc, p.resend, p.bundle, p.total, p.title, p.subject, p.cover_key AS coverKey,
                r.version, r.version_inferred AS versionInferred, r.link_from AS linkFrom, r.forked_from AS forkedFrom, r.signal, r.confidence
         FROM revisions r JOIN postings p ON p.id = r.posting WHERE r.family = ? ORDER BY p.date, p.id`,
      ),
      patches: db.prepare('SELECT key, idx AS "index", total, subject, title, fingerprint FROM posting_patches WHERE posting = ? ORDER BY idx, key'),
      trailers: db.prepare('SELECT name, person, email, value, source, given_in AS messageId FROM posting_trailers WHERE posting = ? AND patch_key = ? ORDER BY rowid'),
      mismatches: db.prepare('SELECT message_key AS messageId, name, value, sender FROM trailer_mismatches WHERE posting = ? ORDER BY rowid'),
      inThread: db.prepare('SELECT id FROM postings WHERE thread_id = ? ORDER BY date, id').pluck(),
      neighbours: db.prepare(
        `SELECT r.family, p.id AS postingId, p.thread_id AS threadId, p.subject, p.title, p.cover_key AS coverKey, p.total,
                (SELECT count(*) FROM posting_patches x WHERE x.posting = p.id) AS patches,
                p.date, r.version, r.version_inferred AS versionInferred, p.rfc, p.resend, p.bundle
         FROM revisions r JOIN postings p ON p.id = r.posting WHERE r.family IN (SELECT family FROM revisions WHERE posting = ?) ORDER BY r.family, p.date, p.id`,
      ),
      threadsOf: db.prepare('SELECT DISTINCT p.thread_id FROM revisions r JOIN postings p ON p.id = r.posting WHERE r.family = ?').pluck(),
      familyOfPatch: db.prepare('SELECT r.family FROM posting_patches pp JOIN revisions r ON r.posting = pp.posting WHERE pp.key = ? LIMIT 1').pluck(),
      familyOfCover: db.prepare('SELECT r.family FROM postings p JOIN revisions r ON r.posting = p.id WHERE p.cover_key = ? LIMIT 1').pluck(),
      outcome: db.prepare('SELECT family, latest_posting AS latestPosting, state, applied, naks FROM lineage_outcomes WHERE family = ?'),
      familyOfThread: db.prepare('SELECT r.family FROM postings p JOIN revisions r ON r.posting = p.id WHERE p.thread_id = ? ORDER BY p.date, p.id LIMIT 1').pluck(),
    };
  }

  inputs(): R.SeriesInputRow[] {
    const rows = this.db
      .prepare(
        `SELECT m.key, m.thread_id AS threadId, m.parent, m.date, m.from_name AS fromName, m.from_email AS fromEmail, m.subject, p.meta
         FROM messages m JOIN patch_meta p ON p.message = m.id WHERE m.thread_id IS NOT NULL`,
      )
      .all() as Array<{ key: string; threadId: string; parent: string | null; date: number | null; fromName: string; fromEmail: string; subject: string; meta: string }>;
    return rows.map((r) => ({
      key: r.key,
      threadId: r.threadId,
      parent: r.parent,
      date: r.date,
      from: { name: r.fromName, email: r.fromEmail },
      subject: r.subject,
      meta: JSON.parse(r.meta) as PatchMeta,
    }));
  }

  replace(result: R.SeriesRecords): void {
    const db = this.db;
    for (const t of ['trailer_mismatches', 'posting_trailers', 'posting_patches', 'revisions', 'postings']) db.exec(`DELETE FROM ${t}`);
    const posting = db.prepare(`INSERT INTO postings (id, thread_id, author_name, author_email, date, version_tag, rfc, resend, bundle, total, prefixes,
      title, subject, cover_key, cover_how, change_id, links, changelog_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const patch = db.prepare('INSERT OR IGNORE INTO posting_patches (posting, key, idx, total, subject, title, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const p of result.postings) {
      posting.run(p.id, p.threadId, p.author.name, p.author.email, p.date, p.version, p.rfc ? 1 : 0, p.resend ? 1 : 0, p.bundle ? 1 : 0, p.total,
        JSON.stringify(p.prefixes), p.title, p.subject, p.coverKey, p.cover, p.changeId, JSON.stringify(p.links), JSON.stringify(p.changelogFrom));
      for (const x of p.patches) patch.run(p.id, x.key, x.index, x.total, x.subject, x.title, x.fingerprint);
    }
    const rev = db.prepare('INSERT OR REPLACE INTO revisions (posting, family, version, version_inferred, link_from, forked_from, signal, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const r of result.revisions) rev.run(r.postingId, r.family, r.version, r.versionInferred ? 1 : 0, r.linkFrom, r.forkedFrom, r.signal, r.confidence);
    const tr = db.prepare('INSERT INTO posting_trailers (posting, patch_key, name, person, email, value, source, given_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const t of result.trailers) tr.run(t.postingId, t.patchKey, t.name, t.person, t.email, t.value, t.source, t.messageId);
    const mm = db.prepare('INSERT INTO trailer_mismatches (posting, message_key, name, value, sender) VALUES (?, ?, ?, ?, ?)');
    for (const m of result.mismatches) mm.run(m.postingId, m.messageId, m.name, m.value, m.sender);
  }

  postingOfMember(key: string): string | null {
    return (this.q.member.get(key, key) as string | undefined) ?? null;
  }

  familiesOf(postingId: string): string[] {
    return this.q.families.all(postingId) as string[];
  }

  revisions(family: string): R.RevisionRow[] {
    type Row = Omit<R.RevisionRow, 'author' | 'rfc' | 'resend' | 'bundle' | 'versionInferred'> & { authorName: string; authorEmail: string } & Record<'rfc' | 'resend' | 'bundle' | 'versionInferred', Flag>;
    return (this.q.revisions.all(family) as Row[]).map(({ authorName, authorEmail, ...r }) => ({
      ...r,
      author: { name: authorName, email: authorEmail },
      rfc: r.rfc === 1,
      resend: r.resend === 1,
      bundle: r.bundle === 1,
      versionInferred: r.versionInferred === 1,
    }));
  }

  patches(postingId: string): R.PatchRow[] {
    return this.q.patches.all(postingId) as R.PatchRow[];
  }

  trailers(postingId: string, patchKey: string): R.TrailerRow[] {
    return this.q.trailers.all(postingId, patchKey) as R.TrailerRow[];
  }

  mismatches(postingId: string): R.MismatchRow[] {
    return this.q.mismatches.all(postingId) as R.MismatchRow[];
  }

  table(list: string | null): R.SeriesTableRow[] {
    type Row = Omit<R.SeriesTableRow, 'versionInferred' | 'rfc' | 'resend' | 'bundle' | 'nacked'> & Record<'versionInferred' | 'rfc' | 'resend' | 'bundle' | 'nacked', Flag>;
    const rows = this.db
      .prepare(
        `SELECT r.family, p.id AS postingId, p.thread_id AS threadId, p.title, p.subject, p.author_name AS authorName, p.author_email AS authorEmail,
                p.date, r.version, r.version_inferred AS versionInferred, p.rfc, p.resend, p.bundle,
                (SELECT count(*) FROM posting_patches x WHERE x.posting = p.id) AS patches,
                (SELECT count(DISTINCT t.patch_key) FROM posting_trailers t WHERE t.posting = p.id AND t.name IN ('Reviewed-by', 'Acked-by')) AS reviewed,
                EXISTS (SELECT 1 FROM posting_trailers t WHERE t.posting = p.id AND t.name = 'Nacked-by') AS nacked,
                coalesce(o.state, 'open') AS state
         FROM revisions r JOIN postings p ON p.id = r.posting LEFT JOIN lineage_outcomes o ON o.family = r.family
         ${list !== null ? 'WHERE r.family IN (SELECT r2.family FROM revisions r2 JOIN postings p2 ON p2.id = r2.posting JOIN thread_lists t ON t.thread_id = p2.thread_id WHERE t.list = ?)' : ''}
         ORDER BY r.family, p.date, p.id`,
      )
      .all(...(list !== null ? [list] : [])) as Row[];
    return rows.map((r) => ({ ...r, versionInferred: r.versionInferred === 1, rfc: r.rfc === 1, resend: r.resend === 1, bundle: r.bundle === 1, nacked: r.nacked === 1 }));
  }

  postingsInThread(threadId: string): string[] {
    return this.q.inThread.all(threadId) as string[];
  }

  neighbours(postingId: string): R.NeighbourRow[] {
    type Row = Omit<R.NeighbourRow, 'versionInferred' | 'rfc' | 'resend' | 'bundle'> & Record<'versionInferred' | 'rfc' | 'resend' | 'bundle', Flag>;
    return (this.q.neighbours.all(postingId) as Row[]).map((r) => ({ ...r, versionInferred: r.versionInferred === 1, rfc: r.rfc === 1, resend: r.resend === 1, bundle: r.bundle === 1 }));
  }

  familyIds(): string[] {
    return this.db.prepare('SELECT DISTINCT family FROM revisions ORDER BY family').pluck().all() as string[];
  }

  countsByList(): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT t.list, count(DISTINCT r.family) AS n FROM revisions r JOIN postings p ON p.id = r.posting
         JOIN thread_lists t ON t.thread_id = p.thread_id GROUP BY t.list`,
      )
      .all() as Array<{ list: string; n: number }>;
    return new Map(rows.map((r) => [r.list, r.n]));
  }

  threadsOf(family: string): string[] {
    return this.q.threadsOf.all(family) as string[];
  }

  *postingFamilies(): Iterable<R.PostingFamilyRow> {
    const rows = this.db
      .prepare(`SELECT p.id, p.cover_key AS cover, p.thread_id AS thread, p.title, p.version_tag AS tag, p.rfc, r.family
                FROM postings p JOIN revisions r ON r.posting = p.id ORDER BY p.date, p.id`)
      .iterate() as Iterable<Omit<R.PostingFamilyRow, 'rfc'> & { rfc: Flag }>;
    for (const r of rows) yield { ...r, rfc: r.rfc === 1 };
  }

  patchPostings(): Iterable<{ posting: string; key: string }> {
    return this.db.prepare('SELECT posting, key FROM posting_patches').iterate() as Iterable<{ posting: string; key: string }>;
  }

  figures(): R.SeriesFigures {
    const n = (sql: string): number => (this.db.prepare(sql).get() as { n: number | null }).n ?? 0;
    const split = (s: string | null): string[] => (s ? s.split(',') : []);
    return {
      postings: n('SELECT count(*) AS n FROM postings'),
      lineages: n('SELECT count(DISTINCT family) AS n FROM revisions'),
      multiPosting: n('SELECT count(*) AS n FROM (SELECT family FROM revisions GROUP BY family HAVING count(*) > 1)'),
      largest: n('SELECT max(c) AS n FROM (SELECT count(*) AS c FROM revisions GROUP BY family)'),
      resends: n('SELECT count(*) AS n FROM revisions r JOIN postings p ON p.id = r.posting WHERE p.resend = 1'),
      bundles: n('SELECT count(*) AS n FROM postings WHERE bundle = 1'),
      forks: n('SELECT count(*) AS n FROM revisions WHERE forked_from IS NOT NULL'),
      inferred: n('SELECT count(*) AS n FROM revisions WHERE version_inferred = 1'),
      signals: this.db
        .prepare('SELECT signal, count(*) AS n, min(confidence) AS minConfidence FROM revisions WHERE signal IS NOT NULL GROUP BY signal ORDER BY n DESC')
        .all() as R.SeriesFigures['signals'],
      severalAuthors: (
        this.db
          .prepare(
            `SELECT r.family, group_concat(DISTINCT p.author_email) AS authors, group_concat(DISTINCT r.signal) AS signals
             FROM revisions r JOIN postings p ON p.id = r.posting GROUP BY r.family HAVING count(DISTINCT p.author_email) > 1`,
          )
          .all() as Array<{ family: string; authors: string | null; signals: string | null }>
      ).map((r) => ({ family: r.family, authors: split(r.authors), signals: split(r.signals) })),
      mismatches: n('SELECT count(*) AS n FROM trailer_mismatches'),
      trailersBySource: this.db.prepare('SELECT source, count(*) AS n FROM posting_trailers GROUP BY source ORDER BY n DESC').all() as R.SeriesFigures['trailersBySource'],
    };
  }

  replaceOutcomes(outcomes: Iterable<LineageOutcome>): void {
    this.db.exec('DELETE FROM lineage_outcomes');
    const ins = this.db.prepare('INSERT INTO lineage_outcomes (family, latest_posting, state, applied, naks) VALUES (?, ?, ?, ?, ?)');
    for (const o of outcomes) ins.run(o.family, o.latestPosting, o.state, o.applied ? JSON.stringify(o.applied) : null, JSON.stringify(o.naks));
  }

  outcome(family: string): LineageOutcome | null {
    const r = this.q.outcome.get(family) as { family: string; latestPosting: string; state: LineageOutcome['state']; applied: string | null; naks: string } | undefined;
    return r ? { family: r.family, latestPosting: r.latestPosting, state: r.state, applied: r.applied ? (JSON.parse(r.applied) as LineageOutcome['applied']) : null, naks: JSON.parse(r.naks) as LineageOutcome['naks'] } : null;
  }

  familyOfMessage(key: string, threadId: string | null): string | null {
    const f = (this.q.familyOfPatch.get(key) ?? this.q.familyOfCover.get(key) ?? (threadId === null ? undefined : this.q.familyOfThread.get(threadId))) as string | undefined;
    return f ?? null;
  }
}
