// Trailers ("Reviewed-by: Name <addr>", "Fixes: abc (\"subject\")", "Link: url") in the two
// places they are given: the trailer block of a patch or cover letter, and the author's own text
// of a reply (never quoted lines, never the signature). The rules follow b4's
// (LoreMessage.get_body_parts / find_trailers in mricon/b4 src/b4/__init__.py), which kernel
// maintainers apply every day. Pure; never throws.
import type { Address, FoundTrailer } from '../types.ts';
import { formatAddress } from '../message/format-address.ts';

/** Trailers about people (value is a person) vs. utility trailers (value is a hash or a link). */
const UTILITY = new Set(['fixes', 'link', 'buglink', 'closes', 'obsoleted-by', 'change-id', 'base-commit', 'message-id']);
/** Names collected from a patch's trailer block besides any "*-by". */
const PATCH_NAMES = new Set(['fixes', 'link', 'buglink', 'closes', 'cc', 'nacked-by']);
/** Names b4 never takes from a reply: mail headers and patch metadata ("from", "author", "cc",
 *  "to" are b4's badtrailers); and, unlike b4, a "Date:"/"Subject:" pasted at the top of a reply
 *  (a header, not a trailer) and the base-commit/change-id of a reviewer's own tree. */
const NOT_FOLLOWUP = new Set(['from', 'author', 'cc', 'to', 'date', 'subject', 'base-commit', 'change-id']);
/** Names b4 skips wherever they are ("Phone:", "Email:" in signatures without a "-- " line). */
const IGNORED = new Set(['phone', 'email']);
/** Trailers whose value is a URL: the only ones a reply may give with a URL in them. */
const LINKS = new Set(['link', 'buglink', 'closes']);
/** Trailers a reply may give without an address (b4's nonperson list, less the headers). */
const FOLLOWUP_UTILITY = new Set([...LINKS, 'fixes', 'obsoleted-by']);
/** A scissors line ("-- >8 --", "--8<--"): what follows is a patch the reply carries (git am
 *  --scissors), whose trailers are that patch's, not the reply's. */
const SCISSORS = /^\s*-{1,}\s*(?:>8|8<)\s*-{1,}/;

const LINE = /^\s*([A-Za-z][\w-]*):\s+(\S.*?)\s*$/;
/** A follow-up trailer line as b4 reads one: a name of one word starting with a letter or digit. */
const FOLLOWUP_LINE = /^\s*(\w\S*):\s+(\S.*?)\s*$/;
/** The "# comment" after a trailer's value (b4's hashtag extinfo): "Acked-by: X <x@y> # arm64". */
const COMMENT = /^(.*\S)(\s+#[^#]+)$/;

/** "reviewed-by" -> "Reviewed-by", "cc" -> "Cc", "fixes" -> "Fixes". */
export function canonicalName(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'nak' || lower === 'nack' || lower === 'nacked-by' || lower === 'nack-by') return 'Nacked-by';
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Name and address of a person-trailer value: `"Doe, Jane" <jane@x>`, `Name (corp) <a@b>`,
 *  `a@b`. Commas stay in the name (a trailer names one person). */
export function trailerPerson(value: string): { person: string; email: string } {
  const clean = value.replace(/<mailto:[^<>]*>/gi, '');
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(clean);
  if (angle) {
    const person = clean.slice(0, angle.index).trim().replace(/^"(.*)"$/, '$1').trim();
    return { person, email: angle[1]!.toLowerCase() };
  }
  const bare = /\S+@\S+\.[^\s>]+/.exec(clean);
  return { person: bare ? clean.replace(bare[0], '').replace(/[()]/g, '').trim() : clean.trim(), email: bare ? bare[0].replace(/[<>]/g, '').toLowerCase() : '' };
}

function make(name: string, rawValue: string): FoundTrailer {
  const canon = canonicalName(name);
  const clean = rawValue.replace(/<mailto:[^<>]*>/gi, '').trim();
  // Extra information after the value ("# arm64", "# v6.15+"): kept, as b4 keeps it, after the
  // value; not part of who gave it.
  const c = COMMENT.exec(clean);
  const value = c ? c[1]!.trim() : clean;
  const comment = c ? ` # ${c[2]!.trim().replace(/^#\s*/, '')}` : '';
  if (UTILITY.has(canon.toLowerCase())) return { name: canon, value: value + comment, person: '', email: '' };
  const { person, email } = trailerPerson(value);
  return { name: canon, value: (person && email ? `${person} <${email}>` : email || value) + comment, person, email };
}

/** Undo common wrapping of trailers: "Signed-off-by: Long Name\n<addr>" and a Fixes subject that
 *  runs onto the next line. */
function unwrap(text: string): string {
  let out = text;
  if (out.includes('(')) out = out.replace(/^(\S+:[ \t]+[\da-f]+[ \t]+\([^)\n]+)\n([^\n]+\))/gm, '$1 $2');
  if (out.includes('\n<')) out = out.replace(/^(\S+:[ \t]+[^<\n]+)\n(<[^>\n]+>)$/gm, '$1 $2');
  return out;
}

/** Text before the signature ("-- " line). */
function withoutSignature(body: string): string {
  if (body.startsWith('-- \n') || body === '-- ') return '';
  let i = body.indexOf('\n-- \n');
  if (i < 0 && body.endsWith('\n-- ')) i = body.length - 4;
  return i < 0 ? body : body.slice(0, i + 1);
}

