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
    ['Right, but that problem is not solved by this.', 'objection'],
    ['Yeah I am not sure, but the switch statement makes this clearer.', 'agreement'],
    ['Yeah the switch statement you suggested makes this much clearer.', 'agreement'],
    ["You're overlooking that the page reference count is 1 after arch_add_memory().", 'objection'],
    ["I think that's ok because the filesystem is not checking for page-idle.", 'agreement'],
    ['Not special means more to me, it means devmap should do the refcounts properly.', 'proposal'],
    ['I am open to discussing the former, but I think the latter is more likely.', 'proposal'],
    ['I think the last two patches can be squashed into this one.', 'proposal'],
    ["Good find! I agree this is broken, but I'm not sure this is the way to fix it.", 'objection'],
    ['Looks good to me (although a CC to fsdevel would be nice).', 'agreement'],
    ['It looks like the config file overrides the command line, which I think can be surprising behavior.', 'objection'],
    ["Firstly, I'd rather not rework the lock logic as part of this series.", 'objection'],
    ['Whilst I think your fix is correct the goto labels are not as easy to read as I would like.', 'objection'],
    ['Not that I understand that code, but the non-atomic update looked "surprising".', 'objection'],
    ['I think you have to be /very/ careful about that kind of statement --', 'objection'],
    ['Good idea :D', 'agreement'],
    ['Thanks, Caleb. I will integrate your suggestions.', 'agreement'],
    ["This is fine, but I don't think it should block fixing the mm side.", 'objection'],
    ['This is a safe conversion because the folio metadata is always initialized.', 'agreement'],
    ['but the above is also fine as the compiler should be able to figure it out.', 'agreement'],
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

  it('takes no position from an expectation, a regret, a condition or a guess at a cause', () => {
    for (const text of [
      'This should maintain the state of CPU caches.',
      'I should have recalled at the RFC time.',
      'I just thought to issue a warning should the situation happen.',
      "I think it's because so far nothing involves the pfn flags.",
      'I suspect some problem in grab_mapping_entry, but cannot dig further.',
      'I believe this could lead to filesystem corruption if the entry was DMA-busy.',
      "I don't have a strong opinion on how userspace should or shouldn't use this interface.",
      'The idea was to give the reviewer a picture of how things should work in the code.',
      'This reminds me that I should get back to making the source a file descriptor.',
      "I'm not sure I follow what you are saying here.",
      'My expectation was that these actions are single shot, so repeated teardown attempts should become noops.',
      'Also, the caller must already be serializing these calls on the same pfn.',
      "That's fine for FS DAX (the pages are normal pages now), but we don't have a PMD equivalent for DEVDAX.",
    ]) {
      expect(statements(`${text}\n`, null), text).toEqual([]);
    }
  });

  it('takes no position from plain prose, greetings, code or quotes', () => {
    expect(statements('Hi Dan,\n\nThe function is called from two places.\n\n\tif (x)\n\t\treturn -EINVAL;\n\nThanks,\nAlistair\n', null)).toEqual([]);
    expect(statements('> I agree with all of this.\n> We should do it.\n', null)).toEqual([]);
  });

  it('answers the quoted question it takes up, not always the last one asked', () => {
    const asked = '> How did you even manage to call it? Are you using bcache? Are they calling it\n> without calling bio_endio first?\n\n';
    expect(statements(`${asked}No, they are not using bcache.\n`).map((x) => [x.kind, x.answers?.text])).toEqual([['answer', 'Are you using bcache?']]);
    const two = '> PRE_REMOVE gets called before the unplug, right? So we will notify again after it goes away, right?\n\n';
    expect(statements(`${two}For the first question, yes.\n`)[0]!.answers!.text).toBe('PRE_REMOVE gets called before the unplug, right?');
    // A question followed by a plea for guidance is still what a reply answers first.
    const guidance = '> Where should they increment the page reference count? I will need some guidance.\n\nfs/dax could take the reference when inserting.\n';
    expect(statements(guidance).map((x) => [x.kind, x.answers?.text])).toEqual([['answer', 'Where should they increment the page reference count?']]);
  });

  it('responds to the quote above with every paragraph up to the next quote, and to the point before a link or a smiley', () => {
    const body = `> It does not need to be special as mentioned here:
>
> https://lore.kernel.org/all/CAPcyv4iFeVDVPn6uc@mail.gmail.com/

I added a remark there

Not special means more to me, it means devmap should do the refcounts properly.
`;
    expect(statements(body).map((x) => [x.text, x.answers?.text])).toEqual([
      ['Not special means more to me, it means devmap should do the refcounts properly.', 'It does not need to be special as mentioned here:'],
    ]);
    const smiley = '>> This is a common theme here, likely we should have a special helper?\n> :)\n\nIn the end there was only a single caller so I will leave this open-coded.\n';
    expect(statements(smiley)[0]!.answers!.text).toBe('This is a common theme here, likely we should have a special helper?');
    const hmm = '> I would suggest we zero out the destination buffer instead.\n>\n> Hmm?\n\nNot really - we would need to zero the rest of those pages somehow.\n';
    expect(statements(hmm)[0]!.answers!.text).toBe('I would suggest we zero out the destination buffer instead.');
    const snip = '> I think there is a worthwhile clarity to having both.\n\n> <snip>\n\nI don\'t think Darrick needs GET_DAXDEV at all.\n';
    expect(statements(snip)[0]!.answers!.text).toBe('I think there is a worthwhile clarity to having both.');
    // A sign-off or an in-body From: line is not what anyone answers.
    const signed = '> Can you rename the partitions to something clearer?\n\n> DJ\n\nI think it would make sense to rename dynamic_ram_a to dynamic_ram_1.\n';
    expect(statements(signed)[0]!.answers!.text).toBe('Can you rename the partitions to something clearer?');
    expect(statements('> From: John Groves <John@Groves.net>\n\nThe description should generally make sense without the title.\n')[0]!.answers).toBe(null);
  });

  it('takes a short question as the point answered, not the code quoted above it', () => {
    const body = '>> +\tcomponent_reg_phys = cxl_rcrb_to_component(dev, CXL_RCRB_DOWNSTREAM);\n>\n> Should this be CXL_RCRB_UPSTREAM?\n\nIndeed it should, good catch.\n';
    expect(statements(body).map((x) => [x.kind, x.answers?.text])).toEqual([['agreement', 'Should this be CXL_RCRB_UPSTREAM?']]);
  });

  it('answers the question a quote seconds, not the seconding', () => {
    const body = 'Jens wrote:\n> Dan wrote:\n>> Why not add readcache support to dm-writecache instead?\n> Strongly agree.\n\nI believe a standalone module is the better choice.\n';
    expect(statements(body)[0]!.answers!.text).toBe('Why not add readcache support to dm-writecache instead?');
    expect(statements('> Strongly agree.\n\nI believe a standalone module is the better choice.\n')[0]!.answers!.text).toBe('Strongly agree.');
  });

  it('keeps a question put as a proposal, not one that only mentions what should be done', () => {
    expect(statements('Why not just put it in a shared header?\n', null).map((x) => x.kind)).toEqual(['proposal']);
    expect(statements('So the conclusion here is that we should always use the mc safe variant?\n', null)).toEqual([]);
    expect(statements('> Isn\'t it the kref_init() reference?\n\nOh wow!\n')).toEqual([]);
    expect(statements('> How should the locking work in this case?\n\nSorry, I had to process a family NMI the last couple of days.\n')).toEqual([]);
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
