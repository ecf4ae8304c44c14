import { describe, expect, it } from 'vitest';
import { DEFAULT_STATES, patchworkState } from './patchwork-state.ts';

describe('patchworkState', () => {
  it("names Patchwork's ten default states as Patchwork does", () => {
    expect(DEFAULT_STATES.map((s) => patchworkState(s.slug).name)).toEqual([
      'New',
      'Under Review',
      'Accepted',
      'Rejected',
      'RFC',
      'Not Applicable',
      'Changes Requested',
      'Awaiting Upstream',
      'Superseded',
      'Deferred',
    ]);
    expect(patchworkState('under-review')).toEqual({ slug: 'under-review', name: 'Under Review', known: true, actionRequired: true });
    expect(patchworkState('accepted').actionRequired).toBe(false);
  });

  it("keeps a server's own state as given, named from its slug", () => {
    expect(patchworkState('handled-elsewhere')).toEqual({ slug: 'handled-elsewhere', name: 'Handled Elsewhere', known: false, actionRequired: null });
    expect(patchworkState('mainlined')).toMatchObject({ name: 'Mainlined', known: false });
    expect(patchworkState('-')).toMatchObject({ slug: '-', name: '-', known: false });
  });
});
