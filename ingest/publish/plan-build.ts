// Which pages a build renders and which it removes: every page when there is no usable state of
// the previous build; otherwise the pages that did not exist, the pages given other props by
// their route, and the pages that read something that changed (src/lib/site-reads.ts: a changed
// thread, its citations, a lineage, the series as a whole, a value whose digest differs, or
// anything unknown). A page no route has any more is removed. Pure.
import { parseRead } from '../../src/lib/site-reads.ts';
import type { SitePage } from '../../src/build/site-renderer-fs.ts';
import type { PageState } from './build-state.ts';
import type { SiteChanges } from './site-changes.ts';

export interface BuildPlan {
  /** URL paths to render, in the order given. */
  render: string[];
  /** URL paths of pages to remove. */
  remove: string[];
}

/** Whether a page that read `read` may have changed. `values`: value reads whose digest differs
 *  now (or cannot be known). */
export function readChanged(read: string, changes: SiteChanges, values: ReadonlySet<string>): boolean {
  const r = parseRead(read);
  switch (r.kind) {
    case 'thread':
      return changes.threads.has(r.id);
    case 'citations':
      return changes.citations.has(r.id);
    case 'lineage':
      return changes.families.has(r.id);
    case 'series':
      return changes.series;
    case 'value':
      return values.has(r.id);
    case 'always':
      return true;
  }
}

/** `previous`: the pages of the last build (null: render everything). */
export function planBuild(pages: readonly SitePage[], previous: Readonly<Record<string, PageState>> | null, changed: (read: string) => boolean): BuildPlan {
  if (!previous) return { render: pages.map((p) => p.path), remove: [] };
  const now = new Set(pages.map((p) => p.path));
  const render = pages.flatMap(({ path, props }) => {
    const page = previous[path];
    return !page || page[2] !== props || page[1].some(changed) ? [path] : [];
  });
  const remove = Object.keys(previous).filter((p) => !now.has(p));
  return { render, remove };
}

/** The value reads (names after "v:") of a set of pages. */
export function valueReads(pages: Iterable<PageState>): string[] {
  const out = new Set<string>();
  for (const [, reads] of pages) for (const r of reads) if (r.startsWith('v:')) out.add(r.slice(2));
  return [...out].sort();
}
