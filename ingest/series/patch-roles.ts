// What each message of a thread is to the series posted in it: the cover letter or patch k/N of a
// posting; the same patch sent again into a slot its posting fills with another message (a
// re-send inside the thread); a message whose subject tags it as a patch or cover letter that no
// posting holds; a message that reuses another one's Message-ID. Replies have no role. This is
// what answers "why does the thread hold 21 '[PATCH v9 N/20]' messages": the cover letter 00/20
// counts too, and a re-sent patch would say so. Pure: messages and postings in, roles out.
import { parseSubject } from '../patch/subject-tags.ts';
import type { ThreadNote } from '../read-models.ts';
import { isFragment } from './lineage-title.ts';

/** A message of the thread as roles need it. */
export interface RoleMessage {
  key: string;
  subject: string;
  /** Its parent in the thread (a key or a ghost's id), null for a root. */
  parent: string | null;
  /** Reuses the Message-ID of another message (kept under a key of its own). */
  imposter: boolean;
  /** Sender's address. */
  from: string;
}

/** A posting with members in the thread. */
export interface RolePosting {
  id: string;
  version: number;
  /** As tagged ("3", "5.1"), null when untagged. */
  versionTag: string | null;
  rfc: boolean;
  /** Its author's address. */
  author: string;
  coverKey: string | null;
  /** Patches announced (N of "k/N"), null for an unnumbered single patch. */
  total: number | null;
  patches: ReadonlyArray<{ key: string; index: number; total: number }>;
  /** Posted at (ms), null when undated. */
  date: number | null;
}

export type PatchRoleKind = 'cover' | 'patch' | 'resent' | 'stray' | 'imposter';

/** What one message is to the series of its thread. */
export interface PatchRole {
  /** cover, patch: a member of `posting`; resent: its author sent again a slot `posting` fills
   *  with another message; stray: tagged as a patch or cover letter no posting holds (someone
   *  else's reply under its subject, a patch left out of its posting); imposter: reuses a
   *  Message-ID and is in no posting. */
  kind: PatchRoleKind;
  /** The posting it is a member of, or whose slot it is tagged as; null when none. */
  posting: string | null;
  /** k and N of "k/N" (0 for a cover letter); null when untagged. */
  index: number | null;
  total: number | null;
  /** What the thread and series views say of it: "cover letter of v9 (20 patches)", "patch 3/20
   *  of v9, sent again: the series takes <key>". */
  text: string;
  /** It says what the subject does not: anything but a patch in its place below its cover letter. */
  notable: boolean;
}

/** "v9", "RFC v2", "v5.1". */
function label(p: RolePosting): string {
  return `${p.rfc ? 'RFC ' : ''}v${p.versionTag ?? p.version}`;
}

/** A posting re-posting part of a series (lineage-title.ts's fragment). */
const partial = (p: RolePosting): boolean => isFragment({ coverId: p.coverKey, total: p.total, patches: p.patches.length });

/** For a patch of a posting that re-posts part of a series: the posting of the same version, size
 *  and author in the thread that fills its slot with another message, and that message. The
 *  holder is a whole posting, or a partial one posted before (a patch sent twice on its own). */
function slotHolder(postings: readonly RolePosting[], p: RolePosting, index: number, total: number): { posting: RolePosting; key: string } | null {
  if (!partial(p)) return null;
  for (const q of postings) {
    if (q === p || q.rfc !== p.rfc || (q.versionTag ?? String(q.version)) !== (p.versionTag ?? String(p.version)) || q.author.toLowerCase() !== p.author.toLowerCase()) continue;
    if (partial(q) && !(q.date !== null && p.date !== null && q.date < p.date)) continue;
    const key = q.patches.find((x) => x.index === index && x.total === total)?.key;
    if (key) return { posting: q, key };
  }
  return null;
}

/** Roles of the messages of one thread, by key; messages without one (replies, plain mail) are
 *  left out. */
