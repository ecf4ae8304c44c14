// The Patchwork tables of the SQLite store: projects, patches, cover letters and series as a
// Patchwork server gave them, the state changes syncs found, the cursor of each server's project,
// and the mail neither the list archive nor Patchwork could give. Primary data: reindex keeps it.
// Rows in, rows out: what to read and when is the sync's (ingest/patchwork/), what a state means
// the stages'. A store opened read-only that was written before these tables existed has none:
// it answers as a store without Patchwork records.
import type Database from 'better-sqlite3';
import type { PatchworkCursor, PatchworkPatch, PatchworkProject, PatchworkSeries } from '../types.ts';
import type { SqliteContext } from './sqlite-store-fs.ts';
import type { PatchworkTables } from './store-port.ts';
import type * as R from './store-rows.ts';

export class SqlitePatchwork implements PatchworkTables {
  private readonly db: Database.Database;
  /** False on a read-only store without the tables. */
  private readonly present: boolean;

  constructor(ctx: SqliteContext) {
    this.db = ctx.db;
    this.present = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pw_patches'").get() !== undefined;
  }

  write(w: R.PatchworkWrite): R.PatchworkStateChange[] {
    const db = this.db;
    const changes: R.PatchworkStateChange[] = [];
    if (w.project) {
      db.prepare('INSERT OR REPLACE INTO pw_projects (server, id, link_name, api_version, read_at, record) VALUES (?, ?, ?, ?, ?, ?)').run(
        w.server,
        w.project.id,
        w.project.linkName,
        w.apiVersion,
        w.at,
        JSON.stringify(w.project),
      );
    }
    const had = db.prepare('SELECT state, state_since AS since, record FROM pw_patches WHERE server = ? AND id = ?');
    const putPatch = db.prepare('INSERT OR REPLACE INTO pw_patches (server, id, project, message_id, state, state_since, read_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const putChange = db.prepare('INSERT INTO pw_state_changes (server, id, message_id, from_state, to_state, at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const p of w.patches) {
      const before = had.get(w.server, p.origin.id) as { state: string; since: number; record: string } | undefined;
      // Checks not read in this run are those read before.
      const patch: PatchworkPatch = p.checks === null && before ? { ...p, checks: (JSON.parse(before.record) as PatchworkPatch).checks } : p;
      const same = before?.state === p.state.slug;
      if (before && !same) {
        putChange.run(w.server, p.origin.id, p.messageId, before.state, p.state.slug, w.at);
        changes.push({ server: w.server, id: p.origin.id, messageId: p.messageId, from: before.state, to: p.state.slug, at: w.at });
      }
      putPatch.run(w.server, p.origin.id, w.projectId, p.messageId, p.state.slug, same ? before.since : w.at, w.at, JSON.stringify(patch));
    }
    const putCover = db.prepare('INSERT OR REPLACE INTO pw_covers (server, id, project, message_id, series_id, read_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const c of w.covers) putCover.run(w.server, c.origin.id, w.projectId, c.messageId, c.series[0]?.id ?? null, w.at, JSON.stringify(c));
    const putSeries = db.prepare('INSERT OR REPLACE INTO pw_series (server, id, project, read_at, record) VALUES (?, ?, ?, ?, ?)');
    for (const s of w.series) putSeries.run(w.server, s.origin.id, w.projectId, w.at, JSON.stringify(s));
    if (w.cursor) {
      db.prepare('INSERT OR REPLACE INTO pw_cursors (server, project, link_name, asked, cursor) VALUES (?, ?, ?, ?, ?)').run(
        w.server,
        w.projectId,
        w.cursor.project,
        w.cursor.asked,
        JSON.stringify(w.cursor),
      );
    }
    return changes;
  }

  cursor(server: string, project: string): PatchworkCursor | null {
    if (!this.present) return null;
    const v = this.db
      .prepare('SELECT cursor FROM pw_cursors WHERE server = @server AND (link_name = @project COLLATE NOCASE OR asked = @project COLLATE NOCASE) ORDER BY link_name = @project COLLATE NOCASE DESC LIMIT 1')
      .pluck()
      .get({ server, project }) as string | undefined;
    return v === undefined ? null : (JSON.parse(v) as PatchworkCursor);
  }

  projects(): R.PatchworkProjectRow[] {
    if (!this.present) return [];
    const rows = this.db.prepare('SELECT server, id, api_version AS apiVersion, read_at AS readAt, record FROM pw_projects ORDER BY server, link_name').all() as Array<{
      server: string;
      id: number;
      apiVersion: string;
      readAt: number;
      record: string;
    }>;
    const counts = this.db.prepare('SELECT state, count(*) AS n FROM pw_patches WHERE server = ? AND project = ? GROUP BY state ORDER BY state');
    return rows.map((r) => ({
      server: r.server,
      project: JSON.parse(r.record) as PatchworkProject,
      apiVersion: r.apiVersion,
      readAt: r.readAt,
      states: Object.fromEntries((counts.all(r.server, r.id) as Array<{ state: string; n: number }>).map((c) => [c.state, c.n])),
    }));
  }

  patchesOf(messageIds: readonly string[]): R.PatchworkPatchRow[] {
    if (!this.present || messageIds.length === 0) return [];
    const q = this.db.prepare(
      `SELECT p.project AS projectId, p.state_since AS stateSince, p.record, pr.link_name AS linkName, pr.record AS projectRecord
       FROM pw_patches p LEFT JOIN pw_projects pr ON pr.server = p.server AND pr.id = p.project
       WHERE p.message_id = ? ORDER BY p.server, p.project, p.id`,
    );
    const out: R.PatchworkPatchRow[] = [];
    for (const mid of [...new Set(messageIds)].sort()) {
      for (const r of q.all(mid) as Array<{ projectId: number; stateSince: number; record: string; linkName: string | null; projectRecord: string | null }>) {
        const patch = JSON.parse(r.record) as PatchworkPatch;
        const project = r.projectRecord ? (JSON.parse(r.projectRecord) as PatchworkProject) : null;
        out.push({ patch, projectId: r.projectId, project: r.linkName ?? patch.origin.project, commitUrlFormat: project?.commitUrlFormat ?? '', stateSince: r.stateSince });
      }
    }
    return out;
  }

  *states(): Iterable<{ messageId: string; state: string }> {
    if (!this.present) return;
    yield* this.db.prepare('SELECT message_id AS messageId, state FROM pw_patches ORDER BY message_id, state').iterate() as Iterable<{ messageId: string; state: string }>;
  }

  *covers(): Iterable<R.PatchworkCoverRow> {
    if (!this.present) return;
    const rows = this.db
      .prepare('SELECT c.message_id AS messageId, c.server, s.record FROM pw_covers c JOIN pw_series s ON s.server = c.server AND s.id = c.series_id ORDER BY c.message_id, c.server')
      .iterate() as Iterable<{ messageId: string; server: string; record: string }>;
    for (const r of rows) yield { messageId: r.messageId, server: r.server, patchMessageIds: (JSON.parse(r.record) as PatchworkSeries).patchMessageIds };
  }

  lackingMail(server: string, projectId: number, retryAfter: number): R.PatchworkMailRow[] {
    if (!this.present) return [];
    const lacking = (table: string, kind: 'patch' | 'cover') => `
      SELECT '${kind}' AS kind, t.id, t.message_id AS messageId, json_extract(t.record, '$.series[0].id') AS seriesId,
             json_extract(t.record, '$.date') AS date
      FROM ${table} t
      WHERE t.server = @server AND t.project = @project
        AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.message_id = t.message_id)
        AND NOT EXISTS (SELECT 1 FROM pw_mail_unavailable u WHERE u.server = t.server AND u.message_id = t.message_id AND u.tried_at > @retryAfter)`;
    const rows = this.db
      .prepare(`${lacking('pw_covers', 'cover')} UNION ALL ${lacking('pw_patches', 'patch')} ORDER BY date, kind, id`)
      .all({ server, project: projectId, retryAfter }) as Array<Omit<R.PatchworkMailRow, 'server'>>;
    return rows.map((r) => ({ ...r, seriesId: r.seriesId ?? null, date: r.date ?? null, server }));
  }

  markUnavailable(server: string, messageIds: readonly string[], at: number): void {
    const put = this.db.prepare('INSERT OR REPLACE INTO pw_mail_unavailable (server, message_id, tried_at) VALUES (?, ?, ?)');
    for (const m of messageIds) put.run(server, m, at);
  }

  stamp(): string {
    if (!this.present) return '';
    const parts = ['pw_patches', 'pw_covers', 'pw_series'].map((t) => this.db.prepare(`SELECT count(*) || ':' || ifnull(max(read_at), 0) FROM ${t}`).pluck().get() as string);
    return parts.every((p) => p === '0:0') ? '' : parts.join('/');
  }
}
