import { describe, expect, it } from 'vitest';
import { planEpochs } from './plan-epochs.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const day = (s: string) => Date.parse(`${s}T12:00:00Z`) / 1000;

describe('planEpochs', () => {
  it('clones everything on the first sync', () => {
    expect(planEpochs([{ n: 0, fingerprint: A, modified: day('2022-01-01') }, { n: 1, fingerprint: B, modified: day('2024-01-01') }], [], null)).toEqual([
      { kind: 'clone', n: 0, shallowSince: null, probe: false },
      { kind: 'clone', n: 1, shallowSince: null, probe: false },
    ]);
  });

  it('leaves epochs whose fingerprint matches the mirror, fetches changed ones, clones new ones', () => {
    const remote = [
      { n: 0, fingerprint: A, modified: 1 },
      { n: 1, fingerprint: B, modified: 2 },
      { n: 2, fingerprint: A, modified: 3 },
    ];
    const local = [
      { n: 0, fingerprint: A, shallowSince: null },
      { n: 1, fingerprint: A, shallowSince: null },
    ];
    expect(planEpochs(remote, local, null)).toEqual([
      { kind: 'unchanged', n: 0 },
      { kind: 'fetch', n: 1 },
      { kind: 'clone', n: 2, shallowSince: null, probe: false },
    ]);
  });

  it('fetches an epoch whose manifest entry had no valid fingerprint', () => {
    expect(planEpochs([{ n: 0, fingerprint: null, modified: null }], [{ n: 0, fingerprint: A, shallowSince: null }], null)).toEqual([{ kind: 'fetch', n: 0 }]);
  });

  it('with a since-date, skips epochs whose newest mail is older and clones the rest shallow', () => {
    const remote = [
      { n: 0, fingerprint: A, modified: day('2023-06-01') },
      { n: 1, fingerprint: B, modified: day('2024-03-01') },
    ];
    expect(planEpochs(remote, [], '2024-01-01')).toEqual([
      { kind: 'skip', n: 0, reason: 'its newest mail (2023-06-01) predates 2024-01-01' },
      { kind: 'clone', n: 1, shallowSince: '2024-01-01', probe: false },
    ]);
  });

  it('deepens a shallow mirror when the since-date moves back or goes away, never the other way', () => {
    const remote = [{ n: 0, fingerprint: A, modified: day('2024-03-01') }];
    const local = [{ n: 0, fingerprint: A, shallowSince: '2024-01-01' }];
    expect(planEpochs(remote, local, '2023-01-01')).toEqual([{ kind: 'fetch', n: 0, deepen: { since: '2023-01-01' } }]);
    expect(planEpochs(remote, local, null)).toEqual([{ kind: 'fetch', n: 0, deepen: { since: null } }]);
    expect(planEpochs(remote, local, '2024-02-01')).toEqual([{ kind: 'unchanged', n: 0 }]);
  });

  it('without a manifest, fetches every mirrored epoch and probes the next', () => {
    expect(planEpochs(null, [{ n: 0, fingerprint: A, shallowSince: null }, { n: 1, fingerprint: B, shallowSince: null }], null)).toEqual([
      { kind: 'fetch', n: 0 },
      { kind: 'fetch', n: 1 },
      { kind: 'clone', n: 2, shallowSince: null, probe: true },
    ]);
    expect(planEpochs(null, [], '2024-01-01')).toEqual([{ kind: 'clone', n: 0, shallowSince: '2024-01-01', probe: true }]);
  });

  it('keeps a mirrored epoch the server no longer lists', () => {
    expect(planEpochs([{ n: 1, fingerprint: B, modified: 2 }], [{ n: 0, fingerprint: A, shallowSince: null }], null)).toEqual([
      { kind: 'unchanged', n: 0 },
      { kind: 'clone', n: 1, shallowSince: null, probe: false },
    ]);
  });
});
