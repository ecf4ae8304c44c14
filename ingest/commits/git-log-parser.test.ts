// git log -z output cut into chunks anywhere gives the same commits.
import { describe, expect, it } from 'vitest';
import { GitLogParser } from './git-log-parser.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const T = 'e'.repeat(40);
const fields = (hash: string, parents: string, subject: string, message: string) => [hash, parents, T, 'Alice Hacker', 'Alice@Example.org', '1700000000', 'Bob', 'bob@example.org', '1700000600', subject, message].join('\0') + '\0';
// a merge (no files), a commit whose second file is named like a commit hash, and a root commit
const LOG =
  fields(A, `${B} ${C}`, 'Merge branch', 'Merge branch\n') +
  fields(B, C, 'b: two files', 'b: two files\n\nBody.\n') +
  '\nb.c\0' +
  `${'d'.repeat(40)}\0` +
  fields(C, '', 'c: first', 'c: first\n') +
  '\nc.c\0';

function parse(chunkSize: number) {
  const p = new GitLogParser();
  for (let i = 0; i < LOG.length; i += chunkSize) p.push(LOG.slice(i, i + chunkSize));
  return p.end();
}

describe('GitLogParser', () => {
  it('reads commits, their files and merges without files', () => {
    expect(parse(LOG.length)).toEqual([
      { hash: A, parents: [B, C], tree: T, author: { name: 'Alice Hacker', email: 'alice@example.org' }, authorDate: 1_700_000_000_000, committer: { name: 'Bob', email: 'bob@example.org' }, commitDate: 1_700_000_600_000, subject: 'Merge branch', message: 'Merge branch\n', files: [], patchId: null },
      expect.objectContaining({ hash: B, parents: [C], message: 'b: two files\n\nBody.\n', files: ['b.c', 'd'.repeat(40)] }),
      expect.objectContaining({ hash: C, parents: [], files: ['c.c'] }),
    ]);
  });

  it('gives the same commits whatever the chunks', () => {
    const whole = parse(LOG.length);
    for (let size = 1; size < 64; size++) expect(parse(size), `chunks of ${size}`).toEqual(whole);
  });
});
