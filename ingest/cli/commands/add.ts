// patchlore add URL_OR_FILE...: an archive link or a saved page (or archive directory) in, the
// whole thread out: the Message-ID is resolved from the URL or the page, the thread pulled from
// lore, and the page itself imported where lore cannot serve it. Turns arguments and the config
// into the add stage's targets and options (ingest/add/), and prints what happened.
import { existsSync } from 'node:fs';
import { addFs } from '../../add/add-fs.ts';
import { planAdd } from '../../add/plan-add.ts';
import { defaultWorkers } from '../../workers/worker-pool.ts';
import { ALL_LISTS, DEFAULT_BASE, isListName, normalizeBase } from '../../lore/lore-url.ts';
import { severityOf } from '../../severity-of.ts';
import { SyncLockedError } from '../../sync/sync-fs.ts';
import type { AddResolution } from '../../types.ts';
import type { Command } from '../commands.ts';
import { UsageError, UserError, unusableConfig, type Context } from '../main.ts';
import { createProgress } from '../progress.ts';
import { describeImport, importJson } from './import.ts';
import { jobsOption } from './options.ts';
import { baseOption, describeFetched, fetchedJson, httpSettings, syncCacheDir } from './sync.ts';

function strings(v: unknown): string[] {
  return Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
}

/** --page-base HOST=URL values, by host. */
function pageBases(ctx: Context): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of strings(ctx.options['page-base'])) {
    const eq = v.indexOf('=');
    const host = eq > 0 ? v.slice(0, eq).trim().toLowerCase() : '';
    const b = eq > 0 ? normalizeBase(v.slice(eq + 1)) : null;
    if (!host || !b?.ok) throw new UsageError(`--page-base takes HOST=URL, e.g. lkml.iu.edu=http://127.0.0.1:8080; got "${v}"${b && !b.ok ? ` (${b.reason})` : ''}`);
    out.set(host, b.base);
  }
  return out;
}

const VIA: Record<NonNullable<AddResolution['via']>, string> = {
  url: 'from the URL',
  'message-id': 'as given',
  page: 'read from the page',
  file: 'read from the saved page',
  headers: 'read from its headers',
  search: 'found by a lore search for its subject and date',
};
const IMPORTED: Record<AddResolution['imported'], string> = {
  thread: 'its thread pulled from lore',
  page: 'the page itself imported',
  stored: 'its mail was already stored',
  nothing: 'nothing imported',
};

/** One line per argument: how many Message-IDs it named and what came of them. */
export function describeResolved(resolved: readonly AddResolution[]): string {
  const byInput = new Map<string, AddResolution[]>();
  for (const r of resolved) byInput.set(r.input, [...(byInput.get(r.input) ?? []), r]);
  const lines: string[] = [];
  for (const [input, rs] of byInput) {
    if (rs.length === 1) {
      const r = rs[0]!;
      lines.push(`${input}: ${r.messageId ? `<${r.messageId}> ${VIA[r.via!]}` : 'no usable Message-ID'}; ${IMPORTED[r.imported]}`);
      continue;
    }
    const counts = new Map<string, number>();
    for (const r of rs) counts.set(IMPORTED[r.imported], (counts.get(IMPORTED[r.imported]) ?? 0) + 1);
    lines.push(`${input}: ${rs.filter((r) => r.messageId).length} Message-IDs; ${[...counts].map(([what, n]) => `${n}: ${what}`).join(', ')}`);
  }
  return lines.join('\n');
}

