import { describe, expect, it } from 'vitest';
import {
  DATE_DOCS,
  ROW_DOCS,
  appendNumber,
  appendPosting,
  dateBlock,
  decodeDateBlock,
  decodeDateSummary,
  decodeNumbers,
  decodePostings,
  decodeSigned,
  encodeNumbers,
  encodePostings,
  encodeDateBlock,
  encodeDateSummary,
  encodeSigned,
  frontCode,
  frontDecode,
  rowFile,
  rowThread,
} from './search-static-format.ts';

describe('the static index format', () => {
  it('writes numbers, postings and signed deltas that read back', () => {
    const values = [0, 1, 31, 32, 1023, 1024, 123456789, 2 ** 40];
    expect(decodeNumbers(encodeNumbers(values))).toEqual(values);
    expect(encodeNumbers([0, 31, 32])).toBe('a5Ab');
    expect(decodePostings(encodePostings([3, 4, 900], [1, 7, 2000]))).toEqual({ docs: [3, 4, 900], counts: [1, 7, 1024] });
    expect(decodeSigned(encodeSigned([5, 3, 3, 100, 0]))).toEqual([5, 3, 3, 100, 0]);
    // Pinned: the index build writes postings with appendPosting, the characters encodePostings writes.
    expect([encodePostings([3, 4, 900], [1, 7, 2000]), encodePostings([0, 40000], [1, 3])]).toEqual(['daag-1-5', 'aa-BHbc']);
    expect(appendPosting(appendPosting('', -1, 3, 1), 3, 4, 7)).toBe(encodePostings([3, 4], [1, 7]));
    expect(appendNumber('x', 32)).toBe(`x${encodeNumbers([32])}`);
    expect(() => appendNumber('', -1)).toThrow(/cannot encode/);
    expect(frontDecode('0abc\n2d\n0x')).toEqual(['abc', 'abd', 'x']);
    // A family without words has no shard: its boundary file is empty.
    expect(frontDecode('')).toEqual([]);
  });

  it('front-codes key lists, sharing at most 35 characters', () => {
    const keys = ['abc', 'abd', 'x', 'y'.repeat(40), `${'y'.repeat(40)}z`];
    expect(frontCode(keys.slice(0, 3))).toBe('0abc\n2d\n0x');
    expect(frontDecode(frontCode(keys))).toEqual(keys);
  });

  it('files messages by number: rows and dates blocks', () => {
    expect(rowFile(0)).toEqual({ file: 0, index: 0 });
    expect(rowFile(ROW_DOCS * 3 + 5)).toEqual({ file: 3, index: 5 });
    expect([dateBlock(DATE_DOCS - 1), dateBlock(DATE_DOCS)]).toEqual([0, 1]);
    const block = { docs: [1024, 1030, 1031, 2047], minutes: [29000000, 0, 28999990, 29500000] };
    expect(decodeDateBlock(encodeDateBlock(block))).toEqual(block);
    expect(decodeDateBlock(encodeDateBlock({ docs: [], minutes: [] }))).toEqual({ docs: [], minutes: [] });
    const summary: Array<[number, number, number]> = [[0, 0, 0], [28999990, 29500000, 1], [29500001, 29500001, 0]];
    expect(decodeDateSummary(encodeDateSummary(summary))).toEqual(summary);
  });

  it('tells the thread of a result row by its link', () => {
    const row = ['k', 's', 'a', '', '/t/0123456789abcdef/#k%40x', '', '', '', ''] as const;
    expect(rowThread([...row])).toBe('/t/0123456789abcdef/');
  });
});
