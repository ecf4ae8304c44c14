// `patchlore add`'s composition root: for each argument (plan-add.ts), find the Message-IDs it
// names (from the URL; from the page, fetched politely through the sync stage's client, or
// saved on disk: read-page-ids.ts), pull each one's whole thread from lore (the sync stage's
// thread pull; for a page giving no usable Message-ID, the threads a lore search for its subject
// and date finds), and where lore cannot serve it (404, offline) or the page gives no usable
// Message-ID, import the page itself (the import stage reads pages, and matches them to mail). Reports, per Message-ID,
// where it was read and what was imported. It decides nothing about the mail itself: the import
// stage does (a page copy and its mail are one message).
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importSources } from '../import/import-sources.ts';
import { SITE_NAMES } from '../lore/archive-page-url.ts';
import { detectSource, listFiles } from '../source/read-source-fs.ts';
import type { Store } from '../store/store-port.ts';
import { addImportSummary } from '../sync/import-totals.ts';
import { pullHttpFs } from '../sync/pull-http-fs.ts';
import { withSyncSession, type SyncOptions, type SyncResult, type SyncSession } from '../sync/sync-fs.ts';
import type { PullPlan } from '../sync/sync-types.ts';
import type { AddResolution, Diagnostic } from '../types.ts';
import { pageFetch } from './page-fetch.ts';
import type { AddTarget } from './plan-add.ts';
import { pageSearchQuery } from './page-search-query.ts';
import { readPageIds, type PageIds } from './read-page-ids.ts';

/** How to add. */
export interface AddOptions extends SyncOptions {
  /** The lore server threads are pulled from, and its mirrors. */
  lore: { base: string; mirrors: string[] };
  /** The list to pull from when an argument names none (lore's "all" finds any). */
  list: string;
  /** Fetch the pages of these hosts from these bases instead (a local copy of a site). */
  pageBases: ReadonlyMap<string, string>;
}

/** What add did. */
export interface AddResult extends SyncResult {
  resolved: AddResolution[];
}

/** One Message-ID an argument names (or none), on its way. */
interface Item {
  resolution: AddResolution;
  /** The list and server to pull its thread from (null: the defaults). */
  list: string | null;
  base: string | null;
}

/** One argument, with what it resolved to and what could be imported in place of lore's mail. */
interface Work {
  target: AddTarget;
  items: Item[];
  /** Files to import when lore cannot serve what they show, with the URL each came from ('' for
   *  a file given on disk), and the messages on them without a usable Message-ID. */
  fallback: Array<{ file: string; url: string; ids: string[]; unusable: number; withoutId: PageIds['withoutId'] }>;
  /** Problems of the lore pulls made for it (made warnings when its page was imported instead). */
  pullProblems: Diagnostic[];
}

/** Add every target. Throws SyncLockedError when a sync holds the cache, and for failures of the
 *  environment; what could not be fetched is in the report. */
export async function addFs(store: Store, targets: readonly AddTarget[], opts: AddOptions): Promise<AddResult> {
  const works: Work[] = targets.map((target) => ({ target, items: [], fallback: [], pullProblems: [] }));
  const result = await withSyncSession(store, opts, async (s) => {
    for (const w of works) await resolveTarget(w, s, opts);
    await pullThreads(store, works, s, opts);
    await importFallbacks(store, works, s);
  });
  return { ...result, resolved: works.flatMap((w) => w.items.map((i) => i.resolution)) };
}

const storedAsMail = (store: Store, id: string): boolean => store.mail.variantsOf(id).some((v) => v.recovered === null);

/** Find the Message-IDs a target names. */
async function resolveTarget(w: Work, s: SyncSession, opts: AddOptions): Promise<void> {
  const t = w.target;
  const item = (messageId: string | null, via: AddResolution['via'], source: string, list: string | null = null, base: string | null = null): void =>
    void w.items.push({ resolution: { input: t.input, messageId, via, imported: 'nothing', source }, list, base });
  switch (t.kind) {
    case 'message':
      item(t.messageId, t.via, t.via === 'url' ? t.input : '', t.list, t.base);
      return;
    case 'page': {
      const f = pageFetch(t.site, t.url);
      const r = await s.env.client.fetch({ urls: [onBase(f.url, opts.pageBases)], expect: f.expect, cache: 'ttl', label: `${SITE_NAMES[t.site]} page ${t.url}` });
      s.fetched.problems.push(...r.warnings);
      if (r.kind !== 'ok') {
        s.fetched.problems.push(
          r.kind === 'failed'
            ? { ...r.problem, message: `${t.url}: ${r.problem.message}` }
            : { code: 'http/not-found', message: `${t.url}: the page is not there (HTTP ${r.status})`, source: r.url, hint: 'check the URL in a browser', attempts: r.attempts, severity: 'error' },
        );
        item(null, null, t.url);
        return;
      }
      const ids = readPageIds(await readFile(r.file), t.url, f.holds);
      s.fetched.problems.push(...ids.diagnostics.filter((d) => d.code === 'page/foreign'));
      // A site's list names are its own (spinics' "kernel" is lore's linux-kernel): threads are
      // pulled from the default list (lore's "all" finds any).
      for (const id of ids.messageIds) item(id, ids.via, t.url);
      if (ids.messageIds.length === 0) item(null, null, t.url);
      if (f.holds !== 'headers') w.fallback.push({ file: resolve(r.file), url: t.url, ids: ids.messageIds, unusable: ids.unusable, withoutId: ids.withoutId });
      return;
    }
    case 'path': {
      const path = resolve(t.path);
      const files = (await stat(path)).isDirectory() ? await listFiles(path) : [path];
      for (const file of files) {
        if ((await detectSource(file)) !== 'page') {
          // Mail saved beside the pages (public-inbox's raw): imported as it is.
          w.fallback.push({ file, url: '', ids: [], unusable: 1, withoutId: [] });
          continue;
        }
        const ids = readPageIds(await readFile(file), file, 'page');
        for (const id of ids.messageIds) item(id, 'file', file);
        if (ids.messages > 0 || ids.messageIds.length > 0) w.fallback.push({ file, url: '', ids: ids.messageIds, unusable: ids.unusable, withoutId: ids.withoutId });
      }
      if (w.items.length === 0) item(null, null, path);
      return;
    }
  }
}

