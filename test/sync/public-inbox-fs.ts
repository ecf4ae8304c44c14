// A real public-inbox (Debian's public-inbox 1.9, what lore runs) for the sync tests: v2 inboxes
// built from commits of the nvdimm corpus epoch, indexed with public-inbox-index, served by
// public-inbox-httpd on 127.0.0.1. Tests skip with `missing` as the reason when public-inbox, git
// or the corpus is not there. Every server started is stopped by stop() (call it in afterAll).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const CORPUS = resolve(process.env.PATCHLORE_CORPUS ?? join(import.meta.dirname, '../../../shared/corpus'));
export const BUNDLE = join(CORPUS, 'nvdimm/epoch-0.bundle');

function which(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why the public-inbox tests cannot run here, or null. */
export const missing: string | null = !which('public-inbox-httpd') || !which('public-inbox-index') || !which('public-inbox-init')
  ? 'public-inbox is not installed (sh scripts/install-test-deps.sh installs Debian\'s public-inbox)'
  : !which('git')
    ? 'git is not installed'
    : !existsSync(BUNDLE)
      ? `no corpus at ${CORPUS} (set PATCHLORE_CORPUS)`
      : null;

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string | Buffer } = {}): string {
  return execFileSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, input: opts.input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8');
}

/** One commit of the corpus epoch, as needed to rebuild it elsewhere. */
export interface CorpusCommit {
  sha: string;
  /** "Name <email> 1234567890 +0000" lines of git's commit object. */
  author: string;
  committer: string;
  message: string;
  /** The blob the commit adds and the path ('m' for a message, 'd' for a deletion). */
  blob: string;
  path: string;
  /** Committer time, Unix seconds. */
  time: number;
}

/** The corpus epoch as a scratch bare repository, and its commits oldest first. */
export interface Corpus {
  gitDir: string;
  commits: CorpusCommit[];
}

/** Clone the corpus bundle into `dir` and list its commits. */
export function openCorpus(dir: string): Corpus {
  const gitDir = join(dir, 'corpus.git');
  run('git', ['clone', '-q', '--mirror', BUNDLE, gitDir]);
  const out = run('git', ['--git-dir', gitDir, 'log', '--reverse', '--raw', '--no-abbrev', '--no-renames', '--format=%x01%H%x00%an <%ae> %ad%x00%cn <%ce> %cd%x00%ct%x00%B%x02', '--date=raw', 'HEAD']);
  const commits: CorpusCommit[] = [];
  for (const rec of out.split('\x01').slice(1)) {
    const [head, raw] = rec.split('\x02');
    const [sha, author, committer, time, message] = head!.split('\x00');
    const line = (raw ?? '').split('\n').find((l) => l.startsWith(':')) ?? '';
    const [meta, path] = line.split('\t');
    const f = (meta ?? '').split(' ');
    commits.push({ sha: sha!, author: author!, committer: committer!, message: message!, blob: f[4] === 'D' ? '' : f[3]!, path: path ?? 'm', time: Number(time) });
  }
  return { gitDir, commits };
}

/** A v2 inbox with its own PI_CONFIG file. */
export interface Inbox {
  name: string;
  dir: string;
  config: string;
  epoch(n: number): string;
}

/** public-inbox-init a v2 inbox `name` under `root`. */
export function createInbox(root: string, name: string, level: 'basic' | 'medium' | 'full'): Inbox {
  mkdirSync(root, { recursive: true });
  const config = join(root, 'pi-config');
  const dir = join(root, name);
  run('public-inbox-init', ['-V2', '-L', level, name, dir, `http://127.0.0.1/${name}`, `${name}@example.org`], { env: { ...process.env, PI_CONFIG: config } });
  return { name, dir, config, epoch: (n) => join(dir, 'git', `${n}.git`) };
}

/**
 * Append `commits` (rebuilt with the same author, committer, message and blob) to epoch `n` of
 * the inbox, creating the epoch as a new root history when it does not exist yet, as public-inbox
 * does when an epoch fills up. Blobs come from the corpus through a temporary alternate.
 */
export function appendCommits(inbox: Inbox, n: number, corpus: Corpus, commits: CorpusCommit[]): void {
  const gitDir = inbox.epoch(n);
  if (!existsSync(gitDir)) run('git', ['init', '-q', '--bare', gitDir]);
  const alternates = join(gitDir, 'objects/info/alternates');
  mkdirSync(join(gitDir, 'objects/info'), { recursive: true });
  writeFileSync(alternates, join(corpus.gitDir, 'objects') + '\n');
  let parent = '';
  try {
    parent = run('git', ['--git-dir', gitDir, 'rev-parse', '--verify', '-q', 'refs/heads/master']).trim();
  } catch {
    parent = '';
  }
  const parts: Buffer[] = [];
  commits.forEach((c, i) => {
    const msg = Buffer.from(c.message);
    parts.push(Buffer.from(`commit refs/heads/master\nauthor ${c.author}\ncommitter ${c.committer}\ndata ${msg.length}\n`), msg, Buffer.from('\n'));
    if (i === 0 && parent) parts.push(Buffer.from(`from ${parent}\n`));
    parts.push(Buffer.from(c.blob ? `M 100644 ${c.blob} ${c.path}\n\n` : `D ${c.path}\n\n`));
  });
  run('git', ['--git-dir', gitDir, 'fast-import', '--quiet', '--date-format=raw-permissive'], { input: Buffer.concat(parts) });
  // Copy the borrowed objects in and drop the alternate: the epoch must stand alone.
  run('git', ['--git-dir', gitDir, 'repack', '-a', '-d', '-q']);
  rmSync(alternates);
  run('git', ['--git-dir', gitDir, 'symbolic-ref', 'HEAD', 'refs/heads/master']);
}

/** public-inbox-index the inbox (incremental after appendCommits). */
export function indexInbox(inbox: Inbox): void {
  run('public-inbox-index', ['--no-fsync', inbox.dir], { env: { ...process.env, PI_CONFIG: inbox.config } });
}

/** A running public-inbox-httpd. */
export interface Httpd {
  /** http://127.0.0.1:PORT (the base URL; inboxes are at /<name>/). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A port of 127.0.0.1 free now (a server started on it may still lose it to another process). */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const r = await fetch(url);
    await r.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** Start public-inbox-httpd (one process: -W0) for the inboxes of `config` on 127.0.0.1. */
export async function startHttpd(config: string): Promise<Httpd> {
  for (let tries = 0; tries < 5; tries++) {
    const port = await freePort();
    const child: ChildProcess = spawn('public-inbox-httpd', ['-W0', '-l', `127.0.0.1:${port}`], {
      env: { ...process.env, PI_CONFIG: config },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    let dead = false;
    void exited.then(() => (dead = true));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200 && !dead; i++) {
      if (await answers(`${url}/`)) {
        return {
          url,
          port,
          stop: async () => {
            if (dead) return;
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
            await exited;
            clearTimeout(timer);
          },
        };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await exited;
    if (!/Address already in use|EADDRINUSE/i.test(stderr)) throw new Error(`public-inbox-httpd did not start: ${stderr.slice(0, 500)}`);
  }
  throw new Error('public-inbox-httpd: no free port');
}
