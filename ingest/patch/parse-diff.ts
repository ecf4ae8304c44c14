// The diff in a patch mail: files with their insertions and deletions, hunks with the function
// they touch, a fingerprint that recognizes the same change across revisions, and the exact
// `git patch-id --stable` (patch-id.ts) that finds the commit it became. Reads only the author's
// lines (quoted "> diff" in replies is not a diff). Pure; iterative; never throws.
import { createHash } from 'node:crypto';
import type { DiffFile, DiffHunk, DiffSummary } from '../types.ts';
import { patchId } from './patch-id.ts';

/** Hunks kept per message; a treewide change can have thousands, which nothing shows. */
export const MAX_HUNKS = 500;

const HUNK_HEADER = /^@@@? -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@@?\s?(.*)$/;

function stripPrefix(p: string): string {
  return p.replace(/^"?(?:[ab]\/)?/, '').replace(/"$/, '').replace(/\t.*$/, '');
}

/** Whether a body holds a diff (not counting quoted lines). Cheap: used to classify mail. */
export function hasDiff(body: string): boolean {
  return /^(?:diff --git \S+ \S+|diff -\S* \S+ \S+|Index: \S+|GIT binary patch)$/m.test(body) || /^--- \S.*\n\+\+\+ \S/m.test(body);
}

/** Whether a body has a git diffstat (" fs/dax.c | 12 +++---" lines and a summary). */
export function hasDiffstat(body: string): boolean {
  return /^ \d+ files? changed(?:, \d+ insertions?\(\+\))?(?:, \d+ deletions?\(-\))?\s*$/m.test(body);
}

/**
 * Parse the diff of a body. Files start at "diff --git" (or "--- a/x" + "+++ b/x" for plain
 * diffs); hunks count their +/- lines.
 */
export function parseDiff(body: string): DiffSummary {
  const r: DiffReader = { lines: body.split('\n'), files: [], hunks: [], file: null, inHunk: false, oldLeft: 0, newLeft: 0, changes: new Map() };
  for (let i = 0; i < r.lines.length; i++) {
    const raw = r.lines[i]!;
    i += readLine(r, raw.endsWith('\r') ? raw.slice(0, -1) : raw, i);
  }
  let insertions = 0;
  let deletions = 0;
  for (const f of r.files) {
    insertions += f.insertions;
    deletions += f.deletions;
  }
  return { files: r.files, insertions, deletions, hunks: r.hunks, fingerprint: r.files.length ? fingerprint(r.files, r.changes) : null, patchId: patchId(body) };
}

/** Where the reading of a diff is, line by line. */
interface DiffReader {
  /** The body's lines ("\r" still on them). */
  lines: string[];
  /** Files found so far. */
  files: DiffFile[];
  /** Hunks found so far (at most MAX_HUNKS). */
  hunks: DiffHunk[];
  /** The file being read, null before the first file header. */
  file: DiffFile | null;
  /** Inside a hunk: its +, - and context lines are being counted. */
  inHunk: boolean;
  /** Lines left in the current hunk, old side (from its header), so the hunk's end is known
   *  even when a removed line reads "--- something". */
  oldLeft: number;
  /** Lines left in the current hunk, new side. */
  newLeft: number;
  /** Per file: the normalized +/- lines the fingerprint is made of. */
  changes: Map<DiffFile, string[]>;
}

/** Read line `i` (`line`, without its "\r"): a file header, the end of the diff, a hunk header,
 *  an extended header or a hunk line. Returns how many of the lines after it were read with it. */
function readLine(r: DiffReader, line: string, i: number): number {
  if (line.startsWith('diff --git ') && gitFileHeader(r, line)) return 0;
  if (r.inHunk && line === '-- ' && /^\d+\.\d+/.test(r.lines[i + 1] ?? '')) {
    // git's signature ("-- \n2.45.0"): the diff is over, whatever the hunk header said
    r.inHunk = false;
    return 0;
  }
  if (!r.inHunk && (line === '-- ' || line.startsWith('>'))) {
    // a signature, or quoted text: someone else's diff
    return 0;
  }
  if (line.startsWith('--- ') && (r.lines[i + 1] ?? '').startsWith('+++ ') && !r.inHunk) {
    plainFileHeader(r, line, r.lines[i + 1]!);
    return 1;
  }
  if (!r.file) return 0;
  if (!r.inHunk) {
    if (!hunkHeader(r, r.file, line)) extendedHeader(r, r.file, line);
    return 0;
  }
  hunkLine(r, r.file, line);
  return 0;
}

/** A new file (its changes to come) in the diff. */
function openFile(r: DiffReader, path: string, oldPath: string | null): DiffFile {
  const f: DiffFile = { path, oldPath, status: 'modified', insertions: 0, deletions: 0, binary: false };
  r.files.push(f);
  r.changes.set(f, []);
  return f;
}

