// Whether a Patchwork sync reads everything or only what changed, and the requests of each.
// Patchwork has no "modified since" filter on patches, but it logs every change in its event log
// (/api/1.3/events/: patch-created, patch-state-changed, patch-delegated, check-created, ...) with
// a `since` filter. So the first sync of a (server, project) reads its series, patches and cover
// letters (from a since-date), notes the newest event, and later syncs ask for the events since
// then and read again only what those events name (plan-rereads.ts). Pure: the cursor and the
// clock come in, URLs and reasons go out.
import type { Diagnostic, PatchworkCursor, PatchworkWork } from '../types.ts';
import { parsePatchworkDate } from './patchwork-fields.ts';
import { patchworkUrl } from './patchwork-url.ts';

/** Events are dated when created (utcnow in patchwork/models.py Event.date) but visible once
 *  their transaction commits, so one committed late can be dated before events already read.
 *  Patchwork's transactions are short (one patch, cover or comment in patchwork/parser.py; one
 *  API request), so the next sync asks from this long before the newest event seen, generous for
 *  a slow database, and skips the ids it has. */
export const EVENT_OVERLAP_MS = 10_000;

/** Changing a patch's archived flag or commit ref logs no event (patchwork/signals.py makes
 *  events for states, delegates, checks, relations and new mail only), so a sync reads the whole
 *  project again when its last full read is older than this. */
export const FULL_REREAD_INTERVAL_MS = 7 * 24 * 3600 * 1000;

/** Items per page asked of list endpoints: Patchwork's documented maximum "on most endpoints"
 *  (docs/api/rest/index.rst); a server allowing fewer answers with fewer and links to more. */
export const DEFAULT_PAGE_SIZE = 100;

/** What a sync is asked to do. */
export interface PatchworkSyncRequest {
  /** Base URL, without a trailing slash. */
  server: string;
  /** Project link name. */
  project: string;
  /** Only patches, cover letters and series dated on or after this day (YYYY-MM-DD); null: all. */
  since: string | null;
  /** Read everything even when the cursor would allow less. */
  full: boolean;
  /** Now, ms since the epoch. */
  now: number;
  /** How far before the newest event seen the next events are asked from (default
   *  EVENT_OVERLAP_MS). */
  overlapMs?: number;
}

/** How a sync goes. */
export type PatchworkSyncPlan =
  | {
      mode: 'full';
      /** Why, for the log and the report. */
      reason: string;
      /** Problems with the cursor given. */
      problems: Diagnostic[];
    }
  | {
      mode: 'incremental';
      reason: string;
      problems: Diagnostic[];
      apiVersion: string;
      /** The first page of events to read (newest first, pages linked by the Link header). */
      eventsUrl: string;
      /** Work the last run left undone. */
      owed: PatchworkWork;
    };

/** Work with nothing in it. */
export function noWork(): PatchworkWork {
  return { patches: [], checks: [], covers: [], series: [] };
}

/** A date in the form Patchwork writes (UTC, no zone), for a `since` filter. */
export function patchworkDateString(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '');
}

/** The `since` filter for a since-day. */
export function sinceFilter(since: string): string {
  return `${since}T00:00:00`;
}

/** Decide how to sync. */
export function planPatchworkSync(cursor: PatchworkCursor | null, r: PatchworkSyncRequest, pageSize = DEFAULT_PAGE_SIZE): PatchworkSyncPlan {
  const full = (reason: string, problems: Diagnostic[] = []): PatchworkSyncPlan => ({ mode: 'full', reason, problems });
  if (r.full) return full('a full read was asked for');
  if (!cursor) return full('first sync of this project');
  if (cursor.server !== r.server || (cursor.project !== r.project && cursor.asked !== r.project)) {
    return full('the cursor given is for another server or project', [
      {
        code: 'patchwork/cursor',
        message: `the cursor given is for project ${cursor.project} at ${cursor.server}, not ${r.project} at ${r.server}; everything is read`,
        source: r.server,
        hint: 'keep one cursor per server and project',
        severity: 'warning',
      },
    ]);
  }
  if (cursor.since !== null && (r.since === null || r.since < cursor.since)) {
    return full(`the since-date moved back (from ${cursor.since} to ${r.since ?? 'everything'})`);
  }
  if (r.now - cursor.fullReadAt > FULL_REREAD_INTERVAL_MS) {
    return full(`the last full read is older than ${FULL_REREAD_INTERVAL_MS / 86_400_000} days (archived flags and commit refs change without events)`);
  }
  // Newest first: the reader stops at a page of events it has already taken into account, so a
  // sync after no change is one request however many events the overlap holds.
  const query: Record<string, string | number> = { project: cursor.projectId, order: '-date', per_page: pageSize };
  if (cursor.eventDate !== null) {
    const t = parsePatchworkDate(cursor.eventDate);
    const overlap = r.overlapMs ?? EVENT_OVERLAP_MS;
    query.since = t === null || overlap === 0 ? cursor.eventDate : patchworkDateString(t - overlap);
  }
  return {
    mode: 'incremental',
    reason: cursor.eventDate === null ? 'events since the last sync (the project had none then)' : `events since ${cursor.eventDate}`,
    problems: [],
    apiVersion: cursor.apiVersion,
    eventsUrl: patchworkUrl(r.server, cursor.apiVersion, { kind: 'list', of: 'events', query }),
    owed: cursor.owed,
  };
}

/** The list requests of a full read with API `version`. */
export function fullReadUrls(server: string, version: string, project: string, since: string | null, pageSize = DEFAULT_PAGE_SIZE): {
  /** The newest events (newest first): where the next sync starts. */
  newestEvents: string;
  series: string;
  patches: string;
  covers: string;
  /** Every check-created event: which patches have checks to read. */
  checkEvents: string;
} {
  const q = (extra: Record<string, string | number> = {}) => ({ project, per_page: pageSize, ...(since ? { since: sinceFilter(since) } : {}), ...extra });
  return {
    newestEvents: patchworkUrl(server, version, { kind: 'list', of: 'events', query: { project, per_page: pageSize } }),
    series: patchworkUrl(server, version, { kind: 'list', of: 'series', query: q() }),
    patches: patchworkUrl(server, version, { kind: 'list', of: 'patches', query: q() }),
    covers: patchworkUrl(server, version, { kind: 'list', of: 'covers', query: q() }),
    checkEvents: patchworkUrl(server, version, { kind: 'list', of: 'events', query: q({ category: 'check-created', order: 'date' }) }),
  };
}
