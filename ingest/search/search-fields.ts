// Splits a stored message into the fields lore searches, the way public-inbox 1.9 indexes mail
// (lib/PublicInbox/SearchIdx.pm index_xapian, index_diff; MsgIter.pm split_quotes): each text
// part is cut into blocks of ">" lines (quoted) and the rest; a non-quoted block holding a diff
// gives its file names, removed, added and context lines and hunk-header functions to the diff
// fields, and everything else of it to "nq". Header fields are the decoded headers. It does not
// index git blob ids ("index 1234abc..") nor patch-ids (lore's dfpre:/dfpost:/patchid:).
// Pure, iterative, never throws.
import type { StoredPart } from '../message/message-body.ts';
import type { SearchFields } from './query-types.ts';

/** What splitting needs of a message. */
export interface SearchInput {
  messageId: string;
  subject: string;
  /** "Name <address>". */
  from: string;
  to: string[];
  cc: string[];
  /** Text parts joined (messages.body). */
  body: string;
  /** Where each part is in `body` (messages.parts). */
  parts: readonly StoredPart[];
}

/** Lines of the diff fields, the quoted blocks and the rest, appended as found. */
interface Acc {
  nq: string[];
  q: string[];
  dfn: string[];
  dfa: string[];
  dfb: string[];
  dfhh: string[];
  dfctx: string[];
}

const DIFF_START = /^(?:diff|---|\+\+\+) /m;

/** Put between the blocks and lines joined into one field so that a phrase never spans two of
 *  them (Xapian advances the term position between them; FTS5 needs a token): a private-use
 *  character, a word to the tokenizer that no query can type. */
export const FIELD_BREAK = '\n\ue000\n';

/** "a/fs/dax.c" -> "fs/dax.c" (git's prefix dropped, C-style quoting undone). */
function diffPath(p: string): string {
  let s = p;
  if (s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).replace(/\\(.)/g, '$1');
  const slash = s.indexOf('/');
  return slash < 0 ? s : s.slice(slash + 1);
}

/** A traditional "diff -u" pair of paths: the longest common tail of both. */
function commonTail(a: string, b: string): string | null {
  const fa = a.split('/');
  const fb = b.split('/');
  while (fa.length && fb.length) {
    if (fa.join('/') === fb.join('/')) return fa.join('/');
    fa.shift();
    fb.shift();
  }
  return null;
}

