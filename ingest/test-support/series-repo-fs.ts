// Test helper: a git repository that took in the v2 of series-mail.ts's lineage the way a
// maintainer does: a base commit holding the two files (tag v1), then `git am --message-id` of
// patch 1 (it carries a Message-Id: trailer), then `git am` of patch 2 (found by patch-id), tagged
// v2. The unrelated patch of another author (drivers/nvdimm/bus.c) is in no commit and no file of
// the repository. Shared by the store, CLI and browser tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mbox } from './mail-builder.ts';
import { SERIES_IDS, seriesMail } from './series-mail.ts';

/** Why git cannot be used here, or null. */
export function gitMissing(): string | null {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'git is not installed';
  }
}

/** A file the series' patches apply to: its lines 10-15 are the hunks' context. */
function base(file: string): string {
  return [...Array.from({ length: 9 }, (_, i) => `/* ${file} line ${i + 1} */`), '\tint a;', '\tint b;', '\tint c;', '\tint d;', '\tint e;', '\tint f;', ''].join('\n');
}

/** The repository and its commits. */
export interface SeriesRepository {
  path: string;
  /** The base commit, patch 1's and patch 2's. */
  base: string;
  first: string;
  second: string;
}

/** Build it under `dir` (as `dir`/series-repo). */
export function seriesRepository(dir: string): SeriesRepository {
  const path = join(dir, 'series-repo');
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_COMMITTER_NAME: 'Max Maintainer', GIT_COMMITTER_EMAIL: 'max@example.com' };
  const git = (args: string[], date: string, input?: string): string =>
    execFileSync('git', ['-C', path, ...args], { env: { ...env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date }, encoding: 'utf8', input }).trim();
  execFileSync('git', ['init', '-q', '-b', 'main', path], { env });
  mkdirSync(join(path, 'mm'));
  mkdirSync(join(path, 'fs'));
  writeFileSync(join(path, 'mm/dax.c'), base('mm/dax.c'));
  writeFileSync(join(path, 'fs/dax.c'), base('fs/dax.c'));
  git(['add', '.'], '2024-03-01T10:00:00Z');
  git(['-c', 'user.name=Max Maintainer', '-c', 'user.email=max@example.com', 'commit', '-q', '-m', 'dax: the files the series changes'], '2024-03-01T10:00:00Z');
  git(['tag', 'v1'], '2024-03-01T10:00:00Z');
  const byId = new Map(seriesMail().map((m) => [/^Message-ID: <([^>]+)>/m.exec(m)![1]!, m]));
  // git am keeps the mail's author and date; the committer date is when it was applied.
  git(['am', '-q', '--message-id'], '2024-05-10T10:00:00Z', mbox([byId.get(SERIES_IDS.v21)!]));
  const first = git(['rev-parse', 'HEAD'], '2024-05-10T10:00:00Z');
  git(['am', '-q'], '2024-05-10T10:05:00Z', mbox([byId.get(SERIES_IDS.v22)!]));
  const second = git(['rev-parse', 'HEAD'], '2024-05-10T10:05:00Z');
  git(['-c', 'user.name=Max Maintainer', '-c', 'user.email=max@example.com', 'tag', '-a', '-m', 'v2', 'v2'], '2024-05-20T10:00:00Z');
  return { path, base: git(['rev-parse', 'v1'], '2024-05-20T10:00:00Z'), first, second };
}
