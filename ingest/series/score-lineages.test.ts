import { describe, expect, it } from 'vitest';
import { scoreLineages, type ComputedLineages, type LineageLabels } from './score-lineages.ts';

/** Computed lineages from a table: message -> [posting, family, version]. */
function computed(rows: Record<string, [string, string[], number]>): ComputedLineages {
  return {
    postingOf: (m) => rows[m]?.[0] ?? null,
    familiesOf: (p) => Object.values(rows).find((r) => r[0] === p)?.[1] ?? [],
    versionIn: (_f, p) => Object.values(rows).find((r) => r[0] === p)?.[2] ?? null,
  };
}

const labels: LineageLabels = {
  lineages: [
    { name: 'A', how: '', postings: [{ id: 'a1', version: 1 }, { id: 'a2', version: 2 }, { id: 'a3', version: 3 }] },
    { name: 'B', how: '', postings: [{ id: 'b1', version: 1 }] },
  ],
  decoys: [{ a: 'a1', b: 'b1', why: 'look alike' }],
};

describe('scoreLineages', () => {
  it('counts pairs found together and apart, versions and decoys', () => {
    // a3 was split off; b1 was swallowed by A with a wrong version.
    const s = scoreLineages(labels, computed({ a1: ['a1', ['F'], 1], a2: ['a2', ['F'], 2], a3: ['a3', ['G'], 1], b1: ['b1', ['F'], 3] }));
    expect(s.pairs).toEqual({ truePositive: 1, falseNegative: 2, falsePositive: 2 });
    expect([s.precision, s.recall, s.f1]).toEqual([0.333, 0.333, 0.333]);
    expect(s.versionsRight).toBe(2);
    expect(s.wrongVersions.map((w) => w.id)).toEqual(['a3', 'b1']);
    expect(s.decoysLinked).toBe(1);
    expect(s.split).toEqual([{ lineage: 'A', parts: [['a1', 'a2'], ['a3']] }]);
  });

  it('scores a perfect match 1, and a labelled posting the store lacks as found apart', () => {
    expect(scoreLineages(labels, computed({ a1: ['a1', ['F'], 1], a2: ['a2', ['F'], 2], a3: ['a3', ['F'], 3], b1: ['b1', ['H'], 1] }))).toMatchObject({ precision: 1, recall: 1, f1: 1, versionsRight: 4, decoysLinked: 0 });
    const s = scoreLineages(labels, computed({ a1: ['a1', ['F'], 1], a2: ['a2', ['F'], 2], b1: ['b1', ['H'], 1] }));
    expect(s.unknown).toEqual(['a3']);
    expect(s.pairs.falseNegative).toBe(2);
  });
});
