// Trailers against b4: every posting of the corpus' thread files (wish1, revisions, related),
// patch by patch, against what b4 0.12 `am -t` collected (recorded in b4/trailers.json by
// scripts/record-b4-trailers.ts, so neither b4 nor a network is needed). Every difference is
// listed below with its reason (README "Trailers against b4"); any other fails. Three series are
// checked whole: fs/dax v9 (ZONE_DEVICE page reference counts), DAX-gup v3 and fs/dax v6. Skipped,
// saying why, without the corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { joinParts } from '../../ingest/message/message-body.ts';
import { buildSeries } from '../../ingest/series/build-series.ts';
import { NO_OVERRIDES } from '../../ingest/series/link-revisions.ts';
import { CORPUS, corpusMissing } from '../../ingest/test-support/corpus.ts';
import { messagesOf, toSeriesMessages } from '../../ingest/test-support/series-messages.ts';
import type { B4Posting } from '../../scripts/record-b4-trailers.ts';

const recorded = JSON.parse(readFileSync(new URL('./b4/trailers.json', import.meta.url), 'utf8')) as { b4: string; postings: B4Posting[] };
const missing = corpusMissing('nvdimm/threads/wish1');

/** A trailer line as compared: name and value in lower case, quotes and the angle brackets of a
 *  bare address dropped, runs of spaces as one, the "# comment" aside (b4 compares without it). */
