// A render worker: one SiteRenderer (site-renderer-fs.ts) on the bundle and store it was started
// with, answering the build's requests: the site's pages, digests of value reads, and batches of
// pages to render into the output directory.
import { serveRequests, workerInput } from '../../ingest/workers/worker-pool.ts';
import { SiteRenderer, type RenderedPage, type SitePage } from './site-renderer-fs.ts';

/** What every render worker is started with. */
export interface RenderWorkerInput {
  /** The bundle's server/entry.mjs. */
  entry: string;
  db: string;
  /** The project root the bundled code reads content/ from. */
  root: string;
  out: string;
}

export type RenderRequest =
  | { kind: 'pages' }
  | { kind: 'values'; names: string[] }
  | { kind: 'render'; paths: string[]; previous: Array<string | null> };

export type RenderAnswer = { kind: 'pages'; pages: SitePage[] } | { kind: 'values'; digests: Array<string | null> } | { kind: 'render'; pages: RenderedPage[] };

const input = workerInput<RenderWorkerInput>();
process.env.PATCHLORE_ROOT = input.root;
const renderer = new SiteRenderer(input.entry, input.db);

serveRequests<RenderRequest, RenderAnswer>(async (req) => {
  switch (req.kind) {
    case 'pages':
      return { kind: 'pages', pages: await renderer.pages() };
    case 'values':
      return { kind: 'values', digests: await renderer.values(req.names) };
    case 'render': {
      const pages: RenderedPage[] = [];
      for (let i = 0; i < req.paths.length; i++) pages.push(await renderer.render(req.paths[i]!, input.out, req.previous[i] ?? null));
      return { kind: 'render', pages };
    }
  }
});
