// The diff in a patch mail: files with their insertions and deletions, hunks with the function
// they touch, and a fingerprint that recognizes the same change across revisions. Reads only the
// author's lines (quoted "> diff" in replies is not a diff). Pure; iterative; never throws.
import { createHash } from 'node:crypto';
import type { DiffFile, DiffHunk, DiffSummary } from '../types.ts';

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
  const lines = body.split('\n');
  const files: DiffFile[] = [];
  const hunks: DiffHunk[] = [];
  let file: DiffFile | null = null;
  let inHunk = false;
  // Lines left in the current hunk, old and new side (from its header), so the hunk's end is
  // known even when a removed line reads "--- something".
  let oldLeft = 0;
  let newLeft = 0;
  // Per file: the normalized +/- lines the fingerprint is made of.
  const changes = new Map<DiffFile, string[]>();
  const open = (path: string, oldPath: string | null): DiffFile => {
    const f: DiffFile = { path, oldPath, status: 'modified', insertions: 0, deletions: 0, binary: false };
    files.push(f);
    changes.set(f, []);
    return f;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let m: RegExpExecArray | null;
    if (line.startsWith('diff --git ') && ((m = /^diff --git (\S+) (\S+)$/.exec(line)) || (m = /^diff --git "([^"]+)" "([^"]+)"$/.exec(line)))) {
      const a = stripPrefix(m[1]!);
      const b = stripPrefix(m[2]!);
      file = open(b, a === b ? null : a);
      inHunk = false;
      continue;
    }
    if (inHunk && line === '-- ' && /^\d+\.\d+/.test(lines[i + 1] ?? '')) {
      // git's signature ("-- \n2.45.0"): the diff is over, whatever the hunk header said
      inHunk = false;
      continue;
    }
    if (!inHunk && (line === '-- ' || line.startsWith('>'))) {
      // a signature, or quoted text: someone else's diff
      continue;
    }
    if (line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ') && !inHunk) {
      const a = stripPrefix(line.slice(4));
      const b = stripPrefix(lines[i + 1]!.slice(4));
      if (!file || file.insertions + file.deletions > 0 || changes.get(file)!.length > 0) {
        file = open(b === '/dev/null' ? a : b, a === b || a === '/dev/null' || b === '/dev/null' ? null : a);
      }
      if (a === '/dev/null') file.status = 'added';
      if (b === '/dev/null') {
        file.status = 'deleted';
        file.path = a;
      }
      i++;
      continue;
    }
    if (!file) continue;
    if (!inHunk && (m = HUNK_HEADER.exec(line))) {
      inHunk = true;
      oldLeft = m[2] === undefined ? 1 : Number(m[2]);
      newLeft = m[4] === undefined ? 1 : Number(m[4]);
      if (hunks.length < MAX_HUNKS) hunks.push({ file: file.path, oldStart: Number(m[1]), newStart: Number(m[3]), context: m[5]!.trim() });
      if (oldLeft === 0 && newLeft === 0) inHunk = false;
      continue;
    }
    if (!inHunk) {
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
        changes.get(file)!.push(`binary:${line}`);
      }
      continue;
    }
    const c = line[0];
    // "+" or "-" followed by the line without whitespace (the sign has none to lose).
    if (c === '+') {
      file.insertions++;
      newLeft--;
      changes.get(file)!.push(line.replace(/\s+/g, ''));
    } else if (c === '-') {
      file.deletions++;
      oldLeft--;
      changes.get(file)!.push(line.replace(/\s+/g, ''));
    } else if (c === ' ' || line === '') {
      // context, or a blank context line some mailers strip of its space
      oldLeft--;
      newLeft--;
    } else if (c === '\\') {
      // "\ No newline at end of file"
    } else {
      inHunk = false;
    }
    if (oldLeft <= 0 && newLeft <= 0) inHunk = false;
  }
  let insertions = 0;
  let deletions = 0;
  for (const f of files) {
    insertions += f.insertions;
    deletions += f.deletions;
  }
  return { files, insertions, deletions, hunks, fingerprint: files.length ? fingerprint(files, changes) : null };
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
