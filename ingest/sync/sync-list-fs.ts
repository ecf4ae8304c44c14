// Bulk and incremental sync of one list from its public-inbox v2 git epochs: read the inbox's
// manifest, clone or fetch only the epochs whose fingerprint changed (new epochs included), then
// import every mirrored epoch from the commit after the last one imported (the store remembers
// it per epoch, in the same transaction as the messages). Without a usable manifest it fetches
// the epochs it has and probes for the next one, so a broken manifest never stops a sync.
// It does not parse or store mail itself: importSources does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { emptySummary, importSources } from '../import/import-sources.ts';
import { headCommit } from '../source/read-epoch-fs.ts';
import type { Store } from '../store/store-port.ts';
import type { Diagnostic, ImportSummary } from '../types.ts';
import { loreUrl } from '../lore/lore-url.ts';
import { epochDir, mirrorEpochFs, readLocalEpochsFs } from './mirror-epoch-fs.ts';
import { parseManifest, type RemoteEpoch } from './parse-manifest.ts';
import { planEpochs, type EpochStep } from './plan-epochs.ts';
import type { DownloadReport, EpochReport, ListPlan, SyncEnv } from './sync-types.ts';

/** What syncing one list did. */
export interface ListSyncResult {
  summary: ImportSummary;
  epochs: EpochReport[];
  downloads: DownloadReport[];
  problems: Diagnostic[];
}

/** The directory holding a list's epoch mirrors: <cache>/mirrors/<server>/<list>. The server is
 *  the list's own base, so its mirrors (same content) share the directory. */
export function listMirrorDir(cacheDir: string, plan: ListPlan): string {
  const u = new URL(plan.base);
  const server = (u.host + u.pathname).replace(/[^\w.-]+/g, '_').replace(/_+$/, '');
  return join(cacheDir, 'mirrors', server, plan.name);
}

/** Read the manifest; null epochs when there is no usable one (with why, as problems). */
async function readManifest(plan: ListPlan, env: SyncEnv, out: ListSyncResult): Promise<{ epochs: RemoteEpoch[] | null; notFound: boolean; stop: boolean }> {
  const urls = [plan.base, ...plan.mirrors].map((b) => loreUrl(b, plan.name, { kind: 'manifest' }));
  const r = await env.client.fetch({ urls, expect: 'gzip', inner: 'json', cache: 'revalidate', label: `${plan.name} manifest` });
  out.problems.push(...r.warnings);
  if (r.kind === 'not-found') return { epochs: null, notFound: true, stop: false };
  if (r.kind === 'failed') {
    if (r.problem.code === 'http/limit') {
      out.problems.push(r.problem);
      return { epochs: null, notFound: false, stop: true };
    }
    out.problems.push({ ...r.problem, severity: 'warning', hint: `without the manifest, the epochs already mirrored are fetched with git and the next one is probed; ${r.problem.hint}` });
    return { epochs: null, notFound: false, stop: false };
  }
  out.downloads.push({ kind: 'manifest', subject: plan.name, url: r.url, source: r.source, bytes: r.bytes, file: r.file, messages: -1 });
  const text = gunzipSync(await readFile(r.file)).toString('utf8');
  const m = parseManifest(text, plan.name);
  const warn = (message: string): void =>
    void out.problems.push({ code: 'manifest/malformed', message, source: r.url, hint: 'the epochs are fetched with git instead', attempts: 1, severity: 'warning' });
  for (const p of m.problems) warn(`${plan.name} manifest: ${p.message}`);
  if (!m.ok) return { epochs: null, notFound: false, stop: false };
  if (m.epochs.length === 0) {
    warn(`${plan.name} manifest lists no epochs of ${plan.name}`);
    return { epochs: null, notFound: false, stop: false };
  }
  return { epochs: m.epochs, notFound: false, stop: false };
}

