// The lore query language, parsed once for every place patchlore searches (the CLI over SQLite
// FTS5, the static site in the browser). Grammar, after Xapian's QueryParser as public-inbox
// configures it (default operator AND, FLAG_BOOLEAN | FLAG_PHRASE | FLAG_LOVEHATE | FLAG_WILDCARD):
//
//   query   := or
//   or      := and ("OR" and)*
//   and     := seq (("AND" | "NOT" | "AND NOT") seq)*        "a NOT b" is "a AND NOT b"
//   seq     := unary+                                         juxtaposed: AND, binding tightest
//   unary   := ("+" | "-" | "NOT") primary | primary
//   primary := "(" or ")" | prefix ":" (word | phrase | "(" or ")") | phrase | word
//
// Operators are upper case (lower-case "and" is a word). Unknown lower-case prefixes are errors,
// not words. A word keeps its punctuation ("fs/dax.c", "vm_normal_page()"); the engines split it
// into tokens and search them as a phrase, as Xapian does. Never throws: malformed queries get a
// QueryError with the position and a corrected example. Pure; usable in the browser.
import { parseDateRange } from './query-date.ts';
import { DATE_PREFIX, DEFAULT_FIELDS, FACETS, PREFIXES, facetValue, prefixList } from './query-prefixes.ts';
import type { ParseResult, QueryError, QueryNode, SearchField } from './query-types.ts';
import { searchTokens } from './search-tokens.ts';

/** Longest query read; longer ones are refused (a pasted mail, not a query). */
export const MAX_QUERY_LENGTH = 2000;
/** Deepest nesting of parentheses; the parser is recursive on it. */
export const MAX_DEPTH = 32;

type Token =
  | { kind: 'word'; text: string; pos: number; sign: '' | '+' | '-' }
  | { kind: 'phrase'; text: string; pos: number; sign: '' | '+' | '-'; closed: boolean }
  | { kind: 'prefix'; name: string; pos: number; sign: '' | '+' | '-' }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT'; pos: number }
  | { kind: 'open'; pos: number; sign: '' | '+' | '-' }
  | { kind: 'close'; pos: number };

const OPEN_QUOTES = new Set(['"', '\u201c']);
const CLOSE_QUOTES = new Set(['"', '\u201d']);

class QuerySyntaxError extends Error {
  constructor(readonly detail: QueryError) {
    super(detail.message);
  }
}

function fail(code: string, message: string, position: number, example: string): never {
  throw new QuerySyntaxError({ code, message, position, example });
}

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/u.test(c);
}

