// The Patchwork sync's composition root: read a project's patch states, delegates, archived
// flags, commit refs and checks from a Patchwork server (REST API 1.0 to 1.3), in full the first
// time and then only what the event log says changed, and fetch from it the mail patchlore lacks
// as mbox files in the sync cache. It stores nothing: the caller keeps the records and the cursor
// and imports the files. Bad answers are problems in the result, never exceptions; only the
// environment (the disk) can make it throw.
import { defaultSyncConfig } from '../sync/sync-config.ts';
import { userAgent } from '../sync/sync-fs.ts';
import { HttpClient } from '../sync/http-client-fs.ts';
import type { HttpSettings } from '../sync/sync-types.ts';
import type { Diagnostic, PatchworkCover, PatchworkCursor, PatchworkEvent, PatchworkMailRef, PatchworkPatch, PatchworkProject, PatchworkSeries, PatchworkWork } from '../types.ts';
import { parsePatchworkDate } from './patchwork-fields.ts';
import { fetchMissingMailFs } from './fetch-missing-mail-fs.ts';
import { currentChecks, mapCheck } from './map-check.ts';
import { mapCover } from './map-cover.ts';
import { mapEvent } from './map-event.ts';
import type { ReadContext } from './map-origin.ts';
import { mapPatch } from './map-patch.ts';
import { mapProject, matchProject } from './map-project.ts';
import { mapSeries } from './map-series.ts';
import { PatchworkApi } from './patchwork-api-fs.ts';
import { freshEvents, nextCursor } from './patchwork-cursor.ts';
import { apiAtLeast, API_VERSIONS, patchworkUrl } from './patchwork-url.ts';
import { DEFAULT_PAGE_SIZE, EVENT_OVERLAP_MS, fullReadUrls, noWork, planPatchworkSync } from './plan-patchwork-sync.ts';
import { mergeWork, nextReread, settleWork, workDone, workFromEvents } from './plan-rereads.ts';

