import { describe, expect, it } from 'vitest';
import type { PageState } from './build-state.ts';
import { planBuild, readChanged, valueReads } from './plan-build.ts';
import type { SiteChanges } from './site-changes.ts';

const changes: SiteChanges = { threads: new Set(['t1']), citations: new Set(['t1', 't2']), families: new Set(['f1']), series: true };
const none: SiteChanges = { threads: new Set(), citations: new Set(), families: new Set(), series: false };

describe('planBuild', () => {
  const previous: Record<string, PageState> = {
    '/t/a/': ['h1', ['c:t1', 't:t1'], 'p'],
    '/t/b/': ['h2', ['c:t2', 't:t2'], 'p'],
    '/t/c/': ['h3', ['c:t3', 't:t3', 'l:f2'], 'p'],
    '/s/x/': ['h4', ['l:f1'], 'p'],
    '/s/': ['h5', ['s'], 'p'],
    '/l/x/': ['h6', ['v:list:0:100:x'], 'p'],
    '/l/x/2/': ['h7', ['v:list:100:100:x'], 'p'],
    '/topics/t/': ['h8', ['*'], 'p'],
    '/gone/': ['h9', [], 'p'],
  };
  const pages = [...Object.keys(previous).filter((p) => p !== '/gone/'), '/t/new/'].map((path) => ({ path, props: path === '/t/c/' ? 'q' : 'p' }));

  it('renders new pages, pages given other props, and pages that read what changed; removes the rest', () => {
    const plan = planBuild(pages, previous, (r) => readChanged(r, changes, new Set(['list:0:100:x'])));
    expect(plan.render).toEqual(['/t/a/', '/t/b/', '/t/c/', '/s/x/', '/s/', '/l/x/', '/topics/t/', '/t/new/']);
    expect(plan.remove).toEqual(['/gone/']);
  });

  it('renders only what reads anything unknown when nothing changed', () => {
    const same = pages.map((p) => ({ ...p, props: 'p' }));
    expect(planBuild(same, previous, (r) => readChanged(r, none, new Set())).render).toEqual(['/topics/t/', '/t/new/']);
  });

  it('renders everything without a previous build', () => {
    expect(planBuild(pages, null, () => false).render).toEqual(pages.map((p) => p.path));
  });

  it('lists the value reads of pages', () => {
    expect(valueReads(Object.values(previous))).toEqual(['list:0:100:x', 'list:100:100:x']);
  });
});
