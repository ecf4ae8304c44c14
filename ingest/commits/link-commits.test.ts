// The commit matcher on small hand-made histories: each kind of evidence, the choice of one
// posting per lineage, and the forms a patch lands in.
import { describe, expect, it } from 'vitest';
import type { GitCommit, PostedCover, PostedPatch } from '../types.ts';
import { CONFIDENCE, linkCommits, MAX_WAIT_MS } from './link-commits.ts';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2024, 0, 10, 12, 0, 0);
const ALICE = { name: 'Alice Hacker', email: 'alice@example.org' };
const BOB = { name: 'Bob Maintainer', email: 'bob@example.org' };

let n = 0;
function commit(c: Partial<GitCommit> = {}): GitCommit {
  n++;
  return {
    hash: `c${String(n).padStart(39, '0')}`,
    parents: ['p'.repeat(40)],
    tree: `t${n}`,
    author: ALICE,
    authorDate: T0,
    committer: BOB,
    commitDate: T0 + 5 * DAY,
    subject: 'cxl/list: add the widget',
    message: 'cxl/list: add the widget\n\nBody.\n\nSigned-off-by: Alice Hacker <alice@example.org>\n',
    files: ['cxl/list.c'],
    patchId: null,
    ...c,
  };
}

function patch(p: Partial<PostedPatch> & { messageId: string }): PostedPatch {
  return {
    postingId: p.messageId,
    family: p.postingId ?? p.messageId,
    version: 1,
    index: 1,
    total: 1,
    title: 'cxl/list: add the widget',
    author: ALICE,
    authorDate: T0,
    postedAt: p.authorDate ?? T0,
    patchId: null,
    files: ['cxl/list.c'],
    ...p,
  };
}

function link(commits: GitCommit[], patches: PostedPatch[], covers: PostedCover[] = []) {
  return linkCommits({ commits, patches, covers });
}

describe('linkCommits: trailers', () => {
  it('links by each Message-ID form of a Link: or Message-Id: trailer, with confidence 1', () => {
    const forms = [
      'Link: https://lore.kernel.org/r/one@x',
      'Link: https://lore.kernel.org/nvdimm/one@x/',
      'Link: https://lore.kernel.org/all/one@x/T/#u',
      'Link: https://patch.msgid.link/one@x',
      'Link: https://lkml.kernel.org/r/one@x',
      'Message-Id: <one@x>',
    ];
    for (const line of forms) {
      // another author, another date, another subject: the trailer alone decides
      const c = commit({ author: BOB, authorDate: T0 + 3 * DAY, subject: 'something else', message: `something else\n\n${line}\n` });
      const r = link([c], [patch({ messageId: 'one@x' })]);
      expect(r.links, line).toMatchObject([{ commit: c.hash, messageId: 'one@x', evidence: 'trailer', confidence: CONFIDENCE.trailer }]);
      expect(r.links[0]!.match.trailer).toBe(line);
    }
  });

  it('does not read Link: lines naming other things, and reports trailers naming no posted patch', () => {
    const c = commit({ message: 'x\n\nLink: https://github.com/pmem/ndctl/issues/217\nLink: https://lore.kernel.org/r/gone@x\n' });
    const r = link([c], [patch({ messageId: 'other@x', title: 'unrelated', authorDate: T0 - 400 * DAY, files: ['a.c'] })]);
    expect(r.links).toEqual([]);
    expect(r.unresolved).toEqual([{ commit: c.hash, messageId: 'gone@x', reason: 'not-posted' }]);
  });

  it('resolves a trailer naming a cover letter to the patch of its posting the commit matches', () => {
    const patches = [
      patch({ messageId: 'p1@x', postingId: 'cover@x', index: 1, total: 2, title: 'first', patchId: 'a'.repeat(40) }),
      patch({ messageId: 'p2@x', postingId: 'cover@x', index: 2, total: 2, title: 'second', patchId: 'b'.repeat(40) }),
    ];
    const covers = [{ messageId: 'cover@x', postingId: 'cover@x' }];
    const c = commit({ subject: 'second', patchId: 'b'.repeat(40), message: 'second\n\nLink: https://lore.kernel.org/r/cover@x\n' });
    expect(link([c], patches, covers).links).toMatchObject([{ messageId: 'p2@x', evidence: 'trailer', confidence: CONFIDENCE.trailerCover }]);
    const unmatched = commit({ subject: 'third thing', authorDate: T0 + DAY, message: 'third thing\n\nLink: https://lore.kernel.org/r/cover@x\n' });
    expect(link([unmatched], patches, covers)).toMatchObject({ links: [], unresolved: [{ messageId: 'cover@x', reason: 'cover-unmatched' }] });
  });

  it('links a commit whose trailers name two patches of one posting to both, as squashed', () => {
    const patches = [
      patch({ messageId: 'p1@x', postingId: 'cover@x', index: 1, total: 2 }),
      patch({ messageId: 'p2@x', postingId: 'cover@x', index: 2, total: 2, title: 'cxl/list: fix the widget' }),
    ];
    const c = commit({ message: 'cxl/list: add the widget\n\nLink: https://lore.kernel.org/r/p1@x\nLink: https://lore.kernel.org/r/p2@x\n' });
    const r = link([c], patches);
    expect(r.links.map((l) => [l.messageId, l.forms])).toEqual([
      ['p1@x', ['squashed']],
      ['p2@x', ['reworded', 'squashed']],
    ]);
  });

  it('also links the patch of a named posting whose patch-id the commit has, when the trailer names a sibling', () => {
    // every commit of the series got the first patch's Link
    const patches = [
      patch({ messageId: 'p1@x', postingId: 'c@x', index: 1, total: 2, title: 'first', patchId: 'a'.repeat(40) }),
      patch({ messageId: 'p2@x', postingId: 'c@x', index: 2, total: 2, title: 'second', patchId: 'b'.repeat(40) }),
    ];
    const c = commit({ subject: 'second', patchId: 'b'.repeat(40), message: 'second\n\nLink: https://lore.kernel.org/r/p1@x\n' });
    expect(link([c], patches).links.map((l) => [l.messageId, l.evidence, l.forms])).toEqual([
      ['p1@x', 'trailer', ['reworded', 'edited']],
      ['p2@x', 'patch-id', []],
    ]);
  });
});

