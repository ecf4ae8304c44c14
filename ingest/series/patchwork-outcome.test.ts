import { describe, expect, it } from 'vitest';
import type { PatchworkSummary } from '../types.ts';
import { lineageOutcome } from './lineage-outcome.ts';
import { decisiveState, summarizePatchwork, withPatchwork } from './patchwork-outcome.ts';

const summary = (states: Array<string | null>): PatchworkSummary => summarizePatchwork(states)!;

describe('summarizePatchwork', () => {
  it('says "n of m" with the state most patches are in, then the others in Patchwork order', () => {
    expect(summarizePatchwork(Array(20).fill('accepted'))).toEqual({ total: 20, tracked: 20, states: { accepted: 20 }, state: 'accepted', text: '20 of 20 accepted' });
    expect(summary([...Array(18).fill('accepted'), 'new', 'changes-requested'])).toMatchObject({ state: 'mixed', text: '18 of 20 accepted, 1 new, 1 changes requested' });
    expect(summary(['accepted', 'superseded', 'superseded']).text).toBe('2 of 3 superseded, 1 accepted');
    // A tie goes to accepted.
    expect(summary(['rejected', 'accepted']).text).toBe('1 of 2 accepted, 1 rejected');
    expect(summary(['handled-elsewhere', 'new']).text).toBe('1 of 2 new, 1 handled elsewhere');
  });

  it('counts patches Patchwork does not track apart, and is null when it tracks none', () => {
    expect(summary(['accepted', null, 'accepted'])).toMatchObject({ total: 3, tracked: 2, state: 'accepted', text: '2 of 3 accepted, 1 not in Patchwork' });
    expect(summarizePatchwork([null, null])).toBeNull();
    expect(summarizePatchwork([])).toBeNull();
  });
});

describe('decisiveState', () => {
  it('takes the most decisive state of a patch several projects track', () => {
    expect(decisiveState(['superseded', 'accepted'])).toBe('accepted');
    expect(decisiveState(['new', 'changes-requested'])).toBe('changes-requested');
    expect(decisiveState(['handled-elsewhere', 'superseded'])).toBe('superseded');
    expect(decisiveState([])).toBeNull();
  });
});

describe('withPatchwork: the precedence of the list and Patchwork', () => {
  const all = (s: string) => summary([s, s]);
  it.each([
    ['open', null, 'open'],
    ['applied', all('rejected'), 'applied'],
    ['open', all('accepted'), 'accepted'],
    ['nacked', all('accepted'), 'accepted'],
    ['nacked', all('changes-requested'), 'nacked'],
    ['open', summary(['accepted', 'changes-requested']), 'changes-requested'],
    ['open', all('rejected'), 'rejected'],
    ['open', summary(['rejected', 'new']), 'open'],
    ['open', all('superseded'), 'superseded'],
    ['open', summary(['accepted', 'new']), 'open'],
    ['open', all('deferred'), 'open'],
  ] as const)('%s on the list, %o in Patchwork: %s', (list, pw, want) => {
    expect(withPatchwork(list, pw)).toBe(want);
  });

  it('is what lineageOutcome gives from the states of the latest posting', () => {
    const input = { family: 'f', postings: ['v1', 'v2'], verdicts: [] };
    expect(lineageOutcome(input).state).toBe('open');
    expect(lineageOutcome({ ...input, patchwork: ['accepted', 'accepted'] }).state).toBe('accepted');
    expect(lineageOutcome({ ...input, patchwork: ['accepted', null] }).state).toBe('accepted');
    expect(lineageOutcome({ ...input, patchwork: [null, null] }).state).toBe('open');
  });
});
