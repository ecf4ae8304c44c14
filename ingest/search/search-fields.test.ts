import { describe, expect, it } from 'vitest';
import { FIELD_BREAK, searchFields, type SearchInput } from './search-fields.ts';

const PATCH = `The pte_special bit is set on devdax mappings.

Signed-off-by: A U Thor <a@example.org>
---
 fs/dax.c | 3 ++-
 1 file changed, 2 insertions(+), 1 deletion(-)

diff --git a/fs/dax.c b/fs/dax.c
index 1234abc..5678def 100644
--- a/fs/dax.c
+++ b/fs/dax.c
@@ -10,7 +10,8 @@ static vm_fault_t dax_fault(struct vm_fault *vmf)
 	struct page *page;
-	page = vm_normal_page(vma, addr, pte);
+	page = vm_normal_folio(vma, addr, pte);
+	folio_get(page);
 	return 0;
-- 
2.45.0
`;

function input(body: string, extra: Partial<SearchInput> = {}): SearchInput {
  return {
    messageId: 'x@example.org',
    subject: '[PATCH] fs/dax: fix',
    from: 'A U Thor <a@example.org>',
    to: ['Dan <dan@example.org>'],
    cc: [],
    body,
    parts: [{ kind: 'text', filename: '', contentType: 'text/plain', start: 0, end: body.length }],
    ...extra,
  };
}

describe('searchFields (public-inbox SearchIdx.pm index_diff / split_quotes)', () => {
  it('splits a patch into own text, file names, removed, added and context lines and hunk functions', () => {
    const f = searchFields(input(PATCH));
    expect(f.dfn).toBe('fs/dax.c');
    expect(f.dfa).toBe('\tpage = vm_normal_page(vma, addr, pte);');
    // One chunk per diff line: a phrase never spans two lines of a diff, as in lore.
    expect(f.dfb).toBe(`\tpage = vm_normal_folio(vma, addr, pte);${FIELD_BREAK}\tfolio_get(page);`);
    expect(f.dfctx).toBe(`\tstruct page *page;${FIELD_BREAK}\treturn 0;`);
    expect(f.dfhh).toBe('static vm_fault_t dax_fault(struct vm_fault *vmf)');
    expect(f.nq).toContain('The pte_special bit is set on devdax mappings.');
    expect(f.nq).toContain('diff --git a/fs/dax.c b/fs/dax.c');
    expect(f.nq).not.toContain('vm_normal_page');
    expect(f.nq).not.toContain('index 1234abc');
    expect(f.q).toBe('');
    expect(f).toMatchObject({ s: '[PATCH] fs/dax: fix', f: 'A U Thor <a@example.org>', t: 'Dan <dan@example.org>', c: '', m: 'x@example.org' });
  });

  it('keeps quoted lines apart, and a quoted diff is quoted text, not a diff', () => {
    const reply = `On Mon, A wrote:\n> diff --git a/mm/memory.c b/mm/memory.c\n> -\tpage = vm_normal_page(vma, addr, pte);\n\nNAK, see pte_special.\n`;
    const f = searchFields(input(reply));
    expect(f.q).toBe('> diff --git a/mm/memory.c b/mm/memory.c\n> -\tpage = vm_normal_page(vma, addr, pte);');
    expect(f.nq).toBe(`On Mon, A wrote:${FIELD_BREAK}\nNAK, see pte_special.\n`);
    expect([f.dfn, f.dfa, f.dfb]).toEqual(['', '', '']);
  });

  it('reads new and deleted files, renames and a traditional diff -u', () => {
    const body = `diff --git a/new.c b/new.c\nnew file mode 100644\n--- /dev/null\n+++ b/new.c\n@@ -0,0 +1 @@\n+int x;\ndiff -u old/lib/a.c new/lib/a.c\n--- old/lib/a.c\n+++ new/lib/a.c\n@@ -1 +1 @@ int y(void)\n-a\n+b\n`;
    const f = searchFields(input(body));
    expect(f.dfn.split(FIELD_BREAK)).toEqual(['new.c', 'lib/a.c']);
    expect(f.dfb).toBe(`int x;${FIELD_BREAK}b`);
    expect(f.dfa).toBe('a');
    expect(f.dfhh).toBe('int y(void)');
  });

  it('indexes attachment names and each text part on its own, skipping HTML', () => {
    const body = 'see attached\n<p>html words</p>\ndiff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-old\n+new\n';
    const a = body.indexOf('<p>');
    const b = body.indexOf('diff');
    const f = searchFields(
      input(body, {
        parts: [
          { kind: 'text', filename: '', contentType: 'text/plain', start: 0, end: a },
          { kind: 'text', filename: '', contentType: 'text/html', start: a, end: b },
          { kind: 'text', filename: '0001-x.patch', contentType: 'text/x-patch', start: b, end: body.length },
          { kind: 'binary', filename: 'dmesg.gz', contentType: 'application/gzip', size: 10 },
        ],
      }),
    );
    expect(f.n).toBe('0001-x.patch\ndmesg.gz');
    expect(f.nq).not.toContain('html words');
    expect([f.dfa, f.dfb]).toEqual(['old', 'new']);
  });
});
