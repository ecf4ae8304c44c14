import { describe, expect, it } from 'vitest';
import { hasDiff, hasDiffstat, parseDiff } from './parse-diff.ts';
import { patchId } from './patch-id.ts';

const patch = (body: string, ctx = ' context line\n') => `Fix it.

Signed-off-by: A <a@b>
---
 fs/dax.c | 3 ++-
 1 file changed, 2 insertions(+), 1 deletion(-)

diff --git a/fs/dax.c b/fs/dax.c
index 1234567..89abcde 100644
--- a/fs/dax.c
+++ b/fs/dax.c
@@ -10,3 +10,4 @@ static void dax_wake_entry(struct xa_state *xas)
${ctx}-	old_line();
+	new_line();
${body}${ctx}--${' '}
2.45.0
`;

describe('parseDiff', () => {
  it('counts files, insertions, deletions and hunk function context', () => {
    const d = parseDiff(patch('+\tanother();\n'));
    expect(d.files).toEqual([{ path: 'fs/dax.c', oldPath: null, status: 'modified', insertions: 2, deletions: 1, binary: false }]);
    expect(d.hunks).toEqual([{ file: 'fs/dax.c', oldStart: 10, newStart: 10, context: 'static void dax_wake_entry(struct xa_state *xas)' }]);
    expect(d.insertions).toBe(2);
    expect(d.deletions).toBe(1);
  });

  it('fingerprints the change, not whitespace, line numbers or context', () => {
    const a = parseDiff(patch('+\tanother();\n')).fingerprint;
    expect(a).toMatch(/^[0-9a-f]{40}$/);
    expect(parseDiff(patch('+   another( );\n')).fingerprint).toBe(a);
    expect(parseDiff(patch('+\tanother();\n').replace('@@ -10,3 +10,4 @@', '@@ -99,3 +120,4 @@')).fingerprint).toBe(a);
    expect(parseDiff(patch('+\tanother();\n', ' other context\n')).fingerprint).toBe(a);
    expect(parseDiff(patch('+\tsomething_else();\n')).fingerprint).not.toBe(a);
  });

  it("keeps git's patch-id of the diff, which unlike the fingerprint sees context lines", () => {
    const a = parseDiff(patch('+\tanother();\n'));
    expect(a.patchId).toBe(patchId(patch('+\tanother();\n')));
    expect(a.patchId).toMatch(/^[0-9a-f]{40}$/);
    expect(parseDiff(patch('+\tanother();\n', ' other context\n')).patchId).not.toBe(a.patchId);
    expect(parseDiff('no diff here\n').patchId).toBeNull();
  });

  it('reads renames, new and deleted files and binary patches', () => {
    const d = parseDiff(`diff --git a/old.c b/new.c
similarity index 90%
rename from old.c
rename to new.c
diff --git a/added.c b/added.c
new file mode 100644
--- /dev/null
+++ b/added.c
@@ -0,0 +1 @@
+int x;
diff --git a/gone.c b/gone.c
deleted file mode 100644
--- a/gone.c
+++ /dev/null
@@ -1 +0,0 @@
-int y;
diff --git a/logo.png b/logo.png
GIT binary patch
literal 10
`);
    expect(d.files.map((f) => [f.path, f.oldPath, f.status, f.insertions, f.deletions, f.binary])).toEqual([
      ['new.c', 'old.c', 'renamed', 0, 0, false],
      ['added.c', null, 'added', 1, 0, false],
      ['gone.c', null, 'deleted', 0, 1, false],
      ['logo.png', null, 'modified', 0, 0, true],
    ]);
  });

  it('reads plain diffs without "diff --git", ending hunks by their line counts', () => {
    const d = parseDiff(`--- a/x.c
+++ b/x.c
@@ -1 +1 @@
--- removed line that looks like a header
+++ added line that looks like a header
--- a/y.c
+++ b/y.c
@@ -5 +5 @@ int f(void)
-a
+b
`);
    expect(d.files.map((f) => [f.path, f.insertions, f.deletions])).toEqual([
      ['x.c', 1, 1],
      ['y.c', 1, 1],
    ]);
    expect(d.hunks.map((h) => h.context)).toEqual(['', 'int f(void)']);
  });

  it('stops at the git signature even when hunk counts are wrong (hand-edited patches)', () => {
    const d = parseDiff(patch('+\tanother();\n').replace('@@ -10,3 +10,4 @@', '@@ -10,9 +10,9 @@'));
    expect(d.files[0]).toMatchObject({ insertions: 2, deletions: 1 });
  });

  it('ignores quoted diffs and returns nothing without a diff', () => {
    expect(parseDiff('> diff --git a/x b/x\n> +added\n').files).toEqual([]);
    expect(parseDiff('just text').fingerprint).toBeNull();
  });
});

describe('hasDiff / hasDiffstat', () => {
  it('tells patches and cover letters apart', () => {
    expect(hasDiff(patch(''))).toBe(true);
    expect(hasDiff('a cover letter\n\n fs/dax.c | 3 ++-\n 1 file changed, 2 insertions(+), 1 deletion(-)\n')).toBe(false);
    expect(hasDiffstat(' fs/dax.c | 3 ++-\n 1 file changed, 2 insertions(+), 1 deletion(-)\n')).toBe(true);
    expect(hasDiffstat(' 25 files changed, 506 insertions(+), 1019 deletions(-)\n')).toBe(true);
    expect(hasDiff('> diff --git a/x b/x\n')).toBe(false);
  });
});
