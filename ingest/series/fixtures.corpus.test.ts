// The series stage on other tools' test mail: b4's trailer follow-up cases (its *.verify files
// and the results its tests expect), b4's naked cover letters, Patchwork's series and revision
// cases. Read from the shared corpus; skipped, saying why, without it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusMissing, corpusPath } from '../test-support/corpus.ts';
import { messagesOf, seriesMessagesOf, toSeriesMessages } from '../test-support/series-messages.ts';
import type { Message } from '../types.ts';
import { buildSeries } from './build-series.ts';
import { NO_OVERRIDES } from './link-revisions.ts';

const B4 = ['fixtures-mricon-b4', 'src/tests/samples'];
const PW = ['fixtures-getpatchwork-patchwork', 'patchwork/tests/data/series'];
const b4 = (name: string) => corpusPath(...B4, name);
const pw = (name: string) => corpusPath(...PW, name);
const skipB4 = corpusMissing(...B4);
const skipPw = corpusMissing(...PW);

async function series(paths: string[]) {
  return buildSeries(await seriesMessagesOf(paths), NO_OVERRIDES);
}

/** "Name: value" of a patch's trailers, sorted, excluding what the verify files do not show. */
function trailerLines(result: Awaited<ReturnType<typeof series>>, patchKey: string): string[] {
  return result.trailers
    .filter((t) => t.patchKey === patchKey)
    .map((t) => `${t.name}: ${t.value}`)
    .sort();
}

/** b4's expected trailers per commit subject, from a *.verify file (git log of the applied
 *  commits). b4 adds its own "Signed-off-by: Test Override" when applying: not a trailer of mail. */
function verify(name: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const block of readFileSync(b4(name), 'utf8').split(/^---$/m)) {
    const lines = block.trim().split('\n');
    if (lines.length < 2) continue;
    const subject = lines[1]!;
    const trailers = lines.slice(2).filter((l) => /^[A-Za-z-]+: /.test(l) && !l.includes('Test Override')).sort();
    out.set(subject, trailers);
  }
  return out;
}

