// `patchlore commits` and `patchlore merged` on the small lineage of series-mail.ts and a
// repository that took in its v2 (series-repo-fs.ts): the documented JSON shapes, a second read
// that reads only what is new, what landed and in which release, the merged: prefix, the series'
// JSON, and the git history surviving reindex.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mbox, tempDir } from '../test-support/mail-builder.ts';
import { cli } from '../test-support/run-cli.ts';
import { SERIES_IDS as I, seriesMail } from '../test-support/series-mail.ts';
import { gitMissing, seriesRepository, type SeriesRepository } from '../test-support/series-repo-fs.ts';

const noGit = gitMissing();
const URL = 'https://git.example.org/dax.git/commit/?id=%H';

describe.skipIf(noGit)(`patchlore commits and merged${noGit ? ` (skipped: ${noGit})` : ''}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  let repo: SeriesRepository;
  beforeAll(async () => {
    tmp = tempDir();
    db = join(tmp.dir, 'db.sqlite');
    expect((await cli('import', '--db', db, tmp.file('series.mbox', mbox(seriesMail())))).code).toBe(0);
    repo = seriesRepository(tmp.dir);
  });
  afterAll(() => tmp?.cleanup());

  it('reads a history up to a ref, links its commits, and says what landed', async () => {
    const r = await cli('commits', '--db', db, '--json', repo.path, '--ref', repo.first, '--name', 'dax', '--url', URL);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({ repo: 'dax', commits: 2, read: 2, incremental: false, linked: 1, links: 1, byEvidence: { trailer: 1 }, urlTemplate: URL });
    expect(s.lineages).toEqual({ merged: 0, partiallyMerged: 1, notMerged: 0 });
    // Releases are those of every tag, whatever refs were read: v2 holds the first commit.
    const m = JSON.parse((await cli('merged', '--db', db, '--json', I.v2Cover)).out);
    expect(m).toMatchObject({ kind: 'lineage', state: 'partially-merged', landedPosting: I.v2Cover, landedRevision: 'v2', release: 'v2', posting: { state: 'partially-merged', landed: 1, patches: 2 } });
  });

  it('reads only the new commits the second time, and says so', async () => {
    const r = await cli('commits', '--db', db, '--json', repo.path, '--name', 'dax', '--ref', 'main');
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({ commits: 3, read: 1, incremental: true, linked: 2, byEvidence: { trailer: 1, 'patch-id': 1 }, urlTemplate: URL, released: 3, tags: 2 });
    expect(s.lineages).toEqual({ merged: 1, partiallyMerged: 0, notMerged: 0 });
    const again = await cli('commits', '--db', db, 'dax');
    expect(again.code).toBe(0);
    expect(again.out).toContain('dax (' + repo.path + ', main): 3 commits, nothing new since the last read');
  });

  it('answers merged for a patch, a cover letter and an earlier revision, in the documented shape', async () => {
    const patch = JSON.parse((await cli('merged', '--db', db, '--json', `<${I.v22}>`)).out);
    expect(patch).toMatchObject({ kind: 'patch', state: 'merged', release: 'v2', landedRevision: 'v2' });
    expect(patch.commits).toEqual([
      {
        commit: repo.second,
        subject: 'fs/dax: drop devmap',
        author: 'Patch Author <author@example.com>',
        authorDate: '2024-05-06T10:00:02.000Z',
        evidence: 'patch-id',
        confidence: 0.99,
        release: 'v2',
        repo: 'dax',
        messageId: I.v22,
        forms: [],
        url: `https://git.example.org/dax.git/commit/?id=${repo.second}`,
      },
    ]);
    const lineage = JSON.parse((await cli('merged', '--db', db, '--json', I.rfcCover)).out);
    expect(lineage).toMatchObject({ kind: 'lineage', state: 'merged', landedPosting: I.v2Cover, release: 'v2', posting: { state: 'not-merged', landed: 0, patches: 2 } });
    expect(lineage.commits.map((c: { commit: string }) => c.commit)).toEqual([repo.second, repo.first]);
    // The RFC's patch did not land itself: the same patch of v2 did.
    const rfc = JSON.parse((await cli('merged', '--db', db, '--json', I.rfc1)).out);
    expect(rfc).toMatchObject({ kind: 'patch', state: 'merged' });
    expect(rfc.commits.map((c: { messageId: string; evidence: string }) => [c.messageId, c.evidence])).toEqual([[I.v21, 'trailer']]);
    const text = (await cli('merged', '--db', db, I.v21)).out;
    expect(text).toContain(`<${I.v21}> (patch): merged, v2 landed, all in v2`);
    expect(text).toContain(`${repo.first.slice(0, 12)} mm/dax: count pages`);
    expect(text).toContain(`https://git.example.org/dax.git/commit/?id=${repo.first}`);
  });

  it('says nothing merged or not of a patch no repository reaches', async () => {
    const other = JSON.parse((await cli('merged', '--db', db, '--json', I.other)).out);
    expect(other).toMatchObject({ kind: 'patch', state: null, commits: [] });
    expect((await cli('merged', '--db', db, I.other)).out).toContain('no repository read reaches this patch');
  });

  it('gives series --json the commits of each patch and whether each revision landed', async () => {
    const s = JSON.parse((await cli('series', '--db', db, '--json', I.v2Cover)).out);
    const [rfc, v2] = s.revisions;
    expect(rfc.merge).toEqual({ state: 'not-merged', landed: 0, patches: 2 });
    expect(v2.merge).toEqual({ state: 'merged', landed: 2, patches: 2 });
    expect(v2.patches.map((p: { commits: Array<{ commit: string }> }) => p.commits.map((c) => c.commit))).toEqual([[repo.first], [repo.second]]);
    expect(s.status).toMatchObject({ state: 'merged', merged: { state: 'merged', landedPosting: I.v2Cover, landedPostings: [I.v2Cover], release: 'v2' } });
    expect((await cli('series', '--db', db, I.v2Cover)).out).toContain('state: merged');
  });

  it('finds patches and cover letters by merged:', async () => {
    const keys = async (q: string) => (JSON.parse((await cli('search', '--db', db, '--json', '--limit', '50', q)).out).hits as Array<{ messageId: string }>).map((h) => h.messageId).sort();
    expect(await keys('merged:yes')).toEqual([I.rfcCover, I.rfc1, I.rfc2, I.v2Cover, I.v21, I.v22].sort());
    // The other author's patch is in no file of the repository: neither yes nor no.
    expect(await keys('merged:no')).toEqual([]);
  });

  it('keeps the histories through reindex and links them again', async () => {
    expect((await cli('reindex', '--db', db)).code).toBe(0);
    expect(JSON.parse((await cli('merged', '--db', db, '--json', I.v22)).out)).toMatchObject({ state: 'merged', release: 'v2' });
    const s = JSON.parse((await cli('commits', '--db', db, '--json', 'dax')).out);
    expect(s).toMatchObject({ commits: 3, read: 0, linked: 2 });
  });

  it('tells the user what to fix', async () => {
    const notRepo = await cli('commits', '--db', db, tmp.dir);
    expect(notRepo.code).toBe(1);
    expect(notRepo.err).toContain('is not a git repository');
    const badRef = await cli('commits', '--db', db, repo.path, '--ref', 'no-such-branch');
    expect(badRef.code).toBe(1);
    expect(badRef.err).toContain('has no commit named no-such-branch');
    const badUrl = await cli('commits', '--db', db, repo.path, '--url', 'https://example.org/commit/');
    expect(badUrl.code).toBe(2);
    expect(badUrl.err).toContain('--url must say where the hash goes with %H');
    const notSeries = await cli('merged', '--db', db, 'nobody@example.org');
    expect(notSeries.code).toBe(1);
  });
});
