// The commit tables of the SQLite store: the git histories `patchlore commits` read (primary, kept
// through reindex), what linking reads of the posted patches, and the links derived from both.
// How commits are read and linked is the commits stage's (ingest/commits/). A store written
// before these tables existed and opened read-only has none of them: it answers as a store
// without repositories.
import type Database from 'better-sqlite3';
import type { Address, CommitEvidence, CommitMatch, GitCommit, GitTag, LandingForm, MergeState, PatchMeta, PostedCover } from '../types.ts';
import type { SqliteContext } from './sqlite-store-fs.ts';
import type { CommitTables } from './store-port.ts';
import type * as R from './store-rows.ts';

/** Evidence from strongest to weakest, for counting a commit by its strongest. */
const EVIDENCE_ORDER: readonly CommitEvidence[] = ['trailer', 'patch-id', 'subject'];

const LINK_COLUMNS = `l.repo, l.commit_hash AS "commit", l.message_key AS messageId, l.posting AS postingId, l.family, l.evidence, l.confidence,
  l.match, l.forms, c.subject, c.author_name AS authorName, c.author_email AS authorEmail, c.author_date AS authorDate,
  c.commit_date AS commitDate, r.tag AS release, g.url_template AS urlTemplate`;
const LINK_JOINS = `JOIN git_commits c ON c.repo = l.repo AND c.hash = l.commit_hash
  LEFT JOIN git_releases r ON r.repo = l.repo AND r.commit_hash = l.commit_hash
  LEFT JOIN git_repos g ON g.name = l.repo`;
const LINK_ORDER = 'ORDER BY l.repo, c.seq DESC, l.message_key';

type LinkSql = Omit<R.CommitLinkRow, 'match' | 'forms' | 'author'> & { match: string; forms: string; authorName: string; authorEmail: string };
type CommitSql = {
  hash: string;
  parents: string;
  tree: string;
  authorName: string;
  authorEmail: string;
  authorDate: number;
  committerName: string;
  committerEmail: string;
  commitDate: number;
  subject: string;
  message: string;
  files: string;
  patchId: string | null;
};

function linkRow({ match, forms, authorName, authorEmail, ...r }: LinkSql): R.CommitLinkRow {
  return { ...r, author: { name: authorName, email: authorEmail }, match: JSON.parse(match) as CommitMatch, forms: JSON.parse(forms) as LandingForm[] };
}

export class SqliteCommits implements CommitTables {
  private readonly db: Database.Database;
  /** Whether the store has the commit tables (a store of an earlier version opened read-only
   *  does not). */
  private readonly present: boolean;