describe('linkCommits: patch-id', () => {
  const PID = 'f'.repeat(40);

  it('links to the latest revision posted before the commit that carries the same change', () => {
    const patches = [
      patch({ messageId: 'v1@x', postingId: 'v1@x', family: 'v1@x', version: 1, patchId: PID, authorDate: T0 - 30 * DAY }),
      patch({ messageId: 'v2@x', postingId: 'v2@x', family: 'v1@x', version: 2, patchId: PID, authorDate: T0 - 10 * DAY }),
      // posted after the commit: a resend, not its source
      patch({ messageId: 'v3@x', postingId: 'v3@x', family: 'v1@x', version: 3, patchId: PID, authorDate: T0 + 20 * DAY }),
    ];
    const c = commit({ authorDate: T0 - 60 * DAY, patchId: PID });
    expect(link([c], patches).links).toMatchObject([{ messageId: 'v2@x', evidence: 'patch-id', confidence: CONFIDENCE.patchId, forms: [] }]);
  });

  it('prefers the revision whose mail git am applied (the author date is its date)', () => {
    const patches = [
      patch({ messageId: 'v1@x', postingId: 'v1@x', family: 'v1@x', patchId: PID, authorDate: T0 - 30 * DAY }),
      patch({ messageId: 'v2@x', postingId: 'v2@x', family: 'v1@x', version: 2, patchId: PID, authorDate: T0 - 10 * DAY }),
    ];
    const c = commit({ authorDate: T0 - 30 * DAY, patchId: PID });
    expect(link([c], patches).links.map((l) => l.messageId)).toEqual(['v1@x']);
  });

  it('links the same change posted in two lineages to both, unless one is the mail applied', () => {
    const patches = [
      patch({ messageId: 'a@x', postingId: 'a@x', family: 'a@x', patchId: PID, authorDate: T0 - 30 * DAY }),
      patch({ messageId: 'b@x', postingId: 'b@x', family: 'b@x', patchId: PID, authorDate: T0 - 20 * DAY }),
    ];
    expect(link([commit({ authorDate: T0 - 40 * DAY, patchId: PID })], patches).links.map((l) => l.messageId)).toEqual(['a@x', 'b@x']);
    expect(link([commit({ authorDate: T0 - 20 * DAY, patchId: PID })], patches).links.map((l) => l.messageId)).toEqual(['b@x']);
  });

  it('gives an identical change by another author a lower confidence, and merges no links', () => {
    const p = patch({ messageId: 'a@x', patchId: PID, author: BOB });
    expect(link([commit({ patchId: PID })], [p]).links).toMatchObject([{ confidence: CONFIDENCE.patchIdOtherAuthor }]);
    expect(link([commit({ patchId: PID, parents: ['1'.repeat(40), '2'.repeat(40)] })], [p]).links).toEqual([]);
  });
});