/** What to sync. */
export interface SyncPatchworkOptions {
  /** The server's base URL ("https://patchwork.kernel.org"), without a trailing slash. */
  base: string;
  /** The project: its link name, List-Id, list address or name. */
  project: string;
  /** Only patches, cover letters and series dated on or after this day (YYYY-MM-DD). */
  since: string | null;
  /** The sync cache; HTTP answers and mbox files go to its http/ folder. */
  cacheDir: string;
  /** Whether the store has a message (Message-ID without angle brackets). */
  knownMessageIds: { has(messageId: string): boolean };
  /** Where the last sync of this server and project stopped; null for none. */
  cursor: PatchworkCursor | null;
  /** Read everything even when the cursor allows less (--refresh). */
  full?: boolean;
  /** Fetch the mail patchlore lacks from Patchwork (default true). False leaves it to the
   *  caller (`missing` in the result; fetchMissingMailFs for what the list archive lacks). */
  fetchMail?: boolean;
  /** Items per page of list requests (default DEFAULT_PAGE_SIZE). */
  pageSize?: number;
  /** HTTP settings (default: the sync defaults, patchlore's User-Agent). */
  http?: Partial<HttpSettings>;
  /** A client to share with other syncs of the same run (then `http` is not used and the
   *  client is not closed). */
  client?: HttpClient;
  log?: (line: string) => void;
  /** Called before each HTTP request (tests and benchmarks count with it). */
  onRequest?: (method: string, url: string) => void;
  /** Told after each page of a list read: what ("patches"), pages read, pages there are (0 when
   *  the server does not say). */
  onProgress?: (what: string, pages: number, total: number) => void;
  /** How far before the newest event seen the next sync asks for events (default
   *  EVENT_OVERLAP_MS; see there). */
  eventOverlapMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** What a sync read and fetched. */
export interface SyncPatchworkResult {
  /** Patches read in this run (all of them in a full read; in an incremental one, those the
   *  events named), with their checks when read. */
  patches: PatchworkPatch[];
  covers: PatchworkCover[];
  series: PatchworkSeries[];
  /** Messages of the records read that the store lacks. */
  missing: PatchworkMailRef[];
  /** mbox files in the sync cache holding mail the store lacked, for the import. */
  fetchedMbox: string[];
  /** Message-IDs those files bring. */
  fetchedMessageIds: string[];
  /** Message-IDs Patchwork has and patchlore still lacks (for the list archive to bring). */
  stillMissing: string[];
  /** Where to start next time; the one given when this run could not move it on. */
  cursor: PatchworkCursor | null;
  problems: Diagnostic[];
  /** How this run read, and why. */
  mode: 'full' | 'incremental';
  reason: string;
  /** The project, when a full read found it. */
  project: PatchworkProject | null;
  /** Events taken into account (new since the cursor). */
  events: number;
  /** HTTP requests made, retries and redirects included. */
  requests: number;
}

/** The HTTP settings of a sync that was given none: the defaults of `patchlore sync`. */
function defaultHttp(over: Partial<HttpSettings> = {}): HttpSettings {
  const { userAgentPlus, ...http } = defaultSyncConfig().http;
  return { userAgent: userAgent(userAgentPlus), ...http, ...over };
}

/** Records read in one run, the latest read of each kept. */
class Records {
  patches = new Map<number, PatchworkPatch>();
  covers = new Map<number, PatchworkCover>();
  series = new Map<number, PatchworkSeries>();
  addPatch(p: PatchworkPatch): void {
    const had = this.patches.get(p.origin.id);
    // A patch read again keeps the checks read before in this run.
    this.patches.set(p.origin.id, had && p.checks === null ? { ...p, checks: had.checks } : p);
  }
}

/** Sync one Patchwork project (see the top of the file). */
export async function syncPatchwork(o: SyncPatchworkOptions): Promise<SyncPatchworkResult> {
  const base = o.base.replace(/\/+$/, '');
  const log = o.log ?? (() => undefined);
  const now = o.now ?? Date.now;
  const pageSize = o.pageSize ?? DEFAULT_PAGE_SIZE;
  const client = o.client ?? new HttpClient(defaultHttp(o.http), `${o.cacheDir}/http`, { log, onRequest: o.onRequest });
  const requestsBefore = client.stats.requests;
  const problems: Diagnostic[] = [];
  const api = new PatchworkApi(client, problems, o.onProgress);
  const records = new Records();
  const startedAt = now();
  const overlapMs = o.eventOverlapMs ?? EVENT_OVERLAP_MS;
  const plan = planPatchworkSync(o.cursor, { server: base, project: o.project, since: o.since, full: o.full ?? false, now: startedAt, overlapMs }, pageSize);
  problems.push(...plan.problems);
  log(`patchwork ${base} ${o.project}: ${plan.mode} read (${plan.reason})`);
  const result: SyncPatchworkResult = {
    patches: [],
    covers: [],
    series: [],
    missing: [],
    fetchedMbox: [],
    fetchedMessageIds: [],
    stillMissing: [],
    cursor: o.cursor,
    problems,
    mode: plan.mode,
    reason: plan.reason,
    project: null,
    events: 0,
    requests: 0,
  };
  try {
    if (plan.mode === 'full') {
      const r = await fullRead(api, base, o, pageSize, overlapMs, startedAt, records, log);
      result.project = r.project;
      if (r.cursor) result.cursor = r.cursor;
    } else {
      const ctx = { server: base, project: o.cursor!.project, projectId: o.cursor!.projectId, apiVersion: plan.apiVersion, readAt: startedAt };
      // Newest first, down to a page holding only events taken into account already (or older than
      // the newest of them): what lies below it was read by an earlier sync.
      const seen = new Set(o.cursor!.eventIds);
      const newestMs = o.cursor!.eventDate === null ? null : parsePatchworkDate(o.cursor!.eventDate);
      const known = (e: PatchworkEvent) => seen.has(e.id) || (newestMs !== null && e.dateMs !== null && e.dateMs < newestMs);
      const events = await api.list(plan.eventsUrl, 'events', (item, url) => mapEvent(item, url, problems), (page) => page.length > 0 && page.every(known));
      const fresh = freshEvents(events.items, o.cursor);
      result.events = fresh.length;
      const named = workFromEvents(fresh, o.since, plan.eventsUrl);
      problems.push(...named.problems);
      log(`patchwork ${o.cursor!.project}: ${fresh.length} new events${named.skippedBeforeSince ? ` (${named.skippedBeforeSince} about mail before ${o.since})` : ''}${workDone(plan.owed) ? '' : ', and work left by the last run'}`);
      const owed = await doWork(api, ctx, mergeWork(plan.owed, named.work), pageSize, records);
      // Events are read newest first: a list read in part leaves the cursor where it was (the work
      // the events named is done again next time, which changes nothing).
      result.cursor = events.complete ? nextCursor(o.cursor!, events.items, owed, overlapMs) : { ...o.cursor!, owed: mergeWork(o.cursor!.owed, owed) };
    }
    result.patches = [...records.patches.values()].sort((a, b) => a.origin.id - b.origin.id);
    result.covers = [...records.covers.values()].sort((a, b) => a.origin.id - b.origin.id);
    result.series = [...records.series.values()].sort((a, b) => a.origin.id - b.origin.id);
    result.missing = [
      ...result.covers.filter((c) => !o.knownMessageIds.has(c.messageId)).map((c) => ({ messageId: c.messageId, kind: 'cover' as const, id: c.origin.id, seriesId: c.series[0]?.id ?? null })),
      ...result.patches.filter((p) => !o.knownMessageIds.has(p.messageId)).map((p) => ({ messageId: p.messageId, kind: 'patch' as const, id: p.origin.id, seriesId: p.series[0]?.id ?? null })),
    ];
    if (o.fetchMail === false) result.stillMissing = result.missing.map((m) => m.messageId);
    else if (result.missing.length) {
      const m = await fetchMissingMailFs(client, base, result.missing, log);
      problems.push(...m.problems);
      Object.assign(result, { fetchedMbox: m.files, fetchedMessageIds: m.fetched, stillMissing: m.stillMissing });
    }
  } finally {
    result.requests = client.stats.requests - requestsBefore;
    if (!o.client) await client.close();
  }
  return result;
}

/** Find the API version and the project: the project's detail under each version, newest
 *  first; when it is not there, the version's root tells a missing project from a missing
 *  version, and the project list may know the name as a List-Id or list address. */
async function findProject(api: PatchworkApi, base: string, asked: string, log: (line: string) => void): Promise<{ version: string; project: PatchworkProject } | null> {
  for (const version of API_VERSIONS) {
    const d = await api.get(patchworkUrl(base, version, { kind: 'project', project: asked }), `project ${asked}`);
    if (d.kind === 'failed') return null;
    if (d.kind === 'ok') {
      const project = mapProject(d.json, d.url, api.problems);
      return project ? { version, project } : null;
    }
    const root = await api.get(patchworkUrl(base, version, { kind: 'api-root' }), `API ${version}`);
    if (root.kind === 'failed') return null;
    if (root.kind === 'not-found') continue;
    const all = await api.list(patchworkUrl(base, version, { kind: 'list', of: 'projects', query: { per_page: DEFAULT_PAGE_SIZE } }), 'projects', (item, url) => mapProject(item, url, api.problems));
    const hit = matchProject(all.items, asked);
    if (hit) {
      log(`patchwork ${base}: project ${JSON.stringify(asked)} is ${hit.linkName}`);
      return { version, project: hit };
    }
    const names = all.items.map((p) => p.linkName);
    api.problems.push({
      code: 'patchwork/no-project',
      message: `${base} has no project ${JSON.stringify(asked)} (by link name, List-Id, list address or name)`,
      source: d.url,
      hint: names.length ? `its projects: ${names.slice(0, 20).join(', ')}${names.length > 20 ? `, and ${names.length - 20} more` : ''}` : 'the server lists no projects',
      severity: 'error',
    });
    return null;
  }
  api.problems.push({
    code: 'patchwork/no-api',
    message: `${base} answers none of Patchwork's REST API versions ${API_VERSIONS.join(', ')}`,
    source: patchworkUrl(base, API_VERSIONS[API_VERSIONS.length - 1]!, { kind: 'api-root' }),
    hint: 'give the base URL of a Patchwork 2.0 or later server (e.g. https://patchwork.kernel.org), with its REST API enabled',
    severity: 'error',
  });
  return null;
}

/** Read the whole project (from the since-date): series, patches, cover letters, and the checks
 *  of the patches that have any. The cursor is set only when the lists were read whole. */
async function fullRead(
  api: PatchworkApi,
  base: string,
  o: SyncPatchworkOptions,
  pageSize: number,
  overlapMs: number,
  startedAt: number,
  records: Records,
  log: (line: string) => void,
): Promise<{ project: PatchworkProject | null; cursor: PatchworkCursor | null }> {
  const found = await findProject(api, base, o.project, log);
  if (!found) return { project: null, cursor: null };
  const { version, project } = found;
  const urls = fullReadUrls(base, version, project.linkName, o.since, pageSize);
  const ctx = (url: string): ReadContext => ({ server: base, project: project.linkName, apiVersion: version, url, readAt: startedAt });
  // The newest events first: anything that changes while the lists are read is logged after
  // them, and the next sync reads it.
  // Newest first, as far back as the overlap reaches (usually one page): the next sync asks
  // for events from there and skips these.
  let newestMs: number | null = null;
  const newest = await api.list(
    urls.newestEvents,
    'newest events',
    (item, url) => mapEvent(item, url, api.problems),
    (page) => {
      newestMs ??= page[0]?.dateMs ?? null;
      const last = page[page.length - 1];
      return !last || newestMs === null || last.dateMs === null || last.dateMs < newestMs - overlapMs;
    },
  );
  const series = await api.list(urls.series, 'series', (item, url) => mapSeries(item, ctx(url), api.problems));
  for (const s of series.items) records.series.set(s.origin.id, s);
  const patches = await api.list(urls.patches, 'patches', (item, url) => mapPatch(item, ctx(url), api.problems));
  for (const p of patches.items) records.addPatch(p);
  const covers = await api.list(urls.covers, 'cover letters', (item, url) => mapCover(item, ctx(url), api.problems));
  for (const c of covers.items) records.covers.set(c.origin.id, c);
  // Which patches have checks: those with check-created events, and any whose combined state
  // says so (when a server purged old events).
  const checkEvents = await api.list(urls.checkEvents, 'check events', (item, url) => mapEvent(item, url, api.problems));
  const withChecks = new Set<number>(checkEvents.items.flatMap((e) => (e.patch ? [e.patch.id] : [])));
  for (const p of patches.items) if (p.checkState !== 'pending') withChecks.add(p.origin.id);
  const checkWork: PatchworkWork = {
    ...noWork(),
    checks: [...withChecks].filter((id) => records.patches.has(id)).sort((a, b) => a - b),
  };
  const owedChecks = await doWork(api, { server: base, project: project.linkName, projectId: project.id, apiVersion: version, readAt: startedAt }, checkWork, pageSize, records);
  log(
    `patchwork ${project.linkName}: ${series.items.length} series, ${patches.items.length} patches, ${covers.items.length} cover letters, checks of ${checkWork.checks.length - owedChecks.checks.length} patches (API ${version})`,
  );
  const whole = series.complete && patches.complete && covers.complete && checkEvents.complete && newest.complete;
  if (!whole) return { project, cursor: null };
  const owed: PatchworkWork = {
    ...noWork(),
    checks: owedChecks.checks,
    patches: owedChecks.checks.flatMap((id) => {
      const p = records.patches.get(id);
      return p ? [{ id, messageId: p.messageId, name: p.name }] : [];
    }),
  };
  const seed: PatchworkCursor = {
    server: base,
    project: project.linkName,
    projectId: project.id,
    asked: o.project,
    apiVersion: version,
    since: o.since,
    fullReadAt: startedAt,
    eventDate: null,
    eventIds: [],
    owed: noWork(),
  };
  return { project, cursor: nextCursor(seed, newest.items, owed, overlapMs) };
}

/** Do `work` (plan-rereads.ts) until it is done or a request fails; returns what is left. */
async function doWork(api: PatchworkApi, c: Omit<ReadContext, 'url'> & { projectId: number }, work: PatchworkWork, pageSize: number, records: Records): Promise<PatchworkWork> {
  const { projectId, ...read } = c;
  const ctx = (url: string): ReadContext => ({ ...read, url });
  const byMsgid = apiAtLeast(c.apiVersion, '1.2');
  const gone = (what: string, url: string): void => {
    api.problems.push({ code: 'patchwork/gone', message: `${what}, named by the event log, is not on the server any more`, source: url, hint: 'it was deleted or moved to another project; nothing to do', severity: 'warning' });
  };
  /** Read the patch list of series `id`; false when the request failed. */
  const seriesPatches = async (id: number): Promise<boolean> => {
    const l = await api.list(patchworkUrl(c.server, c.apiVersion, { kind: 'list', of: 'patches', query: { series: id, per_page: pageSize } }), `patches of series ${id}`, (item, url) => mapPatch(item, ctx(url), api.problems));
    for (const p of l.items) records.addPatch(p);
    work = settleWork(work, { patches: l.items.map((p) => p.origin.id) });
    return l.complete || l.notFound;
  };
  for (let step = nextReread(work); step !== null; step = nextReread(work)) {
    switch (step.kind) {
      case 'series': {
        const d = await api.get(patchworkUrl(c.server, c.apiVersion, { kind: 'series', id: step.id }), `series ${step.id}`);
        if (d.kind === 'failed') return work;
        if (d.kind === 'not-found') gone(`series ${step.id}`, d.url);
        else {
          const s = mapSeries(d.json, ctx(d.url), api.problems);
          if (s) records.series.set(s.origin.id, s);
          if (!(await seriesPatches(step.id))) return work;
        }
        work = settleWork(work, { series: [step.id] });
        break;
      }
      case 'patch': {
        const url = byMsgid
          ? patchworkUrl(c.server, c.apiVersion, { kind: 'list', of: 'patches', query: { project: projectId, msgid: step.messageId } })
          : patchworkUrl(c.server, c.apiVersion, { kind: 'patch', id: step.id });
        const d = await api.get(url, `patch ${step.id}`);
        if (d.kind === 'failed') return work;
        const items = d.kind === 'not-found' ? [] : Array.isArray(d.json) ? d.json : byMsgid ? null : [d.json];
        if (items === null) {
          api.problems.push({ code: 'patchwork/bad-shape', message: `patch ${step.id}: the answer is not a list`, source: d.url, hint: 'it is read again next time', severity: 'error' });
          return work;
        }
        const p = items.map((x) => mapPatch(x, ctx(d.url), api.problems)).find((x) => x?.origin.id === step.id) ?? null;
        if (!p) gone(`patch ${step.id} <${step.messageId}>`, d.url);
        else records.addPatch(p);
        work = settleWork(work, { patches: [step.id] });
        if (p && step.thenSeries && p.series[0] && !(await seriesPatches(p.series[0].id))) return work;
        break;
      }
      case 'cover': {
        const url = byMsgid
          ? patchworkUrl(c.server, c.apiVersion, { kind: 'list', of: 'covers', query: { project: projectId, msgid: step.messageId } })
          : patchworkUrl(c.server, c.apiVersion, { kind: 'cover', id: step.id });
        const d = await api.get(url, `cover ${step.id}`);
        if (d.kind === 'failed') return work;
        const items = d.kind === 'not-found' ? [] : Array.isArray(d.json) ? d.json : [d.json];
        const cv = items.map((x) => mapCover(x, ctx(d.url), api.problems)).find((x) => x?.origin.id === step.id) ?? null;
        if (!cv) gone(`cover ${step.id} <${step.messageId}>`, d.url);
        else records.covers.set(cv.origin.id, cv);
        work = settleWork(work, { covers: [step.id] });
        break;
      }
      case 'checks': {
        const p = records.patches.get(step.patchId);
        if (!p) {
          // Its patch could not be read: nothing to attach them to.
          work = settleWork(work, { checks: [step.patchId] });
          break;
        }
        const l = await api.list(patchworkUrl(c.server, c.apiVersion, { kind: 'checks', patchId: step.patchId, query: { per_page: pageSize } }), `checks of patch ${step.patchId}`, (item, url) => mapCheck(item, url, api.problems));
        if (!l.complete && !l.notFound) return work;
        if (l.notFound) gone(`patch ${step.patchId}`, patchworkUrl(c.server, c.apiVersion, { kind: 'checks', patchId: step.patchId, query: {} }));
        else records.patches.set(step.patchId, { ...p, checks: currentChecks(l.items) });
        work = settleWork(work, { checks: [step.patchId] });
        break;
      }
    }
  }
  return work;
}
