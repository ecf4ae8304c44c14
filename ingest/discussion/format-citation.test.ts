import { describe, expect, it } from 'vitest';
import type { Citation } from '../types.ts';
import { formatCitation } from './format-citation.ts';

const applied: Citation = {
  messageId: '20250303204600.cb49d2d614efcded0b28f8c1@linux-foundation.org',
  author: 'Andrew Morton',
  email: 'akpm@linux-foundation.org',
  date: '2025-03-04T04:46:00.000Z',
  dateHeader: 'Mon, 3 Mar 2025 20:46:00 -0800',
  subject: 'Re: [PATCH v9 00/20] fs/dax: Fix ZONE_DEVICE page reference counts',
  text: "Thanks, I've updated mm.git to this v9 series.",
};

describe('formatCitation', () => {
  it("dates a citation by the author's own day", () => {
    expect(formatCitation(applied, 'markdown')).toContain('— Andrew Morton <akpm@linux-foundation.org>, 2025-03-03, [Re: \\[PATCH v9 00/20\\]');
    expect(formatCitation(applied, 'text')).toContain('Andrew Morton wrote on 2025-03-03:');
    // Without the header, the UTC day.
    expect(formatCitation({ ...applied, dateHeader: undefined }, 'text')).toContain('wrote on 2025-03-04:');
  });
});
