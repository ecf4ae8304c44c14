// What changed in one patch between two revisions of a series, from the two posted patches alone
// (no git tree): a diff of their diffs, as `git range-diff` prints it. Each patch's diff is
// normalised first the way range-diff does (a "diff --git a/f b/f" header becomes "## f ##",
// hunk headers lose their line numbers, "index" lines go), then the two are compared line by
// line (Myers' O(ND) algorithm, iterative) and printed with three lines of context: a line
// starting "-" was in the old patch only, "+" in the new one only, and the character after it is
// the patch's own (+, -, space). Pure.

/** Context lines around each change. */
const CONTEXT = 3;
/** Lines printed per patch at most; the rest is counted. */
export const MAX_INTERDIFF_LINES = 300;
/** Edit distance explored at most (Myers' D): beyond it the patches are reported as rewritten. */
const MAX_EDITS = 4000;

/** The diff part of a posted patch, normalised for comparing: from its first "diff --git" (or
 *  "--- a/" header) to the signature; [] when it has none. */
export function normalizedDiff(body: string): string[] {
  const lines = body.replace(/\r/g, '').split('\n');
  let start = lines.findIndex((l) => l.startsWith('diff --git '));
  if (start < 0) start = lines.findIndex((l, i) => l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ '));
  if (start < 0) return [];
  const out: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === '-- ' || l === '--') break; // signature ("-- " and git's "--" before the version)
    const file = l.match(/^diff --git a\/(.*) b\/(.*)$/);
    if (file) {
      out.push(file[1] === file[2] ? `## ${file[2]} ##` : `## ${file[1]} -> ${file[2]} ##`);
      continue;
    }
    if (/^index [0-9a-f]+\.\.[0-9a-f]+/.test(l) || l.startsWith('--- ') || l.startsWith('+++ ')) continue;
    const hunk = l.match(/^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@(.*)$/);
    out.push(hunk ? `@@${hunk[1]}` : l);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** One line of an edit script: kept, removed from the old side, or added on the new side. */
export type Op = { kind: ' ' | '-' | '+'; line: string };

/** The shortest edit script from a to b (Myers), or null when it needs more than MAX_EDITS. */
export function editScript(a: readonly string[], b: readonly string[]): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;
  // Walk back through the saved rows: each step is a diagonal of equal lines, then one insertion
  // or deletion.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const row = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && row[offset + k - 1]! < row[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = row[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x]! });
    }
    if (x === prevX) {
      y--;
      ops.push({ kind: '+', line: b[y]! });
    } else {
      x--;
      ops.push({ kind: '-', line: a[x]! });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    ops.push({ kind: ' ', line: a[x]! });
  }
  return ops.reverse();
}

/**
 * The range-diff of one patch between two revisions ('' when their diffs are the same): hunks of
 * the diff of the normalised diffs, each opened by the file ("## f ##") and hunk header it is in,
 * at most MAX_INTERDIFF_LINES lines.
 */
export function interdiff(oldBody: string, newBody: string, maxLines = MAX_INTERDIFF_LINES): string {
  const a = normalizedDiff(oldBody);
  const b = normalizedDiff(newBody);
  const ops = editScript(a, b);
  if (ops === null) return `(rewritten: ${a.length} diff lines before, ${b.length} after)`;
  const changed = ops.map((o) => o.kind !== ' ');
  if (!changed.includes(true)) return '';
  const out: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change that
    // is at most 2 * CONTEXT unchanged lines from the previous one.
    const from = Math.max(0, i - CONTEXT);
    let to = i;
    for (let j = i; j < ops.length; j++) {
      if (changed[j]) to = j;
      else if (j - to > 2 * CONTEXT) break;
    }
    const end = Math.min(ops.length, to + CONTEXT + 1);
    out.push(hunkHeader(ops, from));
    for (let j = from; j < end; j++) out.push(`${ops[j]!.kind}${ops[j]!.line}`);
    i = end;
  }
  if (out.length <= maxLines) return out.join('\n');
  return [...out.slice(0, maxLines), `(${out.length - maxLines} more lines)`].join('\n');
}

/** "@@ file: hunk header" of the place a hunk starts: the nearest file and hunk lines above it. */
function hunkHeader(ops: readonly Op[], at: number): string {
  let file = '';
  let hunk = '';
  for (let j = at; j >= 0 && !file; j--) {
    const l = ops[j]!.line;
    if (!hunk && l.startsWith('@@')) hunk = l.slice(2).trim();
    if (l.startsWith('## ') && l.endsWith(' ##')) file = l.slice(3, -3);
  }
  return `@@ ${[file, hunk].filter(Boolean).join(': ')}`.trimEnd();
}
