// Finds what kind of input a path is and reads it: mbox or message files (plain or gzip),
// maildirs, public-inbox v2 epochs (bare repository, work tree, or a whole v2 inbox with
// git/N.git epochs), git bundles of an epoch, saved archive web pages, and directories holding
// any of these.
// Yields SourceItems in a stable order; problems with the input are items, not exceptions.
import { mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Diagnostic, ReadProgress, SourceItem } from '../types.ts';
import { readEpochFs, git } from './read-epoch-fs.ts';
import { readMboxFs } from './read-mbox-fs.ts';
import { readPagesFs } from './read-pages-fs.ts';
import type { MboxFormat } from './split-mbox.ts';

/** The kinds of input patchlore reads. */
export type SourceKind = 'mbox' | 'maildir' | 'epoch' | 'inbox' | 'bundle' | 'page' | 'directory';

/** Options for reading sources. */
export interface ReadSourceOptions {
  /** List name for every message read ('' to take it from each message's List-Id). */
  list: string;
  /** mbox variant for mbox files. */
  mboxFormat: MboxFormat;
  /** Last imported commit per epoch path, to read only what is new. */
  epochCursor?: (gitDir: string) => string | null;
  /** Progress counters. */
  progress?: ReadProgress;
  /** Files fetched from the web (pages, raw mail): the URL each was fetched from, named as its
   *  source in provenance and sightings instead of the file. */
  sourceUrls?: ReadonlyMap<string, string>;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

/** What kind of input `path` is, or null if it is none patchlore reads. */
export async function detectSource(path: string): Promise<SourceKind | null> {
  const st = await stat(path);
  if (st.isFile()) {
    const fh = await open(path, 'r');
    const head = await fh.read(Buffer.alloc(512), 0, 512, 0).then((r) => r.buffer.toString('latin1', 0, r.bytesRead)).finally(() => fh.close());
    if (/^# v[23] git bundle/.test(head)) return 'bundle';
    // Mail never starts with "<"; a saved web page does (after a byte-order mark, blank lines).
    if (/^(?:\xef\xbb\xbf)?\s*</.test(head)) return 'page';
    return 'mbox';
  }
  if (!st.isDirectory()) return null;
  if ((await exists(join(path, 'cur'))) && (await exists(join(path, 'new')))) return 'maildir';
  if ((await exists(join(path, 'git', '0.git'))) || (await exists(join(path, 'all.git')))) return 'inbox';
  if (((await exists(join(path, 'objects'))) && (await exists(join(path, 'HEAD')))) || (await exists(join(path, '.git')))) return 'epoch';
  return 'directory';
}

/** Files of a directory tree in name order, skipping hidden ones. Iterative: no recursion on
 *  the depth of the tree. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    const ents = await readdir(d, { withFileTypes: true });
    const subdirs: string[] = [];
    for (const e of ents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) subdirs.push(p);
      else if (e.isFile()) out.push(p);
    }
    stack.push(...subdirs.reverse());
  }
  return out.sort();
}

/** Messages of a maildir: cur/ and new/ in file-name order (names start with delivery time). */
async function* readMaildirFs(dir: string, opts: ReadSourceOptions): AsyncGenerator<SourceItem> {
  const files: string[] = [];
  for (const sub of ['cur', 'new']) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[]);
    files.push(...names.filter((n) => !n.startsWith('.')).map((n) => join(sub, n)));
  }
  files.sort((a, b) => (a.slice(4) < b.slice(4) ? -1 : a.slice(4) > b.slice(4) ? 1 : 0));
  if (opts.progress) opts.progress.total += files.length;
  for (const f of files) {
    if (opts.progress) opts.progress.done += 1;
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, f));
    } catch (err) {
      yield { kind: 'diagnostic', diagnostic: unreadable(dir, f, err) };
      continue;
    }
    yield {
      kind: 'raw',
      raw: { kind: 'raw', bytes, origin: { source: dir, locator: f, list: opts.list }, envelopeDate: null },
      diagnostics: [],
      refuse: null,
    };
  }
}

function unreadable(source: string, locator: string, err: unknown): Diagnostic {
  return { code: 'source/unreadable', message: `cannot read: ${(err as Error).message}`, source, locator };
}

/** The epochs of a v2 inbox directory, in number order. */
async function inboxEpochs(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, 'git')).catch(() => [] as string[]);
  return names
    .filter((n) => /^\d+\.git$/.test(n))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
    .map((n) => join(dir, 'git', n));
}

/** Read one input path of any supported kind. */
export async function* readSourceFs(input: string, opts: ReadSourceOptions): AsyncGenerator<SourceItem> {
  const path = resolve(input);
  let kind: SourceKind | null;
  try {
    kind = await detectSource(path);
  } catch (err) {
    yield { kind: 'diagnostic', diagnostic: unreadable(path, '', err) };
    return;
  }
  switch (kind) {
    case 'mbox':
      yield* readMboxFs(path, { list: opts.list, format: opts.mboxFormat, progress: opts.progress, source: opts.sourceUrls?.get(path) });
      return;
    case 'maildir':
      yield* readMaildirFs(path, opts);
      return;
    case 'epoch':
      yield* readEpochFs(path, { list: opts.list, after: opts.epochCursor?.(path) ?? null, progress: opts.progress });
      return;
    case 'inbox':
      for (const epoch of await inboxEpochs(path)) {
        yield* readEpochFs(epoch, { list: opts.list, after: opts.epochCursor?.(epoch) ?? null, progress: opts.progress });
      }
      return;
    case 'bundle': {
      // A bundle of an epoch (as in `git bundle create`): clone it to a scratch repository.
      const tmp = await mkdtemp(join(tmpdir(), 'patchlore-bundle-'));
      try {
        await git(['clone', '-q', '--mirror', path, join(tmp, 'epoch.git')]);
        for await (const item of readEpochFs(join(tmp, 'epoch.git'), { list: opts.list, progress: opts.progress })) {
          // Name the bundle, not the scratch clone, as the source.
          if (item.kind === 'raw') {
            item.raw.origin.source = path;
            delete item.checkpoint;
          }
          else item.diagnostic.source = path;
          yield item;
        }
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
      return;
    }
    case 'page':
      yield* readPagesFs(path, { list: opts.list, progress: opts.progress, source: opts.sourceUrls?.get(path) });
      return;
    case 'directory':
      for (const file of await listFiles(path)) yield* readSourceFs(file, opts);
      return;
    default:
      yield { kind: 'diagnostic', diagnostic: { code: 'source/unknown-format', message: 'not a file or directory patchlore reads', source: path } };
  }
}
