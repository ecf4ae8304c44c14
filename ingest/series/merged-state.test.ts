// The state of a lineage when commits say it landed: before what the list says.
import { describe, expect, it } from 'vitest';
import type { LineageMergeRow, LineageVerdictRow } from '../store/store-rows.ts';
import { lineageOutcome } from './lineage-outcome.ts';

const verdict = (kind: string): LineageVerdictRow => ({ posting: 'v2', kind, name: 'Max Maintainer', email: 'max@example.com', text: kind, messageId: `${kind}@x`, date: null, dateHeader: '' });
const merge = (state: LineageMergeRow['state']): LineageMergeRow => ({ family: 'v1', state, landed: state === 'not-merged' ? 0 : 1, patches: 2, landedPosting: state === 'not-merged' ? null : 'v2', landedPostings: [] });
const stateOf = (verdicts: LineageVerdictRow[], m: LineageMergeRow | null) => lineageOutcome({ family: 'v1', postings: ['v1', 'v2'], verdicts, merge: m }).state;

describe('lineageOutcome with commits', () => {
  it('is merged or partially merged when commits say so, whatever the list said', () => {
    expect(stateOf([verdict('nacked')], merge('merged'))).toBe('merged');
    expect(stateOf([verdict('applied')], merge('partially-merged'))).toBe('partially-merged');
  });

  it('is applied when a revision after the one that partly landed was said to be applied (the history read is older)', () => {
    const v1Landed = { ...merge('partially-merged'), landedPosting: 'v1' };
    expect(stateOf([verdict('applied')], v1Landed)).toBe('applied');
    expect(stateOf([verdict('applied')], { ...v1Landed, state: 'merged' })).toBe('merged');
  });

  it("keeps the list's state when nothing landed or no repository reaches the lineage", () => {
    expect(stateOf([verdict('applied')], merge('not-merged'))).toBe('applied');
    expect(stateOf([verdict('nacked')], null)).toBe('nacked');
    expect(stateOf([], null)).toBe('open');
  });
});
