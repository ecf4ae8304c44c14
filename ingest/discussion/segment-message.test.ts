import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentMessage } from './segment-message.ts';

const brief = (body: string) => segmentMessage(body).blocks.map((b) => [b.kind, b.depth, b.text]);

describe('segmentMessage', () => {
  it('separates own text, quotes by depth and the attributions above them', () => {
    const body = `Reviewer Two wrote:
> On Fri, Apr 12, 2024 at 04:55:31PM +1000, Patch Author wrote:
> 
> > The mapping code cannot tell these pages apart, so I will
> > have to add a helper.
> 
> What does the helper depend on?
> 
> Don't these pages have a struct page too?

Yes.

> > Unless we only support large mappings.
> 
> pte_special is only for memory without a struct page, is
> that what this is?

Right, I don't think pte_special applies here.
`;
    expect(brief(body)).toEqual([
      ['attribution', 0, 'Reviewer Two wrote:'],
      ['attribution', 1, 'On Fri, Apr 12, 2024 at 04:55:31PM +1000, Patch Author wrote:'],
      ['quote', 2, 'The mapping code cannot tell these pages apart, so I will\nhave to add a helper.'],
      ['quote', 1, "What does the helper depend on?\n\nDon't these pages have a struct page too?"],
      ['text', 0, 'Yes.'],
      ['quote', 2, 'Unless we only support large mappings.'],
      ['quote', 1, 'pte_special is only for memory without a struct page, is\nthat what this is?'],
      ['text', 0, "Right, I don't think pte_special applies here."],
    ]);
    const att = segmentMessage(body).blocks[1]!;
    expect(att.attribution).toEqual({ name: 'Patch Author', email: '' });
  });

  it('sets apart trailers, the signature and a list footer', () => {
    const body = `Looks good to me.

Reviewed-by: Some One <some@example.com>
Acked-by: Other One <other@example.com>

Thanks,
Some
-- 
Some One, Example Corp
_______________________________________________
Linux-nvdimm mailing list -- linux-nvdimm@lists.01.org
To unsubscribe send an email to linux-nvdimm-leave@lists.01.org
`;
    expect(brief(body).map(([k, d]) => `${k}/${d}`)).toEqual(['text/0', 'trailers/0', 'text/0', 'signature/0', 'footer/0']);
  });

  it("takes a patch's diffstat and diff as one diff block, ending at git's signature", () => {
    const body = 'Fix the leak.\n\nSigned-off-by: A <a@x>\n---\n fs/dax.c | 2 +-\n 1 file changed\n\ndiff --git a/fs/dax.c b/fs/dax.c\n--- a/fs/dax.c\n+++ b/fs/dax.c\n@@ -1 +1 @@\n-a\n+b\n-- \n2.45.0\n';
    expect(brief(body).map(([k]) => k)).toEqual(['text', 'trailers', 'diff', 'signature']);
  });

  it('reads quote markers written without spaces, and deep nesting, without recursion', () => {
    const body = '>>> third\n>> second\n> first\nmine\n';
    expect(brief(body)).toEqual([
      ['quote', 3, 'third'],
      ['quote', 2, 'second'],
      ['quote', 1, 'first'],
      ['text', 0, 'mine'],
    ]);
    const deep = `${'>'.repeat(100000)} deep\nmine\n`;
    expect(segmentMessage(deep).blocks.map((b) => b.kind)).toEqual(['quote', 'text']);
  });

  it('quotes the original below a top-posted reply, though its lines carry no marker', () => {
    const body = 'Thanks for the reply.\n\n-----Original Message-----\nFrom: Dan <dan@example.com>\n\nNo, the obscurity is deliberate.\n\n> I was wondering if there is an easier way.\n\nCorrect, I have no recommendations.\n';
    expect(brief(body)).toEqual([
      ['text', 0, 'Thanks for the reply.'],
      ['quote', 1, '-----Original Message-----\nFrom: Dan <dan@example.com>\n\nNo, the obscurity is deliberate.'],
      ['quote', 2, 'I was wondering if there is an easier way.'],
      ['quote', 1, 'Correct, I have no recommendations.'],
    ]);
    const outlook = 'Agreed.\n\n________________________________\nFrom: Dan <dan@example.com>\nSent: Monday\n\nThis is wrong.\n';
    expect(segmentMessage(outlook).blocks.filter((b) => b.kind === 'text').map((b) => b.text)).toEqual(['Agreed.']);
    // A rule of underscores alone is no original.
    expect(segmentMessage('Agreed.\n________________________________\nThis is wrong.\n').blocks.filter((b) => b.kind === 'text')).toHaveLength(1);
  });

  it('spans cover the block text in the body', () => {
    const body = 'Hi,\n\n> quoted line\n\nmy answer\n';
    for (const b of segmentMessage(body).blocks) {
      if (b.depth === 0) expect(body.slice(b.from, b.to)).toBe(b.text);
      else expect(body.slice(b.from, b.to)).toContain(b.text);
    }
  });

  it('never throws, and every block lies inside the body in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('> ', '>> ', '-- ', '---', ' a | 1 +', 'diff --git a b', 'X wrote:', 'Reviewed-by: A <a@b.c>', '____________________', ''), fc.string()), { maxLength: 40 }), (parts) => {
        const body = parts.join('\n');
        const { blocks } = segmentMessage(body);
        let last = -1;
        for (const b of blocks) {
          expect(b.start).toBeGreaterThan(last);
          expect(b.end).toBeGreaterThan(b.start);
          expect(b.to).toBeLessThanOrEqual(body.length);
          last = b.end - 1;
        }
      }),
    );
  });
});