export function patchRoles(messages: readonly RoleMessage[], postings: readonly RolePosting[]): Map<string, PatchRole> {
  const out = new Map<string, PatchRole>();
  const memberOf = new Map<string, { posting: RolePosting; index: number; total: number }>();
  for (const p of postings) {
    if (p.coverKey) memberOf.set(p.coverKey, { posting: p, index: 0, total: p.total ?? p.patches.length });
    for (const x of p.patches) memberOf.set(x.key, { posting: p, index: x.index, total: x.total });
  }
  let holder: { posting: RolePosting; key: string } | null;
  for (const m of messages) {
    const member = memberOf.get(m.key);
    if (member) {
      const { posting: p, index, total } = member;
      if (index === 0) {
        const here = p.patches.length < total ? `${p.patches.length} of ${total} patches here` : `${total} patch${total === 1 ? '' : 'es'}`;
        out.set(m.key, { kind: 'cover', posting: p.id, index: 0, total, text: `cover letter of ${label(p)} (${here})`, notable: true });
      } else if ((holder = slotHolder(postings, p, index, total))) {
        // Its author sent the patch again, and the series took it as a posting of its own (a
        // one-patch reroll of the same version): the slot is filled in the posting it re-sends.
        out.set(m.key, { kind: 'resent', posting: holder.posting.id, index, total, text: `patch ${index}/${total} of ${label(p)}, sent again: the series takes <${holder.key}>`, notable: true });
      } else {
        // Below another message than its cover letter: said, since it is what makes a thread
        // hold a posting's patches in two places.
        const apart = p.coverKey && m.parent !== p.coverKey ? ', not a reply to its cover letter' : '';
        out.set(m.key, { kind: 'patch', posting: p.id, index, total, text: `patch ${index}/${total} of ${label(p)}${apart}`, notable: apart !== '' });
      }
      continue;
    }
    const tags = parseSubject(m.subject);
    const tagged = tags.patch && !tags.reply && !tags.forward && tags.index !== null && tags.total !== null;
    if (tagged) {
      const version = tags.version ?? '1';
      const what = tags.index === 0 ? `cover letter of ${tags.rfc ? 'RFC ' : ''}v${version}` : `patch ${tags.index}/${tags.total} of ${tags.rfc ? 'RFC ' : ''}v${version}`;
      // The posting of the same version and size in this thread, whose slot this message is tagged as.
      const same = postings.find((p) => (p.versionTag ?? String(p.version)) === version && p.rfc === tags.rfc && (p.total ?? 1) === tags.total);
      const holder = same && (tags.index === 0 ? same.coverKey : (same.patches.find((x) => x.index === tags.index)?.key ?? null));
      if (same && holder && m.from.toLowerCase() === same.author.toLowerCase()) {
        out.set(m.key, { kind: 'resent', posting: same.id, index: tags.index, total: tags.total, text: `${what}, sent again: the series takes <${holder}>`, notable: true });
        continue;
      }
      if (same && holder) {
        // Someone else answering under the series' subject without "Re:" (a Tested-by).
        out.set(m.key, { kind: 'stray', posting: same.id, index: tags.index, total: tags.total, text: `a reply by ${m.from} under the subject of the ${what}, without "Re:"`, notable: true });
        continue;
      }
      const imposter = m.imposter ? ' (it reuses the Message-ID of another message)' : '';
      out.set(m.key, { kind: 'stray', posting: same?.id ?? null, index: tags.index, total: tags.total, text: `tagged as ${what}, but in no posting${imposter}`, notable: true });
      continue;
    }
    if (m.imposter) out.set(m.key, { kind: 'imposter', posting: null, index: null, total: null, text: 'reuses the Message-ID of another message: kept apart', notable: true });
  }
  return out;
}

/** The lines the series views print for a revision's thread notes: one line for all of its
 *  patches when none replies to its cover letter (a mailer that threads each patch below the
 *  previous one), else a line per message; `messageId` null for such a summary line. */
export function threadNoteLines(notes: readonly ThreadNote[], patches: number): Array<{ text: string; messageId: string | null }> {
  const apart = notes.filter((n) => n.kind === 'patch');
  const out: Array<{ text: string; messageId: string | null }> = [];
  if (apart.length > 1 && apart.length === patches) out.push({ text: `none of its ${patches} patches is a reply to its cover letter`, messageId: null });
  else for (const n of apart) out.push({ text: n.text, messageId: n.messageId });
  for (const n of notes) if (n.kind !== 'patch') out.push({ text: n.text, messageId: n.messageId });
  return out;
}
