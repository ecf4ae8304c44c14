import { describe, expect, it } from 'vitest';
import {
  CHUNK_DOCS,
  MAX_CHUNK_DOCS,
  appendNumber,
  appendPosting,
  chunkStarts,
  decodeNumbers,
  decodePostings,
  decodeSigned,
  encodeNumbers,
  encodePostings,
  encodeSigned,
  frontDecode,
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

  it('cuts rows into chunks of whole threads, long threads apart', () => {
    // Threads of 10 messages: a chunk ends at the first thread start from CHUNK_DOCS on.
    const tens = Array.from({ length: 20 }, (_, i) => i * 10);
    expect(chunkStarts(tens, 200)).toEqual([0, 40, 80, 120, 160]);
    // One thread of 200 messages: cut every MAX_CHUNK_DOCS.
    expect(chunkStarts([0], 200)).toEqual([0, MAX_CHUNK_DOCS, 2 * MAX_CHUNK_DOCS, 3 * MAX_CHUNK_DOCS]);
    // A chunk too small to end at the next thread start runs on to MAX_CHUNK_DOCS.
    expect(chunkStarts([0, 5, 30, 100], 110)).toEqual([0, MAX_CHUNK_DOCS, 100]);
    expect(chunkStarts([], 0)).toEqual([]);
    expect(chunkStarts([0], 1)).toEqual([0]);
    for (const starts of [tens, [0], [0, 5, 30, 100], [0, 31, 32, 33, 96]]) {
      const docs = (starts[starts.length - 1] ?? 0) + 17;
      const cs = chunkStarts(starts, docs);
      cs.forEach((c, i) => {
        const end = cs[i + 1] ?? docs;
        expect(end - c).toBeLessThanOrEqual(MAX_CHUNK_DOCS);
        if (i + 1 < cs.length && end - c < MAX_CHUNK_DOCS) expect([starts.includes(end), end - c >= CHUNK_DOCS]).toEqual([true, true]);
      });
    }
  });
});
