import { describe, expect, it } from 'vitest';
import type { Block, QuoteSource } from '../types.ts';
import { extractStatements } from './extract-statements.ts';
import { segmentMessage } from './segment-message.ts';
import { splitSentences } from './sentences.ts';

const jason: QuoteSource = { messageKey: 'q@x', author: { name: 'Reviewer Two', email: 'two@example.com' }, how: 'text', confidence: 1 };

function statements(body: string, source: QuoteSource | null = jason) {
  const { blocks } = segmentMessage(body);
  const sources = new Map<number, QuoteSource>();
  blocks.forEach((b, i) => b.kind === 'quote' && source && sources.set(i, source));
  return extractStatements(blocks, sources);
}

describe('extractStatements', () => {
  it('pairs an answer with the quoted question and its author, not the person quoting', () => {
    const body = `Reviewer Two wrote:
> Does this memory have a struct page too?

Yes.

> pte_special is only for memory without a struct page, is
> that what this is?

Right, I don't think pte_special applies to any of these pages.
`;
    const s = statements(body);
    expect(s.map((x) => [x.kind, x.text, x.answers?.author?.name, x.answers?.text])).toEqual([
      ['agreement', 'Yes.', 'Reviewer Two', 'Does this memory have a struct page too?'],
      ['agreement', "Right, I don't think pte_special applies to any of these pages.", 'Reviewer Two', 'pte_special is only for memory without a struct page, is that what this is?'],
    ]);
    expect(body.slice(s[1]!.from, s[1]!.to)).toBe("Right, I don't think pte_special applies to any of these pages.");
    expect(s[1]!.why).toBe('starts by agreeing (rule agree-start); answers a question quoted from Reviewer Two');
  });

  it.each([
    ['NAK, this breaks the ABI.', 'objection'],
    ['Longer term I think we either need to fix the callers or drop the flag.', 'proposal'],
    ['I think we should move the refcount into the folio.', 'proposal'],
    ['How about a helper that does both?', 'proposal'],
    ['This never got merged, I got hung up on the allocation API and never circled back.', 'conclusion'],
    ["I'll drop this patch from the series.", 'conclusion'],
    ['Agreed.', 'agreement'],
    ['I agree with Jason here.', 'agreement'],
    ["No, that doesn't work for device memory.", 'objection'],
    ["I don't think this is the right place for it.", 'objection'],
  ])('%s -> %s', (text, kind) => {
    expect(statements(`${text}\n`, null).map((s) => s.kind)).toEqual([kind]);
  });

  it('answers the quoted question, not the smiley after it', () => {
    const body = `> But this is a change in current behaviour and I didn't want to think
> through the implications of all of this.  Would you like to take on this
> project?  ;-)
>
Sure, be happy to.
`;
    expect(statements(body).map((x) => [x.kind, x.text, x.answers?.text])).toEqual([['agreement', 'Sure, be happy to.', 'Would you like to take on this project?']]);
  });

  it('takes no position from plain prose, greetings, code or quotes', () => {
    expect(statements('Hi Dan,\n\nThe function is called from two places.\n\n\tif (x)\n\t\treturn -EINVAL;\n\nThanks,\nAlistair\n', null)).toEqual([]);
    expect(statements('> I agree with all of this.\n> We should do it.\n', null)).toEqual([]);
  });

  it('takes no outcome from a question, except one that did not happen', () => {
    expect(statements('How much are we going to be adding in the end?\n', null)).toEqual([]);
    expect(statements('This never got merged?\n', null).map((x) => x.kind)).toEqual(['conclusion']);
  });

  it('does not take a question asked back as an answer', () => {
    expect(statements('> Why not take the lock here?\n\nDo you mean the rwsem, or the device lock?\n')).toEqual([]);
  });

  it('answers only the first sentence of a reply that takes no position', () => {
    const s = statements('> Why is the refcount zero here?\n\nBecause the page was freed. The allocator sets it later. It is documented.\n');
    expect(s.map((x) => [x.kind, x.text])).toEqual([['answer', 'Because the page was freed.']]);
  });

  it('quotes the end of a quoted diff as what a reply responds to', () => {
    const s = statements('> +\tif (page->pgmap->type == MEMORY_DEVICE_PRIVATE)\n> +\t\tput_dev_pagemap(page->pgmap);\n\nWe should really get rid of this refcount traffic too.\n');
    expect(s[0]!.answers!.text).toBe('+\tif (page->pgmap->type == MEMORY_DEVICE_PRIVATE)\n+\t\tput_dev_pagemap(page->pgmap);');
  });

  it('takes sentences split by the caller, the same as it splits them itself', () => {
    const body = '> Is this right?\n\nYes. I think we should drop the refcount.\n\n> And this?\n\nNo, this is wrong.\n';
    const { blocks } = segmentMessage(body);
    const sources = new Map<number, QuoteSource>();
    const asked: Block[] = [];
    const given = extractStatements(blocks, sources, (b) => (asked.push(b), splitSentences(b.text)));
    expect(given).toEqual(extractStatements(blocks, sources));
    expect(given.map((x) => x.kind)).toEqual(['agreement', 'proposal', 'objection']);
    expect(asked).toEqual(blocks.filter((b) => b.kind === 'text' && b.depth === 0));
  });
});
