// The series tables of the SQLite store: postings, their patches, revisions (a posting's place in
// its lineage), trailers and trailer mismatches; what the series stage reads, and the questions
// asked of its results. How postings are grouped and linked is the series stage's
// (ingest/series/).
import type Database from 'better-sqlite3';
import type { LineageOutcome, PatchMeta, Posting, PostingEvidence, PostingTrailer, Revision, RevisionSignal } from '../types.ts';
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
      threadMessages: db.prepare(
        `SELECT n.id AS key, n.thread_id AS threadId, n.parent, m.date, m.from_name AS fromName, m.from_email AS fromEmail, m.subject, p.meta
         FROM nodes n JOIN messages m ON m.key = n.id JOIN patch_meta p ON p.message = m.id
         WHERE n.thread_id IN (SELECT value FROM json_each(?)) AND n.ghost = 0`,
      ),
      roots: db.prepare(
        `SELECT r.key, n.thread_id AS threadId, r.sender, r.date FROM series_roots r JOIN nodes n ON n.id = r.key
         WHERE r.key IN (SELECT value FROM json_each(?))`,
      ),
      rootsNear: db.prepare(
        `SELECT r.key, n.thread_id AS threadId, r.sender, r.date FROM series_roots r JOIN nodes n ON n.id = r.key
         WHERE r.sender = ? AND r.date BETWEEN ? AND ?`,
      ),
      postingsInThreads: db
        .prepare(
          `WITH t(id) AS (SELECT value FROM json_each(?))
           SELECT pp.posting FROM t JOIN nodes n ON n.thread_id = t.id JOIN posting_patches pp ON pp.key = n.id
           UNION SELECT p.id FROM t JOIN nodes n ON n.thread_id = t.id JOIN postings p ON p.cover_key = n.id
           UNION SELECT p.id FROM t JOIN postings p ON p.thread_id = t.id`,
        )
        .pluck(),
      memberThreads: db
        .prepare(
          `WITH ids(id) AS (SELECT value FROM json_each(?))
           SELECT n.thread_id FROM ids JOIN posting_patches pp ON pp.posting = ids.id JOIN nodes n ON n.id = pp.key
           UNION SELECT n.thread_id FROM ids JOIN postings p ON p.id = ids.id JOIN nodes n ON n.id = p.cover_key`,
        )
        .pluck(),
      records: db.prepare('SELECT record FROM posting_records WHERE posting IN (SELECT value FROM json_each(?))').pluck(),
      ofAuthor: db.prepare('SELECT record FROM posting_records WHERE author_key = ?').pluck(),
      underKeys: db
        .prepare('SELECT r.record FROM posting_records r WHERE r.posting IN (SELECT k.posting FROM posting_keys k WHERE k.side = ? AND k.key IN (SELECT value FROM json_each(?)))')
        .pluck(),
      withChangeId: db.prepare('SELECT record FROM posting_records WHERE change_id = ?').pluck(),
      linkingTo: db.prepare('SELECT DISTINCT posting FROM posting_links WHERE target IN (SELECT value FROM json_each(?))').pluck(),
      evidence: db.prepare(
        `SELECT posting, kind, from_posting AS "from", signal, confidence FROM posting_evidence
         WHERE posting IN (SELECT value FROM json_each(?)) ORDER BY posting, kind DESC, ord`,
      ),
      evidenceNaming: db.prepare('SELECT DISTINCT posting FROM posting_evidence WHERE from_posting IN (SELECT value FROM json_each(?))').pluck(),
      collected: db.prepare(
        `SELECT posting AS postingId, patch_key AS patchKey, name, person, email, value, source, given_in AS messageId FROM posting_trailers
         WHERE posting IN (SELECT value FROM json_each(?)) AND source != 'carried' ORDER BY rowid`,
      ),
    };
  }

  markThreadsDirty(threadIds: readonly string[]): void {
    const st = this.db.prepare('INSERT OR IGNORE INTO series_dirty_threads (thread_id) VALUES (?)');
    for (const t of threadIds) st.run(t);
  }

  dirtyThreads(): string[] {
    return this.db.prepare('SELECT thread_id FROM series_dirty_threads ORDER BY thread_id').pluck().all() as string[];
  }

  clearDirtyThreads(): void {
    this.db.exec('DELETE FROM series_dirty_threads');
  }

  clear(): void {
    for (const t of ['trailer_mismatches', 'posting_trailers', 'posting_patches', 'revisions', 'postings', 'posting_records', 'posting_links', 'posting_keys', 'posting_evidence', 'series_roots']) {
      this.db.exec(`DELETE FROM ${t}`);
    }
  }

  threadMessages(threadIds: readonly string[]): R.SeriesInputRow[] {
    // Threading from nodes, whose rows are small: the messages' own threading columns follow
    // their bodies on disk.
    const rows = this.q.threadMessages.all(JSON.stringify(threadIds)) as Array<{
      key: string; threadId: string; parent: string | null; date: number | null; fromName: string; fromEmail: string; subject: string; meta: string;
    }>;
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

  rootMessages(kinds: readonly string[], threadIds: readonly string[] | null): Iterable<R.RootMessageRow> {
    const columns = 'n.id AS key, n.thread_id AS threadId, m.from_email AS fromEmail, m.date';
    const joins = 'JOIN messages m ON m.key = n.id JOIN patch_meta p ON p.message = m.id';
    const where = 'n.parent IS NULL AND n.ghost = 0 AND p.kind IN (SELECT value FROM json_each(?))';
    if (threadIds === null) return this.db.prepare(`SELECT ${columns} FROM nodes n ${joins} WHERE ${where}`).iterate(JSON.stringify(kinds)) as Iterable<R.RootMessageRow>;
    return this.db
      .prepare(`SELECT ${columns} FROM json_each(?) t JOIN nodes n ON n.thread_id = t.value ${joins} WHERE ${where}`)
      .iterate(JSON.stringify(threadIds), JSON.stringify(kinds)) as Iterable<R.RootMessageRow>;
  }

  roots(keys: readonly string[]): R.LocatedRootRow[] {
    return this.q.roots.all(JSON.stringify(keys)) as R.LocatedRootRow[];
  }

  rootsNear(sender: string, from: number, to: number): R.LocatedRootRow[] {
    return this.q.rootsNear.all(sender, from, to) as R.LocatedRootRow[];
  }

  keepRoots(rows: readonly R.SeriesRootRow[]): void {
    const st = this.db.prepare('INSERT OR IGNORE INTO series_roots (key, sender, date) VALUES (?, ?, ?)');
    for (const r of rows) st.run(r.key, r.sender, r.date);
  }

  replaceRoots(keys: readonly string[], rows: readonly R.SeriesRootRow[]): void {
    this.db.prepare('DELETE FROM series_roots WHERE key IN (SELECT value FROM json_each(?))').run(JSON.stringify(keys));
    this.keepRoots(rows);
  }

  postingsInThreads(threadIds: readonly string[]): string[] {
    return this.q.postingsInThreads.all(JSON.stringify(threadIds)) as string[];
  }

  memberThreads(postingIds: readonly string[]): string[] {
    return this.q.memberThreads.all(JSON.stringify(postingIds)) as string[];
  }

  postingRecords(postingIds: readonly string[]): Posting[] {
    return (this.q.records.all(JSON.stringify(postingIds)) as string[]).map((r) => JSON.parse(r) as Posting);
  }

  postingIds(): string[] {
    return this.db.prepare('SELECT posting FROM posting_records ORDER BY posting').pluck().all() as string[];
  }

  authorKeys(): string[] {
    return this.db.prepare('SELECT DISTINCT author_key FROM posting_records ORDER BY author_key').pluck().all() as string[];
  }

  postingsOfAuthor(authorKey: string): Posting[] {
    return (this.q.ofAuthor.all(authorKey) as string[]).map((r) => JSON.parse(r) as Posting);
  }

  postingsUnder(keys: readonly string[]): Posting[] {
    return (this.q.underKeys.all(0, JSON.stringify(keys)) as string[]).map((r) => JSON.parse(r) as Posting);
  }

  postingsLookingUnder(keys: readonly string[]): Posting[] {
    return (this.q.underKeys.all(1, JSON.stringify(keys)) as string[]).map((r) => JSON.parse(r) as Posting);
  }

  postingsWithChangeId(changeId: string): Posting[] {
    return (this.q.withChangeId.all(changeId) as string[]).map((r) => JSON.parse(r) as Posting);
  }

  postingsLinkingTo(keys: readonly string[]): string[] {
    return this.q.linkingTo.all(JSON.stringify(keys)) as string[];
  }

  replacePostings(remove: readonly string[], add: R.PostingsWrite): void {
    const db = this.db;
    const ids = JSON.stringify(remove);
    for (const [table, column] of [
      ['trailer_mismatches', 'posting'],
      ['posting_trailers', 'posting'],
      ['posting_patches', 'posting'],
      ['revisions', 'posting'],
      ['postings', 'id'],
      ['posting_records', 'posting'],
      ['posting_links', 'posting'],
      ['posting_keys', 'posting'],
    ]) {
      db.prepare(`DELETE FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`).run(ids);
    }
    const posting = db.prepare(`INSERT INTO postings (id, thread_id, author_name, author_email, date, version_tag, rfc, resend, bundle, total, prefixes,
      title, subject, cover_key, cover_how, change_id, links, changelog_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const patch = db.prepare('INSERT OR IGNORE INTO posting_patches (posting, key, idx, total, subject, title, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const record = db.prepare('INSERT INTO posting_records (posting, author_key, change_id, record) VALUES (?, ?, ?, ?)');
    const link = db.prepare('INSERT OR IGNORE INTO posting_links (target, posting) VALUES (?, ?)');
    const key = db.prepare('INSERT OR IGNORE INTO posting_keys (key, side, posting) VALUES (?, ?, ?)');
    for (const { posting: p, authorKey, foundUnder, poolKeys } of add.postings) {
      posting.run(p.id, p.threadId, p.author.name, p.author.email, p.date, p.version, p.rfc ? 1 : 0, p.resend ? 1 : 0, p.bundle ? 1 : 0, p.total,
        JSON.stringify(p.prefixes), p.title, p.subject, p.coverKey, p.cover, p.changeId, JSON.stringify(p.links), JSON.stringify(p.changelogFrom));
      for (const x of p.patches) patch.run(p.id, x.key, x.index, x.total, x.subject, x.title, x.fingerprint);
      record.run(p.id, authorKey, p.changeId, JSON.stringify(p));
      for (const l of p.links) link.run(l, p.id);
      for (const k of foundUnder) key.run(k, 0, p.id);
      for (const k of poolKeys) key.run(k, 1, p.id);
    }
    const tr = db.prepare('INSERT INTO posting_trailers (posting, patch_key, name, person, email, value, source, given_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const t of add.trailers) tr.run(t.postingId, t.patchKey, t.name, t.person, t.email, t.value, t.source, t.messageId);
    const mm = db.prepare('INSERT INTO trailer_mismatches (posting, message_key, name, value, sender) VALUES (?, ?, ?, ?, ?)');
    for (const m of add.mismatches) mm.run(m.postingId, m.messageId, m.name, m.value, m.sender);
  }

  evidence(postingIds: readonly string[]): PostingEvidence[] {
    type Row = { posting: string; kind: 'predecessor' | 'bundled'; from: string | null; signal: RevisionSignal | null; confidence: number | null };
    const out = new Map<string, PostingEvidence>();
    for (const r of this.q.evidence.all(JSON.stringify(postingIds)) as Row[]) {
      let e = out.get(r.posting);
      if (!e) out.set(r.posting, (e = { postingId: r.posting, predecessor: null, bundled: [] }));
      const c = r.from === null ? null : { from: r.from, signal: r.signal!, confidence: r.confidence! };
      if (r.kind === 'predecessor') e.predecessor = c;
      else if (c) e.bundled.push(c);
    }
    return [...out.values()];
  }

  evidenceNaming(postingIds: readonly string[]): string[] {
    return this.q.evidenceNaming.all(JSON.stringify(postingIds)) as string[];
  }

  writeEvidence(evidence: readonly PostingEvidence[]): void {
    this.forgetEvidence(evidence.map((e) => e.postingId));
    const st = this.db.prepare('INSERT INTO posting_evidence (posting, kind, ord, from_posting, signal, confidence) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of evidence) {
      const p = e.predecessor;
      st.run(e.postingId, 'predecessor', 0, p?.from ?? null, p?.signal ?? null, p?.confidence ?? null);
      e.bundled.forEach((c, i) => st.run(e.postingId, 'bundled', i, c.from, c.signal, c.confidence));
    }
  }

  forgetEvidence(postingIds: readonly string[]): void {
    this.db.prepare('DELETE FROM posting_evidence WHERE posting IN (SELECT value FROM json_each(?))').run(JSON.stringify(postingIds));
  }

  collectedTrailers(postingIds: readonly string[]): PostingTrailer[] {
    return this.q.collected.all(JSON.stringify(postingIds)) as PostingTrailer[];
  }

  replaceLineages(postingIds: readonly string[], revisions: readonly Revision[], carried: readonly PostingTrailer[]): void {
    const ids = JSON.stringify(postingIds);
    this.db.prepare('DELETE FROM revisions WHERE posting IN (SELECT value FROM json_each(?))').run(ids);
    this.db.prepare("DELETE FROM posting_trailers WHERE source = 'carried' AND posting IN (SELECT value FROM json_each(?))").run(ids);
    const rev = this.db.prepare('INSERT OR REPLACE INTO revisions (posting, family, version, version_inferred, link_from, forked_from, signal, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const r of revisions) rev.run(r.postingId, r.family, r.version, r.versionInferred ? 1 : 0, r.linkFrom, r.forkedFrom, r.signal, r.confidence);
    const tr = this.db.prepare('INSERT INTO posting_trailers (posting, patch_key, name, person, email, value, source, given_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const t of carried) tr.run(t.postingId, t.patchKey, t.name, t.person, t.email, t.value, t.source, t.messageId);
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
