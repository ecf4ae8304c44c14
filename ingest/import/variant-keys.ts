// Keys for messages that share a Message-ID but not their content ("imposters"). Which copy keeps
// the plain Message-ID must not depend on import order, so the choice is by content: the
// earliest-dated variant keeps it, ties broken by content hash. Pure.

/** One content variant of a Message-ID. */
export interface Variant {
  /** Hex content hash (see content-hash.ts). */
  contentHash: string;
  /** Date in ms, null when unknown. */
  date: number | null;
}

/** The key of an imposter: readable, and never equal to a real Message-ID in practice. */
export function imposterKey(messageId: string, contentHash: string): string {
  return `imposter.${contentHash.slice(0, 12)}.${messageId}`;
}

/** Keys for all variants of one Message-ID, in input order. */
export function variantKeys(messageId: string, variants: readonly Variant[]): string[] {
  const order = variants
    .map((v, i) => ({ v, i }))
    .sort((a, b) => {
      const da = a.v.date ?? Number.POSITIVE_INFINITY;
      const db = b.v.date ?? Number.POSITIVE_INFINITY;
      if (da !== db) return da < db ? -1 : 1;
      return a.v.contentHash < b.v.contentHash ? -1 : a.v.contentHash > b.v.contentHash ? 1 : 0;
    });
  const keys = new Array<string>(variants.length);
  order.forEach(({ v, i }, rank) => {
    keys[i] = rank === 0 ? messageId : imposterKey(messageId, v.contentHash);
  });
  return keys;
}
