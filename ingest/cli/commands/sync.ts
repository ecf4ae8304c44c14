// patchlore sync [LIST_OR_URL...]: keep lists current from a lore-compatible server (git epochs)
// and pull threads, messages, search results or the newest messages over HTTP. Turns arguments
// and patchlore.config.json into lists and pulls for the sync stage, and prints what happened.
import { dirname, join, resolve } from 'node:path';
import { defaultWorkers } from '../../workers/worker-pool.ts';
import { ALL_LISTS, DEFAULT_BASE, isListName, normalizeBase } from '../../lore/lore-url.ts';
import { parseLoreTarget } from '../../lore/parse-lore-target.ts';
import type { LoadedConfig } from '../../config/read-config-fs.ts';
import { parseSince, type ListConfig } from '../../sync/sync-config.ts';
import { SyncLockedError, syncFs, userAgent, type SyncRun } from '../../sync/sync-fs.ts';
import type { FetchedReport, HttpSettings, ListPlan, PullPlan } from '../../sync/sync-types.ts';
import { severityOf } from '../../severity-of.ts';
import type { Command } from '../commands.ts';
import { formatProblem } from '../format-problem.ts';
import { UsageError, UserError, unusableConfig, type Context } from '../main.ts';
import { createProgress, createSteps } from '../progress.ts';
import { describeImport, importJson } from './import.ts';
import { describePatchwork, patchworkJson, patchworkPlan } from './sync-patchwork.ts';
import { intOption, jobsOption } from './options.ts';

function strings(v: unknown): string[] {
  return Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
}

/** Bytes for people: 812 B, 12.4 KB, 66.3 MB. */
function mb(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1048576) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

/** Human summary of what was fetched. */
export function describeFetched(f: FetchedReport): string {
  const lines: string[] = [];
  for (const e of f.epochs) {
    if (e.action === 'unchanged') lines.push(`${e.list} epoch ${e.epoch}: unchanged`);
    else if (e.action === 'skipped') lines.push(`${e.list} epoch ${e.epoch}: skipped (before the since-date)`);
    else if (e.action === 'failed') lines.push(`${e.list} epoch ${e.epoch}: FAILED (${e.url})`);
    else lines.push(`${e.list} epoch ${e.epoch}: ${e.action}, ${e.newCommits} new commits${e.bytes ? `, ${mb(e.bytes)}` : ''} (${e.url})`);
  }
  for (const d of f.downloads) {
    if (d.kind === 'manifest' || d.kind === 'feed') continue;
    const src = d.source === 'cache' ? ', from the cache' : d.source === 'not-modified' ? ', not modified' : '';
    lines.push(`${d.kind} ${d.kind === 'query' ? JSON.stringify(d.subject) : `<${d.subject}>`}: ${d.messages} messages${d.bytes ? `, ${mb(d.bytes)}` : ''}${src}`);
  }
  lines.push(
    `fetched: ${f.requests} HTTP requests (${f.retries} retries, ${f.notModified} not modified, ${f.cacheHits} answered from the cache), ${mb(f.bytes)}; ` +
      `${f.git.operations} git operations (${f.git.retries} retries), ${mb(f.git.bytes)}`,
  );
  for (const p of f.problems) lines.push(`${severityOf(p)}: ${p.code}: ${formatProblem(p)}`);
  return lines.join('\n');
}

/** The `fetched` part of `--json`: each problem as the documented {code, message, url, hint,
 *  attempts, severity}. */
export function fetchedJson(f: FetchedReport) {
  return {
    ...f,
    problems: f.problems.map((p) => ({ code: p.code, message: p.message, url: p.source ?? '', hint: p.hint ?? '', attempts: p.attempts ?? 0, severity: severityOf(p) })),
  };
}

/** The HTTP settings of this run. */
export function httpSettings(ctx: Context, loaded: LoadedConfig): HttpSettings {
  const { userAgentPlus, ...rest } = loaded.config.sync.http;
  const s: HttpSettings = { ...rest, userAgent: userAgent(userAgentPlus) };
  s.maxRequests = intOption(ctx, 'max-requests', s.maxRequests, 1);
  if (ctx.options.refresh) s.cacheTtlMs = 0;
  return s;
}

/** The sync cache: --cache, else the config's cacheDir (relative to the config file), else
 *  sync-cache/ beside the store (resolved from --db, $PATCHLORE_DB or the config's "db"). */
export function syncCacheDir(ctx: Context, loaded: LoadedConfig): string {
  if (ctx.options.cache) return resolve(String(ctx.options.cache));
  if (loaded.config.sync.cacheDir) return resolve(loaded.dir, loaded.config.sync.cacheDir);
  return join(dirname(ctx.dbPath), 'sync-cache');
}

/** --base read, or null when not given. */
export function baseOption(ctx: Context): string | null {
  if (ctx.options.base === undefined) return null;
  const b = normalizeBase(String(ctx.options.base));
  if (!b.ok) throw new UsageError(`--base: ${b.reason}`);
  return b.base;
}

