import { describe, expect, it } from 'vitest';
import type { PatchworkMailRow } from '../store/store-rows.ts';
import { planLorePulls } from './plan-lore-pulls.ts';

const row = (kind: 'patch' | 'cover', id: number, seriesId: number | null, server = 's'): PatchworkMailRow => ({ kind, id, messageId: `${kind}${id}@x`, seriesId, date: id, server });

describe('planLorePulls', () => {
  it('asks once per series, its cover letter first, and for each message outside a series', () => {
    expect(planLorePulls([row('patch', 1, 7), row('patch', 2, null), row('cover', 3, 7), row('patch', 4, 7), row('patch', 5, 8), row('patch', 6, 8, 'other')])).toEqual([
      { messageIds: ['cover3@x', 'patch1@x', 'patch4@x'] },
      { messageIds: ['patch2@x'] },
      { messageIds: ['patch5@x'] },
      { messageIds: ['patch6@x'] },
    ]);
  });

  it('names a message once, and nothing for nothing', () => {
    expect(planLorePulls([row('patch', 1, 7), row('patch', 1, 7)])).toEqual([{ messageIds: ['patch1@x'] }]);
    expect(planLorePulls([])).toEqual([]);
  });
});
