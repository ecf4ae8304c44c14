import { describe, expect, it } from 'vitest';
import type { MatchCandidate, PageMessage } from '../types.ts';
import { matchPage } from './match-page.ts';
import { readPageId } from './page-message-id.ts';

const at = Date.UTC(2024, 3, 11, 12, 25, 30);

function page(over: Partial<PageMessage> = {}): PageMessage {
  return {
    generator: 'hypermail',
    version: '2.4.1',
    provenance: { source: 'p.html', anchor: '' },
    messageId: readPageId('20240411122530.GQ5383_at_xxxxxxxxxx', 'spelt-out'),
    references: [],
    inReplyTo: null,
    subject: 'Re: [RFC 02/10] mm/hmm: Remove dead check for HugeTLB and FS DAX',
    from: { name: 'Jason Gunthorpe', email: 'jgg@xxxxxxxxxx' },
    to: [],
    cc: [],
    date: { written: 'Thu, 11 Apr 2024 09:25:30 -0300', ms: at, precision: 'second' },
    body: '',
    obfuscated: [],
    listId: '',
    diagnostics: [],
    ...over,
  };
}

const original: MatchCandidate = {
  messageId: '20240411122530.GQ5383@nvidia.com',
  subject: 'Re: [RFC 02/10] mm/hmm: Remove dead check for HugeTLB and FS DAX',
  from: { name: 'Jason Gunthorpe', email: 'jgg@nvidia.com' },
  date: at,
};
const sibling: MatchCandidate = { ...original, messageId: 'ZhfnnYfqWKZn5Inh@x1n', from: { name: 'Peter Xu', email: 'peterx@redhat.com' }, date: at + 4 * 3600_000 };

describe('matchPage', () => {
  it('takes the message whose ID, subject, author and date agree, with the evidence', () => {
    const r = matchPage(page(), [sibling, original]);
    expect(r).toMatchObject({ kind: 'match', messageId: original.messageId, confidence: 0.99 });
    if (r.kind !== 'match') throw new Error('no match');
    expect(r.evidence.map((e) => [e.field, e.verdict])).toEqual([
      ['message-id', 'agrees'],
      ['subject', 'agrees'],
      ['author', 'agrees'],
      ['date', 'agrees'],
    ]);
    expect(r.evidence[0]!.detail).toBe('page 20240411122530.GQ5383_at_xxxxxxxxxx (20240411122530.GQ5383@...), stored 20240411122530.GQ5383@nvidia.com');
  });

  it('matches on subject, author and date when nothing of the ID is left', () => {
    const r = matchPage(page({ messageId: readPageId('1796390334.0000_at_hypermail.dummy', 'spelt-out') }), [sibling, original]);
    expect(r).toMatchObject({ kind: 'match', messageId: original.messageId, confidence: 0.95 });
  });

  it('never takes a candidate what is left of the ID contradicts', () => {
    const r = matchPage(page({ messageId: readPageId('20240411999999.XX_at_xxxxx', 'spelt-out') }), [original]);
    expect(r).toEqual({ kind: 'none', reason: 'no-candidates', best: null });
  });

  it('refuses weak evidence: a subject and an author without a date', () => {
    const r = matchPage(page({ messageId: readPageId('', 'plain'), date: { written: '', ms: null, precision: 'none' } }), [original]);
    expect(r).toMatchObject({ kind: 'none', reason: 'too-weak', best: { messageId: original.messageId, confidence: 0.5 } });
  });

  it('refuses to choose between two candidates equally good', () => {
    const twin: MatchCandidate = { ...original, messageId: 'other@nvidia.com' };
    const r = matchPage(page({ messageId: readPageId('', 'plain') }), [original, twin]);
    expect(r).toMatchObject({ kind: 'none', reason: 'ambiguous' });
  });

  it('reads minute-precise dates as the minute they start (public-inbox thread pages)', () => {
    const minute = { written: '2024-04-11 12:25 UTC', ms: Date.UTC(2024, 3, 11, 12, 25), precision: 'minute' as const };
    const r = matchPage(page({ messageId: readPageId('', 'plain'), date: minute, from: { name: 'Jason Gunthorpe', email: '' } }), [original, sibling]);
    expect(r).toMatchObject({ kind: 'match', messageId: original.messageId });
    const late = matchPage(page({ messageId: readPageId('', 'plain'), date: { ...minute, ms: minute.ms + 60_000 } }), [original]);
    expect(late.kind).toBe('none');
  });

  it('treats copies of one Message-ID as one candidate', () => {
    expect(matchPage(page(), [original, { ...original }])).toMatchObject({ kind: 'match', messageId: original.messageId });
  });
});
