// Who wrote each quoted block of a message: the quoted text is looked up in the author's own text
// of the message's ancestors (parent, grandparent, ...), and, failing that, of earlier messages of
// the thread; the attribution lines ("X wrote:") name the author when the quoted message is not in
// the archive. So a statement is never credited to someone who merely quoted it. Rewrapped quotes
// still match (whitespace is ignored). Pure; iterative.
import type { Address, Block, QuotableMessage, QuoteSource } from '../types.ts';

/** Ancestors looked at, nearest first. */
const MAX_ANCESTORS = 32;
/** Earlier messages of the thread looked at when no ancestor has the quoted text (nearest in
 *  time first). */
const MAX_EARLIER = 200;
/** Lines shorter than this say too little to identify their source ("Yes.", "Thanks"). */
const MIN_LINE = 12;
/** Ancestors whose joined text is searched for rewrapped quotes (the nearest). */
const REWRAP_ANCESTORS = 3;

/** Text as compared: runs of whitespace as one space (mail clients rewrap and retab quotes;
 *  they do not change letters). */
export function normalizeForMatch(text: string): string {
  const t = text.trim();
  return /[\t\n\r]| {2}/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** What a message offers to be quoted from, indexed: its own text, trailers and diff, line by
 *  line as written (quotes mostly copy whole lines), with whitespace normalized (retabbed
 *  quotes), and joined (quotes a mail client rewrapped); the last two built when first asked. */
export interface OwnText {
  exact: Set<string>;
  normal(): Set<string>;
  joined(): string;
}

export function ownText(blocks: readonly Block[]): OwnText {
  const own = blocks.filter((b) => b.depth === 0 && (b.kind === 'text' || b.kind === 'trailers' || b.kind === 'diff'));
  const exact = new Set<string>();
  for (const b of own) {
    for (const l of b.text.split('\n')) {
      const t = l.trim();
      if (t.length >= MIN_LINE) exact.add(t);
    }
  }
  let normal: Set<string> | null = null;
  let joined: string | null = null;
  return {
    exact,
    normal: () => (normal ??= new Set([...exact].map(normalizeForMatch))),
    joined: () => (joined ??= normalizeForMatch(own.map((b) => b.text).join('\n'))),
  };
}

/** A quote block prepared for matching. */
interface Probe {
  lines: string[];
  block: Block;
  normalized: string | null;
  normalizedLines: Array<string | undefined>;
}

function probe(block: Block): Probe {
  const lines: string[] = [];
  for (const l of block.text.split('\n')) {
    const t = l.trim();
    if (t.length >= MIN_LINE) lines.push(t);
  }
  return { lines, block, normalized: null, normalizedLines: [] };
}

function normalizedLine(p: Probe, i: number): string {
  return (p.normalizedLines[i] ??= normalizeForMatch(p.lines[i]!));
}

const normalizedOf = (p: Probe): string => (p.normalized ??= normalizeForMatch(p.block.text));

/** Share of the quote found in a message's own text: its lines, or (rewrapped) its whole text. */
function coverage(p: Probe, own: OwnText, rewrapped: boolean): number {
  if (p.lines.length > 0) {
    let found = 0;
    const missed: number[] = [];
    for (let i = 0; i < p.lines.length; i++) {
      if (own.exact.has(p.lines[i]!)) found++;
      else missed.push(i);
    }
    if (found * 2 >= p.lines.length || !rewrapped) return found / p.lines.length;
    // Retabbed or respaced lines, then rewrapped text, are looked for only in the likely sources
    // and only when lines as written were not enough: normalizing every ancestor's lines for
    // every quote would cost more than all the rest.
    const normal = own.normal();
    for (const i of missed) if (normal.has(normalizedLine(p, i))) found++;
    const share = found / p.lines.length;
    if (share >= 0.5) return share;
    const n = normalizedOf(p);
    return n.length >= MIN_LINE && own.joined().includes(n) ? 1 : share;
  }
  // Only short lines ("Yes.", "Thanks"): weak evidence at best.
  if (!rewrapped) return 0;
  const n = normalizedOf(p);
  return n && own.joined().includes(n) ? 0.6 : 0;
}

function sameAuthor(a: Address, b: Address): boolean {
  if (a.email && b.email) return a.email.toLowerCase() === b.email.toLowerCase();
  const na = a.name.trim().toLowerCase();
  const nb = b.name.trim().toLowerCase();
  return na !== '' && (na === nb || (na.length > 3 && nb.startsWith(na)) || (nb.length > 3 && na.startsWith(nb)));
}

/**
 * Sources of the quote blocks of `message`, by block index (blocks that are not quotes are
 * absent). `byKey` holds the thread's messages; `own` caches their normalized own text.
 */
export function attributeQuotes(
  message: QuotableMessage,
  byKey: ReadonlyMap<string, QuotableMessage>,
  own: (m: QuotableMessage) => OwnText,
): Map<number, QuoteSource> {
  const out = new Map<number, QuoteSource>();
  const ancestors: QuotableMessage[] = [];
  for (let at = message.parent ? byKey.get(message.parent) : undefined; at && ancestors.length < MAX_ANCESTORS; at = at.parent ? byKey.get(at.parent) : undefined) {
    if (ancestors.includes(at)) break;
    ancestors.push(at);
  }
  let earlier: QuotableMessage[] | null = null;
  // The person an attribution line names, for each quote depth below it.
  const named = new Map<number, Address>();
  message.blocks.forEach((b, index) => {
    if (b.kind === 'attribution' && b.attribution) {
      named.set(b.depth + 1, b.attribution);
      return;
    }
    if (b.kind !== 'quote') return;
    const p = probe(b);
    const hint = named.get(b.depth) ?? null;
    let best: { m: QuotableMessage; score: number; distance: number } | null = null;
    // Most often the quote is all from the ancestor at its depth: then look no further.
    const expected = ancestors[b.depth - 1];
    if (expected && coverage(p, own(expected), false) >= 1) best = { m: expected, score: 1, distance: b.depth };
    else {
      // Lines as written first; then, when no ancestor has half of them, the likely sources
      // again allowing for retabbed and rewrapped text.
      for (const deep of [false, true]) {
        ancestors.forEach((a, i) => {
          if (deep && !(i < REWRAP_ANCESTORS || i + 1 === b.depth)) return;
          const score = coverage(p, own(a), deep);
          // Nearest wins ties; the ancestor at the quote's depth wins ties among the rest.
          if (score > 0 && (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && i + 1 === b.depth))) {
            best = { m: a, score, distance: i + 1 };
          }
        });
        if (best && (best as { score: number }).score >= 0.5) break;
      }
    }
    if (!best || (best as { score: number }).score < 0.5) {
      earlier ??= [...byKey.values()]
        .filter((m) => m !== message && !ancestors.includes(m) && (m.date ?? 0) <= (message.date ?? Infinity))
        .sort((x, y) => (y.date ?? 0) - (x.date ?? 0))
        .slice(0, MAX_EARLIER);
      for (const m of earlier) {
        const score = coverage(p, own(m), false);
        if (score >= 0.5 && (!best || score > best.score)) best = { m, score, distance: 0 };
      }
    }
    const found = best as { m: QuotableMessage; score: number; distance: number } | null;
    if (found && found.score >= 0.5) {
      // A quote that also matches what an attribution line says is as sure as it gets.
      const agrees = !hint || sameAuthor(hint, found.m.from);
      const confidence = Math.min(1, found.score * (found.distance > 0 ? 1 : 0.85) * (agrees ? 1 : 0.8));
      out.set(index, { messageKey: found.m.key, author: found.m.from, how: 'text', confidence: round(confidence) });
      return;
    }
    const positional = ancestors[b.depth - 1];
    if (hint) {
      const m = positional && sameAuthor(hint, positional.from) ? positional : (ancestors.find((a) => sameAuthor(hint, a.from)) ?? null);
      out.set(index, { messageKey: m?.key ?? null, author: m?.from ?? hint, how: 'attribution', confidence: m ? 0.7 : 0.6 });
      return;
    }
    if (positional) {
      out.set(index, { messageKey: positional.key, author: positional.from, how: 'position', confidence: 0.4 });
      return;
    }
    out.set(index, { messageKey: null, author: null, how: 'position', confidence: 0 });
  });
  return out;
}

const round = (x: number): number => Math.round(x * 100) / 100;
