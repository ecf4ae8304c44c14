import { describe, expect, it } from 'vitest';
import type { Address, FoundTrailer, PatchMeta, Posting, SeriesMessage } from '../types.ts';
import { collectTrailers, trailerIdentity } from './collect-trailers.ts';

const author: Address = { name: 'Ann Author', email: 'ann@example.org' };

function message(key: string, parent: string | null, from: Address, kind: PatchMeta['kind'], trailers: FoundTrailer[] = []): SeriesMessage {
  return { key, threadId: 'p1@x', parent, date: 0, from, subject: key, meta: { kind, trailers } as unknown as PatchMeta };
}

const posting: Posting = {
  id: 'p1@x',
  threadId: 'p1@x',
  author,
  date: 0,
  version: null,
  rfc: false,
  resend: false,
  bundle: false,
  total: null,
  prefixes: [],
  title: 'mm: one',
  subject: '[PATCH] mm: one',
  coverKey: null,
  cover: null,
  patches: [{ key: 'p1@x', index: 1, total: 1, subject: '[PATCH] mm: one', title: 'mm: one', fingerprint: 'f' }],
  changeId: null,
  links: [],
  changelogFrom: [],
  inReplyTo: null,
  files: [],
  signers: [],
};

const reviewedBy = (person: string, email: string): FoundTrailer => ({ name: 'Reviewed-by', value: `${person} <${email}>`, person, email });

describe('collectTrailers', () => {
  it('names the sender of a mismatched trailer as "Name <addr>", or just the name when the address is empty', () => {
    const { trailers, mismatches } = collectTrailers(
      [
        message('p1@x', null, author, 'patch'),
        message('r1@x', 'p1@x', { name: 'Other Person', email: 'other@example.org' }, 'reply', [reviewedBy('Someone Else', 'someone@example.org')]),
        message('r2@x', 'p1@x', { name: 'No Address', email: '' }, 'reply', [reviewedBy('Third Party', 'third@example.org')]),
      ],
      [posting],
    );
    expect(trailers).toEqual([]);
    expect(mismatches.map((m) => m.sender)).toEqual(['Other Person <other@example.org>', 'No Address']);
  });

  it('keeps a trailer given twice once, whatever its case and spacing', () => {
    const t = reviewedBy('Rae Viewer', 'rae@example.org');
    const { trailers } = collectTrailers(
      [
        message('p1@x', null, author, 'patch'),
        message('r1@x', 'p1@x', { name: 'Rae Viewer', email: 'rae@example.org' }, 'reply', [t]),
        message('r2@x', 'r1@x', { name: 'Rae Viewer', email: 'rae@example.org' }, 'reply', [{ ...t, name: 'Reviewed-by', value: 'rae  VIEWER <rae@example.org>' }]),
      ],
      [posting],
    );
    expect(trailers.map((x) => x.messageId)).toEqual(['r1@x']);
  });
});

describe('trailerIdentity', () => {
  it('ignores case and runs of white space', () => {
    expect(trailerIdentity({ name: 'Reviewed-by', value: 'Rae  Viewer <rae@example.org>' })).toBe(trailerIdentity({ name: 'reviewed-by', value: 'rae viewer <RAE@example.org>' }));
    expect(trailerIdentity({ name: 'Acked-by', value: 'A <a@x>' })).not.toBe(trailerIdentity({ name: 'Reviewed-by', value: 'A <a@x>' }));
  });
});
