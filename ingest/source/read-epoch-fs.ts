// Reads a public-inbox v2 git epoch (a bare repository or a work tree) with the `git` command, in
// commit order: each commit adds one file, `m` for a message, `d` for a deletion
// (public-inbox-v2-format(5)). Blobs are streamed through one `git cat-file --batch` process.
// It does not fetch or clone (the sync stage does) and does not interpret messages.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { EnvironmentError } from '../environment-error.ts';
import type { Diagnostic, ReadProgress, SourceItem } from '../types.ts';

/** Blob requests in flight to `git cat-file --batch` before waiting for answers. */
const IN_FLIGHT = 64;

/** One commit of an epoch and the blob it adds. */
interface EpochEntry {
  commit: string;
  blob: string;
  /** 'm' adds a message; 'd' records a deletion. */
  path: string;
  /** Git status letter (A, M, D). */
  status: string;
}

/** Options for reading an epoch. */
export interface ReadEpochOptions {
  /** The list name to record on each message ('' to take it from List-Id). */
  list: string;
  /** Read only commits after this one (the last commit of an earlier import), if it is an ancestor. */
  after?: string | null;
  /** Updated with commits read. */
  progress?: ReadProgress;
}

/** Run git and return stdout; throw an EnvironmentError with git's stderr when it fails or
 *  cannot be run. */
export async function git(args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (c: Buffer) => out.push(c));
    p.stderr.on('data', (c: Buffer) => err.push(c));
    p.on('error', (e) => reject(new EnvironmentError(`cannot run git: ${e.message}`, { cause: e })));
    p.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new EnvironmentError(`git ${args.join(' ')} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim().slice(0, 500)}`));
    });
  });
}

/** The commit a repository's HEAD points to, or null for an empty repository. */
export async function headCommit(repo: string): Promise<string | null> {
  try {
    return (await git(['--git-dir', repo, 'rev-parse', '--verify', '-q', 'HEAD^{commit}'])).trim() || null;
  } catch {
    return null;
  }
}

async function isAncestor(repo: string, commit: string): Promise<boolean> {
  try {
    await git(['--git-dir', repo, 'merge-base', '--is-ancestor', commit, 'HEAD']);
    return true;
  } catch {
    return false;
  }
}

/** The git directory of an epoch given as a bare repository or a work tree. */
export async function gitDirOf(path: string): Promise<string> {
  return (await git(['-C', path, 'rev-parse', '--absolute-git-dir'])).trim();
}

/** Reads blobs from a long-running `git cat-file --batch`. */
class BlobReader {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buf: Buffer<ArrayBufferLike> = Buffer.alloc(0);
  private waiting: Array<(b: Buffer | null) => void> = [];
  private ended = false;
  private failure: Error | null = null;

  constructor(gitDir: string) {
    this.proc = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (c: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, c]) : c;
      this.drain();
    });
    this.proc.on('error', (e) => {
      this.failure = new EnvironmentError(`cannot run git cat-file: ${e.message}`, { cause: e });
      this.drain();
    });
    this.proc.stdout.on('end', () => {
      this.ended = true;
      this.drain();
    });
  }

  request(oid: string): void {
    this.proc.stdin.write(oid + '\n');
  }

  /** The next answer: the blob's bytes, or null when git reports the object missing. */
  next(): Promise<Buffer | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push((b) => (this.failure ? reject(this.failure) : resolve(b)));
      this.drain();
    });
  }

  private drain(): void {
    while (this.waiting.length) {
      if (this.failure) {
        this.waiting.shift()!(null);
        continue;
      }
      const nl = this.buf.indexOf(0x0a);
      if (nl < 0) {
        if (this.ended) this.failure = new EnvironmentError('git cat-file ended early');
        else return;
        continue;
      }
      const header = this.buf.toString('latin1', 0, nl);
      if (header.endsWith(' missing')) {
        this.buf = this.buf.subarray(nl + 1);
        this.waiting.shift()!(null);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.buf.length < nl + 1 + size + 1) {
        if (this.ended) this.failure = new EnvironmentError('git cat-file output ended inside a blob');
        else return;
        continue;
      }
      const blob = Buffer.from(this.buf.subarray(nl + 1, nl + 1 + size));
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.waiting.shift()!(blob);
    }
  }

  close(): void {
    this.proc.stdin.end();
    this.proc.kill();
  }
}