/** index_diff: one non-quoted block that holds a diff. */
function splitDiff(block: string, acc: Acc): void {
  // Own lines between diff lines make one chunk, as public-inbox's index_diff_inc indexes them;
  // each diff line is a chunk of its own.
  let xnq: string[] = [];
  const put = (field: string[], text: string): void => {
    if (xnq.length) acc.nq.push(xnq.join('\n'));
    xnq = [];
    field.push(text);
  };
  const seen = new Set<string>();
  const file = (name: string): void => {
    if (!seen.has(name)) {
      seen.add(name);
      put(acc.dfn, name);
    }
  };
  // In a diff: true, or the old file name of a traditional diff awaiting its "+++" line.
  let inDiff: boolean | string = false;
  const lines = block.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    let m: RegExpExecArray | null;
    // The patterns below are anchored on their first character: test only those that can
    // match this line's (most lines of a diff start with "+", "-" or " ").
    const c0 = l.charAt(0);
    const dash = c0 === '-';
    const plus = c0 === '+';
    if (inDiff && (plus || dash) && !(dash && l.startsWith('-- ')) && !l.startsWith('--- ') && !l.startsWith('+++ ')) {
      // A removed or added line: the only branches that can take it.
      put(plus ? acc.dfb : acc.dfa, l.slice(1));
    } else if (inDiff && l.startsWith('GIT binary patch')) {
      xnq.push(l);
      while (i + 1 < lines.length && /^(?:literal|delta) /.test(lines[i + 1]!)) {
        xnq.push(lines[++i]!);
        while (i + 1 < lines.length && (/^[a-zA-Z0-9!#$%&()*+\-;<=>?@^_`{|}~]+$/.test(lines[i + 1]!) || !/\S/.test(lines[i + 1]!))) i++;
      }
    } else if (inDiff && l.startsWith(' ')) put(acc.dfctx, l.slice(1));
    else if (l === '-- ') inDiff = false;
    else if ((m = /^diff --git ("?[^/]+\/.+) ("?[^/]+\/.+)$/.exec(l))) {
      xnq.push(l);
      inDiff = true;
      file(diffPath(m[1]!));
      file(diffPath(m[2]!));
    } else if ((m = /^diff -(.+) (\S+) (\S+)$/.exec(l))) {
      xnq.push(l);
      if (!/[uU]/.test(m[1]!)) continue;
      const name = commonTail(m[2]!, m[3]!);
      if (name) file(name);
      inDiff = name !== null;
    } else if ((m = /^--- ("?[^/]+\/.+)/.exec(l)) || (m = /^\+\+\+ ("?[^/]+\/.+)/.exec(l))) {
      file(diffPath(m[1]!));
      inDiff = true;
    } else if ((m = /^--- (\S+)/.exec(l))) {
      inDiff = m[1]!;
      xnq.push(l);
    } else if (inDiff !== false && (m = /^\+\+\+ (\S+)/.exec(l))) {
      const name: string | null = typeof inDiff === 'string' ? commonTail(inDiff, m[1]!) : null;
      if (name) file(name);
      inDiff = name !== null;
    } else if (inDiff && l.startsWith('+')) put(acc.dfb, l.slice(1));
    else if (inDiff && l.startsWith('-')) put(acc.dfa, l.slice(1));
    else if (/^index [a-f0-9]+\.\.[a-f0-9]+/.test(l)) inDiff = true;
    else if (/^@@ \S+ \S+ @@\s*$/.test(l)) {
      // a hunk without function context
    } else if ((m = /^@@ \S+ \S+ @@\s*(\S.*)$/.exec(l))) put(acc.dfhh, m[1]!);
    else if (/^(?:dis)?similarity index|^(?:old|new) mode|^(?:deleted|new) file mode|^(?:copy|rename) (?:from|to) |^\\ No newline at end of file|^Binary files .* differ/.test(l)) {
      xnq.push(l);
    } else if (l === '') {
      // a blank context line some mailers strip of its space
    } else {
      xnq.push(l);
      inDiff = false;
    }
  }
  if (xnq.length) acc.nq.push(xnq.join('\n'));
}

/** split_quotes: runs of lines starting with ">" apart from the rest. */
function splitText(text: string, acc: Acc): void {
  const lines = text.split('\n');
  let block: string[] = [];
  let quoted = false;
  const flush = (): void => {
    if (block.length === 0) return;
    const t = block.join('\n');
    if (quoted) acc.q.push(t);
    else if (DIFF_START.test(t)) splitDiff(t, acc);
    else acc.nq.push(t);
    block = [];
  };
  for (const l of lines) {
    const q = l.startsWith('>');
    if (q !== quoted) {
      flush();
      quoted = q;
    }
    block.push(l);
  }
  flush();
}

/** The fields of a message's headers (and its attachments' names): everything but the body's. */
export type HeaderField = 's' | 'f' | 't' | 'c' | 'm' | 'n';
export const HEADER_FIELDS: readonly HeaderField[] = ['s', 'f', 't', 'c', 'm', 'n'];

/** The header fields of one message, without reading its body. */
export function headerFields(m: SearchInput): Record<HeaderField, string> {
  const names: string[] = [];
  for (const p of m.parts) if (p.filename) names.push(p.filename);
  return { s: m.subject, f: m.from, t: m.to.join('\n'), c: m.cc.join('\n'), m: m.messageId, n: names.join('\n') };
}

/** The search fields of one message. */
export function searchFields(m: SearchInput): SearchFields {
  const acc: Acc = { nq: [], q: [], dfn: [], dfa: [], dfb: [], dfhh: [], dfctx: [] };
  let covered = false;
  for (const p of m.parts) {
    if (p.kind !== 'text') continue;
    covered = true;
    // HTML is not indexed by lore either: list mail that has it has a text/plain twin.
    if (/\btext\/x?html\b/i.test(p.contentType)) continue;
    splitText(m.body.slice(p.start, p.end), acc);
  }
  if (!covered && m.body) splitText(m.body, acc);
  return {
    ...headerFields(m),
    nq: acc.nq.join(FIELD_BREAK),
    q: acc.q.join(FIELD_BREAK),
    dfn: acc.dfn.join(FIELD_BREAK),
    dfa: acc.dfa.join(FIELD_BREAK),
    dfb: acc.dfb.join(FIELD_BREAK),
    dfhh: acc.dfhh.join(FIELD_BREAK),
    dfctx: acc.dfctx.join(FIELD_BREAK),
  };
}