/** Turn arguments and the config into lists and pulls. */
export function planRun(ctx: Context, loaded: LoadedConfig): SyncRun {
  const cfg = loaded.config.sync;
  let since: string | null = null;
  if (ctx.options.since !== undefined) {
    since = parseSince(String(ctx.options.since));
    if (since === null) throw new UsageError(`--since must be a date such as 2024-01-01; got "${String(ctx.options.since)}"`);
  }
  const base = baseOption(ctx);
  const configured = (name: string): ListConfig | undefined => cfg.lists.find((l) => l.name === name);
  /** Base and mirrors for a list: a pasted URL's server, else --base, else the config's. */
  const server = (list: string, urlBase: string | null): { base: string; mirrors: string[] } => {
    const c = configured(list);
    const b = urlBase ?? base ?? c?.base ?? cfg.base;
    const mirrors = b === (c?.base ?? cfg.base) ? (c?.mirrors ?? cfg.mirrors) : [];
    return { base: b, mirrors };
  };
  const listPlan = (name: string, urlBase: string | null): ListPlan => ({ name, ...server(name, urlBase), since: since ?? configured(name)?.since ?? cfg.since });

  const pullList = ctx.options.list === undefined ? null : String(ctx.options.list);
  if (pullList !== null && !isListName(pullList)) throw new UsageError(`--list must be a list name such as nvdimm; got "${pullList}"`);
  const defaultPullList = pullList ?? (cfg.lists.length === 1 ? cfg.lists[0]!.name : ALL_LISTS);

  const patchwork = patchworkPlan(ctx, since, { list: defaultPullList, ...server(defaultPullList, null) });
  if (patchwork) return { lists: [], pulls: [], patchwork: [patchwork] };

  const lists: ListPlan[] = [];
  const pulls: PullPlan[] = [];
  const recent = ctx.options.recent === true;
  const recentLists: Array<{ name: string; base: string | null }> = [];

  const message = (input: string, part: 'thread' | 'raw' | null, option: string): void => {
    const t = parseLoreTarget(input);
    if (t.kind === 'invalid') throw new UsageError(`${option}${option ? ' ' : ''}"${t.input}": ${t.reason}`);
    if (t.kind === 'list') throw new UsageError(`${option} needs a Message-ID or a message URL; "${input}" names the list ${t.list}`);
    const list = pullList ?? t.list ?? defaultPullList;
    const kind = (part ?? t.part) === 'raw' ? 'message' : 'thread';
    pulls.push({ kind, messageId: t.messageId, list, ...server(list, t.base) });
  };

  for (const arg of ctx.args) {
    const t = parseLoreTarget(arg);
    if (t.kind === 'invalid') throw new UsageError(`"${t.input}": ${t.reason}`);
    if (t.kind === 'list') {
      if (recent) recentLists.push({ name: t.list, base: t.base });
      else if (!lists.some((l) => l.name === t.list)) lists.push(listPlan(t.list, t.base));
    } else message(arg, null, '');
  }
  for (const v of strings(ctx.options.thread)) message(v, 'thread', '--thread');
  for (const v of strings(ctx.options.message)) message(v, 'raw', '--message');
  for (const q of strings(ctx.options.query)) {
    if (!q.trim()) throw new UsageError('--query needs a search, e.g. --query \'s:"fs/dax" d:2024-01-01..\'');
    pulls.push({ kind: 'query', query: q, threads: ctx.options.threads === true, list: defaultPullList, ...server(defaultPullList, null), since });
  }
  if (ctx.options.threads === true && strings(ctx.options.query).length === 0) throw new UsageError('--threads expands the hits of --query; give a --query');
  if (recent) {
    if (recentLists.length === 0) {
      if (pullList) recentLists.push({ name: pullList, base: null });
      else for (const l of cfg.lists) recentLists.push({ name: l.name, base: null });
    }
    if (recentLists.length === 0) throw new UsageError('--recent needs a list: patchlore sync --recent nvdimm (or lists in patchlore.config.json)');
    for (const l of recentLists) pulls.push({ kind: 'recent', list: l.name, ...server(l.name, l.base) });
  }
  if (ctx.args.length === 0 && pulls.length === 0) {
    for (const l of cfg.lists) lists.push(listPlan(l.name, null));
    if (lists.length === 0) {
      throw new UsageError(
        `nothing to sync: name a list (patchlore sync nvdimm), a message (patchlore sync --thread <msgid>), or list them in ${loaded.file ?? 'patchlore.config.json'}: {"sync": {"lists": ["nvdimm"]}}`,
      );
    }
  }
  return { lists, pulls };
}


