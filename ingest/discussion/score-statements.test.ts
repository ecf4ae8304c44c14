import { describe, expect, it } from 'vitest';
import { sampleStatements, sampledStatement, scoreStatements, type LabelledStatement, type SampledStatement, type StatementSample } from './score-statements.ts';

const row = (i: number): SampledStatement => ({ messageId: `m${i % 7}@x`, text: `Sentence ${i}.`, kind: 'agreement', author: 'A <a@x>', answers: null });
const rows = Array.from({ length: 200 }, (_, i) => row(i));

function sample(labels: Array<[SampledStatement, boolean, boolean, boolean]>): StatementSample {
  const statements: LabelledStatement[] = labels.map(([s, kind, author, answers]) => ({ ...s, label: { kind, author, answers } }));
  return { name: 't', drawn: 'test', current: true, seed: 1, of: rows.length, statements };
}

describe('sampleStatements', () => {
  it('draws the same statements for a seed whatever the order of the rows, others for another seed', () => {
    const a = sampleStatements(rows, 10, 7);
    expect(a).toHaveLength(10);
    expect(sampleStatements([...rows].reverse(), 10, 7)).toEqual(a);
    expect(sampleStatements(rows, 10, 8)).not.toEqual(a);
  });

  it('draws mostly the same statements after a few change: labels carry over', () => {
    const a = sampleStatements(rows, 20, 7);
    const changed = rows.filter((r) => r !== a[0] && r !== a[1]).concat([row(1000), row(1001)]);
    const b = sampleStatements(changed, 20, 7);
    expect(b.filter((x) => a.includes(x)).length).toBeGreaterThanOrEqual(18);
  });
});

describe('scoreStatements', () => {
  it('counts a statement right only when kind, author and answers all are, and lists the labelled ones no longer given', () => {
    const [s1, s2, s3, s4] = [row(1), row(2), row(3), row(4)];
    const scored = scoreStatements(
      sample([
        [s1!, true, true, true],
        [s2!, false, true, true],
        [s3!, true, true, false],
        [s4!, true, true, true],
      ]),
      [s1!, s2!, { ...s3!, kind: 'objection' }],
    );
    expect(scored).toMatchObject({ labelled: 4, right: 2, precision: 0.5, kindRight: 3, authorRight: 4, answersRight: 3 });
    expect(scored.changed).toEqual(['m3@x: Sentence 3.', 'm4@x: Sentence 4.']);
  });

  it('names authors of store rows as "Name <address>", and an unnamed one by address', () => {
    const base = { messageId: 'm@x', text: 'Yes.', kind: 'agreement', author: 'Dan', email: 'dan@x', answersText: 'Is it?', answersName: '', answersEmail: 'j@x' };
    expect(sampledStatement(base)).toEqual({ messageId: 'm@x', text: 'Yes.', kind: 'agreement', author: 'Dan <dan@x>', answers: { author: '<j@x>', text: 'Is it?' } });
    expect(sampledStatement({ ...base, answersText: null }).answers).toBe(null);
  });
});
