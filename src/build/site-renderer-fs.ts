// Renders pages of the site from the server bundle (render-adapter.ts) in this thread: lists every
// page and endpoint file the routes have (their getStaticPaths, as a static build would, with a
// digest of the props each page is given), renders those asked for one at a time with Astro's
// App, writes each file only when its content changed, and says what each page read from the
// store while rendering (site-reads.ts). It does not decide which pages to render
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

/** A page of the site: its URL path, and a digest of the props its route's getStaticPaths gives
 *  it (data a page gets that way is not read while it renders). */
export interface SitePage {
  path: string;
  props: string;
}

/** The file of a URL path: a page's ("/t/abc/" -> "t/abc/index.html"), or an endpoint's
 *  ("/s/rows.json"); throws on a path that would leave the site (a route generating ".." is a
 *  bug). */
export function pageFile(path: string): string {
  const segments = path.split('/').filter((s) => s !== '');
  if (!path.startsWith('/') || segments.some((s) => s === '.' || s === '..' || s.includes('\0'))) throw new Error(`BUG: page path ${JSON.stringify(path)} is not a site path`);
  return path.endsWith('/') ? join(...segments, 'index.html') : join(...segments);
}

/** Content hash of a page (what the build keeps to tell a changed page). */
export function contentHash(content: string): string {
  return createHash('sha1').update(content).digest('base64url').slice(0, 20);
}

const withSlash = (p: string): string => (p.endsWith('/') ? p : `${p}/`);

/** JSON of a value with Maps and Sets as arrays (JSON.stringify would write them as {}). */
const stable = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));

/** Digest of a page's props: objects shared by the pages of a route (a whole table) are hashed
 *  once. */
function propsDigest(props: Record<string, unknown> | undefined, shared: WeakMap<object, string>): string {
  const parts = Object.keys(props ?? {})
    .sort()
    .map((k) => {
      const v = props![k];
      if (v === null || typeof v !== 'object') return `${k}=${JSON.stringify(v)}`;
      let d = shared.get(v);
      if (d === undefined) shared.set(v, (d = contentHash(stable(v))));
      return `${k}:${d}`;
    });
  return contentHash(parts.join('\n'));
}

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
    this.routes = this.site.manifest.routes.map((r) => r.routeData).filter((r) => (r.type === 'page' || r.type === 'endpoint') && r.origin !== 'internal');
    for (const r of this.routes) r.prerender = true;
    return this.site;
  }

  /** Every page and endpoint file, route by route. */
  async pages(): Promise<SitePage[]> {
    const site = await this.load();
    const out: SitePage[] = [];
    const shared = new WeakMap<object, string>();
    // A page's URL ends with a slash; an endpoint's is its file's name.
    const url = (route: RouteData, path: string): string => (route.type === 'page' ? withSlash(path) : path.replace(/\/+$/, ''));
    for (const route of this.routes) {
      if (route.params.length === 0) {
        out.push({ path: url(route, route.route), props: propsDigest(undefined, shared) });
        continue;
      }
      const mod = await (await site.manifest.pageMap!.get(route.component)!()).page();
      if (!mod.getStaticPaths) throw new Error(`BUG: ${route.component} has parameters and no getStaticPaths`);
      const paginate = (): never => {
        throw new Error(`${route.component}: paginate() is not supported by patchlore build; list the pages in getStaticPaths`);
      };
      const paths = (await mod.getStaticPaths({ paginate, routePattern: route.route } as never)) as Array<{ params: Record<string, string | undefined>; props?: Record<string, unknown> }>;
      for (const p of paths) out.push({ path: url(route, route.generate(p.params)), props: propsDigest(p.props, shared) });
    }
    site.data.takeReads();
    return out;
  }

  /** Digests of value reads now (null: not a value this site reads). */
  async values(names: readonly string[]): Promise<Array<string | null>> {
    const site = await this.load();
    return names.map((n) => site.data.valueDigest(n));
  }

  /** The route of a path, and the URL to ask it for (a dynamic endpoint's pattern wants the
   *  trailing slash of trailingSlash: 'always', its file has none). */
  private routeOf(path: string): { route: RouteData; url: string } {
    for (const url of path.endsWith('/') ? [path] : [path, `${path}/`]) {
      const route = this.routes.find((r) => r.pattern.test(url));
      if (route) return { route, url };
    }
    throw new Error(`BUG: no route renders ${path}`);
  }

  private async html(path: string, { route, url }: { route: RouteData; url: string }): Promise<string> {
    const res = await this.site!.app.render(new Request(new URL(url, 'http://localhost/')), { routeData: route });
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
    if (route.route.params.length > 0 && !this.warmed.has(route.route)) {
      await this.html(path, route);
      this.warmed.add(route.route);
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