export const syncCommand: Command = {
  synopsis: '[LIST_OR_URL...] [--since DATE] [--thread MSGID] [--query Q] [--recent] | --patchwork URL --project NAME',
  summary: `pull lists (git epochs) and threads, messages, searches (HTTP) from ${DEFAULT_BASE.replace('https://', '')} or a mirror; a Patchwork project's decisions`,
  help: `LIST_OR_URL is a list name (its git epochs are mirrored and what is new is imported), a
lore URL of a list or message (a message URL pulls its thread; one ending in /raw the message),
https://lore.kernel.org/r/<msgid>, or a Message-ID. Without arguments, every list named in
patchlore.config.json ("sync": {"lists": [...]}) is synced. Resumable: run it again after an
interruption. Polite: one request at a time, paced, retried with backoff; see the README.

  --since DATE          only mail received on or after DATE (YYYY-MM-DD): older epochs are not
                        cloned, the newest is cloned shallow; a search gets rt:DATE..;
                        with --patchwork: patches and series dated on or after DATE
  --thread MSGID        pull the thread holding MSGID (t.mbox.gz); repeatable
  --message MSGID       pull that message alone (raw); repeatable
  --query Q             pull the hits of a lore search (POST ?q=Q&x=m); repeatable
  --threads             with --query: pull every hit's whole thread instead
  --recent              pull the messages of each list's Atom feed not in the store yet
  --list NAME           the list for --thread/--message/--query (default: the one configured
                        list, else "all", lore's every-list inbox)
  --base URL            the server (default ${DEFAULT_BASE}, or "base" in the config)
  --config PATH         the project file (default ./patchlore.config.json)
  --cache DIR           mirrors and downloads (default: sync-cache/ beside the store)
  --max-requests N      stop after N requests (default 1000, or "maxRequests" in the config)
  --refresh             ask the server again even for downloads younger than the cache TTL
                        (with --patchwork: read the whole project again)
  --jobs N              parser threads (default: cores - 1)

  --patchwork URL       a Patchwork server (https://patchwork.kernel.org, or a project's URL on
                        it): the maintainers' decisions on the project's patches (state,
                        delegate, archived, checks, commit), in full the first time, then what
                        its event log says changed; then the mail they name that the store lacks,
                        from the list archive (--list, --base) first, else Patchwork's mbox
  --project NAME        with --patchwork: the project (its link name, List-Id or list address)
  --without-mail        with --patchwork: the decisions only, no mail

examples:
  patchlore sync nvdimm
  patchlore sync linux-cxl --since 2024-01-01
  patchlore sync https://lore.kernel.org/r/20250228033058.GA1234@example.org
  patchlore sync --list nvdimm --query 's:"fs/dax" d:2024-01-01..'
  patchlore sync --patchwork https://patchwork.kernel.org --project linux-nvdimm --since 2024-01-01`,
  options: {
    since: { type: 'string' },
    thread: { type: 'string', multiple: true },
    message: { type: 'string', multiple: true },
    query: { type: 'string', multiple: true },
    threads: { type: 'boolean' },
    recent: { type: 'boolean' },
    list: { type: 'string' },
    base: { type: 'string' },
    cache: { type: 'string' },
    'max-requests': { type: 'string' },
    refresh: { type: 'boolean' },
    jobs: { type: 'string' },
    patchwork: { type: 'string' },
    project: { type: 'string' },
    'without-mail': { type: 'boolean' },
  },
  async run(ctx) {
    const loaded = ctx.config();
    const errors = loaded.problems.filter((p) => severityOf(p) === 'error');
    if (errors.length) throw unusableConfig(errors);
    const run = planRun(ctx, loaded);
    const http = httpSettings(ctx, loaded);
    const workers = jobsOption(ctx, defaultWorkers());

    const store = await ctx.store({ create: true });
    const cacheDir = syncCacheDir(ctx, loaded);

    // Ctrl-C: what was imported is committed batch by batch; say so rather than die silently.
    const interrupted = (): void => {
      ctx.err('\npatchlore sync: interrupted; everything imported so far is kept: run patchlore sync again to continue');
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    let result;
    const steps = createSteps('sync');
    try {
      result = await syncFs(store, run, {
        cacheDir,
        http,
        workers,
        log: (line) => ctx.err(line),
        progress: (label) => createProgress(label),
        steps: (step, done, total, detail) => steps.update(step, done, total, detail),
      });
    } catch (err) {
      if (err instanceof SyncLockedError) throw new UserError(err.message);
      throw err;
    } finally {
      steps.end();
      process.off('SIGINT', interrupted);
    }
    const { summary, fetched, patchwork } = result;
    const problems = [...fetched.problems, ...patchwork.flatMap((p) => p.problems)];
    if (patchwork.length) {
      // --patchwork runs alone (patchworkPlan): its document is the command's.
      if (ctx.json) ctx.outJson(patchworkJson(patchwork[0]!));
      else ctx.out(patchwork.map(describePatchwork).join('\n'));
    } else if (ctx.json) ctx.outJson({ ...importJson(summary), fetched: fetchedJson(fetched) });
    else {
      ctx.out(describeFetched(fetched));
      ctx.out(describeImport(summary));
    }
    if (problems.some((p) => severityOf(p) === 'error')) return 1;
    if (ctx.options.strict && summary.unparsed > 0) return 1;
    return 0;
  },
};
