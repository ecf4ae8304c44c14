import { describe, expect, it } from 'vitest';
import { isBaseRevision } from './compare-revisions.ts';

describe('isBaseRevision', () => {
  const full = { versionTag: '3', resend: false, fragment: false, total: 19 };

  it('compares the next revision against a full one, never against a RESEND or a dotted reroll', () => {
    expect(isBaseRevision(full, 19)).toBe(true);
    expect(isBaseRevision({ ...full, resend: true }, 19)).toBe(false);
    expect(isBaseRevision({ ...full, versionTag: '5.1' }, 2)).toBe(false);
    expect(isBaseRevision({ ...full, versionTag: null }, 19)).toBe(true);
  });

  it('skips a fragment re-posting some patches, not a revision whose cover letter the archive lacks', () => {
    expect(isBaseRevision({ ...full, fragment: true }, 1)).toBe(false);
    expect(isBaseRevision({ ...full, fragment: true, total: 2 }, 1)).toBe(false);
    expect(isBaseRevision({ ...full, fragment: true }, 18)).toBe(true);
  });
});
