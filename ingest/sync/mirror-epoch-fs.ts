// Keeps a local mirror of one public-inbox epoch (a bare repository, `git clone --mirror`) in the
// sync cache: clones it (whole, or since a date with --shallow-since), fetches what is new,
// deepens a shallow mirror when the since-date moved back. Runs the `git` command through the
// HTTP client's gate, so git is paced, counted and retried like every other request, with the
// same User-Agent and timeout (git's low-speed limit). A clone goes to a temporary directory that
// is renamed into place when complete: an interrupted clone is redone, never imported half-made.
// It does not read messages: the import stage reads the mirror.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { EnvironmentError } from '../environment-error.ts';
import { git, headCommit } from '../source/read-epoch-fs.ts';
import { classifyGitFailure } from './git-failure.ts';
import { parseGitProgress } from './git-progress.ts';
import type { HttpClient } from './http-client-fs.ts';
import type { EpochStep, LocalEpoch } from './plan-epochs.ts';
import type { Diagnostic } from '../types.ts';
import type { EpochReport, HttpSettings, ProgressSink } from './sync-types.ts';
import { processAlive } from './process-alive.ts';

/** Transfers slower than this many bytes/s for the timeout count as stalled (git aborts them). */
const LOW_SPEED_BYTES_PER_S = 1000;

/** A since-date for git's --shallow-since: midnight UTC spelled out, because git reads a bare
 *  date as that day at the current time of day. */
function gitSince(since: string): string {
  return `${since} 00:00:00 +0000`;
}

/** git config key recording the since-date a shallow mirror was cut at. */
const SHALLOW_SINCE_KEY = 'patchlore.shallowSince';

/** The path of epoch `n`'s mirror under a list's mirror directory (a v2 inbox layout, so the
 *  directory can also be given to `patchlore import`). */
export function epochDir(listDir: string, n: number): string {
  // Absolute, as the import stage records it: the store's epoch cursor is keyed by this path.
  return resolve(listDir, 'git', `${n}.git`);
}

/** SHA-1 of `git show-ref` (the manifest's fingerprint), or null for an empty or broken mirror. */
export async function fingerprintFs(dir: string): Promise<string | null> {
  try {
    const refs = await git(['--git-dir', dir, 'show-ref']);
    return createHash('sha1').update(refs).digest('hex');
  } catch {
    return null;
  }
}

async function isShallow(dir: string): Promise<boolean> {
  return (await git(['--git-dir', dir, 'rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
}

async function commitCount(dir: string): Promise<number> {
  const head = await headCommit(dir);
  if (!head) return 0;
  return Number((await git(['--git-dir', dir, 'rev-list', '--count', head])).trim());
}

/** The epochs mirrored under a list's directory, with their fingerprints. Broken mirrors (no
 *  refs) are left out: they are cloned again. */
export async function readLocalEpochsFs(listDir: string): Promise<LocalEpoch[]> {
  const names = await readdir(join(listDir, 'git')).catch(() => [] as string[]);
  const out: LocalEpoch[] = [];
  for (const name of names) {
    const m = /^(\d+)\.git$/.exec(name);
    if (!m) continue;
    const dir = join(listDir, 'git', name);
    const fingerprint = await fingerprintFs(dir);
    if (fingerprint === null) continue;
    const since = (await git(['--git-dir', dir, 'config', '--get', SHALLOW_SINCE_KEY]).catch(() => '')).trim();
    out.push({ n: Number(m[1]), fingerprint, shallowSince: since && (await isShallow(dir)) ? since : null });
  }
  return out.sort((a, b) => a.n - b.n);
}

/** Run a network git command, feeding its progress to `progress`. Resolves with git's stderr
 *  when git fails; rejects with an EnvironmentError when git cannot be run at all. */
function runGit(args: string[], settings: HttpSettings, onProgress: (line: string) => void): Promise<{ ok: true } | { ok: false; stderr: string }> {
  const lowSpeedTime = Math.max(1, Math.ceil(settings.timeoutMs / 1000));
  const full = [
    '-c', `http.userAgent=${settings.userAgent}`,
    '-c', `http.lowSpeedLimit=${LOW_SPEED_BYTES_PER_S}`,
    '-c', `http.lowSpeedTime=${lowSpeedTime}`,
    // Never ask for or offer credentials: public inboxes are public.
    '-c', 'credential.helper=',
    ...args,
  ];
  return new Promise((resolve, reject) => {
    const p = spawn('git', full, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', LC_ALL: 'C' },
    });
    let err = '';
    let partial = '';
    p.stderr.setEncoding('utf8');
    p.stderr.on('data', (chunk: string) => {
      const lines = (partial + chunk).split(/[\r\n]/);
      partial = lines.pop() ?? '';
      for (const l of lines) {
        if (!l) continue;
        onProgress(l);
        if (!parseGitProgress(l)) err += l + '\n';
      }
    });
    p.on('error', (e) => reject(new EnvironmentError(`cannot run git: ${e.message}`, { cause: e })));
    p.on('close', (code) => {
      if (partial && !parseGitProgress(partial)) err += partial;
      resolve(code === 0 ? { ok: true } : { ok: false, stderr: err || `git exited with ${code}` });
    });
  });
}

/** Remove unfinished clones of `dir` left by syncs that no longer run. */
async function removeStaleClones(dir: string): Promise<void> {
  const parent = dirname(dir);
  const prefix = `${basename(dir)}.tmp-`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid || !Number.isInteger(pid) || !processAlive(pid)) await rm(join(parent, name), { recursive: true, force: true });
  }
}

