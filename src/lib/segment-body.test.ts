import { describe, expect, it } from 'vitest';
import { segmentBody } from './segment-body.ts';

const kinds = (body: string) => segmentBody(body).map((s) => (s.kind === 'quote' ? `quote${s.depth}:${s.lines}` : s.kind));

describe('segmentBody', () => {
  it('separates a reply into attribution + quote, own text, and signature', () => {
    const body = [
      'On Thu, Apr 11, 2024 at 10:28:56AM -0700, Dan Williams wrote:',
      '> Alistair Popple wrote:',
      '> > This RFC is an initial attempt',
      '>',
      '> Good idea.',
      '',
      'Right, I don\'t think pte_special is applicable.',
      '',
      '-- ',
      'Jason',
    ].join('\n');
    const segs = segmentBody(body);
    expect(kinds(body)).toEqual(['quote2:4', 'text', 'signature']);
    expect(segs[0]).toMatchObject({ attribution: 'On Thu, Apr 11, 2024 at 10:28:56AM -0700, Dan Williams wrote:' });
    expect(segs[1]!.text).toContain("Right, I don't think");
  });

  it('keeps blank lines between quoted paragraphs inside the quote', () => {
    expect(kinds('> a\n\n> b\nmine\n')).toEqual(['quote1:3', 'text']);
  });

  it('finds the diff of a patch and the git signature after it', () => {
    const body = ['Fix it.', '', 'Signed-off-by: A <a@b>', '---', ' fs/dax.c | 2 +-', '', 'diff --git a/fs/dax.c b/fs/dax.c', '--- a/fs/dax.c', '+++ b/fs/dax.c', '@@ -1 +1 @@', '-old', '+new', '-- ', '2.45.0'].join('\n');
    expect(kinds(body)).toEqual(['text', 'diff', 'signature']);
    expect(segmentBody(body)[1]).toMatchObject({ lines: 6 });
  });

  it('recognizes a diff without "diff --git"', () => {
    expect(kinds('text\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n')).toEqual(['text', 'diff']);
    expect(kinds('a line\n--- not a diff\nmore\n')).toEqual(['text']);
  });

  it('handles deep quoting without recursion', () => {
    const deep = Array.from({ length: 5000 }, (_, i) => '>'.repeat(i % 50 + 1) + ' x').join('\n');
    const segs = segmentBody(deep);
    expect(segs).toHaveLength(1);
    expect(segs[0]).toMatchObject({ kind: 'quote', depth: 50, lines: 5000 });
  });

  it('knows the span of the text each segment covers, attribution included', () => {
    const body = 'Hi,\n\nJason wrote:\n> quoted\n> more\n\nmine\n-- \nsig\n';
    const segs = segmentBody(body);
    expect(segs.map((x) => [x.kind, body.slice(x.from, x.to)])).toEqual([
      ['text', 'Hi,\n\n'],
      ['quote', 'Jason wrote:\n> quoted\n> more\n'],
      ['text', '\nmine\n'],
      ['signature', '-- \nsig\n'],
    ]);
  });
});
