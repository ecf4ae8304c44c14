import { describe, expect, it } from 'vitest';
import { minePatch } from '../patch/mine-patch.ts';
import { corpusMissing, corpusPath } from '../test-support/corpus.ts';
import { seriesMessagesOf } from '../test-support/series-messages.ts';
import type { SeriesMessage } from '../types.ts';
import { buildSeries } from './build-series.ts';
import { groupPostings, UNTHREADED_WINDOW_MS } from './group-postings.ts';
import { NO_OVERRIDES } from './link-revisions.ts';

const ann = { name: 'Ann', email: 'ann@example.org' };
const diff = (n: string) => `Change ${n}.\n\nSigned-off-by: Ann <ann@example.org>\n---\ndiff --git a/${n}.c b/${n}.c\n--- a/${n}.c\n+++ b/${n}.c\n@@ -1 +1 @@\n-a\n+${n}\n`;

function msg(key: string, subject: string, opts: { parent?: string | null; thread?: string; minute?: number; body?: string; from?: typeof ann } = {}): SeriesMessage {
  const parent = opts.parent ?? null;
  return {
    key,
    threadId: opts.thread ?? key,
    parent,
    date: Date.UTC(2024, 0, 1, 0, opts.minute ?? 0),
    from: opts.from ?? ann,
    subject,
    meta: minePatch({ subject, body: opts.body ?? (/ 0\/\d/.test(subject) ? 'Cover.\n' : diff(key)), from: opts.from ?? ann, isReply: parent !== null }),
  };
}

const shape = (ms: SeriesMessage[]) => groupPostings(ms).map((p) => [p.version, p.coverKey, p.patches.map((x) => x.key)]);

describe('groupPostings', () => {
  it('groups a threaded series under its cover letter', () => {
    const t = 'c@x';
    expect(shape([msg('c@x', '[PATCH v2 0/2] thing'), msg('1@x', '[PATCH v2 1/2] a', { parent: 'c@x', thread: t }), msg('2@x', '[PATCH v2 2/2] b', { parent: 'c@x', thread: t })])).toEqual([
      ['2', 'c@x', ['1@x', '2@x']],
    ]);
  });

  it('gives a cover letter the patches replying to it when it miscounts them, of the same version', () => {
    // Shaped like "[PATCH v2 0/7] badblocks improvement" leading "[PATCH v2 1/6]"s.
    const t = 'c@x';
    const ms = [msg('c@x', '[PATCH v2 0/7] badblocks'), msg('1@x', '[PATCH v2 1/6] a', { parent: 'c@x', thread: t }), msg('2@x', '[PATCH v2 2/6] b', { parent: 'c@x', thread: t })];
    expect(shape(ms)).toEqual([['2', 'c@x', ['1@x', '2@x']]]);
    // Not patches of another version.
    const other = [msg('c@x', '[PATCH v2 0/7] badblocks'), msg('1@x', '[PATCH v3 1/6] a', { parent: 'c@x', thread: t })];
    expect(shape(other)).toHaveLength(2);
  });

  it('joins a patch replying to mail the archive lacks with the rest of its send', () => {
    // Shaped like "[PATCH v4 00/35] Remove .notify callback": the list saw the cover letter and
    // patch 7, sent by a second git send-email run in reply to patch 2, which went elsewhere.
    const ms = [msg('c@x', '[PATCH v4 00/35] Remove .notify', { minute: 0 }), msg('7@x', '[PATCH v4 07/35] acpi/nfit: Move handler', { parent: 'absent-2@x', thread: '7@x', minute: 1 })];
    expect(shape(ms)).toEqual([['4', 'c@x', ['7@x']]]);
  });

  it('groups patches sent without threading when sent together, not when hours apart', () => {
    const together = [msg('1@x', '[PATCH 1/3] a', { minute: 0 }), msg('2@x', '[PATCH 2/3] b', { minute: 1 }), msg('3@x', '[PATCH 3/3] c', { minute: 2 })];
    expect(shape(together)).toEqual([[null, null, ['1@x', '2@x', '3@x']]]);
    const apart = [msg('1@x', '[PATCH 1/2] a', { minute: 0 }), msg('2@x', '[PATCH 2/2] b', { minute: UNTHREADED_WINDOW_MS / 60_000 + 5 })];
    expect(shape(apart)).toHaveLength(2);
    const others = [msg('1@x', '[PATCH 1/2] a'), msg('2@x', '[PATCH 2/2] b', { from: { name: 'Bob', email: 'bob@x' } })];
    expect(shape(others)).toHaveLength(2);
  });

  it('keeps a partial reroll (v5.1 in reply to patch 2 of v5) apart from v5', () => {
    const t = 'c@x';
    const ms = [
      msg('c@x', '[PATCH v5 0/3] thing'),
      msg('1@x', '[PATCH v5 1/3] a', { parent: 'c@x', thread: t }),
      msg('2@x', '[PATCH v5 2/3] b', { parent: 'c@x', thread: t }),
      msg('3@x', '[PATCH v5 3/3] c', { parent: 'c@x', thread: t }),
      msg('2b@x', '[PATCH v5.1 2/3] b', { parent: '2@x', thread: t, minute: 60 }),
    ];
    expect(shape(ms)).toEqual([
      ['5', 'c@x', ['1@x', '2@x', '3@x']],
      ['5.1', null, ['2b@x']],
    ]);
  });

  it('keeps a series sent in reply to the previous one apart, and links them', () => {
    const t = 'c1@x';
    const ms = [
      msg('c1@x', '[PATCH 0/1] thing'),
      msg('a1@x', '[PATCH 1/1] a', { parent: 'c1@x', thread: t }),
      msg('c2@x', '[PATCH v2 0/1] thing', { parent: 'c1@x', thread: t, minute: 600 }),
      msg('a2@x', '[PATCH v2 1/1] a', { parent: 'c2@x', thread: t, minute: 601 }),
    ];
    const r = buildSeries(ms, NO_OVERRIDES);
    expect(r.postings.map((p) => [p.version, p.coverKey, p.patches.map((x) => x.key)])).toEqual([
      [null, 'c1@x', ['a1@x']],
      ['2', 'c2@x', ['a2@x']],
    ]);
    expect(r.revisions.find((x) => x.postingId === 'c2@x')).toMatchObject({ family: 'c1@x', signal: 'in-reply-to', version: 2 });
  });

  it('takes a RESEND cover with untagged patches as one posting', () => {
    const t = 'c@x';
    expect(shape([msg('c@x', '[RESEND PATCH v8 0/2] thing'), msg('1@x', '[PATCH v8 1/2] a', { parent: 'c@x', thread: t }), msg('2@x', '[PATCH v8 2/2] b', { parent: 'c@x', thread: t })])).toEqual([
      ['8', 'c@x', ['1@x', '2@x']],
    ]);
  });

  it('does not take replies, pull requests or notices as postings', () => {
    const ms = [
      msg('p@x', '[PATCH] a'),
      msg('r@x', 'Re: [PATCH] a', { parent: 'p@x', thread: 'p@x', body: `> ${diff('q')}` }),
      msg('n@x', '+ a.patch added to mm-unstable branch', { body: diff('n') }),
    ];
    expect(shape(ms)).toEqual([[null, null, ['p@x']]]);
  });
});

