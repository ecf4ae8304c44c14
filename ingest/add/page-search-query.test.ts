import { describe, expect, it } from 'vitest';
import { pageSearchQuery } from './page-search-query.ts';

describe('pageSearchQuery', () => {
  it("searches the page's subject as a phrase within a day of its date", () => {
    const page = { subject: 'Re: [PATCH v9 07/20] fs/dax: Refactor wait for dax idle page', date: { written: '', ms: Date.parse('2025-02-28T17:09:47Z'), precision: 'second' as const } };
    expect(pageSearchQuery(page)).toBe('s:"Re: [PATCH v9 07/20] fs/dax: Refactor wait for dax idle page" d:20250227..20250301');
  });

  it('takes the quotes out of a subject, and gives up without a subject or a date', () => {
    const date = { written: '', ms: Date.parse('2024-01-01T00:00:00Z'), precision: 'minute' as const };
    expect(pageSearchQuery({ subject: 'say "hi"\\', date })).toBe('s:"say hi" d:20231231..20240102');
    expect(pageSearchQuery({ subject: '', date })).toBeNull();
    expect(pageSearchQuery({ subject: 'x', date: { written: '', ms: null, precision: 'none' } })).toBeNull();
  });
});
