import { describe, expect, it } from 'vitest';
import { extractVerdicts } from './extract-verdicts.ts';
import type { Block } from '../types.ts';
import { segmentMessage } from './segment-message.ts';
import { splitSentences } from './sentences.ts';

const sender = { name: 'Max Maintainer', email: 'max@example.com' };
const verdicts = (body: string) => extractVerdicts(segmentMessage(body).blocks, sender).map((v) => [v.kind, v.text]);

describe('extractVerdicts', () => {
  it("reads the sender's own review trailers, not someone else's or quoted ones", () => {
    const body = '> Reviewed-by: Quoted Person <q@example.com>\n\nLooks good.\n\nReviewed-by: Max Maintainer <max@example.com>\nTested-by: Max Maintainer <max@example.com>\nAcked-by: Somebody Else <else@example.com>\n';
    expect(verdicts(body)).toEqual([
      ['reviewed', 'Reviewed-by: Max Maintainer <max@example.com>'],
      ['tested', 'Tested-by: Max Maintainer <max@example.com>'],
    ]);
  });

  it.each([
    ['Applied, thanks!', 'applied'],
    ['Applied to nvdimm-for-next.', 'applied'],
    ['Queued for 6.10, thanks.', 'applied'],
    ["I've picked this up into mm-unstable.", 'applied'],
    ["Thanks, I've updated mm.git to this v9 series.", 'applied'],
    ['[1/2] dax: fix the leak\n      commit: 0123abcd\n\nThe series has been applied to libnvdimm-fixes.', 'applied'],
    ['NAK', 'nacked'],
    ['Please split this into two patches.', 'changes-requested'],
    ['Can you rework this on top of the folio series?', 'changes-requested'],
    ['This needs a respin after the merge window.', 'changes-requested'],
  ])('%s -> %s', (text, kind) => {
    expect(verdicts(`${text}\n`).map(([k]) => k)).toEqual([kind]);
  });

  it('does not take testing or conditions for applying', () => {
    for (const t of ['I applied it locally and tested it, works.', 'Applied on top of next-20240412 and tested.', "It doesn't apply to mm-unstable.", 'Once this is applied we can drop the workaround.', 'Has this been applied?', 'The stub was\nadded in the first place for this.', 'I plan to get this queued for v5.15-rc7.', 'It never got\nmerged.  This has led to frustration.', 'Yes, I have been pulled in many directions this week.', 'That is late for the things we have\nqueued for the next merge window.']) {
      expect(verdicts(`${t}\n`)).toEqual([]);
    }
  });

  it('points at its evidence in the body', () => {
    const body = 'Hi,\n\nApplied, thanks!\n';
    const [v] = extractVerdicts(segmentMessage(body).blocks, sender);
    expect(body.slice(v!.from, v!.to)).toBe('Applied, thanks!');
    const wrapped = 'The series you sent has\nbeen applied to libnvdimm-for-next.\n';
    const [w] = extractVerdicts(segmentMessage(wrapped).blocks, sender);
    expect(w).toMatchObject({ kind: 'applied', text: 'The series you sent has been applied to libnvdimm-for-next.' });
    expect(wrapped.slice(w!.from, w!.to)).toBe('The series you sent has\nbeen applied to libnvdimm-for-next.');
  });

  it('takes sentences split by the caller, and asks only for text that may hold a verdict', () => {
    const body = 'Looks fine to me.\n\n> Please rework this.\n\nApplied, thanks!\n\nReviewed-by: Max Maintainer <max@example.com>\n';
    const { blocks } = segmentMessage(body);
    const asked: Block[] = [];
    const given = extractVerdicts(blocks, sender, (b) => (asked.push(b), splitSentences(b.text)));
    expect(given).toEqual(extractVerdicts(blocks, sender));
    expect(given.map((v) => v.kind)).toEqual(['applied', 'reviewed']);
    expect(asked.map((b) => b.text.trim())).toEqual(['Applied, thanks!']);
  });
});
