import { describe, expect, it } from 'vitest';
import { formatQueryError, parseQuery } from './parse-query.ts';
import { DEFAULT_FIELDS } from './query-prefixes.ts';
import type { QueryNode } from './query-types.ts';

const NOW = Date.UTC(2024, 5, 15, 12, 0, 0);
const DAY = 86_400_000;

/** A compact rendering of the tree: s:word, "phrase", word*, d[from,to), (AND ..), (OR ..), -x. */
function show(n: QueryNode): string {
  switch (n.kind) {
    case 'term':
    case 'phrase': {
      const p = n.fields === DEFAULT_FIELDS ? '' : `${n.fields.join('+')}:`;
      return n.kind === 'phrase' ? `${p}"${n.text}"` : `${p}${n.text}${n.wildcard ? '*' : ''}`;
    }
    case 'date':
      return `d[${n.from === null ? '' : new Date(n.from).toISOString()},${n.to === null ? '' : new Date(n.to).toISOString()})`;
    case 'not':
      return `-${show(n.child)}`;
    case 'facet':
      return `${n.facet}=${n.value}`;
    default:
      return `(${n.kind.toUpperCase()} ${n.children.map(show).join(' ')})`;
  }
}

function ok(q: string): string {
  const r = parseQuery(q, NOW);
  if (r.kind === 'error') throw new Error(`unexpected error for ${q}: ${r.error.message}`);
  return show(r.query);
}

describe('parseQuery: every construct', () => {
  it.each([
    ['pte_special', 'pte_special'],
    ['pte_special devdax', '(AND pte_special devdax)'],
    ['fs/dax.c', 'fs/dax.c'],
    ['vm_normal_page()', 'vm_normal_page()'],
    ['s:fs/dax', 's:fs/dax'],
    ['f:jgg@nvidia.com', 'f:jgg@nvidia.com'],
    ['t:nvdimm@lists.linux.dev', 't:nvdimm@lists.linux.dev'],
    ['c:dan.j.williams', 'c:dan.j.williams'],
    ['a:apopple', 't+c+f:apopple'],
    ['tc:willy', 't+c:willy'],
    ['b:devmap', 'nq+dfn+dfa+dfb+dfhh+dfctx+q:devmap'],
    ['bs:devmap', 'nq+dfn+dfa+dfb+dfhh+dfctx+q+s:devmap'],
    ['nq:devmap', 'nq+dfn+dfa+dfb+dfhh+dfctx:devmap'],
    ['q:devmap', 'q:devmap'],
    ['n:foo.patch', 'n:foo.patch'],
    ['m:20240412115352.GY5383@nvidia.com', 'm:20240412115352.GY5383@nvidia.com'],
    ['dfn:fs/dax.c', 'dfn:fs/dax.c'],
    ['dfa:pfn_t_devmap', 'dfa:pfn_t_devmap'],
    ['dfb:folio_get', 'dfb:folio_get'],
    ['dfhh:vm_normal_page', 'dfhh:vm_normal_page'],
    ['dfctx:pte_special', 'dfctx:pte_special'],
    ['s:"fs/dax: fix"', 's:"fs/dax: fix"'],
    ['"page reference counts"', '"page reference counts"'],
    ['\u201csmart quotes\u201d', '"smart quotes"'],
    ['devmap*', 'devmap*'],
    ['a AND b', '(AND a b)'],
    ['a OR b', '(OR a b)'],
    ['a NOT b', '(AND a -b)'],
    ['a AND NOT b', '(AND a -b)'],
    ['NOT b', '-b'],
    ['-b', '-b'],
    ['a -b +c', '(AND a -b c)'],
    ['a b OR c', '(OR (AND a b) c)'],
    ['a OR b c', '(OR a (AND b c))'],
    ['a AND b OR c', '(OR (AND a b) c)'],
    ['(a OR b) c', '(AND (OR a b) c)'],
    ['-(a OR b) c', '(AND -(OR a b) c)'],
    ['s:(dax OR pmem)', '(OR s:dax s:pmem)'],
    ['and or not', '(AND and or not)'],
    ['Re: [PATCH]', '(AND Re: [PATCH])'],
    ['a -- b', '(AND a b)'],
    ['https://lore.kernel.org/x', 'https://lore.kernel.org/x'],
    ['d:2024-01-01..', `d[2024-01-01T00:00:00.000Z,)`],
    ['d:20240101..20240201', 'd[2024-01-01T00:00:00.000Z,2024-02-02T00:00:00.000Z)'],
    ['d:..2024-02-29', 'd[,2024-03-01T00:00:00.000Z)'],
    ['d:2024-03-05', 'd[2024-03-05T00:00:00.000Z,2024-03-06T00:00:00.000Z)'],
    ['d:..2.weeks.ago', `d[,${new Date(NOW - 14 * DAY).toISOString()})`],
    ['d:3.days.ago..', `d[${new Date(NOW - 3 * DAY).toISOString()},)`],
    ['d:1.month.ago..yesterday', `d[2024-05-15T12:00:00.000Z,2024-06-15T00:00:00.000Z)`],
    ['d:last.year..today', `d[2023-06-15T12:00:00.000Z,2024-06-16T00:00:00.000Z)`],
    ['d:20240101120000..2024-01-02T08:30', 'd[2024-01-01T12:00:00.000Z,2024-01-02T08:30:00.000Z)'],
    ['s:dax d:2024-01-01.. -f:bot', '(AND s:dax d[2024-01-01T00:00:00.000Z,) -f:bot)'],
  ])('%s', (q, expected) => {
    expect(ok(q)).toBe(expected);
  });

  it('keeps where each word starts', () => {
    const r = parseQuery('a  s:"b c"', NOW);
    expect(r.kind === 'ok' && r.query.kind === 'and' && r.query.children.map((c) => ('position' in c ? c.position : -1))).toEqual([0, 3]);
  });
});

