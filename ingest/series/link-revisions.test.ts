import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Posting, PostingEvidence, PostingTrailer, RevisionOverrides } from '../types.ts';
import { evidence, findEvidence, identities, linkRevisions, rank, titleKey, titleSimilarity } from './link-revisions.ts';

let n = 0;
const day = 86_400_000;

/** A posting with sensible defaults; `patches` are titles (fingerprint = title unless given). */
function posting(p: Partial<Posting> & { patchTitles?: string[]; fingerprints?: string[] }): Posting {
  const id = p.id ?? `p${++n}@x`;
  const titles = p.patchTitles ?? ['mm: one', 'mm: two'];
  return {
    id,
    threadId: id,
    author: { name: 'Ann Author', email: 'ann@example.org' },
    date: Date.UTC(2024, 0, 1),
    version: null,
    rfc: false,
    resend: false,
    bundle: false,
    total: titles.length,
    prefixes: [],
    title: 'mm: make things better',
    subject: '',
    coverKey: id,
    cover: 'numbered',
    patches: titles.map((title, i) => ({ key: `${id}-${i + 1}`, index: i + 1, total: titles.length, subject: title, title, fingerprint: p.fingerprints?.[i] ?? title })),
    changeId: null,
    links: [],
    changelogFrom: [],
    inReplyTo: null,
    files: ['mm/x.c'],
    signers: [],
    ...p,
  };
}

const at = (days: number) => Date.UTC(2024, 0, 1) + days * day;

function lineage(postings: Posting[], overrides?: RevisionOverrides, trailers: PostingTrailer[] = []) {
  const r = linkRevisions(postings, trailers, overrides);
  const by = new Map(r.revisions.map((x) => [x.postingId, x]));
  return { ...r, of: (p: Posting) => by.get(p.id)! };
}

