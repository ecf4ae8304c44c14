// Which of two copies of one message the store keeps as the message, when one or both were
// recovered from archive pages: the original mail always; between two page copies, the one that
// lost less (its own Message-ID, the date to the second, fewer fields hidden), then the smaller
// content hash, so the choice does not depend on the order pages are imported in. Pure.
import type { Recovered } from '../types.ts';

/** One copy as the store knows it. */
export interface Copy {
  /** null for mail as received. */
  recovered: Recovered | null;
  contentHash: string;
}

const ID_RANK = { complete: 3, truncated: 1, 'made-up': 1, missing: 0 } as const;
const DATE_RANK = { second: 3, minute: 2, day: 1, none: 0 } as const;

/** How much a copy keeps: higher is better; mail as received above any page copy. */
function rank(c: Copy): number {
  if (c.recovered === null) return Number.POSITIVE_INFINITY;
  const lost = c.recovered.obfuscated.filter((o) => !o.restored).length;
  return ID_RANK[c.recovered.messageId] * 100 + DATE_RANK[c.recovered.datePrecision] * 10 - Math.min(lost, 9);
}

/** True when `a` should be the message rather than `b`. */
export function preferCopy(a: Copy, b: Copy): boolean {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra > rb;
  return a.contentHash < b.contentHash;
}
