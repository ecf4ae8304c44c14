import { describe, expect, it } from 'vitest';
import { isCodeLine, splitSentences } from './sentences.ts';

describe('splitSentences', () => {
  it('ends sentences at ".", "!" and "?" followed by a space, not inside code or numbers', () => {
    const text = 'It means vm_normal_page should return !NULL and insert_page is used.\nIs x?y a choice? Yes! See v5.1 of foo.c, e.g. the end.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'It means vm_normal_page should return !NULL and insert_page is used.',
      'Is x?y a choice?',
      'Yes!',
      'See v5.1 of foo.c, e.g. the end.',
    ]);
  });

  it('reads "struct page *page;" as code, not prose that starts with "struct" or "return"', () => {
    expect(isCodeLine('struct page *page;')).toBe(true);
    expect(isCodeLine('static int foo(void)')).toBe(true);
    expect(isCodeLine('struct definitions so that we don\'t change those in future without knowing')).toBe(false);
    expect(isCodeLine('return values are checked by the caller')).toBe(false);
  });
});
