import { describe, expect, it } from 'vitest';
import { messageIdQuery } from './search-query.ts';

describe('messageIdQuery', () => {
  it('recognizes a Message-ID typed alone, and nothing else', () => {
    expect(messageIdQuery('<20240412115352.GY5383@nvidia.com>')).toBe('20240412115352.GY5383@nvidia.com');
    expect(messageIdQuery(' a@b ')).toBe('a@b');
    expect(messageIdQuery('f:jgg@nvidia.com')).toBeNull();
    expect(messageIdQuery('m:a@b')).toBeNull();
    expect(messageIdQuery('jgg@nvidia.com dax')).toBeNull();
    expect(messageIdQuery('"a@b"')).toBeNull();
    expect(messageIdQuery('dax')).toBeNull();
  });
});
