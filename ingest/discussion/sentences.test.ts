import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

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
});
