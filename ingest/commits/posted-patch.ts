// A stored patch message as the commit it would become: what `git am` would record (author and
// date from in-body "From:" and "Date:" lines, subject from an in-body "Subject:", else from the
// mail), its patch-id and files. Pure; never throws. It does not read the store
// (read-commit-inputs-fs.ts does).
import { parseAddressList } from '../message/address-list.ts';
import { parseDateValue } from '../message/parse-date.ts';
import { parseSubject } from '../patch/subject-tags.ts';
import type { Address, PostedPatch } from '../types.ts';
import { patchId } from '../patch/patch-id.ts';

/** What the store holds of a patch of a posting. */
export interface PostedPatchSource {
  messageId: string;
  postingId: string;
  family: string;
  version: number;
  index: number;
  total: number;
  /** The subject without tags (PostingPatch.title). */
  title: string;
  /** The sender. */
  from: Address;
  /** The message's date, ms; null when unknown. */
  date: number | null;
  /** The start of its text (messages.body), BODY_HEAD_CHARS or more: where in-body headers are. */
  bodyHead: string;
  /** `git patch-id --stable` of its diff (DiffSummary.patchId), null without one. */
  patchId: string | null;
  /** Paths of its diff, both sides of renames (PatchMeta.diff.files). */
  files: string[];
}

/** Characters of a body read for in-body headers: git mailinfo looks at the first lines only
 *  (MAX_IN_BODY_LINES), which no real mail makes longer than this. */
export const BODY_HEAD_CHARS = 4096;

/** Lines git mailinfo reads as headers at the top of a body ("From: Name <addr>" when the sender
 *  posts someone else's patch). It stops at the first line that is not one. */
const IN_BODY = /^(From|Subject|Date):[ \t]*(.*)$/i;
/** In-body headers git mailinfo looks at: the first lines only. */
const MAX_IN_BODY_LINES = 5;

/** In-body From:, Subject: and Date: at the top of a body, as git mailinfo takes them. */
export function inBodyHeaders(body: string): { from: Address | null; subject: string | null; date: number | null } {
  const out: { from: Address | null; subject: string | null; date: number | null } = { from: null, subject: null, date: null };
  const lines = body.replace(/^\s*\n/, '').split('\n', MAX_IN_BODY_LINES);
  for (const line of lines) {
    const m = IN_BODY.exec(line.replace(/\r$/, ''));
    if (!m) break;
    const value = m[2]!.trim();
    const name = m[1]!.toLowerCase();
    if (name === 'from') out.from = parseAddressList(value)[0] ?? null;
    else if (name === 'subject') out.subject = value;
    else out.date = parseDateValue(value)?.ms ?? null;
  }
  return out;
}

/** The posted patch a stored patch message stands for. */
export function postedPatch(s: PostedPatchSource): PostedPatch {
  const inBody = inBodyHeaders(s.bodyHead);
  const from = inBody.from?.email ? inBody.from : s.from;
  return {
    messageId: s.messageId,
    postingId: s.postingId,
    family: s.family,
    version: s.version,
    index: s.index,
    total: s.total,
    title: inBody.subject !== null ? parseSubject(inBody.subject).title : s.title,
    author: { name: from.name, email: from.email.toLowerCase() },
    authorDate: inBody.date ?? s.date,
    postedAt: s.date,
    patchId: s.patchId,
    files: [...new Set(s.files)],
  };
}