describe('linkRevisions', () => {
  it('links by change-id first, even across authors', () => {
    const a = posting({ changeId: '20240101-thing-abc', date: at(0) });
    const b = posting({ changeId: '20240101-thing-abc', date: at(9), version: '2', title: 'entirely new title', author: { name: 'Bob', email: 'bob@x' } });
    const r = lineage([a, b]);
    expect(r.of(b)).toMatchObject({ family: a.id, linkFrom: a.id, signal: 'change-id', version: 2 });
  });

  it('links by a "previous version" link in the cover letter, and by replying to the previous posting', () => {
    const a = posting({ date: at(0) });
    const b = posting({ date: at(5), version: '2', title: 'other', links: [`${a.id}-2`] });
    const c = posting({ date: at(9), version: '3', title: 'again other', inReplyTo: b.id, patchTitles: ['x'] });
    const r = lineage([a, b, c]);
    expect(r.of(b)).toMatchObject({ signal: 'changelog-link', family: a.id });
    expect(r.of(c)).toMatchObject({ signal: 'in-reply-to', family: a.id });
  });

  it('links by changelog ("Changes since v1") with the same author and some likeness', () => {
    const a = posting({ date: at(0), title: 'fs/dax: Fix FS DAX page reference counts' });
    const b = posting({ date: at(60), title: 'fs/dax: Fix ZONE_DEVICE page reference counts', changelogFrom: [1], patchTitles: ['q', 'r'] });
    const r = lineage([a, b]);
    expect(r.of(b)).toMatchObject({ signal: 'changelog', version: 2, versionInferred: true });
  });

  it('links by the same title and a later version, and by shared patches under a new title', () => {
    const a = posting({ date: at(0), version: '2' });
    const b = posting({ date: at(30), version: '3', patchTitles: ['z'] });
    const c = posting({ date: at(60), version: '4', title: 'a renamed series', patchTitles: ['z', 'y'] });
    const r = lineage([a, b, c]);
    expect(r.of(b)).toMatchObject({ signal: 'subject', linkFrom: a.id });
    expect(r.of(c)).toMatchObject({ signal: 'patch-id', linkFrom: b.id, family: a.id });
  });

  it('does not link look-alike postings of different authors', () => {
    const a = posting({ date: at(0), version: '2', title: 'dax: fix a leak', patchTitles: ['dax: fix a leak'] });
    const b = posting({ date: at(3), version: '2', title: 'dax: fix a leak', patchTitles: ['dax: fix a leak'], author: { name: 'Other Person', email: 'other@example.com' } });
    const r = lineage([a, b]);
    expect(r.of(b)).toMatchObject({ family: b.id, linkFrom: null });
  });

  it('does not link a same-titled posting with a lower version, or one years later', () => {
    const a = posting({ date: at(0), version: '3' });
    const b = posting({ date: at(10), version: '2', patchTitles: ['new'] });
    const c = posting({ date: at(4 * 365), version: '4', patchTitles: ['newer'] });
    const r = lineage([a, b, c]);
    expect(new Set([r.of(a).family, r.of(b).family, r.of(c).family]).size).toBe(3);
  });

  it('keeps stable backports apart from the mainline patch and from backports to other trees', () => {
    const title = 'libnvdimm/labels: Fix divide error';
    const mainline = posting({ date: at(0), title, patchTitles: [title] });
    const sel612 = posting({ date: at(40), title, patchTitles: [title], prefixes: ['AUTOSEL', '6.12'], author: { name: 'Sasha Levin', email: 'sashal@kernel.org' } });
    const sel66 = posting({ date: at(40), title, patchTitles: [title], prefixes: ['AUTOSEL', '6.6'], author: { name: 'Sasha Levin', email: 'sashal@kernel.org' } });
    const v2in612 = posting({ date: at(45), version: '2', title, patchTitles: [title], prefixes: ['AUTOSEL', '6.12'], author: { name: 'Sasha Levin', email: 'sashal@kernel.org' } });
    const r = lineage([mainline, sel612, sel66, v2in612]);
    expect(new Set([r.of(mainline).family, r.of(sel612).family, r.of(sel66).family]).size).toBe(3);
    expect(r.of(v2in612)).toMatchObject({ family: sel612.id, linkFrom: sel612.id });
  });

  it('keeps a RESEND at the version it resends', () => {
    const a = posting({ date: at(0), version: '6' });
    const b = posting({ date: at(1), version: '6', resend: true });
    const c = posting({ date: at(2), resend: true });
    const r = lineage([a, b, c]);
    expect([r.of(a).version, r.of(b).version, r.of(c).version]).toEqual([6, 6, 6]);
    expect(r.of(c)).toMatchObject({ family: a.id, versionInferred: true });
  });

  it('numbers untagged postings: an RFC previews v1, the next untagged is v1, a "since v1" is v2', () => {
    const rfc = posting({ date: at(0), rfc: true });
    const v1 = posting({ date: at(60) });
    const v2 = posting({ date: at(120), changelogFrom: [1] });
    const v3 = posting({ date: at(180), version: '3', title: 'fs/dax: Fix ZONE_DEVICE', changelogFrom: [2] });
    const r = lineage([rfc, v1, v2, v3]);
    expect([rfc, v1, v2, v3].map((p) => [r.of(p).version, r.of(p).versionInferred])).toEqual([
      [1, true],
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(new Set([rfc, v1, v2, v3].map((p) => r.of(p).family)).size).toBe(1);
  });

  it('places a partial reroll (v5.1) after the version it rerolls', () => {
    const v5 = posting({ date: at(0), version: '5', patchTitles: ['a', 'b', 'c'] });
    const v51 = posting({ date: at(2), version: '5.1', coverKey: null, cover: null, inReplyTo: `${v5.id}-2`, patchTitles: ['b'], fingerprints: ['b2'], total: 3 });
    const v6 = posting({ date: at(9), version: '6', patchTitles: ['a', 'b', 'c'] });
    const r = lineage([v5, v51, v6]);
    expect(r.of(v51)).toMatchObject({ family: v5.id, version: 5.1, signal: 'in-reply-to' });
    expect(r.of(v6)).toMatchObject({ family: v5.id, version: 6 });
  });

  it('splits a series divided in two into two lineages, remembering where the second came from', () => {
    const v4 = posting({ date: at(0), version: '4', title: 'mm: compound devmaps', patchTitles: ['a', 'b', 'c', 'd'] });
    const v5a = posting({ date: at(30), version: '5', title: 'mm: compound pages', changelogFrom: [4], patchTitles: ['a', 'b'] });
    const v5b = posting({ date: at(90), version: '5', title: 'sparse-vmemmap: savings', changelogFrom: [4], patchTitles: ['c', 'd'] });
    const r = lineage([v4, v5a, v5b]);
    expect(r.of(v5a).family).toBe(v4.id);
    expect(r.of(v5b)).toMatchObject({ family: v5b.id, linkFrom: null, forkedFrom: v4.id });
  });

  it('puts a PATCHSETS bundle in each lineage it continues', () => {
    const rmap = posting({ date: at(0), version: '14', title: 'fsdax: rmap', patchTitles: ['r1', 'r2'] });
    const reflink = posting({ date: at(1), version: '11', title: 'fsdax: reflink', patchTitles: ['f1', 'f2'], author: rmap.author });
    const bundle = posting({ date: at(30), version: '2', bundle: true, title: 'v14 fsdax-rmap + v11 fsdax-reflink', patchTitles: ['r1', 'r2', 'f1', 'f2'] });
    const r = linkRevisions([rmap, reflink, bundle], []);
    expect(r.revisions.filter((x) => x.postingId === bundle.id).map((x) => [x.family, x.version]).sort()).toEqual(
      [
        [rmap.id, 15],
        [reflink.id, 12],
      ].sort(),
    );
  });

  it('obeys manual pins and splits over automatic links', () => {
    const a = posting({ date: at(0), version: '1' });
    const b = posting({ date: at(10), version: '2' });
    const c = posting({ date: at(20), version: '1', title: 'unrelated', patchTitles: ['u'], author: { name: 'Zed', email: 'zed@x' } });
    const r = lineage([a, b, c], { pin: [{ from: a.id, to: c.id }], split: [{ from: a.id, to: b.id }] });
    expect(r.of(c)).toMatchObject({ family: a.id, signal: 'manual', confidence: 1 });
    expect(r.of(b).family).toBe(b.id);
  });

  it('links a series someone else takes over: a later version under the same title keeping the first author\'s sign-off', () => {
    // Shaped like "mm: Convert DAX lock/unlock page to lock/unlock folio": v1 by Matthew Wilcox,
    // v2 by Jane Chu with his Signed-off-by kept.
    const title = 'mm: Convert DAX lock/unlock page to lock/unlock folio';
    const willy = { name: 'Matthew Wilcox', email: 'willy@example.org' };
    const v1 = posting({ date: at(0), title, patchTitles: [title], author: willy, coverKey: null, cover: null, total: null });
    const v2 = posting({ date: at(17), version: '2', title, patchTitles: [title], fingerprints: ['changed'], signers: ['willy@example.org', 'jane@example.org'], author: { name: 'Jane Chu', email: 'jane@example.org' }, coverKey: null, cover: null, total: null });
    // Someone else's posting of the same title without the sign-off is not a takeover.
    const other = posting({ date: at(20), version: '3', title, patchTitles: [title], fingerprints: ['other'], signers: ['zed@example.org'], author: { name: 'Zed Zee', email: 'zed@example.org' } });
    const r = lineage([v1, v2, other]);
    expect(r.of(v2)).toMatchObject({ family: v1.id, signal: 'subject', version: 2 });
    expect(r.of(other).family).toBe(other.id);
  });

  it('finds an author by name when the address is a list\'s or a relay\'s', () => {
    const direct = posting({ date: at(0), title: 'nvdimm: fix the thing', author: { name: 'Bryam Vargas', email: 'bryam@example.org' } });
    const relay = posting({ date: at(3), version: '2', title: 'nvdimm: fix the thing', author: { name: 'Bryam Vargas via B4 Relay', email: 'devnull+bryam.example.org@kernel.org' } });
    const munged = posting({ date: at(6), version: '3', title: 'nvdimm: fix the thing', author: { name: 'Bryam Vargas via Linux-nvdimm', email: 'linux-nvdimm@lists.example.org' } });
    const stranger = posting({ date: at(9), version: '4', title: 'nvdimm: fix the thing', fingerprints: ['s1', 's2'], author: { name: 'Someone Else via Linux-nvdimm', email: 'linux-nvdimm@lists.example.org' } });
    const r = lineage([direct, relay, munged, stranger]);
    expect([r.of(relay).family, r.of(munged).family]).toEqual([direct.id, direct.id]);
    expect(r.of(stranger).family).toBe(stranger.id);
  });

  it('keeps a kernel series and its user-space counterpart apart: their patches change no file in common', () => {
    const kernel = posting({ date: at(0), title: 'CXL PMEM Region Provisioning', files: ['drivers/cxl/core/region.c'] });
    const ndctl = posting({ date: at(18), title: 'cxl: Region provisioning foundation', prefixes: ['ndctl'], files: ['cxl/region.c'], patchTitles: ['n1', 'n2'] });
    const kernel2 = posting({ date: at(21), version: '2', title: 'CXL PMEM Region Provisioning', changelogFrom: [1], files: ['drivers/cxl/core/region.c', 'drivers/cxl/pmem.c'], patchTitles: ['k1', 'k2'] });
    const r = lineage([kernel, ndctl, kernel2]);
    expect(r.of(kernel2)).toMatchObject({ family: kernel.id, signal: 'changelog' });
    expect(r.of(ndctl).family).toBe(ndctl.id);
  });

  it('does not let a series swallow a patch split out of it, nor hang a new series on an old patch it took in', () => {
    const series = posting({ date: at(0), title: 'mm: Remove pXX_devmap page table bit and pfn_t type', patchTitles: ['a', 'b', 'mm: Remove PFN_MAP', 'd'] });
    const single = posting({ date: at(6), title: 'mm: Remove PFN_MAP', patchTitles: ['mm: Remove PFN_MAP'], coverKey: null, cover: null, total: null });
    const v2 = posting({ date: at(18), version: '2', title: 'mm: Remove pXX_devmap page table bit and pfn_t type', changelogFrom: [1], patchTitles: ['a', 'b', 'mm: Remove PFN_MAP', 'd', 'e'] });
    const r = lineage([series, single, v2]);
    expect(r.of(single).family).toBe(single.id);
    expect(r.of(v2)).toMatchObject({ family: series.id, linkFrom: series.id });
    // A one-patch v1 grown into a series is still found by its changelog when nothing else is.
    const patch = posting({ date: at(0), title: 'cxl/test: Add 3-way HB interleave testcase', patchTitles: ['cxl/test: Add 3-way HB interleave testcase'], coverKey: null, cover: null, total: null });
    const grown = posting({ date: at(30), version: '2', title: 'Tidy-up, then expand, cxl-xor-region.sh', changelogFrom: [1], patchTitles: ['x', 'y', 'cxl/test: Add 3-way HB interleave testcase'] });
    expect(lineage([patch, grown]).of(grown)).toMatchObject({ family: patch.id, signal: 'changelog' });
  });

  it('knows a title that lost words, a patch renamed by a word, and "Changes from V6" after v6.2', () => {
    const v2 = posting({ date: at(0), version: '2', title: 'x86/mce: retrieve poison range from hardware whenever supported', patchTitles: ['p'] });
    const v3 = posting({ date: at(2), version: '3', title: 'x86/mce: retrieve poison range from hardware', patchTitles: ['q'] });
    expect(lineage([v2, v3]).of(v3)).toMatchObject({ family: v2.id, signal: 'subject' });
    const old = posting({ date: at(0), version: '1', title: "mm/huge_memory: don't mark refcounted pages special in vmf_insert_folio_*()", patchTitles: ["mm/huge_memory: don't mark refcounted pages special in vmf_insert_folio_pmd()", 'x'] });
    const renamed = posting({ date: at(8), version: '2', title: 'mm/huge_memory: vmf_insert_folio_*() and vmf_insert_pfn_pud() fixes', changelogFrom: [1], patchTitles: ["mm/huge_memory: don't mark refcounted folios special in vmf_insert_folio_pmd()", 'y', 'z'] });
    expect(lineage([old, renamed]).of(renamed)).toMatchObject({ family: old.id, signal: 'changelog' });
    const v62 = posting({ date: at(0), version: '6.2', title: 'dax: Introduce dax_iomap_ops for end of reflink', patchTitles: ['dax: Introduce dax_iomap_ops for end of reflink'], total: 7, coverKey: null, cover: null });
    const v7 = posting({ date: at(30), version: '7', title: 'fsdax,xfs: Add reflink&dedupe support for fsdax', changelogFrom: [6], patchTitles: ['dax: Introduce dax_iomap_ops for end of reflink', 'b', 'c'] });
    expect(lineage([v62, v7]).of(v7)).toMatchObject({ family: v62.id, signal: 'changelog' });
  });

  it('numbers an untagged posting after RFCs that names only the RFC\'s version as v1', () => {
    const rfc = posting({ date: at(0), rfc: true });
    const rfc2 = posting({ date: at(30), rfc: true, version: '2' });
    const v1 = posting({ date: at(90), changelogFrom: [2] });
    const v2 = posting({ date: at(120), version: '2', changelogFrom: [1, 2] });
    const r = lineage([rfc, rfc2, v1, v2]);
    expect([rfc, rfc2, v1, v2].map((p) => [r.of(p).version, r.of(p).family])).toEqual([
      [1, rfc.id],
      [2, rfc.id],
      [1, rfc.id],
      [2, rfc.id],
    ]);
  });

  it('carries reviews to a later revision only while the patch is unchanged', () => {
    const a = posting({ date: at(0), version: '1', fingerprints: ['same', 'old'] });
    const b = posting({ date: at(9), version: '2', fingerprints: ['same', 'new'] });
    const t = (patchKey: string, name: string): PostingTrailer => ({
      postingId: a.id,
      patchKey,
      name,
      person: 'Rev',
      email: 'rev@x',
      value: 'Rev <rev@x>',
      source: 'reply',
      messageId: 'review@x',
    });
    const r = lineage([a, b], undefined, [t(`${a.id}-1`, 'Reviewed-by'), t(`${a.id}-2`, 'Acked-by')]);
    expect(r.carried.map((x) => [x.patchKey, x.name, x.source, x.messageId])).toEqual([[`${b.id}-1`, 'Reviewed-by', 'carried', 'review@x']]);
  });
});

describe('titleSimilarity', () => {
  it('is high for a reworded title, low for a different change', () => {
    expect(titleSimilarity('fs/dax: Fix FS DAX page reference counts', 'fs/dax: Fix ZONE_DEVICE page reference counts')).toBeGreaterThanOrEqual(0.6);
    expect(titleSimilarity('dax: fix leak in foo', 'dax: fix leak in bar')).toBeLessThan(0.8);
    expect(titleSimilarity('x', 'x')).toBe(1);
  });
});

/** What comparing `b` with every earlier posting finds, the way linking is defined: the
 *  predecessor among its pool (the postings of each of its author's identities and of its
 *  signers, of its title, of its change-id and those it links to: best rank, then most recent),
 *  and for a bundle every earlier posting of its pool with evidence, oldest first. */
function everyPair(postings: Posting[], b: Posting): PostingEvidence {
  const ordered = [...postings].sort((x, y) => (x.date ?? Infinity) - (y.date ?? Infinity) || (x.id < y.id ? -1 : 1));
  const place = new Map(ordered.map((p, i) => [p, i]));
  const member = new Map<string, Posting>();
  for (const p of ordered) for (const k of [p.id, p.coverKey, ...p.patches.map((x) => x.key)]) if (k) member.set(k, p);
  const earlier = ordered.filter((a) => place.get(a)! < place.get(b)!);
  const looks = new Set([...identities(b), ...b.signers]);
  const pool = earlier.filter(
    (a) =>
      identities(a).some((k) => looks.has(k)) ||
      titleKey(a.title) === titleKey(b.title) ||
      (b.changeId && a.changeId === b.changeId) ||
      b.links.some((l) => member.get(l) === a),
  );
  let best: ReturnType<typeof evidence> = null;
  for (const a of pool) {
    const c = evidence(a, b, member);
    if (c && (!best || rank(c, b) > rank(best, b) || (rank(c, b) === rank(best, b) && place.get(c.from)! > place.get(best.from)!))) best = c;
  }
  const stored = (c: NonNullable<typeof best>) => ({ from: c.from.id, signal: c.signal, confidence: c.confidence });
  const bundled = b.bundle ? pool.flatMap((a) => evidence(a, b, member) ?? []) : [];
  return { postingId: b.id, predecessor: best && stored(best), bundled: bundled.map(stored) };
}

describe('findEvidence', () => {
  const word = fc.constantFrom('mm', 'dax', 'fix', 'page', 'refcount', 'zone', 'device', 'folio');
  const arb = fc
    .array(
      fc.record({
        author: fc.constantFrom('ann@x', 'bob@x', 'ANN@x', ''),
        name: fc.constantFrom('Ann Author', 'Bob Builder', 'Ann'),
        day: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
        title: fc.array(word, { maxLength: 5 }),
        version: fc.constantFrom(null, '1', '2', '3', '2.1'),
        rfc: fc.boolean(),
        resend: fc.boolean(),
        bundle: fc.boolean(),
        prefixes: fc.constantFrom([], ['6.1']),
        changeId: fc.constantFrom(null, null, 'c1', 'c2'),
        patches: fc.array(fc.record({ title: fc.array(word, { minLength: 1, maxLength: 3 }), fp: fc.constantFrom('', 'f1', 'f2', 'f3', 'f4') }), { maxLength: 4 }),
        changelogFrom: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
        links: fc.array(fc.nat(), { maxLength: 2 }),
        inReplyTo: fc.option(fc.nat(), { nil: null }),
        signers: fc.constantFrom([], ['ann@x'], ['bob@x'], ['name:bob builder']),
        files: fc.constantFrom([], ['mm/x.c'], ['fs/dax.c'], ['mm/x.c', 'fs/dax.c']),
      }),
      { minLength: 1, maxLength: 30 },
    )
    .map((specs) => {
      const ps = specs.map((s, i): Posting =>
        posting({
          id: `q${i}@x`,
          author: { name: s.name, email: s.author },
          date: s.day === null ? null : at(s.day),
          title: s.title.join(' '),
          version: s.version,
          rfc: s.rfc,
          resend: s.resend,
          bundle: s.bundle && i % 4 === 0,
          prefixes: [...s.prefixes],
          changeId: s.changeId,
          changelogFrom: [...s.changelogFrom].sort(),
          patchTitles: s.patches.map((x) => x.title.join(' ')),
          fingerprints: s.patches.map((x) => x.fp),
          signers: [...s.signers],
          files: [...s.files],
        }),
      );
      const keyOf = (n: number) => {
        const p = ps[n % ps.length]!;
        return p.patches[0]?.key ?? p.id;
      };
      return ps.map((p, i) => ({ ...p, links: specs[i]!.links.map(keyOf), inReplyTo: specs[i]!.inReplyTo === null ? null : keyOf(specs[i]!.inReplyTo!) }));
    });

  it('finds what comparing every pair of postings finds', () => {
    fc.assert(
      fc.property(arb, (ps) => {
        const found = findEvidence(ps, ps.map((p) => p.id));
        expect(found).toEqual(ps.map((b) => everyPair(ps, b)));
      }),
      { numRuns: 400 },
    );
  });

  it('gives linkRevisions the same lineages as a scope as when it finds them itself', () => {
    fc.assert(
      fc.property(arb, (ps) => {
        const evidence = new Map(findEvidence(ps, ps.map((p) => p.id)).map((e) => [e.postingId, e]));
        expect(linkRevisions(ps, [], undefined, { evidence })).toEqual(linkRevisions(ps, []));
      }),
      { numRuns: 100 },
    );
  });

  it('says which posting a scope left out', () => {
    const a = posting({ date: at(0) });
    const b = posting({ date: at(5), version: '2' });
    const evidence = new Map(findEvidence([a, b], [a.id, b.id]).map((e) => [e.postingId, e]));
    expect(() => linkRevisions([b], [], undefined, { evidence })).toThrow(`BUG: evidence names ${a.id}`);
    expect(() => findEvidence([a], [b.id])).toThrow('BUG');
  });
});
