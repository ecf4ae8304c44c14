// `patchlore sync --patchwork`: one Patchwork project into the store. Reads the maintainers'
// decisions (syncPatchwork: in full the first time, then what the event log names), stores them
// with the cursor in one transaction, then brings the mail the stored records name that the store
// lacks: from the list archive first (a thread per series, sync's own HTTP pull: the mail as sent,
// with its replies), then Patchwork's mbox for what the archive lacks (a rebuild, which the
// archive's copy replaces when it comes: ingest/import/rebuilt-copy.ts). Runs inside a sync (its
// lock, its HTTP client); the derivations run once at the end of the sync.
import { emptySummary, importSources } from '../import/import-sources.ts';
import type { Store } from '../store/store-port.ts';
import { addImportSummary } from '../sync/import-totals.ts';
import { pullHttpFs } from '../sync/pull-http-fs.ts';
import type { PatchworkPlan, PatchworkReport, SyncEnv } from '../sync/sync-types.ts';
import type { Diagnostic } from '../types.ts';
import { fetchMissingMailFs } from './fetch-missing-mail-fs.ts';
import { planLorePulls } from './plan-lore-pulls.ts';
import { syncPatchwork } from './sync-patchwork-fs.ts';

/** Mail neither the archive nor Patchwork had is asked for again after this long (a list archive
 *  may catch up; a week, as the full reread of a project). */
export const UNAVAILABLE_RETRY_MS = 7 * 24 * 3600 * 1000;

/** How the sync reports progress: a step and how far it is. */
export type StepProgress = (step: string, done: number, total: number, detail?: string) => void;

/** Sync one project into the store. Fetch failures are problems in the report; only the
 *  environment (disk, store) throws. */
export async function syncProjectFs(store: Store, plan: PatchworkPlan, env: SyncEnv, steps: StepProgress = () => undefined, now: () => number = Date.now): Promise<PatchworkReport> {
  const requestsBefore = env.client.stats.requests;
  const cursor = store.patchwork.cursor(plan.base, plan.project);
  const r = await syncPatchwork({
    base: plan.base,
    project: plan.project,
    since: plan.since,
    cacheDir: env.cacheDir,
    knownMessageIds: { has: (m) => store.mail.hasMessage(m) },
    cursor,
    full: plan.full,
    fetchMail: false,
    client: env.client,
    log: env.log,
    onProgress: (what, pages, total) => steps('reading Patchwork', pages, total, what),
  });
  const projectId = r.project?.id ?? r.cursor?.projectId ?? null;
  const report: PatchworkReport = {
    server: plan.base,
    project: r.project?.linkName ?? r.cursor?.project ?? '',
    apiVersion: r.cursor?.apiVersion ?? null,
    mode: r.mode,
    reason: r.reason,
    read: { patches: r.patches.length, covers: r.covers.length, series: r.series.length, events: r.events },
    patches: 0,
    states: {},
    changed: [],
    fetched: 0,
    mail: { lacking: 0, fromArchive: [], fromPatchwork: [], unavailable: [], skipped: 0 },
    requests: 0,
    import: emptySummary(),
    problems: [...r.problems],
  };
  if (projectId !== null) {
    const at = now();
    report.changed = store.transaction(() =>
      store.patchwork.write({
        server: plan.base,
        projectId,
        project: r.project,
        apiVersion: r.cursor?.apiVersion ?? cursor?.apiVersion ?? '',
        patches: r.patches,
        covers: r.covers,
        series: r.series,
        cursor: r.cursor,
        at,
      }),
    );
    if (plan.mail) await fetchLacking(store, plan, projectId, env, report, steps, at);
    const stored = store.patchwork.projects().find((p) => p.server === plan.base && p.project.id === projectId);
    report.states = stored?.states ?? {};
    report.patches = Object.values(report.states).reduce((a, b) => a + b, 0);
  }
  report.requests = env.client.stats.requests - requestsBefore;
  return report;
}

/** The mail the project's records name that the store lacks: the archive first, then Patchwork. */
async function fetchLacking(store: Store, plan: PatchworkPlan, projectId: number, env: SyncEnv, report: PatchworkReport, steps: StepProgress, at: number): Promise<void> {
  const lacking = store.patchwork.lackingMail(plan.base, projectId, at - UNAVAILABLE_RETRY_MS);
  report.mail.lacking = lacking.length;
  report.mail.skipped = store.patchwork.lackingMail(plan.base, projectId, Number.MAX_SAFE_INTEGER).length - lacking.length;
  if (lacking.length === 0) return;
  const has = (m: string): boolean => store.mail.hasMessage(m);
  // The archive: one thread per series, while it has them.
  const archiveProblems: Array<{ messageId: string; problem: Diagnostic }> = [];
  const groups = planLorePulls(lacking);
  for (const [i, g] of groups.entries()) {
    steps('mail from the list archive', i, groups.length, `${report.mail.fromArchive.length} messages`);
    for (const mid of g.messageIds) {
      if (has(mid)) continue;
      if (env.client.limitReached) break;
      const pulled = await pullHttpFs(store, { kind: 'thread', messageId: mid, ...plan.archive }, env);
      addImportSummary(report.import, pulled.summary);
      archiveProblems.push(...pulled.problems.map((problem) => ({ messageId: mid, problem })));
      // Not in the archive: nor, most likely, the rest of its series.
      if (pulled.problems.some((p) => p.code === 'http/not-found')) break;
    }
  }
  report.mail.fromArchive = lacking.filter((m) => has(m.messageId)).map((m) => m.messageId);
  // Patchwork's mbox for the rest.
  const rest = lacking.filter((m) => !has(m.messageId));
  const transient: Diagnostic[] = [];
  if (rest.length && !env.client.limitReached) {
    steps('mail from Patchwork', 0, rest.length);
    const got = await fetchMissingMailFs(env.client, plan.base, rest, env.log);
    report.problems.push(...got.problems);
    transient.push(...got.problems.filter((p) => !ANSWERED.has(p.code)));
    if (got.files.length) addImportSummary(report.import, await importSources(store, got.files, { list: '', mboxFormat: 'auto', workers: 0, derive: false }));
    report.mail.fromPatchwork = rest.filter((m) => has(m.messageId)).map((m) => m.messageId);
  }
  report.mail.unavailable = lacking.filter((m) => !has(m.messageId)).map((m) => m.messageId);
  report.fetched = report.mail.fromArchive.length + report.mail.fromPatchwork.length;
  // What the archive lacked is the expected case, said by where the mail came from; other
  // failures of the archive matter only for mail no one gave.
  const unavailable = new Set(report.mail.unavailable);
  for (const { messageId, problem } of archiveProblems) {
    if (problem.code === 'http/not-found') continue;
    transient.push(problem);
    report.problems.push(unavailable.has(messageId) ? problem : { ...problem, severity: 'warning', hint: 'Patchwork gave the mail instead' });
  }
  // Only what both answered they lack counts as unavailable: a failed request is tried next time.
  if (!env.client.limitReached && transient.length === 0) store.transaction(() => store.patchwork.markUnavailable(plan.base, report.mail.unavailable, at));
}

/** Problems that are answers (the server has no such mail), not failures to ask. */
const ANSWERED = new Set<string>(['http/not-found', 'patchwork/mbox', 'patchwork/mail-missing']);
