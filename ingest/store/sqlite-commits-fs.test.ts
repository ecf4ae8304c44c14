// The commit tables of the SQLite store: reads appended in history order, release assignments
// replaced from the first tag that changed, the repository's row replaced, links joined with
// their commits, counts by strongest evidence, and a store of an earlier version read as one
// without repositories.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, tempStore } from '../test-support/mail-builder.ts';
import type { GitCommit } from '../types.ts';
import { openStore, sqlOf } from './sqlite-store-fs.ts';
import type { CommitLinkRecord, RepositoryRow, Store } from './store-port.ts';

const commit = (hash: string, subject = `subject ${hash}`): GitCommit => ({
  hash: hash.padEnd(40, '0'),
  parents: [],
  tree: 't'.padEnd(40, '0'),
  author: { name: 'Alice Hacker', email: 'alice@example.org' },
  authorDate: Date.UTC(2024, 0, 1),
  committer: { name: 'Max', email: 'max@example.org' },
  commitDate: Date.UTC(2024, 0, 2),
  subject,
  message: `${subject}\n`,
  files: ['a.c'],
  patchId: null,
});
const h = (s: string) => s.padEnd(40, '0');
const repo = (over: Partial<RepositoryRow> = {}): RepositoryRow => ({ name: 'r', path: '/src/r', urlTemplate: null, refs: ['HEAD'], heads: {}, tags: [], readAt: 1, ...over });
const link = (c: string, messageId: string, evidence: CommitLinkRecord['evidence']): CommitLinkRecord => ({
  repo: 'r',
  commit: h(c),
  messageId,
  postingId: 'p',
  family: 'f',
  evidence,
  confidence: 0.9,
  match: { trailer: null, patchId: null, title: 1, author: 'email', dateDelta: 0, files: 1 },
  forms: ['reworded'],
});

describe('SqliteCommits', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  beforeEach(() => {
    tmp = tempDir();
    store = tempStore(tmp.dir);
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  it('keeps commits in history order across reads, newest first', () => {
    store.transaction(() => store.commits.addRead({ repo: repo(), commits: [commit('b'), commit('a')], keptTags: [], releases: [] }));
    store.transaction(() => store.commits.addRead({ repo: repo({ urlTemplate: 'https://x/%H', readAt: 2 }), commits: [commit('d'), commit('c'), commit('a')], keptTags: [], releases: [] }));
    expect(store.commits.commits('r').map((c) => c.hash[0])).toEqual(['d', 'c', 'b', 'a']);
    expect(store.commits.commits('r')[0]).toEqual(commit('d'));
    expect(store.commits.repository('r')).toEqual(repo({ urlTemplate: 'https://x/%H', readAt: 2 }));
    expect(store.commits.repositories().map((x) => x.name)).toEqual(['r']);
    expect(store.commits.commits('other')).toEqual([]);
  });

  it('keeps the release assignments of kept tags and replaces the others', () => {
    store.transaction(() =>
      store.commits.addRead({
        repo: repo(),
        commits: [commit('b'), commit('a')],
        keptTags: [],
        releases: [
          { commit: h('a'), tag: 'v1' },
          { commit: h('b'), tag: 'v2' },
        ],
      }),
    );
    // v2 moved: its assignments go, the new ones come.
    store.transaction(() => store.commits.addRead({ repo: repo(), commits: [commit('c')], keptTags: ['v1'], releases: [{ commit: h('c'), tag: 'v2' }] }));
    store.transaction(() =>
      store.commits.replaceLinks({ links: [link('a', 'm1', 'patch-id'), link('b', 'm2', 'subject'), link('c', 'm3', 'trailer')], unresolved: [], merges: [] }),
    );
    expect(store.commits.linksOfPatches(['m1', 'm2', 'm3']).map((l) => [l.commit[0], l.release])).toEqual([
      ['c', 'v2'],
      ['b', null],
      ['a', 'v1'],
    ]);
    expect(store.commits.counts('r')).toMatchObject({ commits: 3, released: 2 });
  });

  it('gives links with their commits, counts linked commits by their strongest evidence, and replaces them whole', () => {
    store.transaction(() => store.commits.addRead({ repo: repo({ urlTemplate: 'https://x/%H' }), commits: [commit('b', 'second'), commit('a', 'first')], keptTags: [], releases: [] }));
    store.transaction(() =>
      store.commits.replaceLinks({
        links: [link('a', 'm1', 'subject'), link('a', 'm2', 'trailer'), link('b', 'm3', 'patch-id')],
        unresolved: [{ repo: 'r', commit: h('b'), messageId: 'gone@x', reason: 'not-posted' }],
        merges: [{ family: 'f', state: 'partially-merged', landed: 1, patches: 2, landedPosting: 'p', landedPostings: ['p'] }],
      }),
    );
    const rows = store.commits.linksOfFamily('f');
    expect(rows.map((r) => [r.commit[0], r.messageId])).toEqual([
      ['b', 'm3'],
      ['a', 'm1'],
      ['a', 'm2'],
    ]);
    expect(rows[1]).toMatchObject({ subject: 'first', author: { name: 'Alice Hacker', email: 'alice@example.org' }, urlTemplate: 'https://x/%H', forms: ['reworded'], match: { title: 1 } });
    expect(store.commits.counts('r')).toEqual({ commits: 2, released: 0, linked: 2, links: 3, byEvidence: { trailer: 1, 'patch-id': 1 }, unresolved: 1 });
    expect(store.commits.lineageMerge('f')).toEqual({ family: 'f', state: 'partially-merged', landed: 1, patches: 2, landedPosting: 'p', landedPostings: ['p'] });
    expect(store.commits.mergeCounts()).toEqual({ merged: 0, 'partially-merged': 1, 'not-merged': 0 });
    expect(store.commits.unresolved('r')).toEqual([{ repo: 'r', commit: h('b'), messageId: 'gone@x', reason: 'not-posted' }]);
    store.transaction(() => store.commits.replaceLinks({ links: [], unresolved: [], merges: [] }));
    expect(store.commits.linksOfPatches(['m1', 'm2', 'm3'])).toEqual([]);
    expect(store.commits.lineageMerge('f')).toBeNull();
  });

  it('reads a store written before the commit tables as one without repositories', () => {
    const path = store.path;
    store.close();
    const old = openStore(path);
    for (const t of ['git_repos', 'git_commits', 'git_releases', 'commit_links', 'commit_unresolved', 'lineage_merges']) sqlOf(old).exec(`DROP TABLE ${t}`);
    old.close();
    store = openStore(path, { readonly: true });
    expect(store.commits.repositories()).toEqual([]);
    expect(store.commits.linksOfPatches(['m'])).toEqual([]);
    expect(store.commits.lineageMerge('f')).toBeNull();
    expect(store.commits.counts('r')).toMatchObject({ commits: 0, linked: 0 });
  });
});
