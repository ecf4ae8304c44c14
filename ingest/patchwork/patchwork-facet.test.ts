import { describe, expect, it } from 'vitest';
import { patchworkFacet } from './patchwork-facet.ts';

describe('patchworkFacet', () => {
  it('gives each patch its states and each cover letter its series patches\' states, once each', () => {
    const rows = patchworkFacet({
      states: [
        { messageId: 'p1', state: 'accepted' },
        { messageId: 'p2', state: 'changes-requested' },
        { messageId: 'p2', state: 'superseded' },
        { messageId: 'q1', state: 'new' },
      ],
      // Patchwork's series of cover c; patchlore's posting of cover c as well, and of cover d.
      covers: [{ messageId: 'c', patchMessageIds: ['p1', 'p2'] }],
      postings: [
        { cover: 'c', patches: ['p1', 'p2'] },
        { cover: 'd', patches: ['q1', 'unknown'] },
        { cover: null, patches: ['p1'] },
      ],
    });
    expect(rows).toEqual([
      { key: 'c', value: 'accepted' },
      { key: 'c', value: 'changes-requested' },
      { key: 'c', value: 'superseded' },
      { key: 'd', value: 'new' },
      { key: 'p1', value: 'accepted' },
      { key: 'p2', value: 'changes-requested' },
      { key: 'p2', value: 'superseded' },
      { key: 'q1', value: 'new' },
    ]);
  });

  it('gives a cover letter nothing when its patches have no state', () => {
    expect(patchworkFacet({ states: [], covers: [{ messageId: 'c', patchMessageIds: ['p'] }], postings: [{ cover: 'c', patches: ['p'] }] })).toEqual([]);
  });
});