describe('parseQuery: errors are positioned, pinned, and come with a corrected example', () => {
  it.each([
    ['s:"fs/dax', 'query/unbalanced-quote', 2, 'the quote at column 3 is never closed', 's:"fs/dax"'],
    ['(dax OR pmem', 'query/unbalanced-paren', 0, 'the "(" at column 1 is never closed', '(dax OR pmem)'],
    ['dax OR pmem)', 'query/unbalanced-paren', 11, '")" at column 12 closes nothing', 'dax OR pmem'],
    ['sub:dax', 'query/unknown-prefix', 0, 'unknown prefix "sub:" at column 1; the prefixes are s: f: t: c: a: tc: b: bs: nq: q: n: m: dfn: dfa: dfb: dfhh: dfctx: d: pw: merged:', 's:dax'],
    ['dax from:jgg', 'query/unknown-prefix', 4, 'unknown prefix "from:" at column 5; the prefixes are s: f: t: c: a: tc: b: bs: nq: q: n: m: dfn: dfa: dfb: dfhh: dfctx: d: pw: merged:', 'dax f:jgg'],
    ['dfhhh:foo', 'query/unknown-prefix', 0, 'unknown prefix "dfhhh:" at column 1; the prefixes are s: f: t: c: a: tc: b: bs: nq: q: n: m: dfn: dfa: dfb: dfhh: dfctx: d: pw: merged:', 'dfhh:foo'],
    ['d:2024-02-30', 'query/impossible-date', 2, '"2024-02-30" is not a date of the calendar (at column 3)', 'd:2024-01-31'],
    ['d:20241301..', 'query/impossible-date', 2, '"20241301" is not a date of the calendar (at column 3)', 'd:2024-01-31..'],
    ['d:2024-01-01..2023-01-01', 'query/empty-range', 2, 'the range "2024-01-01..2023-01-01" ends before it starts (at column 3)', 'd:2023-01-01..2024-01-01'],
    ['d:next.tuesday', 'query/bad-date', 2, expect.stringContaining('cannot read "next.tuesday" as a date; the forms are YYYY-MM-DD'), 'd:2024-01-31'],
    ['d:', 'query/missing-value', 0, 'the prefix "d:" at column 1 has nothing after it; write the value right after the colon', 'd:2024-01-01..'],
    ['s: dax', 'query/missing-value', 0, 'the prefix "s:" at column 1 has nothing after it; write the value right after the colon', 's:word dax'],
    ['OR dax', 'query/misplaced-operator', 0, 'OR at column 1 needs something to search on both sides', 'dax OR pmem'],
    ['dax AND', 'query/misplaced-operator', 4, 'AND at column 5 needs something to search on both sides', 'dax AND pmem'],
    ['dax NOT', 'query/misplaced-operator', 4, 'NOT at column 5 needs something to search on after it', 'dax NOT pmem'],
    ['()', 'query/empty', 0, 'the parentheses at column 1 hold nothing', 'word'],
    ['', 'query/empty', 0, 'the query has nothing to search for', 's:"fs/dax" d:2024-01-01..'],
    ['-- ->', 'query/empty', 0, 'the query has nothing to search for', 's:"fs/dax" d:2024-01-01..'],
  ])('%j', (q, code, position, message, example) => {
    const r = parseQuery(q, NOW);
    expect(r.kind).toBe('error');
    if (r.kind !== 'error') return;
    expect(r.error).toEqual({ code, position, message, example });
    // The corrected example parses.
    if (code !== 'query/empty' || example !== 'word') expect(parseQuery(r.error.example, NOW).kind).toBe('ok');
  });

  it('formats an error with a caret under the problem', () => {
    const r = parseQuery('s:"fs/dax', NOW);
    expect(r.kind === 'error' && formatQueryError('s:"fs/dax', r.error)).toBe('the quote at column 3 is never closed\n  s:"fs/dax\n    ^\n  e.g. s:"fs/dax"');
  });

  it('refuses overlong and over-nested queries instead of recursing without end', () => {
    expect(parseQuery('x '.repeat(1500), NOW)).toMatchObject({ kind: 'error', error: { code: 'query/too-long' } });
    expect(parseQuery('('.repeat(40) + 'x' + ')'.repeat(40), NOW)).toMatchObject({ kind: 'error', error: { code: 'query/too-deep' } });
  });
});

describe('facet prefixes', () => {
  it('read an exact value, in lower case with hyphens', () => {
    expect(ok('pw:accepted')).toBe('patchwork=accepted');
    expect(ok('pw:"Changes Requested" s:dax')).toBe('(AND patchwork=changes-requested s:dax)');
    expect(ok('-merged:yes')).toBe('-merged=yes');
    expect(ok('pw:handled-elsewhere')).toBe('patchwork=handled-elsewhere');
  });

  it('refuse a value a closed facet does not take, and a missing value', () => {
    const r = parseQuery('dax merged:maybe', NOW);
    expect(r.kind === 'error' && [r.error.code, r.error.message, r.error.example]).toEqual(['query/bad-value', '"merged:maybe" at column 5 is not one of yes, no, partial', 'dax merged:yes']);
    const m = parseQuery('pw: dax', NOW);
    expect(m.kind === 'error' && m.error.code).toBe('query/missing-value');
  });
});
