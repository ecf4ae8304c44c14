// A problem (a Diagnostic) for people, the way every command prints one: where it is, what is
// wrong, what was expected, and on a second line what to do about it. A place in a file comes
// first, as compilers print it (file:line: message, mbox:@offset: message); a URL comes after the
// message, in parentheses, since the message already says what was fetched. It does not say the
// severity or the code: callers that list problems of several kinds put those in front. Pure.
import type { Diagnostic } from '../types.ts';

/** "scheme://": a source that is a URL rather than a file. */
const URL_SOURCE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** "file:locator: message (expected: ...)" or "message (url)", then "  hint" on its own line. A
 *  source or an expectation the message already spells out is not repeated. */
export function formatProblem(d: Pick<Diagnostic, 'message' | 'source' | 'locator' | 'expected' | 'hint'>): string {
  const source = d.source && !d.message.includes(d.source) ? d.source : '';
  const url = URL_SOURCE.test(source);
  const where = [url ? '' : source, d.locator ?? ''].filter((x) => x !== '').join(':');
  const expected = d.expected && !d.message.includes(d.expected) ? ` (expected: ${d.expected})` : '';
  const line = `${where ? `${where}: ` : ''}${d.message}${expected}${url ? ` (${source})` : ''}`;
  return d.hint ? `${line}\n  ${d.hint}` : line;
}
