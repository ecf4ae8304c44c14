// Renders pages of the site from the server bundle (render-adapter.ts) in this thread: lists every
// page the routes have (their getStaticPaths, as a static build would), renders the pages asked
// for one at a time with Astro's App, writes each file only when its content changed, and says
// what each page read from the store (site-reads.ts). It does not decide which pages to render
// (ingest/publish/plan-build.ts does) and knows nothing of what a page contains.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RouteData } from 'astro';
import type { SiteBundle } from './render-entry.ts';

/** A page rendered: its URL path, content hash, what it read, whether its file was written. */
export interface RenderedPage {
  path: string;
  hash: string;
  reads: string[];
  written: boolean;
  bytes: number;
}

/** The file of a page's URL path ("/t/abc/" -> "t/abc/index.html"); throws on a path that would
 *  leave the site (a route generating ".." is a bug). */
export function pageFile(path: string): string {
  const segments = path.split('/').filter((s) => s !== '');
  if (!path.startsWith('/') || segments.some((s) => s === '.' || s === '..' || s.includes('\0'))) throw new Error(`BUG: page path ${JSON.stringify(path)} is not a site path`);
  return join(...segments, 'index.html');
}

/** Content hash of a page (what the build keeps to tell a changed page). */
export function contentHash(content: string): string {
  return createHash('sha1').update(content).digest('base64url').slice(0, 20);
}

const withSlash = (p: string): string => (p.endsWith('/') ? p : `${p}/`);

export class SiteRenderer {
  private site: SiteBundle | null = null;
  private routes: RouteData[] = [];
  /** Dynamic routes rendered once already in this thread (Astro has their getStaticPaths). */
  private readonly warmed = new Set<RouteData>();

  /** `entry`: the bundle's server/entry.mjs; `db`: the store the pages read. */
  constructor(
    private readonly entry: string,
    db: string,
  ) {
    process.env.PATCHLORE_DB = db;
  }

  private async load(): Promise<SiteBundle> {
    if (this.site) return this.site;
    const mod = (await import(pathToFileURL(this.entry).href)) as { site: SiteBundle };
    this.site = mod.site;
    // The project's own pages, in Astro's order of precedence. Marked prerendered, as a static
    // build has them: Astro then gives each page the props its getStaticPaths gave it.
    this.routes = this.site.manifest.routes.map((r) => r.routeData).filter((r) => r.type === 'page' && r.origin !== 'internal');
    for (const r of this.routes) r.prerender = true;
    return this.site;
  }

  /** Every page's URL path, route by route. */
  async pages(): Promise<string[]> {
    const site = await this.load();
    const out: string[] = [];
    for (const route of this.routes) {
      if (route.params.length === 0) {
        out.push(withSlash(route.route));
        continue;
      }
      const mod = await (await site.manifest.pageMap!.get(route.component)!()).page();
      if (!mod.getStaticPaths) throw new Error(`BUG: ${route.component} has parameters and no getStaticPaths`);
      const paginate = (): never => {
        throw new Error(`${route.component}: paginate() is not supported by patchlore build; list the pages in getStaticPaths`);
      };
      const paths = (await mod.getStaticPaths({ paginate, routePattern: route.route } as never)) as Array<{ params: Record<string, string | undefined> }>;
      for (const p of paths) out.push(withSlash(route.generate(p.params)));
    }
    site.data.takeReads();
    return out;
  }

  /** Digests of value reads now (null: not a value this site reads). */
  async values(names: readonly string[]): Promise<Array<string | null>> {
    const site = await this.load();
    return names.map((n) => site.data.valueDigest(n));
  }

  private routeOf(path: string): RouteData {
    const route = this.routes.find((r) => r.pattern.test(path));
    if (!route) throw new Error(`BUG: no route renders ${path}`);
    return route;
  }

  private async html(path: string, route: RouteData): Promise<string> {
    const res = await this.site!.app.render(new Request(new URL(path, 'http://localhost/')), { routeData: route });
    const html = await res.text();
    if (res.status !== 200) throw new Error(`rendering ${path} failed (HTTP ${res.status}): ${html.slice(0, 2000)}`);
    return html;
  }

  /** Render a page into `out`, writing its file unless it holds `previous` (the hash of what the
   *  file held) and still exists. */
  async render(path: string, out: string, previous: string | null): Promise<RenderedPage> {
    const site = await this.load();
    const route = this.routeOf(path);
    // A route's first page in this thread also runs its getStaticPaths, whose reads are the
    // route's, not the page's: render it once unrecorded.
    if (route.params.length > 0 && !this.warmed.has(route)) {
      await this.html(path, route);
      this.warmed.add(route);
    }
    site.data.recordReads();
    let html: string;
    let reads: string[];
    try {
      html = await this.html(path, route);
    } finally {
      reads = site.data.takeReads();
    }
    const hash = contentHash(html);
    const file = join(out, pageFile(path));
    const written = hash !== previous || !existsSync(file);
    if (written) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, html);
    }
    return { path, hash, reads, written, bytes: Buffer.byteLength(html) };
  }
}
