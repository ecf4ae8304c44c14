// The history reader on a small repository built here with git: commit fields, files and
// patch-ids, first releases, incremental reads, and the errors a user can fix.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/mail-builder.ts';
import type { GitHistory } from '../types.ts';
import { GitRepositoryError, readGitHistory } from './read-git-history-fs.ts';

const noGit = (() => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'git is not installed';
  }
})();

describe.skipIf(noGit)(`readGitHistory${noGit ? ` (skipped: ${noGit})` : ''}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let repo: string;
  let t = Date.UTC(2024, 0, 1) / 1000;
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
  const commitFile = (file: string, content: string, message: string, author = 'Alice Hacker <Alice@Example.org>') => {
    writeFileSync(join(repo, file), content);
    git('add', file);
    t += 3600;
    execFileSync('git', ['-C', repo, 'commit', '-q', '--author', author, '-m', message], {
      env: { ...process.env, GIT_AUTHOR_DATE: `@${t - 600} +0000`, GIT_COMMITTER_DATE: `@${t} +0000`, GIT_COMMITTER_NAME: 'Bob', GIT_COMMITTER_EMAIL: 'bob@example.org' },
    });
    return git('rev-parse', 'HEAD');
  };

  let first: GitHistory;
  let hashes: Record<string, string>;

  beforeAll(async () => {
    tmp = tempDir();
    repo = join(tmp.dir, 'repo');
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    git('config', 'user.name', 'Committer');
    git('config', 'user.email', 'c@example.org');
    hashes = {};
    hashes.a = commitFile('a.c', 'int a;\n', 'a: add a\n\nBody of a.\n\nLink: https://lore.kernel.org/r/a@x');
    git('tag', 'v1');
    hashes.b = commitFile('b.c', 'int b;\n', 'b: add b');
    git('checkout', '-q', '-b', 'side', 'v1');
    hashes.side = commitFile('s.c', 'int s;\n', 'side: add s');
    git('checkout', '-q', 'main');
    t += 3600;
    execFileSync('git', ['-C', repo, 'merge', '-q', '--no-ff', '-m', 'Merge side', 'side'], { env: { ...process.env, GIT_AUTHOR_DATE: `@${t} +0000`, GIT_COMMITTER_DATE: `@${t} +0000` } });
    hashes.merge = git('rev-parse', 'HEAD');
    git('tag', '-a', '-m', 'release 2', 'v2');
    git('tag', 'snapshot-2024');
    first = await readGitHistory(repo);
  });
  afterAll(() => tmp?.cleanup());

  it('reads every commit of HEAD, newest first, with its fields and files', () => {
    expect(first.commits.map((c) => c.subject)).toEqual(['Merge side', 'side: add s', 'b: add b', 'a: add a']);
    const a = first.commits.find((c) => c.hash === hashes.a)!;
    expect(a).toMatchObject({
      parents: [],
      author: { name: 'Alice Hacker', email: 'alice@example.org' },
      committer: { name: 'Bob', email: 'bob@example.org' },
      authorDate: (Date.UTC(2024, 0, 1) / 1000 + 3600 - 600) * 1000,
      commitDate: (Date.UTC(2024, 0, 1) / 1000 + 3600) * 1000,
      message: 'a: add a\n\nBody of a.\n\nLink: https://lore.kernel.org/r/a@x\n',
      files: ['a.c'],
    });
    expect(first.commits.find((c) => c.hash === hashes.merge)).toMatchObject({ parents: [hashes.b, hashes.side], files: [], patchId: null });
  });

  it("gives each commit git's own patch-id", () => {
    for (const c of first.commits.filter((x) => x.parents.length < 2)) {
      const own = execFileSync('git', ['-C', repo, 'patch-id', '--stable'], { input: git('show', c.hash), encoding: 'utf8' }).split(' ')[0];
      expect(c.patchId, c.subject).toBe(own);
    }
  });

  it('assigns each commit its first release tag, releases only', () => {
    expect(first.tags.map((x) => x.name)).toEqual(['v1', 'v2']);
    expect(first.tags[1]!.commit).toBe(hashes.merge);
    const release = new Map(first.releases.map((r) => [r.commit, r.tag]));
    expect(Object.fromEntries(Object.entries(hashes).map(([k, h]) => [k, release.get(h)]))).toEqual({ a: 'v1', b: 'v2', side: 'v2', merge: 'v2' });
    expect(first.keptTags).toBe(0);
    expect(first.heads).toEqual({ HEAD: hashes.merge });
  });

  it('reads only what is new the next time, and assigns only the releases that changed', async () => {
    const known = { heads: first.heads, tags: first.tags };
    expect(await readGitHistory(repo, { known })).toMatchObject({ commits: [], keptTags: 2, releases: [] });
    const c = commitFile('c.c', 'int c;\n', 'c: add c');
    git('tag', 'v3');
    const next = await readGitHistory(repo, { known });
    expect(next.commits.map((x) => x.hash)).toEqual([c]);
    expect(next).toMatchObject({ keptTags: 2, releases: [{ commit: c, tag: 'v3' }] });
  });

  it('assigns an old release to commits first read through another ref, and redoes releases from a tag inserted before others', async () => {
    git('checkout', '-q', '-b', 'old', 'v1');
    const o = commitFile('o.c', 'int o;\n', 'o: add o');
    git('tag', 'v1.1');
    git('checkout', '-q', 'main');
    const main = await readGitHistory(repo, { refs: ['main'] });
    const both = await readGitHistory(repo, { refs: ['main', 'old'], known: { heads: main.heads, tags: main.tags } });
    expect(both.commits.map((x) => x.hash)).toEqual([o]);
    expect(both).toMatchObject({ keptTags: main.tags.length, releases: [{ commit: o, tag: 'v1.1' }] });
    // a tag sorting between v1.1 and v2: v1 and v1.1 keep theirs, the rest is redone
    git('checkout', '-q', 'old');
    const o2 = commitFile('o2.c', 'int o2;\n', 'o2: add o2');
    git('tag', 'v1.2');
    git('checkout', '-q', 'main');
    const again = await readGitHistory(repo, { refs: ['main', 'old'], known: { heads: both.heads, tags: both.tags } });
    expect(again.commits.map((x) => x.hash)).toEqual([o2]);
    expect(again.keptTags).toBe(2);
    expect(new Set(again.releases.map((r) => r.tag))).toEqual(new Set(['v1.2', 'v2', 'v3']));
    expect(again.releases).toContainEqual({ commit: o2, tag: 'v1.2' });
    expect(again.releases).toContainEqual({ commit: hashes.b, tag: 'v2' });
  });

  it('says when the path is not a repository or a ref does not exist', async () => {
    await expect(readGitHistory(tmp.dir)).rejects.toThrow(GitRepositoryError);
    await expect(readGitHistory(tmp.dir)).rejects.toThrow(/is not a git repository/);
    await expect(readGitHistory(repo, { refs: ['no-such-branch'] })).rejects.toThrow(/has no commit named no-such-branch/);
    await expect(readGitHistory(repo, { refs: ['--all'] })).rejects.toThrow(GitRepositoryError);
  });
});
