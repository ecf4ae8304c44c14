// A stored patch as git am would make it a commit.
import { describe, expect, it } from 'vitest';
import type { PostedPatchRow } from '../store/store-rows.ts';
import { inBodyHeaders, postedPatch } from './posted-patch.ts';

const DIFF = `---
 a.c | 2 +-
 1 file changed, 1 insertion(+), 1 deletion(-)

diff --git a/a.c b/a.c
--- a/a.c
+++ b/a.c
@@ -1 +1 @@
-a
+b
`;

const row = (bodyHead: string): PostedPatchRow => ({
  key: 'm@x',
  posting: 'm@x',
  family: 'm@x',
  version: 2,
  index: 1,
  total: 1,
  title: 'a: change a',
  from: { name: 'Sender Person', email: 'Sender@Example.ORG' },
  date: Date.UTC(2024, 0, 1),
  bodyHead,
  diff: { files: [{ path: 'a.c', oldPath: null, status: 'modified', insertions: 1, deletions: 1, binary: false }, { path: 'b.c', oldPath: 'a.h', status: 'renamed', insertions: 0, deletions: 0, binary: false }], insertions: 1, deletions: 1, hunks: [], fingerprint: null, patchId: 'f'.repeat(40) },
});
const source = (body: string) => postedPatch(row(body), 'f'.repeat(40));

describe('postedPatch', () => {
  it('takes the sender, the mail date and the title when the body has no in-body headers', () => {
    const p = source(`Change a.\n\nSigned-off-by: S <s@x>\n${DIFF}`);
    expect(p).toMatchObject({ title: 'a: change a', author: { name: 'Sender Person', email: 'sender@example.org' }, authorDate: Date.UTC(2024, 0, 1), postedAt: Date.UTC(2024, 0, 1), files: ['a.c', 'a.h', 'b.c'] });
    expect(p.patchId).toBe('f'.repeat(40));
  });

  it('takes author, date and subject from in-body headers, as git am does', () => {
    const p = source(`From: Real Author <real@example.org>\nDate: Tue, 2 Jan 2024 10:00:00 +0000\nSubject: [PATCH] a: the real title\n\nChange a.\n${DIFF}`);
    expect(p).toMatchObject({ title: 'a: the real title', author: { name: 'Real Author', email: 'real@example.org' }, authorDate: Date.UTC(2024, 0, 2, 10), postedAt: Date.UTC(2024, 0, 1) });
  });

  it('reads in-body headers only at the top', () => {
    expect(inBodyHeaders('Hello.\nFrom: Someone <s@x>\n')).toEqual({ from: null, subject: null, date: null });
  });
});