/** Pull the thread of every Message-ID whose mail is not stored yet, in argument order; an ID a
 *  pull brought along is not asked for again. */
async function pullThreads(store: Store, works: Work[], s: SyncSession, opts: AddOptions): Promise<void> {
  const pulled = new Set<string>();
  for (const w of works) {
    for (const { resolution: r, list, base } of w.items) {
      if (r.messageId === null) continue;
      if (storedAsMail(store, r.messageId)) {
        r.imported = pulled.has(r.messageId) ? 'thread' : 'stored';
        continue;
      }
      if (s.env.client.limitReached) continue;
      await pull(store, { kind: 'thread', messageId: r.messageId, list: list ?? opts.list, base: base ?? opts.lore.base, mirrors: base ? [] : opts.lore.mirrors }, w, s);
      // Everything the thread brought is pulled, for the IDs that come later.
      for (const x of works.flatMap((v) => v.items)) if (x.resolution.messageId && storedAsMail(store, x.resolution.messageId)) pulled.add(x.resolution.messageId);
      if (pulled.has(r.messageId)) r.imported = 'thread';
    }
    if (w.items.every((i) => i.resolution.messageId === null)) await searchThread(store, w, s, opts);
  }
}

/** A target naming no usable Message-ID at all: search lore for the first message its pages show
 *  (its subject and date) and pull every hit's thread; importing the page then matches it. */
async function searchThread(store: Store, w: Work, s: SyncSession, opts: AddOptions): Promise<void> {
  const query = w.fallback.flatMap((f) => f.withoutId.map(pageSearchQuery)).find((q): q is string => q !== null);
  if (!query || s.env.client.limitReached) return;
  await pull(store, { kind: 'query', query, threads: true, list: opts.list, base: opts.lore.base, mirrors: opts.lore.mirrors, since: null }, w, s);
}

/** One pull from lore for a target, counted in the session's report and the target's problems. */
async function pull(store: Store, plan: PullPlan, w: Work, s: SyncSession): Promise<void> {
  const p = await pullHttpFs(store, plan, s.env);
  addImportSummary(s.summary, p.summary);
  s.fetched.downloads.push(...p.downloads);
  s.fetched.problems.push(...p.problems);
  w.pullProblems.push(...p.problems);
}

/** After a search: the message a page without a usable ID was matched to (its placeholder became
 *  an alias of the real ID), named for a target that named none. */
function foundBySearch(store: Store, w: Work): void {
  const ids = w.fallback.flatMap((f) => f.withoutId.map((m) => m.storedAs)).filter((id): id is string => id !== null);
  const aliases = store.mail.aliasesOf(ids);
  const real = ids.map((id) => aliases.get(id)).find((id) => id !== undefined);
  const item = w.items.find((i) => i.resolution.messageId === null);
  if (!real || !item || !storedAsMail(store, real)) return;
  Object.assign(item.resolution, { messageId: real, via: 'search', imported: 'thread' });
}

/** Import the pages (and files) whose messages lore did not give: their messages become page
 *  copies, or copies of mail matched to them. Pull problems of a target whose page stood in are
 *  made warnings. */
async function importFallbacks(store: Store, works: Work[], s: SyncSession): Promise<void> {
  for (const w of works) {
    const files = w.fallback.filter((f) => f.unusable > 0 || f.ids.some((id) => !storedAsMail(store, id)));
    if (files.length === 0) continue;
    const sourceUrls = new Map(files.filter((f) => f.url).map((f) => [f.file, f.url]));
    const r = await importSources(store, files.map((f) => f.file), { list: w.items[0]?.list ?? '', mboxFormat: 'auto', workers: 0, derive: false, sourceUrls });
    addImportSummary(s.summary, r);
    foundBySearch(store, w);
    for (const { resolution } of w.items) {
      if (resolution.imported !== 'nothing') continue;
      const id = resolution.messageId;
      if (id === null ? r.read - r.unparsed > 0 : store.mail.variantsOf(id).length > 0) resolution.imported = 'page';
    }
    if (w.items.some((i) => i.resolution.imported === 'page')) {
      for (const p of w.pullProblems) {
        p.severity = 'warning';
        p.hint = `the page itself was imported instead; ${p.hint ?? ''}`.replace(/; $/, '');
      }
    }
  }
}

/** `url` fetched from the base configured for its host, if any (a local copy of the site). */
export function onBase(url: string, bases: ReadonlyMap<string, string>): string {
  const u = new URL(url);
  const base = bases.get(u.host) ?? bases.get(u.hostname);
  return base ? `${base.replace(/\/+$/, '')}${u.pathname}${u.search}` : url;
}
