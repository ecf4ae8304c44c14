// Builds the static site of a store into a directory, incrementally when the directory holds a
// site built before from the same store: compiles the pages once per source version
// (site-bundle-fs.ts), lists the site's pages, renders those whose inputs changed
// (site-changes.ts, plan-build.ts) on worker threads (src/build/render-worker.ts), removes pages
// that no longer exist, writes the /m/ pages of changed threads, publishes the bundle's assets,
// brings the search index up to date, and records what it did for the next build
// (build-state-fs.ts). Every file is written only when its content changed.
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { formatProblem } from '../cli/format-problem.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { openStore } from '../store/sqlite-store-fs.ts';
import type { Store } from '../store/store-port.ts';
import { checkTopicsFs } from '../topic/read-topics-fs.ts';
import { WorkerPool, defaultWorkers } from '../workers/worker-pool.ts';
import type { RenderAnswer, RenderRequest, RenderWorkerInput } from '../../src/build/render-worker.ts';
import { pageFile, type RenderedPage } from '../../src/build/site-renderer-fs.ts';
import { NumberingSampler, STATE_VERSION, type BuildState, type PageState } from './build-state.ts';
import { STATE_DIR, readBuildStateFs, writeBuildStateFs } from './build-state-fs.ts';
import { copyAssetsFs } from './copy-assets-fs.ts';
import { planBuild, readChanged, valueReads } from './plan-build.ts';
import { siteBundleFs } from './site-bundle-fs.ts';
import { siteChanges, siteVersions } from './site-changes.ts';
import { updateSearchIndexFs } from './update-search-index-fs.ts';
import { writeAllMessagePagesFs, writeThreadMessagePagesFs } from './write-message-pages-fs.ts';

/** What a build produced. */
export interface SiteSummary {
  out: string;
  /** HTML pages in the site (rendered pages and /m/ pages; not endpoint files such as rows.json). */
  pages: number;
  searchIndexBytes: number;
  /** Whether the previous build's state was used (only what changed was rendered). */
  incremental: boolean;
  /** Pages rendered, and files written and removed (pages, /m/ pages, assets, index files). */
  rendered: number;
  written: number;
  removed: number;
  /** Files written of each kind. */
  writtenBy: { pages: number; messagePages: number; assets: number; searchIndex: number };
  /** Segments of the search index (src/build/search-segments.ts). */
  searchSegments: number;
}

/** Topics that cannot be built; the message lists each problem as file:line: message. */
export class TopicsError extends Error {}

/** An output directory that holds something other than a site built by patchlore. */
export class SiteOutError extends Error {}

/** A step of the build, for progress: its name, and pages done of a total when it counts them. */
export type BuildProgress = (step: string, done: number, total: number) => void;

/** Pages per request to a render worker. */
const PAGES_PER_REQUEST = 8;

/** The previous build's state, if it describes this store as it numbers messages now and the
 *  site directory still holds it. */
function usableState(state: BuildState | null, store: Store): BuildState | null {
  if (!state) return null;
  for (const [id, key] of state.numbering) if (store.mail.messageByKey(key)?.id !== id) return null;
  return state;
}

/** Empty `out` for a full build: only when it is empty or holds a site (never some other
 *  directory given by mistake). */
function clearOutFs(out: string): void {
  if (!existsSync(out)) return;
  const entries = readdirSync(out);
  if (entries.length === 0) return;
  if (!entries.some((e) => e === STATE_DIR || e === 'index.html' || e === '_assets')) {
    throw new SiteOutError(`${out} is not empty and holds no site built by patchlore; give a new or empty directory, or a site's (--out)`);
  }
  for (const e of entries) rmSync(join(out, e), { recursive: true, force: true });
}

/** Remove a page's file and the directories it leaves empty. */
function removePageFs(out: string, path: string): void {
  const file = join(out, pageFile(path));
  rmSync(file, { force: true });
  for (let d = dirname(file); d.startsWith(out + '/') && existsSync(d) && readdirSync(d).length === 0; d = dirname(d)) rmdirSync(d);
}

/** Build the site of the store `db` into `out`. `log` gets Astro's output when compiling the
 *  pages fails; `progress` hears each step and the pages rendered. Throws a TopicsError for topics
 *  that cannot be built, a SiteOutError for an output directory that is not a site, an
 *  EnvironmentError when Astro cannot be run or fails. */
