import { describe, expect, it } from 'vitest';
import { authorDay, parseDateValue } from './parse-date.ts';

describe('authorDay', () => {
  it("gives the day in the author's zone, where the Date header was written", () => {
    // Andrew Morton applying fs/dax v9 (<20250303204600.cb49d2d614efcded0b28f8c1@linux-foundation.org>):
    // 04:46 UTC on the 4th, the evening of the 3rd in California.
    const header = 'Mon, 3 Mar 2025 20:46:00 -0800';
    const ms = parseDateValue(header)!.ms;
    expect(new Date(ms).toISOString()).toBe('2025-03-04T04:46:00.000Z');
    expect(parseDateValue(header)!.zone).toBe(-480);
    expect(authorDay(header, ms)).toBe('2025-03-03');
    expect(authorDay('Tue, 4 Mar 2025 09:30:00 +0900', Date.UTC(2025, 2, 4, 0, 30))).toBe('2025-03-04');
  });

  it('falls back to the UTC day when the date did not come from the header', () => {
    expect(authorDay('', Date.UTC(2025, 2, 4, 4, 46))).toBe('2025-03-04');
    expect(authorDay('Mon, 3 Mar 2025 20:46:00 -0800', Date.UTC(2025, 5, 1))).toBe('2025-06-01');
    expect(authorDay('garbage', Date.UTC(2025, 2, 4))).toBe('2025-03-04');
    expect(authorDay('Mon, 3 Mar 2025 20:46:00 -0800', null)).toBeNull();
  });
});
