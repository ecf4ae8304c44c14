// The patch-id of a diff exactly as `git patch-id --stable` computes it (git 2.39's
// builtin/patch-id.c, get_one_patchid and flush_one_hunk), so a posted patch and the commit it
// became can be compared by id: per file, a SHA-1 over the header and hunk lines with all
// whitespace removed (line numbers and `index` lines left out), the file hashes added as 20-byte
// numbers, so file order does not count. Only the stable form; not the unstable or verbatim ones.
// Pure; never throws.
import { createHash } from 'node:crypto';

/** Bytes of a SHA-1, the only hash patch-ids of SHA-1 repositories use. */
const RAW_SIZE = 20;
/** Hex digits of an object id git recognizes as the start of the next patch (get_oid_hex). */
const HEX_SIZE = 40;
/** Longest object id git copies from an `index` line (GIT_MAX_HEXSZ). */
const MAX_HEX = 64;

const HEX40 = /^[0-9a-fA-F]{40}/;
/** What remove_space() drops: git's own isspace() (git-compat-util.h's sane_ctype), which is
 *  space, tab, CR and LF only; a form feed in a source file counts. */
const SPACE = /[ \t\n\r]/g;
const ALPHA = /^[A-Za-z]/;

/** scan_hunk_header on "@@ -a,b +c,d @@": the line counts b and d (a count left out is 1). Like
 *  git, it sets what it has read before it finds the header malformed, so it returns the counts
 *  to use whatever happens. */
function scanHunkHeader(line: string, before: number, after: number): { before: number; after: number } {
  const digits = (from: number): number => {
    let n = 0;
    while (from + n < line.length && line.charCodeAt(from + n) >= 48 && line.charCodeAt(from + n) <= 57) n++;
    return n;
  };
  let q = 4;
  let n = digits(q);
  if (line[q + n] === ',') {
    q += n + 1;
    n = digits(q);
    before = atoi(line, q);
  } else {
    before = 1;
  }
  if (n === 0 || line[q + n] !== ' ' || line[q + n + 1] !== '+') return { before, after };
  let r = q + n + 2;
  n = digits(r);
  if (line[r + n] === ',') {
    r += n + 1;
    n = digits(r);
    after = atoi(line, r);
  } else {
    after = 1;
  }
  return { before, after };
}

/** atoi() from `at` (libc's, so its white space is C's): leading white space, a sign, digits; 0 when there are none. */
function atoi(line: string, at: number): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(line.slice(at, at + 32))!;
  const n = m[2] ? Number(m[2]) : 0;
  return m[1] === '-' ? -n : n;
}

/** Adds one hash to the running 20-byte sum, little end first, as flush_one_hunk does. */
function addInto(sum: Uint8Array, hash: Buffer): void {
  let carry = 0;
  for (let i = 0; i < RAW_SIZE; i++) {
    carry += sum[i]! + hash[i]!;
    sum[i] = carry & 0xff;
    carry >>= 8;
  }
}

/** The lines of a text as git reads them, from an offset: each with its newline, if it had
 *  one. */
class Lines {
  constructor(
    private readonly text: string,
    private at = 0,
  ) {}

  /** The next line, null at the end. */
  next(): string | null {
    const { text, at } = this;
    if (at >= text.length) return null;
    const end = text.indexOf('\n', at);
    this.at = end < 0 ? text.length : end + 1;
    return text.slice(at, this.at);
  }
}

/**
 * Every patch-id `git patch-id --stable` prints for `text` (a commit's `git log -p`, a mail body,
 * an mbox), in order. Lines before a patch's first "diff " line (the message, "---", the
 * diffstat) are skipped; a patch ends at a line that cannot continue it (a blank line outside a
 * hunk, "-- " after the last hunk) or at a line naming the next commit.
 */
export function patchIds(text: string): string[] {
  const out: string[] = [];
  const lines = new Lines(text);
  for (;;) {
    const r = onePatchId(lines);
    if (r.patchLength > 0) out.push(r.id);
    if (r.done) return out;
  }
}

/** The patch-id of the first patch in `text` (a mail body or a commit's diff); null when it holds
 *  no "diff " line, for which git prints nothing. A diff of binary files or pure renames has one:
 *  its header lines count. */
export function patchId(text: string): string | null {
  // Lines before the first "diff " line are skipped either way (a "commit <id>" line among them
  // only starts another empty patch): start there.
  const first = text.startsWith('diff ') ? 0 : text.indexOf('\ndiff ') + 1;
  if (first === 0 && !text.startsWith('diff ')) return null;
  const lines = new Lines(text, first);
  for (;;) {
    const r = onePatchId(lines);
    if (r.patchLength > 0) return r.id;
    if (r.done) return null;
  }
}

/** get_one_patchid: reads lines until the patch ends; `done` when the input ran out. */
function onePatchId(lines: Lines): { id: string; patchLength: number; done: boolean } {
  const sum = new Uint8Array(RAW_SIZE);
  // What one file's hash is made of, hashed at once when the file ends (as many updates would).
  let file = '';
  const flush = (): void => {
    addInto(sum, createHash('sha1').update(file, 'utf8').digest());
    file = '';
  };
  let patchLength = 0;
  let before = -1;
  let after = -1;
  let binary = false;
  let preOid = '';
  let postOid = '';
  let done = true;
  for (let line = lines.next(); line !== null; line = lines.next()) {
    let p = line;
    if (line.startsWith('commit ')) p = line.slice(7);
    else if (line.startsWith('From ')) p = line.slice(5);
    else if (line.startsWith('\\ ') && Buffer.byteLength(line) > 12) continue;
    if (p.length >= HEX_SIZE && HEX40.test(p)) {
      // The next patch starts here.
      done = false;
      break;
    }
    // Ignore commit comments.
    if (patchLength === 0 && !line.startsWith('diff ')) continue;
    // Parsing a diff header?
    if (before === -1) {
      if (line.startsWith('GIT binary patch') || line.startsWith('Binary files')) {
        binary = true;
        before = 0;
        file += preOid + postOid;
        flush();
        continue;
      } else if (line.startsWith('index ')) {
        const dots = line.indexOf('..');
        if (dots >= 0) {
          let end = line.indexOf(' ', dots);
          if (end < 0) end = Math.max(dots, line.length - 1);
          preOid = line.slice(6, dots).slice(0, MAX_HEX);
          postOid = line.slice(dots + 2, Math.max(dots + 2, end)).slice(0, MAX_HEX);
        }
        continue;
      } else if (line.startsWith('--- ')) {
        before = after = 1;
      } else if (!ALPHA.test(line)) {
        done = false;
        break;
      }
    }
    if (binary) {
      if (line.startsWith('diff ')) {
        binary = false;
        before = -1;
      }
      continue;
    }
    // Looking for a valid hunk header?
    if (before === 0 && after === 0) {
      if (line.startsWith('@@ -')) {
        // The next hunk; its line numbers do not count.
        ({ before, after } = scanHunkHeader(line, before, after));
        continue;
      }
      // The end of the patch.
      if (!line.startsWith('diff ')) {
        done = false;
        break;
      }
      // Another file's header.
      flush();
      before = after = -1;
    }
    // Inside a hunk.
    const c = line[0];
    if (c === '-' || c === ' ') before--;
    if (c === '+' || c === ' ') after--;
    const bare = line.replace(SPACE, '');
    // Only whether anything was hashed matters (patchLength > 0), so characters count as well as
    // bytes.
    patchLength += bare.length;
    file += bare;
  }
  flush();
  return { id: Buffer.from(sum).toString('hex'), patchLength, done };
}