function norm(line: string): string {
  const [, name, value] = /^([^:]+):\s*(.*)$/.exec(line.trim()) ?? ['', line, ''];
  const v = value!
    .replace(/\s+#[^#]+$/, '')
    .replace(/"/g, '')
    .replace(/^<([^<>\s]+@[^<>\s]+)>$/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return `${name!.trim().toLowerCase()}: ${v.toLowerCase()}`;
}

/** One difference: patchlore has a trailer b4 does not ('+'), or b4 has one patchlore does not. */
interface Difference {
  subject: string;
  patch: number;
  side: '+' | '-';
  trailer: string;
}

/** A thread file's messages, series, and message bodies (for explaining differences). */
interface Thread {
  series: ReturnType<typeof buildSeries>;
  bodies: Map<string, string>;
}

const threads = new Map<string, Promise<Thread>>();
function thread(file: string): Promise<Thread> {
  let t = threads.get(file);
  if (!t) {
    t = (async () => {
      const messages = await messagesOf([join(CORPUS, file)]);
      return { series: buildSeries(toSeriesMessages(messages), NO_OVERRIDES), bodies: new Map(messages.map((m) => [m.messageId, joinParts(m).body])) };
    })();
    threads.set(file, t);
  }
  return t;
}

/** patchlore's trailers of every patch of the posting b4 was asked about, as "Name: value", and
 *  the patches' keys by number. */
async function patchloreTrailers(p: B4Posting): Promise<{ trailers: Map<number, string[]>; keys: Map<number, string> }> {
  const { series } = await thread(p.file);
  const posting = series.postings.find((x) => x.coverKey === p.messageId || x.patches[0]?.key === p.messageId)!;
  const trailers = new Map<number, string[]>();
  const keys = new Map<number, string>();
  for (const x of posting.patches) {
    keys.set(x.index, x.key);
    trailers.set(
      x.index,
      series.trailers.filter((t) => t.patchKey === x.key && t.source !== 'carried').map((t) => `${t.name}: ${t.value}`),
    );
  }
  return { trailers, keys };
}

function differences(p: B4Posting, mine: Map<number, string[]>): Difference[] {
  const out: Difference[] = [];
  for (const [n, theirs] of Object.entries(p.patches)) {
    const ours = mine.get(Number(n)) ?? [];
    const t = new Set(theirs.map(norm));
    const o = new Set(ours.map(norm));
    for (const x of ours) if (!t.has(norm(x))) out.push({ subject: p.subject, patch: Number(n), side: '+', trailer: x });
    for (const x of theirs) if (!o.has(norm(x))) out.push({ subject: p.subject, patch: Number(n), side: '-', trailer: x });
  }
  return out;
}

/** Whether the last paragraph of a patch's commit message (above "---") holds no trailer line. */
function endsWithoutTrailers(body: string): boolean {
  const end = body.search(/^---$/m);
  const paragraphs = (end < 0 ? body : body.slice(0, end)).trim().split(/\n\s*\n/);
  return !/^\w\S*: \S/m.test(paragraphs[paragraphs.length - 1] ?? '');
}

/** Why patchlore and b4 0.12 differ; every difference the corpus shows has one. */
type Reason = 'changelog below the trailers' | 'base-commit in a reply' | 'below a scissors line';
function explain(d: Difference, t: Thread, patchKey: string | undefined): Reason | null {
  // The author put a changelog or a note between the trailers and "---": b4 reads only the last
  // paragraph, patchlore the trailer block above it.
  if (d.side === '+' && patchKey && endsWithoutTrailers(t.bodies.get(patchKey) ?? '')) return 'changelog below the trailers';
  // A reviewer's "base-commit:" names the tree they tested on, not something to add to the patch.
  if (d.side === '-' && /^base-commit:/i.test(d.trailer)) return 'base-commit in a reply';
  // A reply carrying a patch of the reviewer's own below "-- >8 --": b4 adds that patch's
  // trailers to the patch replied to.
  const below = (body: string): boolean => {
    const cut = body.search(/^\s*-+\s*(?:>8|8<)\s*-+/m);
    return cut >= 0 && body.slice(cut).includes(d.trailer);
  };
  if (d.side === '-' && [...t.bodies.values()].some(below)) return 'below a scissors line';
  return null;
}

describe.skipIf(missing)(`trailers against b4 ${recorded.b4}${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const found: Array<Difference & { why: Reason | null }> = [];
  const counts = new Map<string, { b4: number; patchlore: number }>();
  const REVIEWS = /^(?:Reviewed|Acked|Tested)-by:/i;
  beforeAll(async () => {
    for (const p of recorded.postings) {
      const t = await thread(p.file);
      const { trailers, keys } = await patchloreTrailers(p);
      for (const d of differences(p, trailers)) found.push({ ...d, why: explain(d, t, keys.get(d.patch)) });
      counts.set(p.subject, {
        b4: Object.values(p.patches).flat().filter((l) => REVIEWS.test(l)).length,
        patchlore: [...trailers.values()].flat().filter((l) => REVIEWS.test(l)).length,
      });
    }
  }, 600_000);

  it(`compares ${recorded.postings.length} postings, patch by patch`, () => {
    expect(recorded.postings.length).toBe(68);
    expect(recorded.postings.reduce((n, p) => n + Object.keys(p.patches).length, 0)).toBe(639);
  });

  it('has a reason for every difference', () => {
    expect(found.filter((d) => d.why === null)).toEqual([]);
  });

  it('differs in 9 trailers of 5 postings (of 68), for three reasons', () => {
    const byReason = (r: Reason): string[] => found.filter((d) => d.why === r).map((d) => `${d.side} ${d.subject.slice(0, 40)} ${d.patch}: ${d.trailer}`);
    expect(byReason('changelog below the trailers')).toEqual([
      '+ [PATCH v9 00/20] fs/dax: Fix ZONE_DEVICE 20: Signed-off-by: Alistair Popple <apopple@nvidia.com>',
      '+ [PATCH v11 01/07] fsdax: Output address  4: Signed-off-by: Shiyang Ruan <ruansy.fnst@fujitsu.com>',
      '+ [PATCH v11 01/07] fsdax: Output address  4: Reviewed-by: Ritesh Harjani <riteshh@linux.ibm.com>',
      '+ [PATCH v11 01/07] fsdax: Output address  4: Reviewed-by: Darrick J. Wong <djwong@kernel.org>',
      '+ [PATCH v11 01/07] fsdax: Output address  4: Reviewed-by: Christoph Hellwig <hch@lst.de>',
    ]);
    expect(byReason('base-commit in a reply')).toEqual([
      '- [PATCH v1 0/2] mm/huge_memory: don\'t mar 1: base-commit: a9dfb7db96f7bc1f30feae673aab7fdbfbc94e9c',
      '- [PATCH v1 0/2] mm/huge_memory: don\'t mar 2: base-commit: a9dfb7db96f7bc1f30feae673aab7fdbfbc94e9c',
    ]);
    expect(byReason('below a scissors line')).toEqual([
      '- [PATCH 00/12] fs/dax: Fix FS DAX page re 5: Signed-off-by: Dan Williams <dan.j.williams@intel.com>',
      '- [PATCH v6 00/26] fs/dax: Fix ZONE_DEVICE 21: Signed-off-by: Dan Williams <dan.j.williams@intel.com>',
    ]);
  });

  it('fs/dax v9: the same 34 review trailers as b4, and no other difference than the changelog below 20/20\'s sign-off', () => {
    const v9 = '[PATCH v9 00/20] fs/dax: Fix ZONE_DEVICE page reference counts';
    expect(counts.get(v9)).toEqual({ b4: 34, patchlore: 34 });
    expect(found.filter((d) => d.subject === v9).map((d) => d.why)).toEqual(['changelog below the trailers']);
  });

  it('DAX-gup v3: exactly b4\'s trailers', () => {
    const v3 = '[PATCH v3 00/25] Fix the DAX-gup mistake';
    expect(counts.get(v3)?.b4).toBeGreaterThan(0);
    expect(counts.get(v3)!.patchlore).toBe(counts.get(v3)!.b4);
    expect(found.filter((d) => d.subject === v3)).toEqual([]);
  });

  it('fs/dax v6: b4\'s trailers, less the sign-off of the patch Dan Williams sent below a scissors line', () => {
    const v6 = '[PATCH v6 00/26] fs/dax: Fix ZONE_DEVICE page reference counts';
    expect(counts.get(v6)!.patchlore).toBe(counts.get(v6)!.b4);
    expect(found.filter((d) => d.subject === v6).map((d) => `${d.side} ${d.patch} ${d.why}`)).toEqual(['- 21 below a scissors line']);
  });
});