/** The commit message part of a patch or cover letter: above "---", or above the diff (a diff
 *  made without git starts at "--- a/file"). */
export function commitMessage(body: string): string {
  const text = withoutSignature(body.replace(/\r/g, ''));
  const end = text.search(/^(?:---$|diff |--- \S+.*\n\+\+\+ |Index: )/m);
  return end >= 0 ? text.slice(0, end) : text;
}

/** "Key: value" trailer lines of one paragraph, for "*-by" names and Fixes, Link, Closes, Cc. */
function paragraphTrailers(paragraph: string): FoundTrailer[] {
  const out: FoundTrailer[] = [];
  for (const line of paragraph.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const lower = m[1]!.toLowerCase();
    if (!lower.endsWith('-by') && !PATCH_NAMES.has(lower)) continue;
    out.push(make(m[1]!, m[2]!));
  }
  return out;
}

/** A paragraph made only of trailers (and "[maintainer: note]" lines) with a Signed-off-by. */
function isTrailerBlock(paragraph: string): boolean {
  const lines = paragraph.split('\n').filter((l) => l.trim() !== '');
  return (
    lines.length > 0 &&
    lines.every((l) => LINE.test(l) || /^\s*\[[^\]]*\]\s*$/.test(l)) &&
    lines.some((l) => /^\s*Signed-off-by:/i.test(l))
  );
}

/** Trailers of a patch or cover letter: the "Key: value" lines of the last paragraph of its
 *  commit message, for "*-by" names and Fixes, Link, Closes, Cc. When the author put a
 *  changelog between the trailers and the "---" line (common: "Changes for v9: ..."), the last
 *  paragraph made only of trailers with a Signed-off-by is the trailer block. */
export function patchTrailers(body: string): FoundTrailer[] {
  const message = unwrap(commitMessage(body).trim());
  const paragraphs = message.split(/\n\s*\n/);
  const last = paragraphTrailers(paragraphs[paragraphs.length - 1] ?? '');
  if (last.length > 0) return last;
  for (let i = paragraphs.length - 2; i >= 0; i--) {
    if (isTrailerBlock(paragraphs[i]!)) return paragraphTrailers(paragraphs[i]!);
  }
  return last;
}

/**
 * Trailers given in a reply, by b4's rules (LoreMessage.find_trailers with followup=True): a
 * "Name: value" line of the reply's own text (quoted lines and the signature excluded) whose value
 * names a person by address, or a Fixes, Obsoleted-by or link trailer (Link, BugLink, Closes: the
 * only ones that may hold a URL); never mail headers (NOT_FOLLOWUP); nothing after a scissors
 * line. A line that is only "NAK" (or "Nacked.") is a Nacked-by from the sender (patchlore's, not
 * b4's).
 */
export function followupTrailers(body: string, sender: Address): FoundTrailer[] {
  const text = unwrap(withoutSignature(body.replace(/\r/g, '')));
  const out: FoundTrailer[] = [];
  for (const line of text.split('\n')) {
    if (SCISSORS.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    if (/^\s*(?:NAK|NACK|Nacked|Nak)\.?\s*$/.test(line)) {
      out.push({ name: 'Nacked-by', value: formatAddress(sender.name, sender.email), person: sender.name, email: sender.email.toLowerCase() });
      continue;
    }
    const m = FOLLOWUP_LINE.exec(line);
    if (!m || !/^[\x21-\x7e]+$/.test(m[1]!)) continue;
    const lower = m[1]!.toLowerCase();
    if (IGNORED.has(lower) || NOT_FOLLOWUP.has(lower)) continue;
    const value = m[2]!;
    if (/https?:\/\//.test(value) && !LINKS.has(lower)) continue;
    if (!/\S+@\S+\.\S+/.test(value) && !FOLLOWUP_UTILITY.has(lower)) continue;
    out.push(make(m[1]!, value));
  }
  return out;
}

/** Normalize an address for matching: lower case, "+tag" removed from the local part. */
function addressKey(email: string): string {
  return email.toLowerCase().replace(/\+[^@]*@/, '@');
}

/**
 * Whether a person-trailer was given by the message's sender: same address (ignoring case and
 * "+tags", or one domain a subdomain of the other: @linux.intel.com and @intel.com), or the same
 * name. Utility trailers always match.
 */
export function trailerMatchesSender(t: FoundTrailer, sender: Address): boolean {
  if (!t.email) return true;
  const a = addressKey(t.email);
  const b = addressKey(sender.email);
  if (a === b) return true;
  const [la, da] = a.split('@');
  const [lb, db] = b.split('@');
  // One domain a subdomain of the other, one level apart (b4's email_eq: foo@linux.intel.com
  // and foo@intel.com).
  const levels = (d: string): number => d.split('.').length;
  if (la && la === lb && da && db && Math.abs(levels(da) - levels(db)) === 1 && (da.endsWith('.' + db) || db.endsWith('.' + da))) return true;
  const tn = t.person.toLowerCase().replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ').replace(/\s+/g, ' ').trim();
  const sn = sender.name.toLowerCase().replace(/\s+/g, ' ').trim();
  return tn.length > 0 && tn === sn;
}
