import { describe, expect, it } from 'vitest';
import { aPosting } from '../test-support/posting-builder.ts';
import type { Posting, PostingEvidence } from '../types.ts';
import { authorKey, foundUnder, poolKeys } from './link-revisions.ts';
import { evidenceContext, evidenceScope, lineageScope, memberKeys, pinnedPartners, type LinkReader } from './link-scope.ts';

const DAY = 86_400_000;

function posting(id: string, o: Partial<Posting> & { email?: string; day?: number | null } = {}): Posting {
  const { email, day, ...rest } = o;
  // Ann is one person whatever the address's case; everyone else another (acc's identities: a
  // name of two words is a person too).
  const name = (email ?? 'ann@x').toLowerCase() === 'ann@x' ? 'Ann Author' : `Person ${email}`;
  return aPosting(id, { author: { name, email: email ?? 'ann@x' }, date: day === null ? null : (day ?? 0) * DAY, ...rest });
}

/** A reader over stored postings and their kept evidence. */
function reader(postings: Posting[], evidence: PostingEvidence[] = []): LinkReader {
  const member = new Map(postings.flatMap((p) => memberKeys(p).map((k) => [k, p.id] as const)));
  const names = (e: PostingEvidence) => [...(e.predecessor ? [e.predecessor.from] : []), ...e.bundled.map((c) => c.from)];
  return {
    postingsOfAuthor: (key) => postings.filter((p) => authorKey(p) === key),
    postingsUnder: (keys) => postings.filter((p) => foundUnder(p).some((k) => keys.includes(k))),
    postingsLookingUnder: (keys) => postings.filter((p) => poolKeys(p).some((k) => keys.includes(k))),
    postingsWithChangeId: (id) => postings.filter((p) => p.changeId === id),
    postingsLinkingTo: (keys) => postings.filter((p) => p.links.some((l) => keys.includes(l))).map((p) => p.id),
    postingOfMember: (key) => member.get(key) ?? null,
    postingRecords: (ids) => postings.filter((p) => ids.includes(p.id)),
    evidence: (ids) => evidence.filter((e) => ids.includes(e.postingId)),
    evidenceNaming: (ids) => evidence.filter((e) => names(e).some((n) => ids.includes(n))).map((e) => e.postingId),
  };
}

const link = (postingId: string, from: string | null, bundled: string[] = []): PostingEvidence => ({
  postingId,
  predecessor: from === null ? null : { from, signal: 'subject', confidence: 0.7 },
  bundled: bundled.map((f) => ({ from: f, signal: 'patch-id', confidence: 0.6 })),
});

describe('evidenceScope', () => {
  const stored = [
    posting('a1', { day: 1 }),
    posting('a2', { day: 5 }),
    posting('a3', { day: 9, email: 'ANN@x' }),
    posting('a-undated', { day: null }),
    posting('b1', { day: 2, email: 'bob@x', changeId: 'c' }),
    posting('b2', { day: 8, email: 'bob@x' }),
    posting('c1', { day: 0, email: 'cid@x', changeId: 'c' }),
    posting('c2', { day: 3, email: 'cid@x', changeId: 'c' }),
    posting('l1', { day: 0, email: 'linker@x', links: ['gone.1'] }),
    posting('l2', { day: 0, email: 'linker@x' }),
  ];

  it("holds the author's postings from the changed one's date on, whatever the address's case", () => {
    expect([...evidenceScope([posting('new', { day: 5 })], reader(stored))].sort()).toEqual(['a-undated', 'a2', 'a3']);
  });

  it("holds the change-id's postings from its date on, and the postings linking to it as it was", () => {
    const gone = posting('gone', { day: 2.5, email: 'x@x', changeId: 'c' });
    expect([...evidenceScope([gone], reader(stored))].sort()).toEqual(['c2', 'l1']);
  });

  it("holds, from the changed one's date on, the postings of its title and those its author signed off (acc: takeovers)", () => {
    const more = [
      posting('t0', { day: 1, email: 'dave@x', title: 'mm: shared title' }),
      posting('t2', { day: 6, email: 'dave@x', title: 'mm: Shared  title' }),
      posting('s0', { day: 1, email: 'eve@x', signers: ['carol@x'] }),
      posting('s1', { day: 7, email: 'eve@x', signers: ['carol@x'] }),
      posting('s2', { day: 7, email: 'eve@x', signers: ['dave@x'] }),
    ];
    const changed = posting('new', { day: 5, email: 'carol@x', title: 'mm: shared title' });
    expect([...evidenceScope([changed], reader([...stored, ...more]))].sort()).toEqual(['s1', 't2']);
  });

  it('holds every posting of an undated change from undated ones on', () => {
    expect([...evidenceScope([posting('u', { day: null, email: 'bob@x' })], reader(stored))]).toEqual([]);
  });
});

describe('evidenceContext', () => {
  it("is the author's postings with the targets' change-ids' and linked postings", () => {
    const stored = [posting('t', { changeId: 'c', links: ['x.1', 'nowhere'] }), posting('o', { email: 'o@x', changeId: 'c' }), posting('x', { email: 'x@x' }), posting('y', { email: 'y@x' })];
    const r = reader(stored);
    expect(evidenceContext([stored[0]!], r.postingsOfAuthor('ann@x'), r).map((p) => p.id).sort()).toEqual(['o', 't', 'x']);
  });
});

describe('evidenceContext, acc pool', () => {
  it("holds the postings of the targets' titles, of their signers, and of each identity of their authors", () => {
    const stored = [
      posting('t', { email: 'dave@x', title: 'mm: shared title', signers: ['carol@x'] }),
      posting('same-title', { email: 'zed@x', title: 'mm: shared title' }),
      posting('signer', { email: 'carol@x', title: 'other' }),
      posting('by-name', { author: { name: 'Person dave@x', email: 'dave@elsewhere' }, title: 'third' }),
      posting('unrelated', { email: 'y@x', title: 'fourth' }),
    ];
    const r = reader(stored);
    expect(evidenceContext([stored[0]!], [stored[0]!], r).map((p) => p.id).sort()).toEqual(['by-name', 'same-title', 'signer', 't']);
  });
});

describe('lineageScope', () => {
  const stored = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => posting(id));
  // a <- b <- c; d forked off b's predecessor; e a bundle continuing c; f alone; g pinned to f.
  const evidence = [link('a', null), link('b', 'a'), link('c', 'b'), link('d', 'a'), link('e', null, ['c']), link('f', null), link('g', null)];

  it('follows evidence both ways, bundles and pins, and nothing else', () => {
    const r = reader(stored, evidence);
    expect(lineageScope(['c'], r, new Map()).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(lineageScope(['f'], r, new Map()).sort()).toEqual(['f']);
    expect(lineageScope(['f'], r, new Map([['f', ['g']], ['g', ['f']]])).sort()).toEqual(['f', 'g']);
  });

  it('leaves out what was taken before', () => {
    expect(lineageScope(['c'], reader(stored, evidence), new Map(), new Set(['a', 'b', 'd'])).sort()).toEqual(['c', 'e']);
  });
});

describe('pinnedPartners', () => {
  it('pairs the postings of both ends, each way, skipping pins to nothing or to itself', () => {
    const r = reader([posting('p'), posting('q', { coverKey: 'q-cover' })]);
    const pins = { pin: [{ from: 'p.1', to: 'q-cover' }, { from: 'p', to: 'missing' }, { from: 'p', to: 'p.1' }], split: [] };
    expect(Object.fromEntries(pinnedPartners(pins, r))).toEqual({ p: ['q'], q: ['p'] });
  });
});
