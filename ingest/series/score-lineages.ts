// How well lineages match ones labelled by hand: pairwise precision, recall and F1 over the
// labelled postings (two postings are "together" when they share a lineage), the share of
// postings given their labelled version, and the decoy pairs (look-alikes of different lineages)
// that were linked. Pure: the labels and a view of the computed lineages in, figures out; the
// store is read by scripts/score-lineages.ts.

/** Lineages labelled by hand (test/corpus/labels/lineages.json). */
export interface LineageLabels {
  lineages: Array<{
    name: string;
    /** What decided it, for the reader. */
    how: string;
    /** Its postings by Message-ID (cover letter, else first patch) with their version. */
    postings: Array<{ id: string; version: number }>;
  }>;
  /** Pairs of postings that look alike but belong to different lineages. */
  decoys: Array<{ a: string; b: string; why: string }>;
}

/** What the scorer needs of computed lineages. */
export interface ComputedLineages {
  /** The posting a message belongs to, null when none. */
  postingOf(messageId: string): string | null;
  /** The lineages a posting is in (a bundle may be in several). */
  familiesOf(postingId: string): string[];
  /** The version a posting got in a lineage. */
  versionIn(family: string, postingId: string): number | null;
}

/** The figures, and what went wrong. */
export interface LineageScore {
  postings: number;
  lineages: number;
  /** Pairs of labelled postings of one lineage found together / all such pairs. */
  pairs: { truePositive: number; falsePositive: number; falseNegative: number };
  precision: number;
  recall: number;
  f1: number;
  /** Postings whose version is the labelled one. */
  versionsRight: number;
  decoysLinked: number;
  /** Labelled postings the store has no posting for. */
  unknown: string[];
  /** Pairs of one lineage found apart, by lineage: the postings each part holds. */
  split: Array<{ lineage: string; parts: string[][] }>;
  /** Pairs of different lineages found together. */
  merged: Array<{ a: string; b: string }>;
  /** Postings with another version than labelled. */
  wrongVersions: Array<{ id: string; lineage: string; labelled: number; found: number | null }>;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function scoreLineages(labels: LineageLabels, computed: ComputedLineages): LineageScore {
  const items: Array<{ id: string; lineage: number; version: number; posting: string | null; families: string[] }> = [];
  labels.lineages.forEach((l, i) => {
    for (const p of l.postings) {
      const posting = computed.postingOf(p.id);
      items.push({ id: p.id, lineage: i, version: p.version, posting, families: posting ? computed.familiesOf(posting) : [] });
    }
  });
  const together = (a: (typeof items)[number], b: (typeof items)[number]): boolean =>
    a.posting !== null && b.posting !== null && (a.posting === b.posting || a.families.some((f) => b.families.includes(f)));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const merged: LineageScore['merged'] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const same = items[i]!.lineage === items[j]!.lineage;
      const found = together(items[i]!, items[j]!);
      if (same && found) tp++;
      else if (same) fn++;
      else if (found) {
        fp++;
        merged.push({ a: items[i]!.id, b: items[j]!.id });
      }
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const split: LineageScore['split'] = [];
  labels.lineages.forEach((l, i) => {
    const mine = items.filter((x) => x.lineage === i);
    const parts: Array<typeof mine> = [];
    for (const x of mine) {
      const part = parts.find((p) => p.some((y) => together(x, y)));
      if (part) part.push(x);
      else parts.push([x]);
    }
    if (parts.length > 1) split.push({ lineage: l.name, parts: parts.map((p) => p.map((x) => x.id)) });
  });
  // A posting's version in the lineage holding most of its labelled lineage.
  const wrongVersions: LineageScore['wrongVersions'] = [];
  let versionsRight = 0;
  for (const x of items) {
    const mates = items.filter((y) => y.lineage === x.lineage);
    const family = [...x.families].sort((f, g) => mates.filter((y) => y.families.includes(g)).length - mates.filter((y) => y.families.includes(f)).length)[0];
    const found = family && x.posting ? computed.versionIn(family, x.posting) : null;
    if (found !== null && Math.abs(found - x.version) < 1e-9) versionsRight++;
    else wrongVersions.push({ id: x.id, lineage: labels.lineages[x.lineage]!.name, labelled: x.version, found });
  }
  const byId = new Map(items.map((x) => [x.id, x]));
  const decoysLinked = labels.decoys.filter((d) => {
    const a = byId.get(d.a);
    const b = byId.get(d.b);
    return a && b && together(a, b);
  }).length;
  return {
    postings: items.length,
    lineages: labels.lineages.length,
    pairs: { truePositive: tp, falsePositive: fp, falseNegative: fn },
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    versionsRight,
    decoysLinked,
    unknown: items.filter((x) => x.posting === null).map((x) => x.id),
    split,
    merged,
    wrongVersions,
  };
}
