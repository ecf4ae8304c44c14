// The series tables: reading what the series stage needs from the store, and replacing the
// stage's results in one transaction.
import type { PatchMeta } from '../patch/mine-patch.ts';
import type { SeriesResult } from '../series/build-series.ts';
import type { SeriesMessage } from '../types.ts';
import type { Store } from './store-fs.ts';

/** Every threaded message with its patch facts. */
export function readSeriesMessages(store: Store): SeriesMessage[] {
  const rows = store.db
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

/** Replace the series tables with `result`. */
export function writeSeries(store: Store, result: SeriesResult): void {
  const db = store.db;
  store.transaction(() => {
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
    store.setSeriesStale(false);
  });
}
