import { describe, expect, it } from 'vitest';
import { messageIdQuery, toLunrQuery } from './search-query.ts';

describe('toLunrQuery', () => {
  it.each([
    ['pte_special devdax', '+pte_special +devdax'],
    ['fs/dax  refcount', '+fs/dax +refcount'],
    ['-nak author:jgg', '-nak +author:jgg'],
    ['Re: [PATCH]', '+Re +PATCH'],
    ['"quoted"', '+quoted'],
    ['<jgg@nvidia.com>', '+jgg@nvidia.com'],
    ['dax*', '+dax*'],
    ['a~2 b^3', '+a +2 +b +3'],
    ['mid:x@y', '+mid +x@y'],
    ['', ''],
  ])('%s -> %s', (q, expected) => {
    expect(toLunrQuery(q)).toBe(expected);
  });
});

describe('messageIdQuery', () => {
  it('recognizes a Message-ID typed alone', () => {
    expect(messageIdQuery('<20240412115352.GY5383@nvidia.com>')).toBe('20240412115352.GY5383@nvidia.com');
    expect(messageIdQuery(' a@b ')).toBe('a@b');
    expect(messageIdQuery('author:jgg@nvidia.com dax')).toBeNull();
    expect(messageIdQuery('dax')).toBeNull();
  });
});