/** Options for mirroring one epoch. */
export interface MirrorEpochOptions {
  list: string;
  /** What to do (a clone or fetch step of planEpochs). */
  step: Extract<EpochStep, { kind: 'clone' | 'fetch' }>;
  /** The epoch's URL on the list's server, then on each mirror. */
  urls: string[];
  /** The mirror's path (epochDir). */
  dir: string;
  client: HttpClient;
  settings: HttpSettings;
  progress?: ProgressSink;
}

/** What mirroring an epoch did. `absent` is set when a probed epoch does not exist. */
export interface MirrorEpochResult {
  report: EpochReport;
  problem: Diagnostic | null;
  /** Failures on servers tried before the one that answered. */
  warnings: Diagnostic[];
  absent: boolean;
}

/** Clone or fetch one epoch. Never throws for network or server failures: they come back as a
 *  problem. Throws an EnvironmentError when git cannot be run or the local disk refuses. */
export async function mirrorEpochFs(o: MirrorEpochOptions): Promise<MirrorEpochResult> {
  const { step, dir } = o;
  const report: EpochReport = { list: o.list, epoch: step.n, url: '', action: 'failed', mirror: dir, head: null, newCommits: 0, bytes: 0 };
  const warnings: Diagnostic[] = [];
  let bytes = 0;
  const onProgress = (line: string): void => {
    const p = parseGitProgress(line);
    if (!p) return;
    if (p.bytes !== null) bytes = p.bytes;
    const size = bytes ? `, ${(bytes / 1048576).toFixed(1)} MiB` : '';
    o.progress?.update(p.done, p.total, `${o.list} epoch ${step.n}: ${p.phase.replace(/^remote: /, 'server: ').toLowerCase()} ${p.done}/${p.total}${size}${p.rate ? ` at ${p.rate}` : ''}`);
  };
  // A clone goes to a directory of this process's own: a git left running by a killed sync
  // (kill -9 does not reach its children) must not write into the clone of the next one.
  const tmp = `${dir}.tmp-${process.pid}`;
  if (step.kind === 'clone') await removeStaleClones(dir);
  const before = step.kind === 'fetch' ? await commitCount(dir) : 0;
  const wantSince = step.kind === 'clone' ? step.shallowSince : step.deepen ? step.deepen.since : undefined;

  for (const [i, url] of o.urls.entries()) {
    report.url = url;
    bytes = 0;
    const label = `${o.list} epoch ${step.n} (${url})`;
    const r = await o.client.git(
      label,
      async () => {
        if (step.kind === 'clone') {
          await rm(tmp, { recursive: true, force: true });
          const args = ['clone', '--mirror', '--progress', ...(step.shallowSince ? [`--shallow-since=${gitSince(step.shallowSince)}`] : []), url, tmp];
          return runGit(args, o.settings, onProgress);
        }
        const set = await runGit(['--git-dir', dir, 'remote', 'set-url', 'origin', url], o.settings, () => undefined);
        if (!set.ok) return set;
        const deepen = step.deepen ? (step.deepen.since ? [`--shallow-since=${gitSince(step.deepen.since)}`] : ['--unshallow']) : [];
        return runGit(['--git-dir', dir, 'fetch', '--progress', '--prune', ...deepen, 'origin'], o.settings, onProgress);
      },
      classifyGitFailure,
    );
    o.progress?.end();
    if (r.ok) {
      if (step.kind === 'clone') {
        if (step.shallowSince && (await isShallow(tmp))) await git(['--git-dir', tmp, 'config', SHALLOW_SINCE_KEY, step.shallowSince]);
        if (await stat(dir).then(() => true, () => false)) await rm(dir, { recursive: true, force: true });
        await rename(tmp, dir);
      } else if (wantSince !== undefined) {
        if (wantSince && (await isShallow(dir))) await git(['--git-dir', dir, 'config', SHALLOW_SINCE_KEY, wantSince]);
        else await git(['--git-dir', dir, 'config', '--unset-all', SHALLOW_SINCE_KEY]).catch(() => undefined);
      }
      report.head = await headCommit(dir);
      report.newCommits = (await commitCount(dir)) - before;
      report.bytes = bytes;
      report.action = step.kind === 'clone' ? 'cloned' : step.deepen ? 'deepened' : 'fetched';
      return { report, problem: null, warnings, absent: false };
    }
    if (step.kind === 'clone') await rm(tmp, { recursive: true, force: true });
    if (r.failure.kind === 'fatal' && r.failure.local) {
      throw new EnvironmentError(`git ${step.kind} of ${o.list} epoch ${step.n} into ${step.kind === 'clone' ? tmp : dir} failed on this machine: ${r.failure.reason}`);
    }
    if (r.failure.kind === 'not-found' && step.kind === 'clone' && step.probe) {
      report.action = 'skipped';
      report.mirror = '';
      return { report, problem: null, warnings, absent: true };
    }
    const problem: Diagnostic = r.limit
      ? {
          code: 'http/limit',
          message: `stopped before ${step.kind === 'clone' ? 'cloning' : 'fetching'} ${o.list} epoch ${step.n}: this run reached its request limit`,
          source: url,
          hint: 'run patchlore sync again to continue, or raise the limit with --max-requests N',
          attempts: r.attempts,
          severity: 'error',
        }
      : {
          code: r.failure.kind === 'not-found' ? 'git/not-found' : 'git/failed',
          message: `git ${step.kind} of ${o.list} epoch ${step.n} failed: ${r.detail}`,
          source: url,
          hint:
            r.failure.kind === 'not-found'
              ? `the server has no epoch ${step.n} of ${o.list}; check the list name and base URL`
              : r.failure.kind === 'retry'
                ? 'the server or the network is failing: run patchlore sync again later (the mirror and the store stay consistent), or add a mirror'
                : 'see git\'s message; the mirror is in the sync cache and can be deleted to start over',
          attempts: r.attempts,
          severity: 'error',
        };
    if (r.limit || r.failure.kind === 'not-found' || i === o.urls.length - 1) {
      if (step.kind === 'fetch') {
        report.head = await headCommit(dir);
      }
      return { report, problem, warnings, absent: false };
    }
    warnings.push({ ...problem, severity: 'warning', hint: 'a mirror was tried next' });
  }
  return { report, problem: null, warnings, absent: false };
}