/** Edit distance, for "did you mean" on prefixes (short strings only). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

function closestPrefix(name: string): string {
  const names = [...Object.keys(PREFIXES), DATE_PREFIX, ...Object.keys(FACETS)];
  const aliases: Record<string, string> = { subject: 's', from: 'f', to: 't', cc: 'c', body: 'b', date: 'd', mid: 'm', file: 'dfn', author: 'f' };
  if (aliases[name]) return aliases[name]!;
  return names.reduce((best, p) => (distance(name, p) < distance(name, best) ? p : best), names[0]!);
}

function lex(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    let sign: '' | '+' | '-' = '';
    // A sign belongs to what follows it directly; "-" alone or before a space is a word.
    if ((c === '+' || c === '-') && i + 1 < q.length && !isSpace(q[i + 1]) && q[i + 1] !== ')') {
      sign = c;
      i++;
    }
    const d = q[i]!;
    if (d === '(') {
      out.push({ kind: 'open', pos: i, sign });
      i++;
      continue;
    }
    if (d === ')') {
      out.push({ kind: 'close', pos: i });
      i++;
      continue;
    }
    if (OPEN_QUOTES.has(d)) {
      let j = i + 1;
      while (j < q.length && !CLOSE_QUOTES.has(q[j]!)) j++;
      out.push({ kind: 'phrase', text: q.slice(i + 1, j), pos: start, sign, closed: j < q.length });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < q.length && !isSpace(q[j]) && q[j] !== ')' && !OPEN_QUOTES.has(q[j]!)) {
      if (q[j] === '(') {
        // "vm_normal_page()" is a function name, not a group.
        if (j > i && q[j + 1] === ')') {
          j += 2;
          continue;
        }
        break;
      }
      j++;
    }
    const text = q.slice(i, j);
    const pm = /^([A-Za-z][A-Za-z0-9_]*):/.exec(text);
    if (pm && !text.startsWith(`${pm[1]}://`)) {
      const name = pm[1]!;
      if (name in PREFIXES || name === DATE_PREFIX || name in FACETS) {
        out.push({ kind: 'prefix', name, pos: start, sign });
        i += name.length + 1;
        // What follows the colon is read as the prefix's value by the next round.
        if (i < q.length && !isSpace(q[i])) continue;
        fail('query/missing-value', `the prefix "${name}:" at column ${start + 1} has nothing after it; write the value right after the colon`, start, fixAt(q, start, j, `${name}:${name === DATE_PREFIX ? '2024-01-01..' : 'word'}`));
      }
      if (/^[a-z]+$/.test(name) && text.length > name.length + 1) {
        const guess = closestPrefix(name);
        fail(
          'query/unknown-prefix',
          `unknown prefix "${name}:" at column ${start + 1}; the prefixes are ${prefixList()}`,
          start,
          fixAt(q, start + (sign ? 1 : 0), start + (sign ? 1 : 0) + name.length, guess),
        );
      }
    }
    if (j === i) {
      // A lone "(" after a sign-less position is handled above; anything else is a stray quote.
      j = i + 1;
    }
    const word = q.slice(i, j);
    if (!sign && (word === 'AND' || word === 'OR' || word === 'NOT')) out.push({ kind: 'op', op: word, pos: start });
    else out.push({ kind: 'word', text: word, pos: start, sign });
    i = j;
  }
  return out;
}

/** The query with [from, to) replaced by `text`. */
function fixAt(q: string, from: number, to: number, text: string): string {
  return q.slice(0, from) + text + q.slice(to);
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly q: string,
    private readonly tokens: Token[],
    private readonly now: number,
  ) {}

  parse(): QueryNode {
    const node = this.or(null);
    const t = this.tokens[this.i];
    if (t?.kind === 'close') {
      fail('query/unbalanced-paren', `")" at column ${t.pos + 1} closes nothing`, t.pos, fixAt(this.q, t.pos, t.pos + 1, '').trim());
    }
    if (!node) fail('query/empty', 'the query has nothing to search for', 0, 's:"fs/dax" d:2024-01-01..');
    return node;
  }

  private or(fields: readonly SearchField[] | null): QueryNode | null {
    const children: QueryNode[] = [];
    const first = this.and(fields);
    if (first) children.push(first);
    while (this.peekOp('OR')) {
      const op = this.tokens[this.i++]!;
      const next = this.and(fields);
      if (!first || !next) this.misplaced(op);
      children.push(next!);
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private and(fields: readonly SearchField[] | null): QueryNode | null {
    const children: QueryNode[] = [];
    const first = this.seq(fields);
    if (first) children.push(first);
    for (;;) {
      if (this.peekOp('AND')) {
        const op = this.tokens[this.i++]!;
        const negate = this.peekOp('NOT');
        if (negate) this.i++;
        const next = this.seq(fields);
        if (!first || !next) this.misplaced(op);
        children.push(negate ? { kind: 'not', child: next! } : next!);
      } else if (this.peekOp('NOT') && children.length > 0) {
        const op = this.tokens[this.i++]!;
        const next = this.seq(fields);
        if (!next) this.misplaced(op);
        children.push({ kind: 'not', child: next! });
      } else break;
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private seq(fields: readonly SearchField[] | null): QueryNode | null {
    const children: QueryNode[] = [];
    for (;;) {
      const t = this.tokens[this.i];
      if (!t || t.kind === 'close' || (t.kind === 'op' && t.op !== 'NOT')) break;
      if (t.kind === 'op') {
        // A leading NOT ("NOT foo", "(NOT foo)") negates what follows.
        if (children.length > 0) break;
        this.i++;
        const next = this.unary(fields);
        if (!next) this.misplaced(t);
        children.push({ kind: 'not', child: next! });
        continue;
      }
      const u = this.unary(fields);
      if (u) children.push(u);
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private unary(fields: readonly SearchField[] | null): QueryNode | null {
    const t = this.tokens[this.i]!;
    const sign = 'sign' in t ? t.sign : '';
    const node = this.primary(fields);
    if (!node) return null;
    return sign === '-' ? { kind: 'not', child: node } : node;
  }

  private primary(fields: readonly SearchField[] | null): QueryNode | null {
    const t = this.tokens[this.i++]!;
    switch (t.kind) {
      case 'open':
        return this.group(t.pos, fields);
      case 'phrase':
        return this.text('phrase', t, fields, '');
      case 'word':
        return this.text('term', t, fields, '');
      case 'prefix': {
        const v = this.tokens[this.i];
        if (t.name === DATE_PREFIX) {
          if (!v || v.kind !== 'word' || v.pos !== t.pos + t.name.length + 1 + (t.sign ? 1 : 0)) {
            fail('query/missing-value', `"d:" at column ${t.pos + 1} needs a date or a range right after the colon`, t.pos, 'd:2024-01-01..2024-02-01');
          }
          this.i++;
          return this.date(v as Extract<Token, { kind: 'word' }>);
        }
        const facet = FACETS[t.name];
        if (facet) {
          if (!v || (v.kind !== 'word' && v.kind !== 'phrase') || v.pos !== t.pos + t.name.length + 1 + (t.sign ? 1 : 0)) {
            fail('query/missing-value', `"${t.name}:" at column ${t.pos + 1} needs a value right after the colon`, t.pos, `${t.name}:${facet.examples[0]}`);
          }
          this.i++;
          return this.facet(t.name, v as Extract<Token, { kind: 'word' | 'phrase' }>);
        }
        const own = PREFIXES[t.name]!.fields;
        if (v?.kind === 'open') {
          this.i++;
          return this.group(v.pos, own);
        }
        if (v?.kind === 'word' || v?.kind === 'phrase') {
          this.i++;
          return this.text(v.kind === 'word' ? 'term' : 'phrase', v, own, t.name, t.pos);
        }
        return fail('query/missing-value', `the prefix "${t.name}:" at column ${t.pos + 1} needs a word, a "phrase" or a (group) after it`, t.pos, `${t.name}:word`);
      }
      case 'close':
      case 'op':
        return this.misplaced(t);
    }
  }

  private group(pos: number, fields: readonly SearchField[] | null): QueryNode | null {
    if (++this.depth > MAX_DEPTH) fail('query/too-deep', `more than ${MAX_DEPTH} nested parentheses`, pos, 'a (b OR c)');
    const inner = this.or(fields);
    const close = this.tokens[this.i];
    if (close?.kind !== 'close') {
      fail('query/unbalanced-paren', `the "(" at column ${pos + 1} is never closed`, pos, `${this.q.trimEnd()})`);
    }
    this.i++;
    this.depth--;
    if (!inner) fail('query/empty', `the parentheses at column ${pos + 1} hold nothing`, pos, fixAt(this.q, pos, close.pos + 1, '').trim() || 'word');
    return inner;
  }

  /** A word or phrase; null when it holds no word at all ("--", "->"), which lore ignores too. */
  private text(kind: 'term' | 'phrase', t: Extract<Token, { kind: 'word' | 'phrase' }>, fields: readonly SearchField[] | null, prefix: string, position = t.pos): QueryNode | null {
    if (t.kind === 'phrase' && !t.closed) {
      fail('query/unbalanced-quote', `the quote at column ${t.pos + 1 + (t.sign ? 1 : 0)} is never closed`, t.pos, `${this.q.trimEnd()}"`);
    }
    let text = t.text;
    const wildcard = kind === 'term' && text.length > 1 && text.endsWith('*');
    if (wildcard) text = text.slice(0, -1);
    if (searchTokens(text).length === 0) return null;
    return { kind, text, fields: fields ?? DEFAULT_FIELDS, prefix, wildcard, position };
  }

  private date(v: Extract<Token, { kind: 'word' }>): QueryNode {
    const r = parseDateRange(v.text, this.now);
    if ('code' in r) {
      const at = v.pos + (r.span?.offset ?? 0);
      fail(r.code, `${r.message} (at column ${at + 1})`, at, fixAt(this.q, at, at + (r.span?.length ?? v.text.length), r.expected ?? ''));
    }
    return { kind: 'date', from: r.from, to: r.to, text: v.text, position: v.pos - 2 };
  }

  /** A facet's value: any for a facet whose values are open (a Patchwork server's own states),
   *  else one of its values. */
  private facet(name: string, v: Extract<Token, { kind: 'word' | 'phrase' }>): QueryNode {
    const f = FACETS[name]!;
    const value = facetValue(v.text);
    if (!value || (f.values && !f.values.includes(value) && !(value in f.aliases))) {
      fail('query/bad-value', `"${name}:${v.text}" at column ${v.pos - name.length} is not one of ${(f.values ?? f.examples).join(', ')}`, v.pos, fixAt(this.q, v.pos, v.pos + v.text.length + (v.kind === 'phrase' ? 2 : 0), f.examples[0]!));
    }
    return { kind: 'facet', facet: f.facet, value, text: v.text, position: v.pos - name.length - 1 };
  }

  private peekOp(op: 'AND' | 'OR' | 'NOT'): boolean {
    const t = this.tokens[this.i];
    return t?.kind === 'op' && t.op === op;
  }

  private misplaced(t: Token): never {
    if (t.kind === 'close') fail('query/unbalanced-paren', `")" at column ${t.pos + 1} closes nothing`, t.pos, fixAt(this.q, t.pos, t.pos + 1, '').trim() || 'word');
    const op = t.kind === 'op' ? t.op : '?';
    return fail(
      'query/misplaced-operator',
      `${op} at column ${t.pos + 1} needs something to search on ${op === 'NOT' ? 'after it' : 'both sides'}`,
      t.pos,
      op === 'NOT' ? 'dax NOT pmem' : `dax ${op} pmem`,
    );
  }
}

/** Parse a lore query. `now` (ms) anchors relative dates such as "2.weeks.ago". */
export function parseQuery(query: string, now: number = Date.now()): ParseResult {
  if (query.length > MAX_QUERY_LENGTH) {
    return {
      kind: 'error',
      error: { code: 'query/too-long', message: `the query is ${query.length} characters long; the limit is ${MAX_QUERY_LENGTH}`, position: MAX_QUERY_LENGTH, example: query.slice(0, 60) },
    };
  }
  try {
    return { kind: 'ok', query: new Parser(query, lex(query), now).parse() };
  } catch (err) {
    if (err instanceof QuerySyntaxError) return { kind: 'error', error: err.detail };
    throw err;
  }
}

/** A query error as lines of text: the message, the query with a caret under the problem, and
 *  the corrected example. */
export function formatQueryError(query: string, e: QueryError): string {
  const shown = query.length > 120 ? query.slice(0, 120) + '…' : query;
  const caret = e.position <= 120 ? `\n  ${' '.repeat(e.position)}^` : '';
  return `${e.message}\n  ${shown}${caret}\n  e.g. ${e.example}`;
}