export async function buildSiteFs(db: string, outDir: string, log: (chunk: Buffer) => void = (c) => process.stderr.write(c), progress: BuildProgress = () => undefined): Promise<SiteSummary> {
  const out = resolve(outDir);
  const dbPath = resolve(db);
  progress('checking topics', 0, 0);
  const store = openStore(dbPath, { readonly: true });
  let pool: WorkerPool<RenderRequest, RenderAnswer> | null = null;
  try {
    // Topics are checked first: a citation that resolves to nothing fails here, naming its line.
    const problems = checkTopicsFs(store);
    if (problems.length) throw new TopicsError(problems.map(formatProblem).join('\n'));
    const bundle = await siteBundleFs(log, () => progress('compiling pages', 0, 0));
    progress('finding changes', 0, 0);
    const previous = usableState(readBuildStateFs(out), store);
    if (!previous) clearOutFs(out);
    const input: RenderWorkerInput = { entry: bundle.entry, db: dbPath, root: PROJECT_ROOT, out };
    pool = new WorkerPool<RenderRequest, RenderAnswer>({ module: new URL('../../src/build/render-worker.ts', import.meta.url), size: defaultWorkers(), data: input, window: 2, label: 'render' });
    const ask = async <K extends RenderAnswer['kind']>(req: RenderRequest & { kind: K }): Promise<Extract<RenderAnswer, { kind: K }>> => (await pool!.run(req)) as Extract<RenderAnswer, { kind: K }>;

    // What changed since the previous build, and so which pages to render.
    const sitePages = (await ask({ kind: 'pages' })).pages;
    const props = new Map(sitePages.map((p) => [p.path, p.props]));
    const versions = siteVersions(store);
    // Messages stored since the previous build (none asked for in a full build: all are new).
    const added = previous ? [...store.threads.messageIndex(previous.maxMessageId)] : [];
    const changes = previous ? siteChanges(store, previous, versions, added) : null;
    // Pages rendered from other sources are all rendered again (and written if they differ).
    const samePages = previous !== null && previous.bundle === bundle.hash;
    let changedValues = new Set<string>();
    if (samePages) {
      const names = valueReads(Object.values(previous.pages));
      const digests = (await ask({ kind: 'values', names })).digests;
      changedValues = new Set(names.filter((n, i) => digests[i] === null || digests[i] !== previous.values[n]));
    }
    const plan = planBuild(sitePages, samePages ? previous.pages : null, (read) => readChanged(read, changes!, changedValues));
    if (previous && !samePages) plan.remove.push(...Object.keys(previous.pages).filter((p) => !props.has(p)));

    // The search index is brought up to date on its own thread while pages render.
    // Result rows show a message's thread, lists and series: those of changed threads and lineages
    // are rewritten.
    const rowThreads = changes ? new Set([...changes.threads, ...[...changes.families].flatMap((f) => versions.familyThreads.get(f) ?? [])]) : null;
    const index = updateSearchIndexFs(dbPath, out, previous?.search ?? null, rowThreads ? { threads: [...rowThreads].filter((t) => versions.threads.has(t)) } : null);

    progress('rendering pages', 0, plan.render.length);
    const pages: Record<string, PageState> = {};
    if (previous) for (const [p, s] of Object.entries(previous.pages)) pages[p] = s;
    let rendered = 0;
    let written = 0;
    const batches: Array<Promise<void>> = [];
    for (let i = 0; i < plan.render.length; i += PAGES_PER_REQUEST) {
      const batch = plan.render.slice(i, i + PAGES_PER_REQUEST);
      batches.push(
        ask({ kind: 'render', paths: batch, previous: batch.map((p) => pages[p]?.[0] ?? null) }).then((a) => {
          for (const r of a.pages as RenderedPage[]) {
            pages[r.path] = [r.hash, r.reads, props.get(r.path)!];
            if (r.written) written++;
          }
          rendered += a.pages.length;
          progress('rendering pages', rendered, plan.render.length);
        }),
      );
    }
    await Promise.all(batches);
    for (const p of plan.remove) {
      removePageFs(out, p);
      delete pages[p];
    }

    progress('writing message pages', 0, 0);
    const sampler = new NumberingSampler();
    const messages = samePages
      ? writeThreadMessagePagesFs(store, out, [...changes!.threads].filter((t) => versions.threads.has(t)))
      : writeAllMessagePagesFs(store, out, previous !== null, (id, key) => sampler.add(id, key));
    const messagePages = samePages ? previous.messagePages + messages.created : messages.pages;
    const assets = copyAssetsFs(bundle.client, out, previous?.assets ?? []);

    progress('finishing the search index', 0, 0);
    const search = await index;

    // Value reads of every page, as they are now, for the next build.
    const names = valueReads(Object.values(pages));
    const digests = (await ask({ kind: 'values', names })).digests;
    const values: Record<string, string> = {};
    names.forEach((n, i) => {
      if (digests[i] !== null) values[n] = digests[i]!;
    });
    let maxMessageId = Math.max(previous?.maxMessageId ?? 0, messages.maxId);
    for (const m of added) maxMessageId = Math.max(maxMessageId, m.id);
    const state: BuildState = {
      version: STATE_VERSION,
      bundle: bundle.hash,
      maxMessageId,
      numbering: samePages ? previous.numbering : sampler.sample(),
      threads: Object.fromEntries(versions.threads),
      families: Object.fromEntries(versions.families),
      values,
      pages,
      messagePages,
      assets: assets.files,
      search: search.state,
    };
    writeBuildStateFs(out, state);
    return {
      out,
      pages: Object.keys(pages).filter((p) => p.endsWith('/')).length + messagePages,
      searchIndexBytes: search.bytes,
      incremental: previous !== null,
      rendered,
      written: written + messages.written + assets.written + search.written,
      removed: plan.remove.length + assets.removed + search.removed,
      writtenBy: { pages: written, messagePages: messages.written, assets: assets.written, searchIndex: search.written },
      searchSegments: search.state.segments.length,
    };
  } finally {
    await pool?.close();
    store.close();
  }
}
