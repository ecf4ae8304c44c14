import { describe, expect, it } from 'vitest';
import type { CommitLink } from '../types.ts';
import { commitUrl, mergedView } from './merged-view.ts';

const link = (commit: string, messageId: string): CommitLink => ({
  commit,
  messageId,
  postingId: 'p',
  family: 'p',
  evidence: 'patch-id',
  confidence: 0.99,
  match: { trailer: null, patchId: true, title: 1, author: 'email', dateDelta: 0, files: 1 },
  forms: [],
});
const commits = new Map([
  ['c1', { subject: 'cxl: one', author: { name: 'Alice Hacker', email: 'alice@example.org' }, authorDate: Date.UTC(2024, 0, 1) }],
  ['c2', { subject: 'cxl: two', author: { name: 'Alice Hacker', email: 'alice@example.org' }, authorDate: Date.UTC(2024, 0, 2) }],
]);

describe('mergedView', () => {
  it('lists the commits with their first release, and the first release holding them all', () => {
    const v = mergedView([link('c2', 'm2'), link('c1', 'm1')], { state: 'merged', landedPosting: 'p' }, commits, new Map([['c1', 'v6.8-rc1'], ['c2', 'v6.8']]), 'https://example.org/c/%H');
    expect(v).toMatchObject({ state: 'merged', landedPosting: 'p', release: 'v6.8' });
    expect(v.commits[0]).toEqual({
      commit: 'c2',
      subject: 'cxl: two',
      author: 'Alice Hacker <alice@example.org>',
      authorDate: '2024-01-02T00:00:00.000Z',
      evidence: 'patch-id',
      confidence: 0.99,
      release: 'v6.8',
      messageId: 'm2',
      forms: [],
      url: 'https://example.org/c/c2',
    });
  });

  it('has no release while a commit is in none, and no URL without a template', () => {
    const v = mergedView([link('c1', 'm1'), link('c2', 'm2')], { state: 'partially-merged', landedPosting: 'p' }, commits, new Map([['c1', 'v81']]));
    expect(v.release).toBeNull();
    expect(v.commits.map((c) => c.url)).toEqual([null, null]);
    expect(mergedView([], { state: 'not-merged', landedPosting: null }, commits, new Map())).toEqual({ state: 'not-merged', landedPosting: null, release: null, commits: [] });
  });

  it('fills a URL template', () => {
    expect(commitUrl('https://git.kernel.org/x.git/commit/?id={commit}', 'abc')).toBe('https://git.kernel.org/x.git/commit/?id=abc');
  });
});