describe.skipIf(skipB4)(`b4's trailer cases${skipB4 ? ` (skipped: ${skipB4})` : ''}`, () => {
  for (const [mbox, verifyFile] of [
    ['trailers-thread-with-followups.mbox', 'trailers-thread-with-followups.verify'],
    ['trailers-thread-with-followups.mbox', 'trailers-thread-with-followups-and-tripledash.verify'],
    ['trailers-thread-with-cover-followup.mbox', 'trailers-thread-with-cover-followup.verify'],
  ] as const) {
    it(`${mbox} gives every patch the trailers of ${verifyFile}`, async () => {
      const r = await series([b4(mbox)]);
      expect(r.postings).toHaveLength(1);
      const expected = verify(verifyFile);
      expect(r.postings[0]!.patches).toHaveLength(expected.size);
      for (const p of r.postings[0]!.patches) expect(trailerLines(r, p.key), p.title).toEqual(expected.get(p.title));
    });
  }

  it('carries a review to the next revision only while the patch is unchanged (…-no-match.verify)', async () => {
    const v1 = await messagesOf([b4('trailers-thread-with-followups.mbox')]);
    // The next revision: every patch resent as v2; one of them changed ("vivendum" -> "addendum",
    // the change b4's test makes), the others identical.
    const v2 = (change: boolean): Message[] =>
      v1
        .filter((m) => m.from.email === 'konstantin@linuxfoundation.org')
        .map((m) => ({
          ...m,
          messageId: m.messageId.replace('-v1-', '-v2-'),
          references: m.references.map((x) => x.replace('-v1-', '-v2-')),
          subject: m.subject.replace('[PATCH ', '[PATCH v2 '),
          date: m.date! + 86_400_000,
          parts: m.parts.map((p) => (p.kind === 'text' && change ? { ...p, text: p.text.replace(/vivendum/g, 'addendum') } : p)),
        }));
    for (const [change, file] of [
      [false, 'trailers-thread-with-followups.verify'],
      [true, 'trailers-thread-with-followups-no-match.verify'],
    ] as const) {
      const r = buildSeries(toSeriesMessages([...v1, ...v2(change)]), NO_OVERRIDES);
      const next = r.postings.find((p) => p.version === '2')!;
      expect(r.revisions.find((x) => x.postingId === next.id)).toMatchObject({ version: 2, signal: 'change-id' });
      const expected = verify(file);
      for (const p of next.patches) expect(trailerLines(r, p.key), `${file}: ${p.title}`).toEqual(expected.get(p.title));
      const carried = r.trailers.filter((t) => t.postingId === next.id && t.source === 'carried');
      expect(carried.map((t) => t.value)).toEqual(change ? [] : ['Follow Upper <follow.upper@example.org>']);
    }
  });

  // The results b4's test_followup_trailers expects (its *-ref-*.txt files, in b4's repository),
  // as trailers per patch. Where patchlore differs from b4 it says so.
  const own = ['Fixes: abcdef01234567890', 'Link: https://msgid.link/some@msgid.here', 'Reviewed-by: Original Reviewer <original-reviewer@example.com>', 'Signed-off-by: Original Submitter <original-submitter@example.com>'];
  const r1 = 'Reviewed-by: Followup Reviewer1 <followup-reviewer1@example.com>';
  const t2 = 'Tested-by: Followup Reviewer2 <followup-reviewer2@example.com>';
  const mismatch = [{ name: 'Reviewed-by', value: 'Mismatched Reviewer1 <mismatched-reviewer1@example.net>' }];
  it.each<[string, string[], Array<{ name: string; value: string }>]>([
    ['single', [...own, r1, t2], mismatch],
    ['nore', [...own, r1], []],
    ['non-git-patch', [...own, r1], []],
    ['non-git-patch-with-comments', [...own, r1], []],
    ['with-diffstat', [...own, r1], []],
    ['stripped-lines', [...own, r1], []],
    ['htmljunk', [...own, 'Reviewed-by: HTML Junker <html-junker@example.com>'], []],
    ['bare-address', [...own, 'Cc: bare-address@example.org', 'Reviewed-by: Followup Reviewer1 (corporate) <followup-reviewer1@example.com>', t2], mismatch],
    // b4 drops the last two: its address parser reads "[corporate]" as a domain literal and the
    // comma as a list separator, so it finds no address. Both name the sender's address, so
    // patchlore counts them.
    [
      'name-parens',
      [
        ...own,
        'Reviewed-by: Followup Reviewer1 (corporate) <followup-reviewer1@example.com>',
        t2,
        'Tested-by: Followup Tester1 [corporate] <followup-tester1@example.com>',
        'Tested-by: Tester2, Followup <followup-tester2@example.com>',
      ],
      mismatch,
    ],
  ])('trailers-followup-%s.mbox', async (name, expected, mismatches) => {
    const r = await series([b4(`trailers-followup-${name}.mbox`)]);
    expect(r.postings).toHaveLength(1);
    expect(trailerLines(r, r.postings[0]!.patches[0]!.key)).toEqual(expected.sort());
    expect(r.mismatches.map((m) => ({ name: m.name, value: m.value }))).toEqual(mismatches);
  });

  it('trailers-followup-custody.mbox keeps the chain of custody and adds the follow-ups', async () => {
    const r = await series([b4('trailers-followup-custody.mbox')]);
    const lines = trailerLines(r, r.postings[0]!.patches[0]!.key);
    expect(lines).toEqual(expect.arrayContaining([r1, t2, 'Suggested-by: Friendly Suggester <suggested-by@example.com>', 'Signed-off-by: Test Override <test-override@example.com>']));
    expect(lines.filter((l) => l.startsWith('Link: '))).toHaveLength(2);
  });

  it('trailers-followup-with-cover.mbox: a review of the cover letter goes to every patch', async () => {
    const r = await series([b4('trailers-followup-with-cover.mbox')]);
    const [p1, p2] = r.postings[0]!.patches;
    const cover = 'Reviewed-by: Coverletter Reviewer1 <followup-reviewer1@example.com>';
    expect(trailerLines(r, p1!.key)).toEqual(expect.arrayContaining([cover]));
    expect(trailerLines(r, p1!.key)).not.toContain(r1);
    expect(trailerLines(r, p2!.key)).toEqual(expect.arrayContaining([cover, r1]));
    expect(r.trailers.filter((t) => t.value.startsWith('Coverletter')).map((t) => t.source)).toEqual(['cover', 'cover']);
  });

  it('trailers-followup-partial-reroll.mbox: v3 of one patch, in reply to v2, is a revision of it', async () => {
    const r = await series([b4('trailers-followup-partial-reroll.mbox')]);
    expect(r.postings.map((p) => [p.version, p.patches.map((x) => x.index)])).toEqual([
      ['2', [1, 2]],
      ['3', [2]],
    ]);
    const v3 = r.revisions.find((x) => x.version === 3)!;
    expect(v3).toMatchObject({ signal: 'in-reply-to', linkFrom: 'cover-message@example.com' });
  });

  it('trailers-followup-already-present.mbox flags only the new trailer from someone else', async () => {
    const r = await series([b4('trailers-followup-already-present.mbox')]);
    expect(r.mismatches.map((m) => m.name)).toEqual(['Tested-by']);
  });

  it('recognizes a naked cover letter by the same author, not a bug report by someone else', async () => {
    const single = await series([b4('naked-cover-single.mbox')]);
    expect(single.postings.map((p) => [p.cover, p.title])).toEqual([['naked', 'do a thing to the widget subsystem']]);
    const report = await series([b4('naked-cover-bugreport.mbox')]);
    expect(report.postings.map((p) => [p.cover, p.title])).toEqual([[null, 'widget: fix data corruption under load']]);
  });
});