/** "diff --git a/x b/y" (paths quoted when git quoted them) opens a file; false when the line
 *  is not one. */
function gitFileHeader(r: DiffReader, line: string): boolean {
  const m = /^diff --git (\S+) (\S+)$/.exec(line) ?? /^diff --git "([^"]+)" "([^"]+)"$/.exec(line);
  if (!m) return false;
  const a = stripPrefix(m[1]!);
  const b = stripPrefix(m[2]!);
  r.file = openFile(r, b, a === b ? null : a);
  r.inHunk = false;
  return true;
}

/** "--- a/x" and "+++ b/x" (`next`, as written): the file of a plain diff, or the old and new
 *  names under git's header; /dev/null on one side adds or deletes the file. */
function plainFileHeader(r: DiffReader, line: string, next: string): void {
  const a = stripPrefix(line.slice(4));
  const b = stripPrefix(next.slice(4));
  if (!r.file || r.file.insertions + r.file.deletions > 0 || r.changes.get(r.file)!.length > 0) {
    r.file = openFile(r, b === '/dev/null' ? a : b, a === b || a === '/dev/null' || b === '/dev/null' ? null : a);
  }
  if (a === '/dev/null') r.file.status = 'added';
  if (b === '/dev/null') {
    r.file.status = 'deleted';
    r.file.path = a;
  }
}

/** "@@ -a,b +c,d @@ context" starts a hunk of `file`; false when the line is not one. */
function hunkHeader(r: DiffReader, file: DiffFile, line: string): boolean {
  const m = HUNK_HEADER.exec(line);
  if (!m) return false;
  r.inHunk = true;
  r.oldLeft = m[2] === undefined ? 1 : Number(m[2]);
  r.newLeft = m[4] === undefined ? 1 : Number(m[4]);
  if (r.hunks.length < MAX_HUNKS) r.hunks.push({ file: file.path, oldStart: Number(m[1]), newStart: Number(m[3]), context: m[5]!.trim() });
  if (r.oldLeft === 0 && r.newLeft === 0) r.inHunk = false;
  return true;
}

/** git's extended header lines between a file's header and its hunks: new and deleted files,
 *  renames, copies, binary changes. Other lines there ("index ...", mode lines) say nothing. */
function extendedHeader(r: DiffReader, file: DiffFile, line: string): void {
  let m: RegExpExecArray | null;
  if (line.startsWith('new file mode')) file.status = 'added';
  else if (line.startsWith('deleted file mode')) file.status = 'deleted';
  else if ((m = /^rename from (.+)$/.exec(line))) {
    file.status = 'renamed';
    file.oldPath = m[1]!;
  } else if ((m = /^rename to (.+)$/.exec(line))) file.path = m[1]!;
  else if ((m = /^copy from (.+)$/.exec(line))) {
    file.status = 'copied';
    file.oldPath = m[1]!;
  } else if (line.startsWith('GIT binary patch') || line.startsWith('Binary files ')) {
    file.binary = true;
    r.changes.get(file)!.push(`binary:${line}`);
  }
}

/** A line inside a hunk: counted as added, removed or context; anything else ends the hunk, as
 *  does reaching the line counts of its header. */
function hunkLine(r: DiffReader, file: DiffFile, line: string): void {
  const c = line[0];
  // "+" or "-" followed by the line without whitespace (the sign has none to lose).
  if (c === '+') {
    file.insertions++;
    r.newLeft--;
    r.changes.get(file)!.push(line.replace(/\s+/g, ''));
  } else if (c === '-') {
    file.deletions++;
    r.oldLeft--;
    r.changes.get(file)!.push(line.replace(/\s+/g, ''));
  } else if (c === ' ' || line === '') {
    // context, or a blank context line some mailers strip of its space
    r.oldLeft--;
    r.newLeft--;
  } else if (c === '\\') {
    // "\ No newline at end of file"
  } else {
    r.inHunk = false;
  }
  if (r.oldLeft <= 0 && r.newLeft <= 0) r.inHunk = false;
}

/**
 * The fingerprint of a change, after `git patch-id --stable`: a hash per file over its path and
 * its added and removed lines with all whitespace removed, the file hashes combined in path
 * order. Line numbers, context lines, index lines and diffstat do not count, so a rebase that
 * moves or re-contexts a hunk keeps the fingerprint; any change to what is added or removed
 * changes it.
 */
function fingerprint(files: DiffFile[], changes: Map<DiffFile, string[]>): string {
  const perFile = files
    .map((f) => createHash('sha256').update(`${f.oldPath ?? f.path}\0${f.path}\0${changes.get(f)!.join('\n')}`).digest('hex'))
    .sort();
  return createHash('sha256').update(perFile.join('\n')).digest('hex').slice(0, 40);
}
