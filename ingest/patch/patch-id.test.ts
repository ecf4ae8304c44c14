// git patch-id --stable reimplemented: pinned ids that git 2.39 printed for each input, and the
// same inputs given to git itself when it is installed.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { patchId, patchIds } from './patch-id.ts';

const SIMPLE = `Fix the thing.

Signed-off-by: A U Thor <a@example.org>
---
 fs/dax.c | 3 ++-
 1 file changed, 2 insertions(+), 1 deletion(-)

diff --git a/fs/dax.c b/fs/dax.c
index 1234567..89abcde 100644
--- a/fs/dax.c
+++ b/fs/dax.c
@@ -10,3 +10,4 @@ static void dax_wake_entry(struct xa_state *xas)
 context line
-\told_line();
+\tnew_line();
+\tanother();
 context line
--${' '}
2.45.0
`;

const A_FILE = `diff --git a/a.c b/a.c
--- a/a.c
+++ b/a.c
@@ -1,2 +1,2 @@
 int a;
-int b;
+int c;
`;
/** "@@ -5 +5 @@": a count of one left out, which git reads as 1, not as the line number. */
const B_FILE = `diff --git a/b.c b/b.c
--- a/b.c
+++ b/b.c
@@ -5 +5 @@ void f(void)
-\tx();
+\ty();
`;

const RENAME_BINARY = `diff --git a/old.c b/new.c
similarity index 100%
rename from old.c
rename to new.c
diff --git a/logo.png b/logo.png
index 0123456789abcdef0123456789abcdef01234567..89abcdef0123456789abcdef0123456789abcdef 100644
GIT binary patch
literal 10
RcmZ?wbhEHbRA2x@00961

diff --git a/x.c b/x.c
index 1111111..2222222 100644
--- a/x.c
+++ b/x.c
@@ -1 +1,2 @@
 keep
+\tadded
\\ No newline at end of file
`;

const BINARY_ONLY = `diff --git a/logo.png b/logo.png
index 0123456..89abcde 100644
Binary files a/logo.png and b/logo.png differ
`;

const added = (line: string) => `diff --git a/COPYING b/COPYING
--- a/COPYING
+++ b/COPYING
@@ -1,2 +1,3 @@
 a
+${line}
 b
`;

const TWO_PATCHES = `From 1111111111111111111111111111111111111111 Mon Sep 17 00:00:00 2001
Subject: [PATCH 1/2] one

diff --git a/a.c b/a.c
--- a/a.c
+++ b/a.c
@@ -1 +1 @@
-a
+b
--${' '}
2.45.0

From 2222222222222222222222222222222222222222 Mon Sep 17 00:00:00 2001
Subject: [PATCH 2/2] two

diff --git a/a.c b/a.c
--- a/a.c
+++ b/a.c
@@ -1 +1 @@
-b
+c
--${' '}
2.45.0
`;

/** Input, and the ids git 2.39.5 printed for it. */
const CASES: Array<[string, string, string[]]> = [
  ['a mail: message, diffstat, one file, signature', SIMPLE, ['e4194a83bbc1d8ecfc3263394232649e08e1bf78']],
  ['two files', A_FILE + B_FILE, ['4c545ccc3257dfb00954a3c2872070cfa795a331']],
  ['the same files in the other order', B_FILE + A_FILE, ['4c545ccc3257dfb00954a3c2872070cfa795a331']],
  ['the same with other white space', (A_FILE + B_FILE).replace('int c;', 'int   c ;').replace('\ty();', '        y();'), ['4c545ccc3257dfb00954a3c2872070cfa795a331']],
  ['a pure rename, a binary file and "\\ No newline"', RENAME_BINARY, ['3657198626934116f68307c383da059ef608970a']],
  ['a binary file only', BINARY_ONLY, ['0f953fa06db202ad396172e462823d9987a9b663']],
  ['an added form feed, which git does not count as white space', added('\f'), ['aca3cb90ebd174b79b5a818448864a32c8a0b99b']],
  ['an added empty line', added(''), ['5439eb1c6da81ac41b06c65cc4f4f29f4dbb8662']],
  ['two patches of an mbox', TWO_PATCHES, ['df9938f67bbfaec3d39e4f6dac1b8d83b6a5fbb8', 'd8efb55d8acccbc9572f6444394e2fba19d673df']],
];

function gitPatchIds(input: string): string[] | null {
  const r = spawnSync('git', ['patch-id', '--stable'], { input, encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' ')[0]!);
}
const noGit = gitPatchIds('') === null ? 'git is not installed' : null;

describe('patchIds', () => {
  for (const [what, input, ids] of CASES) {
    it(`gives git's ids: ${what}`, () => {
      expect(patchIds(input)).toEqual(ids);
    });
  }

  it.skipIf(noGit)(`agrees with the git installed here on every case${noGit ? ` (skipped: ${noGit})` : ''}`, () => {
    for (const [what, input] of CASES) expect(patchIds(input), what).toEqual(gitPatchIds(input));
  });

  it('changes when an added or removed line changes, not when a line number or index does', () => {
    const base = patchId(SIMPLE);
    expect(patchId(SIMPLE.replace('@@ -10,3 +10,4 @@', '@@ -99,3 +120,4 @@'))).toBe(base);
    expect(patchId(SIMPLE.replace('index 1234567..89abcde', 'index 7654321..edcba98'))).toBe(base);
    expect(patchId(SIMPLE.replace('another()', 'other()'))).not.toBe(base);
    // context lines count, so a patch applied on other context gets another id
    expect(patchId(SIMPLE.replaceAll(' context line', ' other context'))).not.toBe(base);
  });
});

describe('patchId', () => {
  it('is the first patch\'s id, null without a diff', () => {
    expect(patchId(TWO_PATCHES)).toBe('df9938f67bbfaec3d39e4f6dac1b8d83b6a5fbb8');
    expect(patchId('Just a reply.\n\n> diff --git a/x b/x\n')).toBeNull();
    expect(patchId('')).toBeNull();
  });
});