/** Sync one list: mirror its changed epochs, import what is new. */
export async function syncListFs(store: Store, plan: ListPlan, env: SyncEnv): Promise<ListSyncResult> {
  const out: ListSyncResult = { summary: emptySummary(), epochs: [], downloads: [], problems: [] };
  const listDir = listMirrorDir(env.cacheDir, plan);
  const manifest = await readManifest(plan, env, out);
  if (manifest.stop) return out;
  const local = await readLocalEpochsFs(listDir);
  if (manifest.notFound) {
    // Older public-inbox versions serve no per-inbox manifest: fall back to git alone.
    const url = loreUrl(plan.base, plan.name, { kind: 'manifest' });
    if (local.length === 0) env.log(`${plan.name}: no manifest at ${url}; probing epoch 0`);
    else {
      out.problems.push({
        code: 'http/not-found',
        message: `no manifest at ${url} (HTTP 404); fetched the mirrored epochs with git and probed for a new one`,
        source: url,
        hint: 'nothing is missing; if the list moved, check the base URL',
        attempts: 1,
        severity: 'warning',
      });
    }
  }
  const steps: EpochStep[] = planEpochs(manifest.epochs, local, plan.since);
  const urlsOf = (n: number) => [plan.base, ...plan.mirrors].map((b) => loreUrl(b, plan.name, { kind: 'epoch', n }));

  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const dir = epochDir(listDir, step.n);
    if (step.kind === 'unchanged' || step.kind === 'skip') {
      const mirrored = local.some((l) => l.n === step.n);
      const head = mirrored ? await headCommit(dir) : null;
      out.epochs.push({ list: plan.name, epoch: step.n, url: '', action: step.kind === 'skip' ? 'skipped' : 'unchanged', mirror: mirrored ? dir : '', head, newCommits: 0, bytes: 0 });
      if (step.kind === 'skip') env.log(`${plan.name}: epoch ${step.n} skipped: ${step.reason}`);
      continue;
    }
    const verb = step.kind === 'clone' ? (step.probe ? 'probing' : 'cloning') : step.deepen ? 'deepening' : 'fetching';
    env.log(`${plan.name}: ${verb} epoch ${step.n} from ${urlsOf(step.n)[0]}${step.kind === 'clone' && step.shallowSince ? ` (since ${step.shallowSince})` : ''}`);
    // Older history is about to arrive behind the epoch's cursor: mark the epoch for a whole
    // re-read first, so that an interruption anywhere after this cannot leave it unread.
    if (step.kind === 'fetch' && step.deepen) store.mail.forgetEpochCursor(dir);
    const progress = env.progress(`${plan.name} epoch ${step.n}`);
    const r = await mirrorEpochFs({ list: plan.name, step, urls: urlsOf(step.n), dir, client: env.client, settings: env.settings, progress });
    out.problems.push(...r.warnings);
    if (r.absent) {
      if (step.n === 0 && local.length === 0) {
        out.problems.push({
          code: manifest.notFound ? 'http/not-found' : 'git/not-found',
          message: `no list "${plan.name}" at ${plan.base}: ${loreUrl(plan.base, plan.name, { kind: 'manifest' })} and ${urlsOf(0)[0]} do not exist`,
          source: urlsOf(0)[0]!,
          hint: `check the list name (lore lists them at ${plan.base}/) and the base URL`,
          attempts: 1,
          severity: 'error',
        });
      }
      break;
    }
    out.epochs.push(r.report);
    if (r.problem) {
      out.problems.push(r.problem);
      if (r.problem.code === 'http/limit') break;
      continue;
    }
    const c = r.report;
    env.log(`${plan.name}: epoch ${step.n} ${c.action}: ${c.newCommits} new commits${c.bytes ? `, ${(c.bytes / 1048576).toFixed(2)} MiB` : ''}`);
    // Without a manifest, a successful probe means there may be a further epoch.
    if (step.kind === 'clone' && step.probe) steps.push({ kind: 'clone', n: step.n + 1, shallowSince: step.shallowSince, probe: true });
  }

  // Import every mirrored epoch, in order; epochs without new commits cost a rev-parse.
  const mirrored = (await readLocalEpochsFs(listDir)).map((l) => epochDir(listDir, l.n));
  if (mirrored.length === 0) return out;
  const progress = env.progress(`${plan.name} import`);
  const t0 = Date.now();
  try {
    out.summary = await importSources(store, mirrored, {
      list: plan.name,
      mboxFormat: 'auto',
      workers: env.workers,
      // The series and the discussion are brought up to date once, at the end of the sync.
      derive: false,
      // An epoch's progress counts commits read: done and total are messages.
      onProgress: (p) => {
        const rate = Math.round(p.read / Math.max(0.001, (Date.now() - t0) / 1000));
        progress.update(p.bytes.done, p.bytes.total, `${plan.name}: ${p.read}/${p.bytes.total} messages (${rate}/s), ${p.stored} new`);
      },
    });
  } finally {
    progress.end();
  }
  return out;
}