describe('linkCommits: subject, author and date', () => {
  it('links by author and the date git am copied from the mail, whatever the maintainer changed', () => {
    const p = patch({ messageId: 'a@x', title: 'ndctl: cxl: add widget support', patchId: 'a'.repeat(40) });
    const c = commit({ subject: 'cxl/list: add the widget', patchId: 'b'.repeat(40) });
    expect(link([c], [p]).links).toMatchObject([
      { evidence: 'subject', confidence: CONFIDENCE.exactDate, forms: ['reworded', 'edited'], match: { dateDelta: 0, author: 'email', patchId: false, files: 1 } },
    ]);
  });

  it('links one mail to each commit it became (a mail holding several patches)', () => {
    const p = patch({ messageId: 'a@x', title: 'three fixes', files: ['a.c'] });
    const c1 = commit({ subject: 'fix one', files: ['b.c'] });
    const c2 = commit({ subject: 'fix two', files: ['c.c'] });
    const r = link([c1, c2], [p]);
    expect(r.links).toMatchObject([
      { commit: c1.hash, confidence: CONFIDENCE.exactDateOnly, forms: ['reworded', 'split'] },
      { commit: c2.hash, confidence: CONFIDENCE.exactDateOnly, forms: ['reworded', 'split'] },
    ]);
  });

  it('links the same subject by the same author (by address or by name) within the window', () => {
    const p = patch({ messageId: 'a@x', authorDate: T0 - 100 * DAY });
    expect(link([commit()], [p]).links).toMatchObject([{ evidence: 'subject', confidence: CONFIDENCE.sameTitle, forms: [] }]);
    const renamed = commit({ author: { name: 'alice  hacker', email: 'alice@corp.example' } });
    expect(link([renamed], [p]).links).toMatchObject([{ match: { author: 'name' } }]);
  });

  it('does not link by subject another author, a patch posted after the commit, or one older than the window', () => {
    expect(link([commit({ author: BOB })], [patch({ messageId: 'a@x', authorDate: T0 - DAY })]).links).toEqual([]);
    expect(link([commit()], [patch({ messageId: 'a@x', authorDate: T0 + 30 * DAY })]).links).toEqual([]);
    const c = commit({ authorDate: T0 + MAX_WAIT_MS, commitDate: T0 + MAX_WAIT_MS + 5 * DAY });
    expect(link([c], [patch({ messageId: 'a@x', authorDate: T0 - DAY })]).links).toEqual([]);
  });

  it('links a reworded subject only over the same files', () => {
    const p = patch({ messageId: 'a@x', title: 'cxl/list: add a widget option', authorDate: T0 - 40 * DAY });
    const r = link([commit({ subject: 'cxl/list: add widget option' })], [p]);
    expect(r.links).toHaveLength(1);
    expect(r.links[0]!.confidence).toBeGreaterThan(CONFIDENCE.reworded);
    expect(r.links[0]!.confidence).toBeLessThan(CONFIDENCE.sameTitle);
    expect(link([commit({ subject: 'cxl/list: add widget option', files: ['other.c'] })], [p]).links).toEqual([]);
  });

  it('takes the latest revision before the commit among equal subjects, and no revision of a patch that landed as another commit', () => {
    const patches = [
      patch({ messageId: 'v1@x', postingId: 'v1@x', family: 'f', authorDate: T0 - 60 * DAY }),
      patch({ messageId: 'v2@x', postingId: 'v2@x', family: 'f', version: 2, authorDate: T0 - 30 * DAY }),
    ];
    expect(link([commit()], patches).links.map((l) => l.messageId)).toEqual(['v2@x']);
    // v2 landed by patch-id as another commit: a second commit of that subject is a follow-up,
    // not v1
    const landed = commit({ patchId: 'e'.repeat(40), authorDate: T0 - 30 * DAY });
    const followUp = commit({ authorDate: T0 + 100 * DAY, commitDate: T0 + 101 * DAY });
    patches[1]!.patchId = 'e'.repeat(40);
    expect(link([followUp, landed], patches).links.map((l) => [l.commit, l.messageId])).toEqual([[landed.hash, 'v2@x']]);
  });

  it('finds a patch squashed into a commit whose message names it and holds its files', () => {
    const patches = [
      patch({ messageId: 'p1@x', postingId: 'c@x', index: 1, total: 2, patchId: 'a'.repeat(40) }),
      patch({ messageId: 'p2@x', postingId: 'c@x', index: 2, total: 2, title: 'cxl/list: document the widget', files: ['Documentation/cxl-list.txt'], authorDate: T0 + 1000 }),
    ];
    const c = commit({
      patchId: 'b'.repeat(40),
      files: ['cxl/list.c', 'Documentation/cxl-list.txt'],
      message: 'cxl/list: add the widget\n\nSquashed in: cxl/list: document the widget\n',
    });
    expect(link([c], patches).links).toMatchObject([
      { messageId: 'p1@x', evidence: 'subject', forms: ['edited', 'squashed'] },
      { messageId: 'p2@x', evidence: 'subject', confidence: CONFIDENCE.squashed, forms: ['reworded', 'squashed'] },
    ]);
  });
});
