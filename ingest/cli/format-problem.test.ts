import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../types.ts';
import { formatProblem } from './format-problem.ts';

describe('formatProblem', () => {
  // [problem, as printed]
  const table: Array<[Diagnostic, string]> = [
    [{ code: 'topic/citation', message: '<a@b> is not in the store', source: 'content/topics/dax.md', locator: '12' }, 'content/topics/dax.md:12: <a@b> is not in the store'],
    [{ code: 'mail/no-headers', message: 'not a mail message', source: '/m/list.mbox', locator: '@0' }, '/m/list.mbox:@0: not a mail message'],
    [{ code: 'config/sync', message: 'sync.since: expected a date such as "2024-01-01"; found "x"', source: '/p/patchlore.config.json' }, '/p/patchlore.config.json: sync.since: expected a date such as "2024-01-01"; found "x"'],
    [{ code: 'series/overrides', message: '"pin" must be a list', source: '/p/links.json', expected: '{"pin": []}' }, '/p/links.json: "pin" must be a list (expected: {"pin": []})'],
    [{ code: 'query/bad-date', message: 'cannot read "soon" as a date' }, 'cannot read "soon" as a date'],
    // A URL goes after the message, unless the message names it already.
    [{ code: 'http/network', message: 'connection refused', source: 'http://127.0.0.1:9/l/a@b/raw', hint: 'run patchlore sync again later' }, 'connection refused (http://127.0.0.1:9/l/a@b/raw)\n  run patchlore sync again later'],
    [{ code: 'http/limit', message: 'stopped before http://x/l/new.atom: the limit', source: 'http://x/l/new.atom' }, 'stopped before http://x/l/new.atom: the limit'],
  ];
  it.each(table)('%j', (d, printed) => {
    expect(formatProblem(d)).toBe(printed);
  });
});
