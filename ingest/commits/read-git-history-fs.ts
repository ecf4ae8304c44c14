// Reads a git repository's history with the `git` command: the commits of the refs asked for
// that an earlier read did not see (metadata and files from one `git log`, patch-ids from one
// `git log -p | git patch-id --stable` pipeline beside it), the release tags, and the first
// release containing each commit (one `git rev-list` per new release tag, in version order). It
// does not link commits to mail (link-commits.ts) or store anything.
import { spawn } from 'node:child_process';
import { EnvironmentError } from '../environment-error.ts';
import type { CommitRelease, GitCommit, GitHistory, GitHistoryState, GitTag } from '../types.ts';
import { GitLogParser, LOG_FORMAT } from './git-log-parser.ts';
import { compareReleases, DEFAULT_RELEASE_PATTERN } from './release-order.ts';

/** A repository path that is not a git repository, or a ref it does not have: the user's to fix. */
export class GitRepositoryError extends Error {}

/** What to read. */
export interface ReadGitHistoryOptions {
  /** Refs to read (branches, tags, commits); default HEAD. */
  refs?: string[];
  /** What the previous read saw; null or absent reads everything. */
  known?: GitHistoryState | null;
  /** Which tags are releases (default DEFAULT_RELEASE_PATTERN). */
  releasePattern?: RegExp;
  /** Progress: commits read so far (total unknown: 0), then release tags walked of those to walk. */
  onProgress?: (step: 'commits' | 'releases', done: number, total: number) => void;
}

/** Field separator of for-each-ref output (ASCII US; ref names cannot hold control characters). */
const US = '\x1f';

/** Configuration that would change the diffs git prints, pinned to what `git format-patch` gives
 *  by default so commit patch-ids compare with posted ones. --full-index: the patch-id of a binary
 *  file is made of the blob ids of its index line, which format-patch (--binary by default)
 *  writes in full. */
const DIFF_CONFIG = ['-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'diff.relative=false', '-c', 'core.quotePath=false'];
const DIFF_OPTIONS = ['--no-color', '--no-ext-diff', '--no-textconv', '--full-index', '-M', '-U3', '--diff-algorithm=default', '--diff-merges=off'];

/** Read the commits of `repo` not seen before, its release tags and first releases. Throws
 *  GitRepositoryError when `repo` is not a repository or a ref does not exist, and an
 *  EnvironmentError with the cause when git cannot run or fails otherwise. */
export async function readGitHistory(repo: string, opts: ReadGitHistoryOptions = {}): Promise<GitHistory> {
  const gitDir = await repositoryOf(repo);
  const refs = opts.refs?.length ? opts.refs : ['HEAD'];
  const known = opts.known ?? null;
  const heads: Record<string, string> = {};
  for (const ref of refs) heads[ref] = await resolveRef(gitDir, ref);
  // Heads of the earlier read that still exist (a rewritten history may have lost them).
  const before = known ? await existingCommits(gitDir, [...new Set(Object.values(known.heads))]) : [];
  const revs = [...Object.values(heads), ...before.map((h) => `^${h}`)];
  const [commits, patchIds] = await Promise.all([readCommits(gitDir, revs, opts.onProgress), readPatchIds(gitDir, revs)]);
  for (const c of commits) c.patchId = patchIds.get(c.hash) ?? null;
  const tags = await releaseTags(gitDir, opts.releasePattern ?? DEFAULT_RELEASE_PATTERN);
  const { keptTags, releases } = await firstReleases(gitDir, tags, known?.tags ?? null, commits.map((c) => c.hash), opts.onProgress);
  return { commits, heads, tags, keptTags, releases };
}

/** Run git with `args` in `gitDir`; stdout as text. `input` goes to its stdin. */
function git(gitDir: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('git', ['--git-dir', gitDir, ...args], { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout!.on('data', (c: Buffer) => out.push(c));
    p.stderr!.on('data', (c: Buffer) => err.push(c));
    p.on('error', (e) => reject(new EnvironmentError(`cannot run git ${args[0]}: ${e.message}`, { cause: e })));
    p.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new GitFailed(args, code, Buffer.concat(err).toString('utf8')));
    });
    if (input !== undefined) {
      p.stdin!.on('error', () => {
        // git exited before reading everything; its exit status says why
      });
      p.stdin!.end(input);
    }
  });
}

