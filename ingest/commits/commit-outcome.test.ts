// Outcomes of patches, postings and lineages from commit links.
import { describe, expect, it } from 'vitest';
import type { CommitLink, PostedPatch } from '../types.ts';
import { commitOutcomes } from './commit-outcome.ts';

const day = (d: number) => Date.UTC(2024, 0, d);

function patch(messageId: string, postingId: string, family: string, title: string, postedAt: number, patchId: string | null = null): PostedPatch {
  return { messageId, postingId, family, version: 1, index: 1, total: 1, title, author: { name: 'A B', email: 'a@b' }, authorDate: postedAt, postedAt, patchId, files: [] };
}

function link(commit: string, p: PostedPatch): CommitLink {
  return {
    commit,
    messageId: p.messageId,
    postingId: p.postingId,
    family: p.family,
    evidence: 'patch-id',
    confidence: 0.99,
    match: { trailer: null, patchId: true, title: 1, author: 'email', dateDelta: 0, files: 1 },
    forms: [],
  };
}

describe('commitOutcomes', () => {
  // v1: three patches; v2: the same three, the second reworked; v2's first and second landed
  // from v2, its third landed earlier from v1 (applied before v2 was posted).
  const v1 = [patch('1a', 'v1', 'v1', 'one', day(1), 'p1'), patch('1b', 'v1', 'v1', 'two', day(1), 'p2'), patch('1c', 'v1', 'v1', 'three', day(1), 'p3')];
  const v2 = [patch('2a', 'v2', 'v1', 'one', day(5), 'p1'), patch('2b', 'v2', 'v1', 'two', day(5), 'p2b'), patch('2c', 'v2', 'v1', 'three', day(5), 'p3')];
  const lone = patch('x', 'x', 'x', 'never applied', day(2));
  const links = [link('c3', v2[1]!), link('c2', v2[0]!), link('c1', v1[2]!)];
  const out = commitOutcomes([...v1, ...v2, lone], links);

  it('says which patches landed, as which commits', () => {
    expect(out.patches.get('2b')).toEqual({ messageId: '2b', postingId: 'v2', state: 'merged', changeLanded: true, commits: ['c3'] });
    expect(out.patches.get('1a')!.state).toBe('not-merged');
  });

  it('says a patch whose change landed from another revision (same title or patch-id) landed too', () => {
    // v1's first patch did not land itself; v2's, the same patch, did.
    expect(out.patches.get('1a')!.changeLanded).toBe(true);
    expect(out.patches.get('x')!.changeLanded).toBe(false);
    expect(out.postings.get('v1')).toMatchObject({ landed: 1, changesLanded: 3 });
  });

  it('gives postings merged, partially merged or not', () => {
    expect(out.postings.get('v1')).toMatchObject({ state: 'partially-merged', landed: 1, patches: 3, commits: ['c1'] });
    expect(out.postings.get('v2')).toMatchObject({ state: 'partially-merged', landed: 2, patches: 3, commits: ['c3', 'c2'] });
    expect(out.postings.get('x')).toMatchObject({ state: 'not-merged', landed: 0, commits: [] });
  });

  it('judges a lineage by its latest revision that landed, counting its patches landed from other revisions', () => {
    expect(out.lineages.get('v1')).toEqual({ family: 'v1', state: 'merged', landed: 3, patches: 3, landedPosting: 'v2', landedPostings: ['v1', 'v2'], commits: ['c3', 'c2', 'c1'] });
    expect(out.lineages.get('x')).toMatchObject({ state: 'not-merged', landedPosting: null, landedPostings: [] });
    const partial = commitOutcomes([...v1, ...v2], [link('c2', v2[0]!)]);
    expect(partial.lineages.get('v1')).toMatchObject({ state: 'partially-merged', landed: 1, patches: 3, landedPosting: 'v2' });
  });

  it('says nothing of a lineage that did not land and no repository reaches', () => {
    const reached = commitOutcomes([...v1, ...v2, lone], links, (family) => family === 'v1');
    expect(reached.lineages.has('x')).toBe(false);
    expect(reached.lineages.get('v1')!.state).toBe('merged');
    // One that landed is in reach whatever the scope says.
    expect(commitOutcomes([...v1, ...v2], links, () => false).lineages.get('v1')!.state).toBe('merged');
  });
});
