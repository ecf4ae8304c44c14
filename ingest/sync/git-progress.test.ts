import { describe, expect, it } from 'vitest';
import { parseGitProgress } from './git-progress.ts';

describe('parseGitProgress', () => {
  it('reads the phases git prints while cloning', () => {
    expect(parseGitProgress('Receiving objects:  44% (3953/8984), 5.00 MiB | 4.90 MiB/s')).toEqual({ phase: 'Receiving objects', done: 3953, total: 8984, bytes: 5 * 1048576, rate: '4.90 MiB/s' });
    expect(parseGitProgress('Receiving objects: 100% (8984/8984), 11.27 MiB | 46.92 MiB/s, done.')).toMatchObject({ done: 8984, bytes: Math.round(11.27 * 1048576) });
    expect(parseGitProgress('Receiving objects:  12% (1/8)')).toEqual({ phase: 'Receiving objects', done: 1, total: 8, bytes: null, rate: '' });
    expect(parseGitProgress('remote: Counting objects:  48% (4313/8984)        ')).toMatchObject({ phase: 'remote: Counting objects', done: 4313 });
    expect(parseGitProgress('Resolving deltas:  41% (256/623)')).toMatchObject({ phase: 'Resolving deltas', total: 623 });
  });
  it('ignores other lines', () => {
    expect(parseGitProgress("Cloning into bare repository 'x'...")).toBeNull();
    expect(parseGitProgress('fatal: repository not found')).toBeNull();
  });
});
