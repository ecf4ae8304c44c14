// A stored patch message as the commit it would become: what `git am` would record (author and
// date from in-body "From:" and "Date:" lines, subject from an in-body "Subject:", else from the
// mail), with its patch-id and files. Pure; never throws. It does not read the store
// (commit-inputs.ts does).
import { parseAddressList } from '../message/address-list.ts';
import { parseDateValue } from '../message/parse-date.ts';
import { parseSubject } from '../patch/subject-tags.ts';
import type { PostedPatchRow } from '../store/store-rows.ts';
import type { Address, PostedPatch } from '../types.ts';

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

/** The posted patch a stored patch message stands for; `patchId` is its diff's
 *  (DiffSummary.patchId, or computed for a store imported before it was kept). */
export function postedPatch(r: PostedPatchRow, patchId: string | null): PostedPatch {
  const inBody = inBodyHeaders(r.bodyHead);
  const from = inBody.from?.email ? inBody.from : r.from;
  return {
    messageId: r.key,
    postingId: r.posting,
    family: r.family,
    version: r.version,
    index: r.index,
    total: r.total,
    title: inBody.subject !== null ? parseSubject(inBody.subject).title : r.title,
    author: { name: from.name, email: from.email.toLowerCase() },
    authorDate: inBody.date ?? r.date,
    postedAt: r.date,
    patchId,
    // Both sides of renames.
    files: [...new Set((r.diff?.files ?? []).flatMap((f) => (f.oldPath ? [f.oldPath, f.path] : [f.path])))],
  };
}
