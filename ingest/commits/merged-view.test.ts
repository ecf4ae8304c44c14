import { describe, expect, it } from 'vitest';
import type { CommitLinkRow } from '../store/store-rows.ts';
import { commitUrl, isCommitUrlTemplate, mergedCommits, postingMerge, releaseOfAll } from './merged-view.ts';

const row = (commit: string, messageId: string, release: string | null, urlTemplate: string | null = null): CommitLinkRow => ({
  repo: 'ndctl',
  commit,
  messageId,
  postingId: 'p',
  family: 'p',
  evidence: 'patch-id',
  confidence: 0.99,
  match: { trailer: null, patchId: true, title: 1, author: 'email', dateDelta: 0, files: 1 },
  forms: [],
  subject: `cxl: ${commit}`,
  author: { name: 'Alice Hacker', email: 'alice@example.org' },
  authorDate: Date.UTC(2024, 0, 2),
  commitDate: Date.UTC(2024, 0, 3),
  release,
  urlTemplate,
});

describe('mergedCommits', () => {
  it('shows each commit with its author, date, evidence, release and web address, each (commit, patch) once', () => {
    const out = mergedCommits([row('c2', 'm2', 'v6.8', 'https://example.org/c/%H'), row('c2', 'm2', 'v6.8', 'https://example.org/c/%H'), row('c1', 'm1', null)]);
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({
      commit: 'c2',
      subject: 'cxl: c2',
      author: 'Alice Hacker <alice@example.org>',
      authorDate: '2024-01-02T00:00:00.000Z',
      evidence: 'patch-id',
      confidence: 0.99,
      release: 'v6.8',
      repo: 'ndctl',
      messageId: 'm2',
      forms: [],
      url: 'https://example.org/c/c2',
    });
    expect(out[1]!.url).toBeNull();
  });
});

describe('releaseOfAll', () => {
  it('is the latest first release of the commits, in version order', () => {
    expect(releaseOfAll([{ release: 'v6.8-rc1' }, { release: 'v6.8' }, { release: 'v6.7' }])).toBe('v6.8');
    expect(releaseOfAll([{ release: 'v80' }, { release: 'v9' }])).toBe('v80');
  });

  it('is null while a commit is in no release, or without commits', () => {
    expect(releaseOfAll([{ release: 'v81' }, { release: null }])).toBeNull();
    expect(releaseOfAll([])).toBeNull();
  });
});

describe('postingMerge', () => {
  it('counts the patches of a posting with a commit', () => {
    expect(postingMerge(['a', 'b', 'c'], [{ messageId: 'b' }, { messageId: 'b' }])).toEqual({ state: 'partially-merged', landed: 1, patches: 3 });
    expect(postingMerge(['a'], [{ messageId: 'a' }])).toEqual({ state: 'merged', landed: 1, patches: 1 });
    expect(postingMerge(['a'], [])).toEqual({ state: 'not-merged', landed: 0, patches: 1 });
  });
});

describe('commitUrl', () => {
  it('fills %H or {commit} with the hash', () => {
    expect(commitUrl('https://git.kernel.org/x.git/commit/?id={commit}', 'abc')).toBe('https://git.kernel.org/x.git/commit/?id=abc');
    expect(commitUrl('https://github.com/pmem/ndctl/commit/%H', 'abc')).toBe('https://github.com/pmem/ndctl/commit/abc');
    expect(isCommitUrlTemplate('https://github.com/pmem/ndctl/commit/')).toBe(false);
    expect(isCommitUrlTemplate('https://github.com/pmem/ndctl/commit/%H')).toBe(true);
  });
});
