import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingReference, PATCHWORK_REFERENCE } from '../test-support/patchwork-tool.ts';
import { mboxMessageIds } from './mbox-message-ids.ts';
import { planMissingMail } from './plan-missing-mail.ts';

describe('planMissingMail', () => {
  it('fetches a series mbox per series (patches only), falling back to each patch; covers and lone patches by their own', () => {
    const plan = planMissingMail([
      { messageId: 'c@x', kind: 'cover', id: 11, seriesId: 14 },
      { messageId: 'p1@x', kind: 'patch', id: 128, seriesId: 14 },
      { messageId: 'p2@x', kind: 'patch', id: 129, seriesId: 14 },
      { messageId: 'lone@x', kind: 'patch', id: 500, seriesId: null },
      { messageId: 'p1@x', kind: 'patch', id: 128, seriesId: 14 },
    ]);
    expect(plan).toEqual([
      { of: 'cover', id: 11, messageIds: ['c@x'], fallback: [] },
      {
        of: 'series',
        id: 14,
        messageIds: ['p1@x', 'p2@x'],
        fallback: [
          { of: 'patch', id: 128, messageIds: ['p1@x'], fallback: [] },
          { of: 'patch', id: 129, messageIds: ['p2@x'], fallback: [] },
        ],
      },
      { of: 'patch', id: 500, messageIds: ['lone@x'], fallback: [] },
    ]);
    expect(planMissingMail([])).toEqual([]);
  });
});

describe('mboxMessageIds', () => {
  it('finds folded and unfolded Message-IDs in header blocks only', () => {
    const mbox = [
      'From patchwork Wed Apr 20 15:53:06 2022',
      'Subject: one',
      'Message-Id:',
      ' <a@x>',
      '',
      'Message-ID: <in-body@x>',
      'From here on the body goes on',
      '',
      'From patchwork Wed Apr 20 15:53:07 2022',
      'message-id: <b@x> (comment)',
      '',
      'body',
    ].join('\n');
    expect(mboxMessageIds(mbox)).toEqual(['a@x', 'b@x']);
  });

  it.skipIf(missingReference)(`finds the five patches of a real series mbox${missingReference ? ` (skipped: ${missingReference})` : ''}`, () => {
    const ids = mboxMessageIds(readFileSync(join(PATCHWORK_REFERENCE, 'series-14.mbox'), 'utf8'));
    expect(ids).toEqual([2, 3, 4, 5, 6].map((n) => `20220420155310.9712-${n}-joao.m.martins@oracle.com`));
  });
});