/** git exited with an error: the environment's failure (a repository it cannot read, a disk). */
class GitFailed extends EnvironmentError {
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.slice(0, 3).join(' ')} failed (exit ${code}): ${stderr.trim().slice(0, 500) || 'no message'}`);
  }
}

/** The git directory of `repo` (a work tree or a bare repository). */
async function repositoryOf(repo: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('git', ['-C', repo, 'rev-parse', '--absolute-git-dir'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    p.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    p.on('error', (e) => reject(new EnvironmentError(`cannot run git: ${e.message}`, { cause: e })));
    p.on('close', (code) => {
      if (code === 0) resolve(out.trim());
      else if (/not a git repository|cannot change to|No such file or directory/i.test(err)) {
        reject(new GitRepositoryError(`${repo} is not a git repository (git: ${err.trim().split('\n').pop()}); give a clone, e.g. git clone --mirror ndctl.bundle ndctl.git`));
      } else reject(new EnvironmentError(`git rev-parse in ${repo} failed (exit ${code}): ${err.trim().slice(0, 500)}`));
    });
  });
}

/** The commit `ref` names; GitRepositoryError when it names none. */
async function resolveRef(gitDir: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new GitRepositoryError(`${ref} is not a ref (a ref does not start with "-"), e.g. main, v6.8, origin/master`);
  try {
    return (await git(gitDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
  } catch (err) {
    if (err instanceof GitFailed && err.code === 1) throw new GitRepositoryError(`${gitDir} has no commit named ${ref}; give a branch, tag or commit, e.g. HEAD, main, v6.8`);
    throw err;
  }
}

/** Of `hashes`, those naming commits the repository has. */
async function existingCommits(gitDir: string, hashes: string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const out = await git(gitDir, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], hashes.join('\n') + '\n');
  return out
    .split('\n')
    .map((l) => l.split(' '))
    .filter((f) => f[1] === 'commit')
    .map((f) => f[0]!);
}

/** Metadata, message and changed files of every commit `revs` select, newest first, parsed as
 *  git prints them (a history may not fit in one string). */
function readCommits(gitDir: string, revs: string[], onProgress?: ReadGitHistoryOptions['onProgress']): Promise<GitCommit[]> {
  return new Promise((resolve, reject) => {
    const p = spawn('git', ['--git-dir', gitDir, ...DIFF_CONFIG, 'log', '--stdin', '-z', LOG_FORMAT, '--name-only', ...DIFF_OPTIONS], { stdio: ['pipe', 'pipe', 'pipe'] });
    const parser = new GitLogParser();
    let err = '';
    let failed: Error | null = null;
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (chunk: string) => {
      try {
        parser.push(chunk);
        onProgress?.('commits', parser.count, 0);
      } catch (e) {
        failed ??= e as Error;
        p.kill();
      }
    });
    p.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    p.on('error', (e) => reject(new EnvironmentError(`cannot run git log: ${e.message}`, { cause: e })));
    p.on('close', (code) => {
      if (failed) return reject(failed);
      if (code !== 0) return reject(new GitFailed(['log', '-z'], code, err));
      try {
        resolve(parser.end());
      } catch (e) {
        reject(e as Error);
      }
    });
    p.stdin.on('error', () => {
      // git exited early; its exit status says why
    });
    p.stdin.end(revs.join('\n') + '\n');
  });
}

/** `git log -p` of every commit `revs` select, piped into `git patch-id --stable`: commit hash
 *  to patch-id. Merges and commits without a textual change have none. */
function readPatchIds(gitDir: string, revs: string[]): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const log = spawn('git', ['--git-dir', gitDir, ...DIFF_CONFIG, 'log', '--stdin', '-p', '--format=commit %H', ...DIFF_OPTIONS], { stdio: ['pipe', 'pipe', 'pipe'] });
    const pid = spawn('git', ['--git-dir', gitDir, 'patch-id', '--stable'], { stdio: [log.stdout, 'pipe', 'pipe'] });
    const ids = new Map<string, string>();
    let rest = '';
    let logErr = '';
    let pidErr = '';
    let pending = 2;
    let failure: Error | null = null;
    const done = (): void => {
      if (--pending > 0) return;
      if (failure) reject(failure);
      else resolve(ids);
    };
    log.stderr.on('data', (c: Buffer) => (logErr += c.toString('utf8')));
    pid.stderr.on('data', (c: Buffer) => (pidErr += c.toString('utf8')));
    pid.stdout.setEncoding('utf8');
    pid.stdout.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      for (const l of lines) {
        const [id, commit] = l.split(' ');
        if (id && commit) ids.set(commit, id);
      }
    });
    log.on('error', (e) => (failure ??= new EnvironmentError(`cannot run git log: ${e.message}`, { cause: e })));
    pid.on('error', (e) => (failure ??= new EnvironmentError(`cannot run git patch-id: ${e.message}`, { cause: e })));
    // The log's stdout belongs to patch-id, so its 'close' never comes: wait for its exit and
    // the end of its stderr instead.
    let logCode: number | null = null;
    let logParts = 2;
    const logDone = (): void => {
      if (--logParts > 0) return;
      if (logCode !== 0) failure ??= new GitFailed(['log', '-p'], logCode, logErr);
      done();
    };
    log.on('exit', (code) => {
      logCode = code;
      logDone();
    });
    log.stderr.on('end', logDone);
    pid.on('close', (code) => {
      if (code !== 0) failure ??= new GitFailed(['patch-id', '--stable'], code, pidErr);
      done();
    });
    log.stdin.on('error', () => {
      // git exited early; its exit status says why
    });
    log.stdin.end(revs.join('\n') + '\n');
  });
}

/** Release tags (those `pattern` matches, pointing at a commit) in version order. */
async function releaseTags(gitDir: string, pattern: RegExp): Promise<GitTag[]> {
  const out = await git(gitDir, ['for-each-ref', 'refs/tags', `--format=%(refname:strip=2)${US}%(objecttype)${US}%(objectname)${US}%(*objecttype)${US}%(*objectname)`]);
  const tags: GitTag[] = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [name, type, object, peeledType, peeled] = line.split(US) as [string, string, string, string, string];
    if (!pattern.test(name)) continue;
    if (type === 'commit') tags.push({ name, commit: object });
    else if (type === 'tag' && peeledType === 'commit') tags.push({ name, commit: peeled });
  }
  return tags.sort((a, b) => compareReleases(a.name, b.name));
}

/** The first release of each commit. Tags the earlier read saw, in the same order and pointing at
 *  the same commits, keep their assignments; from the first tag that differs on, each tag gets
 *  what it contains and no earlier tag does (`git rev-list tag ^earlier...`). New commits that an
 *  unchanged tag contains (a ref read for the first time into old history) are assigned too. */
async function firstReleases(
  gitDir: string,
  tags: GitTag[],
  knownTags: GitTag[] | null,
  newCommits: string[],
  onProgress?: ReadGitHistoryOptions['onProgress'],
): Promise<{ keptTags: number; releases: CommitRelease[] }> {
  let kept = 0;
  if (knownTags) {
    while (kept < tags.length && kept < knownTags.length && tags[kept]!.name === knownTags[kept]!.name && tags[kept]!.commit === knownTags[kept]!.commit) kept++;
  }
  const releases: CommitRelease[] = [];
  const walk = async (from: number, to: number, only: Set<string> | null): Promise<void> => {
    for (let i = from; i < to; i++) {
      onProgress?.('releases', i - from, to - from);
      const exclude = tags.slice(0, i).map((t) => `^${t.commit}`);
      const out = await git(gitDir, ['rev-list', '--stdin'], [tags[i]!.commit, ...exclude].join('\n') + '\n');
      for (const commit of out.split('\n')) {
        if (commit && (!only || only.has(commit))) releases.push({ commit, tag: tags[i]!.name });
      }
    }
  };
  if (kept > 0 && newCommits.length > 0) {
    // New commits not reachable once every kept tag is excluded are in one of them.
    const outside = new Set((await git(gitDir, ['rev-list', '--stdin'], [...newCommits, ...tags.slice(0, kept).map((t) => `^${t.commit}`)].join('\n') + '\n')).split('\n'));
    const inside = new Set(newCommits.filter((c) => !outside.has(c)));
    if (inside.size > 0) await walk(0, kept, inside);
  }
  await walk(kept, tags.length, null);
  return { keptTags: kept, releases };
}