describe.skipIf(skipPw)(`Patchwork's series cases${skipPw ? ` (skipped: ${skipPw})` : ''}`, () => {
  // [file, postings as [version, cover?, patch indexes], lineages]
  it.each<[string, Array<[string | null, boolean, number[]]>, number]>([
    ['base-cover-letter', [[null, true, [1, 2]]], 1],
    ['base-deep-threaded', [[null, true, [1, 2]]], 1],
    ['base-extra-patches', [[null, true, [1, 2, 3]]], 1],
    ['base-incomplete', [[null, true, [1]]], 1],
    ['base-no-cover-letter', [[null, false, [1, 2]]], 1],
    ['base-no-references', [['2', false, [1, 2]]], 1],
    ['base-no-references-no-cover', [[null, true, [1, 2]]], 1],
    ['base-out-of-order', [[null, true, [1, 2]]], 1],
    ['base-single-patch', [[null, false, [1]]], 1],
    ['base-different-versions', [['3', true, [1, 2, 3, 4]]], 1],
    ['mercurial-cover-letter', [[null, true, [1, 2]]], 1],
    ['mercurial-no-cover-letter', [[null, false, [1, 2]]], 1],
    // v1's 1/2 and v2's 2/2 share no patch and no title: nothing says they are one series.
    ['bugs-mixed-versions', [[null, false, [1]], ['2', false, [2]]], 2],
    ['bugs-nocover', [[null, false, [1, 2]], ['2', false, [1, 2]]], 1],
    ['bugs-nocover-noversion', [[null, false, [1, 2]], [null, false, [1, 2]]], 1],
    ['revision-basic', [[null, true, [1, 2]], ['2', true, [1, 2]]], 1],
    ['revision-no-cover-letter', [[null, true, [1, 2]], ['2', false, [1, 2]]], 1],
    ['revision-out-of-order', [[null, true, [1, 2]], ['2', true, [1, 2]]], 1],
    ['revision-threaded-to-cover', [[null, true, [1, 2]], ['2', true, [1, 2]]], 1],
    ['revision-threaded-to-patch', [[null, true, [1, 2]], ['2', true, [1, 2]]], 1],
    ['revision-threaded-to-single-patch', [[null, false, [1]], ['2', false, [1]]], 1],
    ['revision-unlabeled', [[null, true, [1, 2]], [null, true, [1, 2]]], 1],
    ['revision-unlabeled-noreferences', [['2', false, [1, 2]], ['2', false, [1, 2]]], 1],
  ])('%s', async (name, expected, lineages) => {
    const r = await series([pw(`${name}.mbox`)]);
    expect(r.postings.map((p) => [p.version, p.coverKey !== null, p.patches.map((x) => x.index)])).toEqual(expected);
    expect(new Set(r.revisions.map((x) => x.family)).size).toBe(lineages);
  });
});