  constructor(ctx: SqliteContext) {
    this.db = ctx.db;
    this.present = (this.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('git_repos', 'commit_links')").pluck().get() as number) === 2;
  }

  repositories(): R.RepositoryRow[] {
    if (!this.present) return [];
    return (this.db.prepare('SELECT * FROM git_repos ORDER BY name').all() as RepoSql[]).map(repositoryRow);
  }

  repository(name: string): R.RepositoryRow | null {
    if (!this.present) return null;
    const r = this.db.prepare('SELECT * FROM git_repos WHERE name = ?').get(name) as RepoSql | undefined;
    return r ? repositoryRow(r) : null;
  }

  addRead(read: R.RepositoryRead): void {
    const db = this.db;
    const { repo } = read;
    db.prepare('INSERT OR REPLACE INTO git_repos (name, path, url_template, refs, heads, tags, read_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      repo.name,
      repo.path,
      repo.urlTemplate,
      JSON.stringify(repo.refs),
      JSON.stringify(repo.heads),
      JSON.stringify(repo.tags),
      repo.readAt,
    );
    const top = (db.prepare('SELECT coalesce(max(seq), 0) FROM git_commits WHERE repo = ?').pluck().get(repo.name) as number) ?? 0;
    const ins = db.prepare(`INSERT OR IGNORE INTO git_commits (repo, hash, seq, parents, tree, author_name, author_email, author_date, committer_name, committer_email,
      commit_date, subject, message, files, patch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // Newest first: the first commit gets the highest seq.
    read.commits.forEach((c, i) => {
      ins.run(repo.name, c.hash, top + read.commits.length - i, JSON.stringify(c.parents), c.tree, c.author.name, c.author.email, c.authorDate, c.committer.name, c.committer.email,
        c.commitDate, c.subject, c.message, JSON.stringify(c.files), c.patchId);
    });
    const kept = new Set(read.keptTags);
    const drop = db.prepare('DELETE FROM git_releases WHERE repo = ? AND tag = ?');
    for (const tag of db.prepare('SELECT DISTINCT tag FROM git_releases WHERE repo = ?').pluck().all(repo.name) as string[]) if (!kept.has(tag)) drop.run(repo.name, tag);
    const rel = db.prepare('INSERT OR REPLACE INTO git_releases (repo, commit_hash, tag) VALUES (?, ?, ?)');
    for (const r of read.releases) rel.run(repo.name, r.commit, r.tag);
  }

  commits(repo: string): GitCommit[] {
    if (!this.present) return [];
    const rows = this.db
      .prepare(
        `SELECT hash, parents, tree, author_name AS authorName, author_email AS authorEmail, author_date AS authorDate, committer_name AS committerName,
                committer_email AS committerEmail, commit_date AS commitDate, subject, message, files, patch_id AS patchId
         FROM git_commits WHERE repo = ? ORDER BY seq DESC`,
      )
      .iterate(repo) as Iterable<CommitSql>;
    const out: GitCommit[] = [];
    for (const r of rows) {
      out.push({
        hash: r.hash,
        parents: JSON.parse(r.parents) as string[],
        tree: r.tree,
        author: { name: r.authorName, email: r.authorEmail },
        authorDate: r.authorDate,
        committer: { name: r.committerName, email: r.committerEmail },
        commitDate: r.commitDate,
        subject: r.subject,
        message: r.message,
        files: JSON.parse(r.files) as string[],
        patchId: r.patchId,
      });
    }
    return out;
  }

  postedPatches(headChars: number): R.PostedPatchRow[] {
    type Row = Omit<R.PostedPatchRow, 'from' | 'diff'> & { fromName: string; fromEmail: string; meta: string | null };
    const rows = this.db
      .prepare(
        `SELECT pp.key, pp.posting, pp.idx AS "index", pp.total, pp.title, m.from_name AS fromName, m.from_email AS fromEmail, m.date,
                substr(m.body, 1, ?) AS bodyHead, pm.meta, coalesce(r.family, pp.posting) AS family, coalesce(r.version, 1) AS version
         FROM posting_patches pp
         JOIN messages m ON m.key = pp.key
         LEFT JOIN patch_meta pm ON pm.message = m.id
         LEFT JOIN revisions r ON r.posting = pp.posting
           AND r.family = (SELECT family FROM revisions WHERE posting = pp.posting ORDER BY family = posting DESC, family LIMIT 1)
         ORDER BY pp.posting, pp.idx, pp.key`,
      )
      .all(headChars) as Row[];
    return rows.map(({ fromName, fromEmail, meta, ...r }) => ({ ...r, from: { name: fromName, email: fromEmail } as Address, diff: meta ? ((JSON.parse(meta) as PatchMeta).diff ?? null) : null }));
  }

  covers(): PostedCover[] {
    return this.db.prepare('SELECT cover_key AS messageId, id AS postingId FROM postings WHERE cover_key IS NOT NULL ORDER BY id').all() as PostedCover[];
  }

  replaceLinks(records: R.CommitLinkRecords): void {
    const db = this.db;
    for (const t of ['commit_links', 'commit_unresolved', 'lineage_merges']) db.exec(`DELETE FROM ${t}`);
    const link = db.prepare('INSERT OR REPLACE INTO commit_links (repo, commit_hash, message_key, posting, family, evidence, confidence, match, forms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const l of records.links) link.run(l.repo, l.commit, l.messageId, l.postingId, l.family, l.evidence, l.confidence, JSON.stringify(l.match), JSON.stringify(l.forms));
    const un = db.prepare('INSERT OR IGNORE INTO commit_unresolved (repo, commit_hash, message_id, reason) VALUES (?, ?, ?, ?)');
    for (const u of records.unresolved) un.run(u.repo, u.commit, u.messageId, u.reason);
    const merge = db.prepare('INSERT INTO lineage_merges (family, state, landed, patches, landed_posting, landed_postings) VALUES (?, ?, ?, ?, ?, ?)');
    for (const m of records.merges) merge.run(m.family, m.state, m.landed, m.patches, m.landedPosting, JSON.stringify(m.landedPostings));
  }

  linksOfPatches(keys: readonly string[]): R.CommitLinkRow[] {
    if (!this.present || keys.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT ${LINK_COLUMNS} FROM commit_links l ${LINK_JOINS} WHERE l.message_key IN (SELECT value FROM json_each(?)) ${LINK_ORDER}`)
      .all(JSON.stringify(keys)) as LinkSql[];
    return rows.map(linkRow);
  }

  linksOfFamily(family: string): R.CommitLinkRow[] {
    if (!this.present) return [];
    return (this.db.prepare(`SELECT ${LINK_COLUMNS} FROM commit_links l ${LINK_JOINS} WHERE l.family = ? ${LINK_ORDER}`).all(family) as LinkSql[]).map(linkRow);
  }

  lineageMerge(family: string): R.LineageMergeRow | null {
    if (!this.present) return null;
    const r = this.db.prepare('SELECT family, state, landed, patches, landed_posting AS landedPosting, landed_postings AS landedPostings FROM lineage_merges WHERE family = ?').get(family) as
      | (Omit<R.LineageMergeRow, 'landedPostings' | 'state'> & { state: MergeState; landedPostings: string })
      | undefined;
    return r ? { ...r, landedPostings: JSON.parse(r.landedPostings) as string[] } : null;
  }

  mergeCounts(): Record<MergeState, number> {
    const out: Record<MergeState, number> = { merged: 0, 'partially-merged': 0, 'not-merged': 0 };
    if (!this.present) return out;
    for (const r of this.db.prepare('SELECT state, count(*) AS n FROM lineage_merges GROUP BY state').all() as Array<{ state: MergeState; n: number }>) out[r.state] = r.n;
    return out;
  }

  unresolved(repo: string): R.UnresolvedRecord[] {
    if (!this.present) return [];
    return this.db
      .prepare(
        `SELECT u.repo, u.commit_hash AS "commit", u.message_id AS messageId, u.reason FROM commit_unresolved u
         LEFT JOIN git_commits c ON c.repo = u.repo AND c.hash = u.commit_hash WHERE u.repo = ? ORDER BY c.seq DESC, u.message_id`,
      )
      .all(repo) as R.UnresolvedRecord[];
  }

  counts(repo: string): R.CommitCounts {
    const none: R.CommitCounts = { commits: 0, released: 0, linked: 0, links: 0, byEvidence: {}, unresolved: 0 };
    if (!this.present) return none;
    const n = (sql: string): number => this.db.prepare(sql).pluck().get(repo) as number;
    const byEvidence: Record<string, number> = {};
    const strongest = this.db
      .prepare(`SELECT min(CASE evidence ${EVIDENCE_ORDER.map((e, i) => `WHEN '${e}' THEN ${i}`).join(' ')} END) AS rank FROM commit_links WHERE repo = ? GROUP BY commit_hash`)
      .pluck()
      .all(repo) as number[];
    for (const rank of strongest) {
      const e = EVIDENCE_ORDER[rank]!;
      byEvidence[e] = (byEvidence[e] ?? 0) + 1;
    }
    return {
      commits: n('SELECT count(*) FROM git_commits WHERE repo = ?'),
      released: n('SELECT count(*) FROM git_releases r JOIN git_commits c ON c.repo = r.repo AND c.hash = r.commit_hash WHERE r.repo = ?'),
      linked: strongest.length,
      links: n('SELECT count(*) FROM commit_links WHERE repo = ?'),
      byEvidence,
      unresolved: n('SELECT count(*) FROM commit_unresolved WHERE repo = ?'),
    };
  }
}

type RepoSql = { name: string; path: string; url_template: string | null; refs: string; heads: string; tags: string; read_at: number };

function repositoryRow(r: RepoSql): R.RepositoryRow {
  return {
    name: r.name,
    path: r.path,
    urlTemplate: r.url_template,
    refs: JSON.parse(r.refs) as string[],
    heads: JSON.parse(r.heads) as Record<string, string>,
    tags: JSON.parse(r.tags) as GitTag[],
    readAt: r.read_at,
  };
}