/** Commits of the epoch in order, with the blob each adds. */
async function* entries(gitDir: string, range: string): AsyncGenerator<EpochEntry> {
  const p = spawn('git', ['--git-dir', gitDir, 'log', '--reverse', '--raw', '--no-abbrev', '--no-renames', '--format=%H', range], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const err: Buffer[] = [];
  p.stderr.on('data', (c: Buffer) => err.push(c));
  const done = new Promise<number>((resolve) => p.on('close', (code) => resolve(code ?? 1)));
  let commit = '';
  for await (const line of createInterface({ input: p.stdout, crlfDelay: Infinity })) {
    if (/^[0-9a-f]{40,64}$/.test(line)) commit = line;
    else if (line.startsWith(':')) {
      // ":100644 100644 <old> <new> M\tm"
      const [meta, path] = line.split('\t');
      const f = (meta ?? '').split(' ');
      const status = f[4] ?? '';
      yield { commit, blob: status === 'D' ? (f[2] ?? '') : (f[3] ?? ''), path: path ?? '', status };
    }
  }
  const code = await done;
  if (code !== 0) throw new EnvironmentError(`git log failed in ${gitDir} (exit ${code}): ${Buffer.concat(err).toString('utf8').trim().slice(0, 500)}`);
}

/** Yield the messages of an epoch in commit order. `source` names it in origins. */
export async function* readEpochFs(path: string, opts: ReadEpochOptions): AsyncGenerator<SourceItem> {
  const gitDir = await gitDirOf(path);
  const head = await headCommit(gitDir);
  if (!head) return;
  let range = 'HEAD';
  if (opts.after && opts.after !== head && (await isAncestor(gitDir, opts.after))) range = `${opts.after}..HEAD`;
  else if (opts.after === head) return;
  if (opts.progress) opts.progress.total += Number((await git(['--git-dir', gitDir, 'rev-list', '--count', range])).trim());

  const reader = new BlobReader(gitDir);
  const queue: EpochEntry[] = [];
  try {
    const it = entries(gitDir, range);
    let exhausted = false;
    for (;;) {
      while (!exhausted && queue.length < IN_FLIGHT) {
        const n = await it.next();
        if (n.done) {
          exhausted = true;
          break;
        }
        queue.push(n.value);
        reader.request(n.value.blob);
      }
      const e = queue.shift();
      if (!e) break;
      const blob = await reader.next();
      if (opts.progress) opts.progress.done += 1;
      const where = { source: path, locator: e.commit };
      if (blob === null) {
        const d: Diagnostic = { code: 'source/unreadable', message: `blob ${e.blob} of commit ${e.commit} is missing`, ...where };
        yield { kind: 'diagnostic', diagnostic: d };
      } else if (e.path === 'm' && e.status !== 'D') {
        yield {
          kind: 'raw',
          raw: { kind: 'raw', bytes: blob, origin: { source: path, locator: e.commit, list: opts.list }, envelopeDate: null },
          diagnostics: [],
          refuse: null,
          checkpoint: { epoch: path, commit: e.commit },
        };
      } else if (e.path === 'd') {
        const mid = blob.toString('latin1').match(/^message-id:[ \t]*<([^>]*)>/im)?.[1] ?? '';
        yield {
          kind: 'diagnostic',
          diagnostic: { code: 'epoch/deletion', message: 'the archive removed a message', messageId: mid, ...where },
        };
      } else if (e.status !== 'D') {
        yield {
          kind: 'diagnostic',
          diagnostic: { code: 'epoch/not-a-message', message: `commit adds ${e.path}, not m or d`, ...where },
        };
      }
    }
  } finally {
    reader.close();
  }
}
