// The commit-link stage over several repositories: links tagged with their repository, lineages
// in reach of one, and the merged: values of patches and cover letters.
import { describe, expect, it } from 'vitest';
import type { GitCommit, PostedPatch } from '../types.ts';
import { linkRepositories } from './link-repositories.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 10);
const patch = (o: Partial<PostedPatch> & Pick<PostedPatch, 'messageId' | 'postingId' | 'title'>): PostedPatch => ({
  family: o.postingId,
  version: 1,
  index: 1,
  total: 1,
  author: { name: 'Alice Hacker', email: 'alice@example.org' },
  authorDate: T0,
  postedAt: T0,
  patchId: null,
  files: ['cxl/region.c'],
  ...o,
});
const commit = (hash: string, o: Partial<GitCommit> = {}): GitCommit => ({
  hash,
  parents: ['p'],
  tree: 't',
  author: { name: 'Alice Hacker', email: 'alice@example.org' },
  authorDate: T0,
  committer: { name: 'Max', email: 'max@example.org' },
  commitDate: T0 + DAY,
  subject: 'x',
  message: 'x\n',
  files: ['cxl/region.c'],
  patchId: null,
  ...o,
});

describe('linkRepositories', () => {
  // A two-patch posting whose first patch landed in "tools", a kernel patch no history reaches,
  // and a tools patch that did not land.
  const patches = [
    patch({ messageId: 'a1', postingId: 'a', index: 1, total: 2, title: 'cxl: one', patchId: 'p1' }),
    patch({ messageId: 'a2', postingId: 'a', index: 2, total: 2, title: 'cxl: two', patchId: 'p2' }),
    patch({ messageId: 'k', postingId: 'k', title: 'nvdimm: fix', files: ['drivers/nvdimm/bus.c'], patchId: 'pk' }),
    patch({ messageId: 't', postingId: 't', title: 'cxl: three', files: ['cxl/json.c'], patchId: 'pt' }),
  ];
  const covers = [{ messageId: 'a0', postingId: 'a' }];
  const out = linkRepositories(
    [
      { repo: 'tools', commits: [commit('c1', { patchId: 'p1', subject: 'cxl: one' })] },
      { repo: 'other', commits: [commit('o1', { files: ['README'], subject: 'readme', author: { name: 'Bob Other', email: 'bob@example.org' } })] },
    ],
    patches,
    covers,
  );

  it('links each history and says which repository each link is in', () => {
    expect(out.links.map((l) => [l.repo, l.commit, l.messageId, l.evidence])).toEqual([['tools', 'c1', 'a1', 'patch-id']]);
  });

  it('says whether each lineage a repository reaches landed, and nothing of the others', () => {
    expect(out.merges.map((m) => [m.family, m.state, m.landed, m.patches])).toEqual([
      ['a', 'partially-merged', 1, 2],
      ['t', 'not-merged', 0, 0],
    ]);
  });

  it('gives merged: values: yes/no for a patch, yes/partial/no for a cover letter, none out of reach', () => {
    expect(out.facet).toEqual([
      { key: 'a1', value: 'yes' },
      { key: 'a2', value: 'no' },
      { key: 't', value: 'no' },
      { key: 'a0', value: 'partial' },
    ]);
  });

  it('gives nothing without a repository', () => {
    expect(linkRepositories([], patches, covers)).toEqual({ links: [], unresolved: [], merges: [], facet: [] });
  });
});
