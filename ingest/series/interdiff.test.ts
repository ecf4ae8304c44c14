import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editScript, interdiff, normalizedDiff } from './interdiff.ts';

const patch = (lines: string[], hunk = '@@ -10,6 +10,7 @@ static int dax_fault(struct vm_fault *vmf)') =>
  ['Subject: [PATCH] fs/dax: fix', '', 'Commit message.', '', '---', ' fs/dax.c | 1 +', '', 'diff --git a/fs/dax.c b/fs/dax.c', 'index 1234abc..5678def 100644', '--- a/fs/dax.c', '+++ b/fs/dax.c', hunk, ...lines, '-- ', '2.45.0', ''].join('\n');

describe('normalizedDiff', () => {
  it('keeps the diff as range-diff compares it: file headers, hunk headers without numbers, no index', () => {
    expect(normalizedDiff(patch([' a', '-b', '+c']))).toEqual(['## fs/dax.c ##', '@@ static int dax_fault(struct vm_fault *vmf)', ' a', '-b', '+c']);
    expect(normalizedDiff('no diff here\n')).toEqual([]);
  });
});

describe('interdiff', () => {
  it('is empty when the two revisions posted the same diff, even rebased (other line numbers)', () => {
    expect(interdiff(patch([' a', '-b', '+c']), patch([' a', '-b', '+c'], '@@ -40,6 +41,7 @@ static int dax_fault(struct vm_fault *vmf)'))).toBe('');
  });

  it('shows the lines of the patch that changed, with their own +/-, in hunks with context', () => {
    const old = patch([' ctx1', ' ctx2', '-old_call(page);', '+new_call(folio);', ' ctx3', ' ctx4', ' ctx5', ' ctx6', ' ctx7', ' ctx8', ' ctx9', '+added_later();']);
    const next = patch([' ctx1', ' ctx2', '-old_call(page);', '+new_call(folio, flags);', ' ctx3', ' ctx4', ' ctx5', ' ctx6', ' ctx7', ' ctx8', ' ctx9']);
    expect(interdiff(old, next).split('\n')).toEqual([
      '@@ fs/dax.c: static int dax_fault(struct vm_fault *vmf)',
      '  ctx1',
      '  ctx2',
      ' -old_call(page);',
      '-+new_call(folio);',
      '++new_call(folio, flags);',
      '  ctx3',
      '  ctx4',
      '  ctx5',
      '@@ fs/dax.c: static int dax_fault(struct vm_fault *vmf)',
      '  ctx7',
      '  ctx8',
      '  ctx9',
      '-+added_later();',
    ]);
  });

  it('caps what it prints and says how much more there is', () => {
    const old = patch(Array.from({ length: 50 }, (_, i) => `+old ${i}`));
    const next = patch(Array.from({ length: 50 }, (_, i) => `+new ${i}`));
    const out = interdiff(old, next, 20).split('\n');
    expect(out).toHaveLength(21);
    expect(out[20]).toMatch(/^\(\d+ more lines\)$/);
  });

  it('turns the old diff into the new one, for any two diffs', () => {
    const line = fc.constantFrom(' a', ' b', '-c', '+d', '+e', ' f');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (a, b) => {
        const out = interdiff(patch(a), patch(b), 10_000);
        if (out === '') {
          expect(a).toEqual(b);
          return;
        }
        // Every hunk's old side is a run of the old diff, its new side a run of the new one.
        const hunks = out.split(/^@@.*$/m).slice(1).map((h) => h.split('\n').filter(Boolean));
        for (const h of hunks) {
          const oldSide = h.filter((l) => l[0] !== '+').map((l) => l.slice(1));
          const newSide = h.filter((l) => l[0] !== '-').map((l) => l.slice(1));
          expect(normalizedDiff(patch(a)).join('\n')).toContain(oldSide.join('\n'));
          expect(normalizedDiff(patch(b)).join('\n')).toContain(newSide.join('\n'));
        }
      }),
    );
  });
});

describe('editScript', () => {
  it('is an edit script from the old lines to the new ones, as short as a longest common subsequence allows', () => {
    const lcs = (a: string[], b: string[]): number => {
      const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
      return t[0]![0]!;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 25 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 25 }), (a, b) => {
        const ops = editScript(a, b)!;
        expect(ops.filter((o) => o.kind !== '+').map((o) => o.line)).toEqual(a);
        expect(ops.filter((o) => o.kind !== '-').map((o) => o.line)).toEqual(b);
        expect(ops.filter((o) => o.kind === ' ').length).toBe(lcs(a, b));
      }),
    );
  });
});