const DL = ['fixtures-dlespiau-patchwork', 'patchwork/tests/mail/series'];
const skip = corpusMissing(...DL);
describe.skipIf(skip)(`dlespiau's series mail${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const files = (prefix: string) => ['0', '1', '2', '3', '4'].map((d) => corpusPath(...DL, `${prefix}${d}`));
  it('a v2 patch posted in reply to the discussion of v1 is a new revision of it', async () => {
    const ms = await seriesMessagesOf(
      ['0030-patch-v2-in-reply.mbox', '0031-patch-v2-in-reply.mbox', '0032-patch-v2-in-reply.mbox', '0033-patch-v2-in-reply.mbox'].map((f) => corpusPath(...DL, f)),
    );
    const r = buildSeries(ms, NO_OVERRIDES);
    expect(r.postings.map((p) => [p.version, p.patches.length])).toEqual([
      [null, 1],
      ['2', 1],
    ]);
    expect(new Set(r.revisions.map((x) => x.family)).size).toBe(1);
    expect(r.revisions.map((x) => x.version)).toEqual([1, 2]);
  });

  it('groups a series with and without a cover letter', async () => {
    const withCover = await seriesMessagesOf(files('001').filter((f) => /00(10|11|12|13|14)/.test(f)).map((f) => f + '-multiple-mails-cover-letter.mbox'));
    expect(groupPostings(withCover).map((p) => [p.coverKey !== null, p.patches.length])).toEqual([[true, 4]]);
    const noCover = await seriesMessagesOf(['0020', '0021', '0022'].map((n) => corpusPath(...DL, `${n}-multiple-mails-no-cover-letter.mbox`)));
    expect(groupPostings(noCover).map((p) => [p.version, p.coverKey !== null, p.patches.length])).toEqual([['2', false, 3]]);
  });
});
