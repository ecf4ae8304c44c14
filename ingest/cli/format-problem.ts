// A problem (a Diagnostic) as one line for people, the way every command prints one: where it
// is (source, and locator when there is one: file:line, mbox:@offset), what is wrong, what was
// expected, and on a second line what to do about it. It does not say the severity or the code:
// callers that list problems of several kinds put those in front. Pure.
import type { Diagnostic } from '../types.ts';

/** "source:locator: message (expected: ...)", then "  hint" on its own line. A source or an
 *  expectation the message already spells out (a URL, an example) is not repeated. */
export function formatProblem(d: Pick<Diagnostic, 'message' | 'source' | 'locator' | 'expected' | 'hint'>): string {
  const source = d.source && !d.message.includes(d.source) ? d.source : '';
  const where = [source, d.locator ?? ''].filter((x) => x !== '').join(':');
  const expected = d.expected && !d.message.includes(d.expected) ? ` (expected: ${d.expected})` : '';
  const line = `${where ? `${where}: ` : ''}${d.message}${expected}`;
  return d.hint ? `${line}\n  ${d.hint}` : line;
}
