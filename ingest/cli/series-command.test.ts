// `patchlore series` on a small lineage: the documented JSON shape, every posting answering with
// the same family, trailers from the patch, replies and the cover letter, and the text output.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mail, mbox, tempDir } from '../test-support/mail-builder.ts';
import { patch, SERIES_IDS as I, SERIES_LIST, seriesMail } from '../test-support/series-mail.ts';
import { cli } from '../test-support/run-cli.ts';

describe('patchlore series', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeAll(async () => {
    tmp = tempDir();
    db = join(tmp.dir, 'db.sqlite');
    expect((await cli('import', '--db', db, tmp.file('series.mbox', mbox(seriesMail())))).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('answers with the whole lineage in the documented shape, from any posting or reply', async () => {
    const r = await cli('series', '--db', db, '--json', `<${I.review}>`);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.family).toBe(I.rfcCover);
    expect(s.revisions.map((x: any) => [x.version, x.rfc, x.resend, x.coverId])).toEqual([
      [1, true, false, I.rfcCover],
      [2, false, false, I.v2Cover],
    ]);
    const v2 = s.revisions[1];
    expect(v2.link).toEqual({ from: I.rfcCover, source: expect.any(String), confidence: expect.any(Number) });
    expect(v2.patches.map((p: any) => [p.messageId, p.index, p.total, p.subject, p.replies])).toEqual([
      [I.v21, 1, 2, '[PATCH v2 1/2] mm/dax: count pages', 1],
      [I.v22, 2, 2, '[PATCH v2 2/2] fs/dax: drop devmap', 1],
    ]);
    expect(v2.coverReplies).toBe(1);
    expect(v2.patches[0].trailers).toEqual([
      { name: 'Signed-off-by', person: 'Patch Author', email: 'author@example.com', value: 'Patch Author <author@example.com>', source: 'patch', messageId: I.v21 },
      { name: 'Reviewed-by', person: 'Rita Reviewer', email: 'rita@example.com', value: 'Rita Reviewer <rita@example.com>', source: 'reply', messageId: I.review },
      { name: 'Acked-by', person: 'Max Maintainer', email: 'max@example.com', value: 'Max Maintainer <max@example.com>', source: 'cover', messageId: I.coverAck },
    ]);
    // The trailer given by someone it does not name is a mismatch, not a review.
    expect(v2.patches[1].trailers.map((t: any) => t.name)).toEqual(['Signed-off-by', 'Acked-by']);
    expect(v2.mismatches).toEqual([{ messageId: I.mismatch, name: 'Reviewed-by', value: 'Somebody Else <else@example.com>', sender: 'Max Maintainer <max@example.com>' }]);
    // What changed: patch 1's diff changed, patch 2 is the same.
    expect(v2.changes.map((c: any) => [c.title, c.status])).toEqual([
      ['mm/dax: count pages', 'changed'],
      ['fs/dax: drop devmap', 'unchanged'],
    ]);
    expect(v2.changelog).toContain('count pages with refcount_inc_not_zero');
    for (const mid of [I.rfcCover, I.rfc2, I.v22, I.coverAck]) {
      expect(JSON.parse((await cli('series', '--db', db, '--json', mid)).out).family).toBe(I.rfcCover);
    }
  });

  it('keeps the unrelated patch of another author apart, with its NAK', async () => {
    const s = JSON.parse((await cli('series', '--db', db, '--json', I.nak)).out);
    expect(s.family).toBe(I.other);
    expect(s.revisions).toHaveLength(1);
    expect(s.revisions[0].patches[0].trailers.map((t: any) => [t.name, t.person, t.source])).toContainEqual(['Nacked-by', 'Max Maintainer', 'reply']);
  });

  it('applies manual splits and pins from the links file the next time the store is opened', async () => {
    const links = join(tmp.dir, 'series-links.json');
    process.env.PATCHLORE_SERIES_LINKS = links;
    try {
      tmp.file('series-links.json', JSON.stringify({ split: [{ from: `<${I.rfcCover}>`, to: I.v2Cover, why: 'test' }] }));
      const split = JSON.parse((await cli('series', '--db', db, '--json', I.v21)).out);
      expect(split.family).toBe(I.v2Cover);
      expect(split.revisions).toHaveLength(1);
      // A pin joins postings no evidence links (here: different authors).
      tmp.file('series-links.json', JSON.stringify({ pin: [{ from: I.v2Cover, to: I.other }], split: [] }));
      const pinned = JSON.parse((await cli('series', '--db', db, '--json', I.other)).out);
      expect(pinned.revisions.map((r: any) => r.postingId)).toEqual([I.rfcCover, I.v2Cover, I.other]);
      expect(pinned.revisions[2].link).toMatchObject({ from: I.v2Cover, source: 'manual' });
      // A broken file is reported, names itself, and leaves automatic linking in place.
      tmp.file('series-links.json', '{"pin": [');
      const broken = await cli('series', '--db', db, '--json', I.other);
      expect(broken.code).toBe(0);
      expect(broken.err).toContain(`${links}: not valid JSON`);
      expect(JSON.parse(broken.out).family).toBe(I.other);
    } finally {
      delete process.env.PATCHLORE_SERIES_LINKS;
      tmp.file('series-links.json', '{}');
    }
  });

  it('prints the lineage as text, and says clearly when a message is in no series', async () => {
    const r = await cli('series', '--db', db, I.v21);
    expect(r.code).toBe(0);
    expect(r.out).toContain('RFC v1');
    expect(r.out).toMatch(/v2 +\[PATCH v2 0\/2\] mm\/dax: fix refcounts/);
    expect(r.out).toContain('Reviewed-by: Rita Reviewer');
    // What changed against the previous revision, the changelog, and review trailers only.
    expect(r.out).toContain('against RFC v1?: 1 changed, 1 unchanged');
    expect(r.out).toMatch(/1\/2 mm\/dax: count pages +\[changed\]/);
    expect(r.out).toContain('  changelog:\n');
    expect(r.out).toContain('count pages with refcount_inc_not_zero');
    expect(r.out).not.toMatch(/^ +(Link|Cc|Signed-off-by):/m);
    // With --interdiff, what changed inside the changed patch, as a range-diff.
    const withDiff = await cli('series', '--db', db, '--interdiff', I.v21);
    expect(withDiff.out).toContain('       | -+\trefcount_inc(&page->ref);\n       | ++\trefcount_inc_not_zero(&page->ref);');
    const json = JSON.parse((await cli('series', '--db', db, '--json', I.v21)).out);
    const changed = json.revisions[1].changes.find((c: { status: string }) => c.status === 'changed');
    expect(changed.interdiff).toContain('++\trefcount_inc_not_zero(&page->ref);');
    const missing = await cli('series', '--db', db, 'nowhere@example.com');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('<nowhere@example.com> is not part of a patch series');
    expect((await cli('series', '--db', db)).code).toBe(2);
  });

  it("says what a message of a revision's thread is when its subject does not: a patch sent again", async () => {
    const db2 = join(tmp.dir, 'resent.sqlite');
    const again = mail({
      listId: SERIES_LIST,
      id: 'v2-2-again@example.com',
      from: 'Patch Author <author@example.com>',
      date: 'Mon, 6 May 2024 10:30:00 +0000',
      inReplyTo: I.v21,
      references: [I.v2Cover, I.v21],
      subject: '[PATCH v2 2/2] fs/dax: drop devmap',
      body: patch('fs/dax.c', 'pte_devmap_drop(pte);'),
    });
    expect((await cli('import', '--db', db2, tmp.file('resent.mbox', mbox([...seriesMail(), again])))).code).toBe(0);
    const json = JSON.parse((await cli('series', '--db', db2, '--json', I.v21)).out);
    const v2 = json.revisions.find((r: { version: number }) => r.version === 2);
    expect(v2.patches.map((p: { messageId: string }) => p.messageId)).toEqual([I.v21, I.v22]);
    expect(v2.inThread).toEqual([{ messageId: 'v2-2-again@example.com', kind: 'resent', text: `patch 2/2 of v2, sent again: the series takes <${I.v22}>` }]);
    expect(json.revisions[0].inThread).toEqual([]);
    // The series takes the re-sent patch as a posting of its own: one patch of v2 re-posted, which
    // drops nothing and says what it is.
    const reposted = json.revisions.find((r: { patches: Array<{ messageId: string }> }) => r.patches.some((p) => p.messageId === 'v2-2-again@example.com'));
    expect(reposted.fragment).toBe(true);
    expect(reposted.changes.map((c: { status: string }) => c.status)).toEqual(['unchanged']);
    expect(reposted.inThread).toEqual(v2.inThread);
    const text = (await cli('series', '--db', db2, I.v21)).out;
    expect(text).toContain(`  in its thread: patch 2/2 of v2, sent again: the series takes <${I.v22}> <v2-2-again@example.com>`);
    // The store without the re-send says nothing of the kind.
    expect((await cli('series', '--db', db, I.v21)).out).not.toContain('in its thread:');
  });
});
