// The records of search: a parsed lore query (what `parseQuery` returns and both engines, FTS5
// in the CLI and the static index in the browser, evaluate), the fields a message is searched
// by, and the errors a malformed query gets. Pure types; usable in the browser.

/** A searchable field of a message, after public-inbox's SearchIdx.pm: each lore prefix searches
 *  one or more of these. */
export type SearchField =
  /** Subject header (lore's S). */
  | 's'
  /** From header, "Name <address>" (A). */
  | 'f'
  /** To header addresses (XTO). */
  | 't'
  /** Cc header addresses (XCC). */
  | 'c'
  /** Message-ID (XM). */
  | 'm'
  /** File names of attachments (XFN). */
  | 'n'
  /** Body text that is neither quoted (">" lines) nor a diff: commit messages, replies' own words (XNQ). */
  | 'nq'
  /** Quoted body text: blocks of lines starting with ">" (XQUOT). */
  | 'q'
  /** File names in diffs (XDFN). */
  | 'dfn'
  /** Removed ("-") diff lines (XDFA). */
  | 'dfa'
  /** Added ("+") diff lines (XDFB). */
  | 'dfb'
  /** Hunk header context after "@@ ... @@", usually a function name (XDFHH). */
  | 'dfhh'
  /** Diff context (" ") lines (XDFCTX). */
  | 'dfctx';

/** The text of each field of one message (fields that may hold several values are joined by
 *  newlines; an empty string when the message has none). */
export type SearchFields = Record<SearchField, string>;

/** A word or phrase to find. `fields` are where to look (never empty). */
export interface TextNode {
  kind: 'term' | 'phrase';
  /** The text as typed, without prefix, quotes or the +/- sign. */
  text: string;
  fields: readonly SearchField[];
  /** The lore prefix used ('' for none), for messages. */
  prefix: string;
  /** A term ending in "*": every word starting with the text. */
  wildcard: boolean;
  /** Offset of the first character in the query (0-based). */
  position: number;
}

/** A date range: messages dated `from` <= date < `to` (ms since the epoch, UTC; null = open). */
export interface DateNode {
  kind: 'date';
  from: number | null;
  to: number | null;
  /** The value as typed after "d:". */
  text: string;
  position: number;
}

/** A fact patchlore knows about messages beyond their text, searched by exact value. */
export type FacetName = 'patchwork' | 'merged';

/** Messages whose facet has this value ("pw:accepted", "merged:yes"). Not full text: no stems. */
export interface FacetNode {
  kind: 'facet';
  facet: FacetName;
  /** The value as the index keeps it: lower case, spaces as hyphens ("changes-requested"). */
  value: string;
  /** The value as typed after the prefix. */
  text: string;
  position: number;
}

/** A parsed query. AND of nothing never occurs: the parser rejects empty queries. */
export type QueryNode =
  | TextNode
  | DateNode
  | FacetNode
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

/** Why a query could not be read. */
export interface QueryError {
  /** Stable code: query/unbalanced-quote, query/unbalanced-paren, query/unknown-prefix,
   *  query/bad-date, query/impossible-date, query/empty-range, query/missing-value, query/bad-value,
   *  query/misplaced-operator, query/empty. */
  code: string;
  /** One sentence: what is wrong and the rule. */
  message: string;
  /** Offset in the query (0-based) where the problem is. */
  position: number;
  /** The query corrected, or a query of the expected form. */
  example: string;
}

export type ParseResult = { kind: 'ok'; query: QueryNode } | { kind: 'error'; error: QueryError };
