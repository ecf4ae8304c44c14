// The lore query prefixes and the fields each one searches, as public-inbox 1.9 defines them
// (lib/PublicInbox/Search.pm %prob_prefix): "nq:" is every non-quoted part of the body,
// diffs included, and a word without prefix searches Message-ID, subject, From, quoted and
// non-quoted body and attachment names, but not To or Cc. Pure; usable in the browser.
import type { FacetName, SearchField } from './query-types.ts';

/** Non-quoted body: own text and every diff field (public-inbox's $non_quoted_body). */
const NON_QUOTED: readonly SearchField[] = ['nq', 'dfn', 'dfa', 'dfb', 'dfhh', 'dfctx'];

/** Prefix name -> fields, in the order `patchlore search --help` lists them. */
export const PREFIXES: Readonly<Record<string, { fields: readonly SearchField[]; help: string }>> = {
  s: { fields: ['s'], help: 'subject' },
  f: { fields: ['f'], help: 'From: name and address' },
  t: { fields: ['t'], help: 'To: addresses' },
  c: { fields: ['c'], help: 'Cc: addresses' },
  a: { fields: ['t', 'c', 'f'], help: 'any address: To, Cc or From' },
  tc: { fields: ['t', 'c'], help: 'To or Cc' },
  b: { fields: [...NON_QUOTED, 'q'], help: 'body: own text, quoted text and diffs' },
  bs: { fields: [...NON_QUOTED, 'q', 's'], help: 'subject or body' },
  nq: { fields: NON_QUOTED, help: 'body without quoted (">") lines, diffs included' },
  q: { fields: ['q'], help: 'quoted (">") lines' },
  n: { fields: ['n'], help: 'attachment file name' },
  m: { fields: ['m'], help: 'Message-ID' },
  dfn: { fields: ['dfn'], help: 'file name in a diff' },
  dfa: { fields: ['dfa'], help: 'removed (-) diff lines' },
  dfb: { fields: ['dfb'], help: 'added (+) diff lines' },
  dfhh: { fields: ['dfhh'], help: 'hunk header context (the function name after @@)' },
  dfctx: { fields: ['dfctx'], help: 'diff context lines' },
};

/** The date prefix, handled apart: it takes a date or a range, not words. */
export const DATE_PREFIX = 'd';

/** A facet prefix: an exact value of something patchlore knows about a message, not its text.
 *  lore has none of these. */
export interface FacetPrefix {
  facet: FacetName;
  help: string;
  /** The values it takes; null when any value is possible (a Patchwork server may define its own
   *  states), the list then serves as an example. */
  values: readonly string[] | null;
  examples: readonly string[];
  /** A value standing for several (Patchwork's "action required": new or under review). */
  aliases: Readonly<Record<string, readonly string[]>>;
}

/** Facet prefix name -> facet. */
export const FACETS: Readonly<Record<string, FacetPrefix>> = {
  pw: {
    facet: 'patchwork',
    help: "Patchwork state of a patch (accepted, changes-requested, superseded, rejected, new, under-review, rfc, deferred, ...; action-required: new or under review); a cover letter has its patches' states",
    values: null,
    examples: ['accepted', 'changes-requested', 'superseded', 'rejected', 'new', 'under-review', 'rfc', 'not-applicable', 'awaiting-upstream', 'deferred', 'action-required'],
    aliases: { 'action-required': ['new', 'under-review'] },
  },
  merged: {
    facet: 'merged',
    help: 'merged as a commit of a repository read with `patchlore commits`: yes or no for a patch; yes, partial or no for a cover letter',
    values: ['yes', 'no', 'partial'],
    examples: ['yes', 'no', 'partial'],
    aliases: {},
  },
};

/** A facet value as indexed: lower case, spaces and underscores as hyphens. */
export function facetValue(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Fields a word without prefix searches. */
export const DEFAULT_FIELDS: readonly SearchField[] = ['m', 's', 'f', 'q', 'n', ...NON_QUOTED];

/** Every field, in the order the FTS5 table and the static index declare them. */
export const ALL_FIELDS: readonly SearchField[] = ['s', 'f', 't', 'c', 'm', 'n', 'nq', 'q', 'dfn', 'dfa', 'dfb', 'dfhh', 'dfctx'];

/** Ranking weight of a match in each field, shared by both engines: the CLI's bm25 column
 *  weights (search-messages-fs.ts, in ALL_FIELDS order) and the static engine's field factor
 *  (src/lib/search-engine.ts). A match in the subject counts most, quoted text least (lore gives
 *  quoted words no weight at all). */
export const FIELD_WEIGHT: Readonly<Record<SearchField, number>> = {
  s: 10,
  f: 4,
  t: 1,
  c: 1,
  m: 4,
  n: 2,
  nq: 1,
  q: 0.3,
  dfn: 3,
  dfa: 0.7,
  dfb: 0.7,
  dfhh: 2,
  dfctx: 0.5,
};

/** Every prefix name, the date and facet prefixes included, for messages ("s: f: ... d: pw:"). */
export function prefixList(): string {
  return [...Object.keys(PREFIXES), DATE_PREFIX, ...Object.keys(FACETS)].map((p) => `${p}:`).join(' ');
}