export const addCommand: Command = {
  synopsis: 'URL_OR_FILE... [--list NAME] [--base URL] [--page-base HOST=URL]',
  summary: 'an archive link or a saved page in, its whole thread out (from lore; the page itself where lore cannot serve it)',
  help: `URL_OR_FILE is a link to a message in an archive, a saved page or a directory of saved pages,
or a Message-ID:
  lore (https://lore.kernel.org/<list>/<msgid>/, with T/, t/, raw or t.mbox.gz; /r/<msgid>),
  https://patch.msgid.link/<msgid>, https://lkml.kernel.org/r/<msgid>, https://marc.info/?i=<msgid>
    the Message-ID is in the URL;
  https://lkml.iu.edu/hypermail/..., https://www.spinics.net/lists/<list>/msgN.html,
  https://patchwork.kernel.org/project/<p>/patch|cover/<msgid or number>/ (and ?series=, /series/N/),
  https://marc.info/?l=<list>&m=<number>, https://lkml.org/lkml/<y>/<m>/<d>/<n>
    the page is fetched and the Message-ID read from it (marc's raw view, lkml.org's headers);
  a saved page (hypermail, MHonArc, public-inbox message or /T/ page, Patchwork), or a directory
    of them: the Message-IDs are read from the pages.
Each Message-ID's whole thread is pulled from lore. Where lore cannot serve it (not there,
offline) or the page gives no usable Message-ID, the page itself is imported: its messages are
marked as recovered from the page, and replaced by their mail when that arrives.

  --list NAME           the lore list to pull threads from when the URL names none (default: the
                        one configured list, else "all", lore's every-list inbox)
  --base URL            the lore server (default ${DEFAULT_BASE}, or "base" in the config)
  --page-base HOST=URL  fetch the pages of HOST from URL instead (a local copy of the site);
                        repeatable
  --config PATH         the project file (default ./patchlore.config.json)
  --cache DIR           downloads (default: sync-cache/ beside the store; shared with sync)
  --max-requests N      stop after N requests (default 1000)
  --refresh             ask again even for downloads younger than the cache TTL
  --jobs N              parser threads (default: cores - 1)

examples:
  patchlore add https://lore.kernel.org/all/20211014230606.GZ2744544@nvidia.com/
  patchlore add https://lkml.iu.edu/hypermail/linux/kernel/2010.0/05678.html
  patchlore add https://patchwork.kernel.org/project/linux-mm/cover/<msgid>/
  patchlore add ~/saved/spinics-thread/`,
  options: {
    list: { type: 'string' },
    base: { type: 'string' },
    'page-base': { type: 'string', multiple: true },
    cache: { type: 'string' },
    'max-requests': { type: 'string' },
    refresh: { type: 'boolean' },
    jobs: { type: 'string' },
  },
  async run(ctx) {
    if (ctx.args.length === 0) throw new UsageError('name at least one URL, saved page or directory to add');
    const { targets, refused } = planAdd(ctx.args, (s) => existsSync(s));
    if (refused.length) throw new UsageError(refused.map((r) => `"${r.input.slice(0, 200)}": ${r.reason}`).join('\n'));
    const loaded = ctx.config();
    const errors = loaded.problems.filter((p) => severityOf(p) === 'error');
    if (errors.length) throw unusableConfig(errors);
    const cfg = loaded.config.sync;
    const list = ctx.options.list === undefined ? (cfg.lists.length === 1 ? cfg.lists[0]!.name : ALL_LISTS) : String(ctx.options.list);
    if (!isListName(list)) throw new UsageError(`--list must be a list name such as nvdimm; got "${list}"`);
    const base = baseOption(ctx) ?? cfg.base;
    const bases = pageBases(ctx);
    const http = httpSettings(ctx, loaded);
    const store = await ctx.store({ create: true });
    let result;
    try {
      result = await addFs(store, targets, {
        cacheDir: syncCacheDir(ctx, loaded),
        http,
        workers: jobsOption(ctx, defaultWorkers()),
        log: (line) => ctx.err(line),
        progress: (label) => createProgress(label),
        lore: { base, mirrors: base === cfg.base ? cfg.mirrors : [] },
        list,
        pageBases: bases,
      });
    } catch (err) {
      if (err instanceof SyncLockedError) throw new UserError(err.message);
      throw err;
    }
    const { summary, fetched, resolved } = result;
    if (ctx.json) ctx.outJson({ ...importJson(summary), resolved, fetched: fetchedJson(fetched) });
    else {
      ctx.out(describeResolved(resolved));
      ctx.out(describeFetched(fetched));
      ctx.out(describeImport(summary));
    }
    // An argument of which nothing is in the store now, or a fetch that failed outright.
    const lost = new Set(resolved.map((r) => r.input));
    for (const r of resolved) if (r.imported !== 'nothing') lost.delete(r.input);
    if (lost.size > 0 || fetched.problems.some((p) => severityOf(p) === 'error')) return 1;
    if (ctx.options.strict && summary.unparsed > 0) return 1;
    return 0;
  },
};
