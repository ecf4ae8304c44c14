// What one message says about patches: its subject tags, whether it is a patch, a cover letter,
// a pull request or a reply, its diff, the trailers it gives, the postings it points at, and the
// versions its changelog mentions. Message-level only: grouping messages into series and linking
// revisions is the series stage's work. Pure; never throws.
import type { Message, MineInput, PatchKind, PatchMeta, PullRequest } from '../types.ts';
import { joinParts } from '../message/message-body.ts';
import { normalizeMessageId } from '../message/message-id.ts';
import { hasDiff, hasDiffstat, parseDiff } from './parse-diff.ts';
import { messageLinks } from './message-links.ts';
import { parseSubject } from './subject-tags.ts';
import { followupTrailers, patchTrailers, trailerMatchesSender } from './trailers.ts';

/** Version of the rules below (and of subject-tags.ts, trailers.ts, parse-diff.ts,
 *  message-links.ts). Bump it when they change what they find: stores mine their messages again
 *  (derive/derive-patches.ts) instead of keeping facts found by older rules. */
export const MINE_RULES = 2;

/** Subjects of maintainers' patch-queue notices (akpm's mm-commits mail, merge reports). */
const NOTICE = /^(?:\+ \S+\.patch added to |\[(?:merged|to-be-updated|withdrawn|obsolete|folded-merged|nacked)[^\]]*\] \S+\.patch |\[(?:merged|to-be-updated)[^\]]*\] )/i;

/** A git request-pull message, in the forms git has printed over the years: the base commit may
 *  wrap onto the next line, the URL and ref may be split across two lines (Patchwork's test mail
 *  0002, 0023). */
export function parsePullRequest(body: string): PullRequest | null {
  if (!body.includes('following changes since commit')) return null;
  const m = /following changes since commit\s+([0-9a-f]{7,64})[\s\S]{0,600}?are available in the [Gg]it repository at:[ \t]*\n\s*(\S+)[ \t]*([^\s]*)[ \t]*(?:\n[ \t]*([^\s]+)[ \t]*\n)?/.exec(body);
  if (!m) return null;
  let ref = m[3] ?? '';
  // A ref alone on the next line ("tags/v5.4-next-soc") belongs to the URL above it.
  if (!ref && m[4] && /^(?:tags\/|refs\/|[\w.-]+$)/.test(m[4]) && !/:$/.test(m[4])) ref = m[4];
  return { base: m[1]!, url: m[2]!, ref };
}

/** Versions a changelog says it changes from. Looks above the diff only. 0 stands for an RFC
 *  without a number ("Changes since RFC", "RFC -> v1"); "since RFC v2" is 2. What a version
 *  changed ("Changes in v4", "v4 updates:", "v4:" heading a list) is a change from the one
 *  before it: 3. */
export function changelogVersions(text: string): number[] {
  const out = new Set<number>();
  const diff = text.search(/^diff --git /m);
  const own = (diff < 0 ? text : text.slice(0, diff)).replace(/^[ \t]*>.*$/gm, '');
  // Horizontal space only where a pattern starts a line: "\s*" there would scan every blank
  // line again from each position (quadratic on long bodies).
  const rfc = '(?:RFC[ \\t]*(?:PATCH[ \\t]*)?)?';
  const patterns = [
    new RegExp(`\\b(?:changes|changed|changelog|updates?|differences?|diff|delta)\\s+(?:since|from|vs\\.?|versus|compared (?:to|with)|relative to)\\s+(?:the\\s+)?(?:previous\\s+)?${rfc}(?:version\\s+)?v?(\\d+(?:\\.\\d+)?)\\b`, 'gi'),
    new RegExp(`^[ \\t]*[-*]?[ \\t]*${rfc}v(\\d+(?:\\.\\d+)?)[ \\t]*(?:->|→|=>|to|\\.\\.)[ \\t]*v?\\d+(?:\\.\\d+)?[ \\t]*:?`, 'gim'),
    /\blink to (?:RFC[ \t]*)?v(\d+(?:\.\d+)?)\b/gi,
    /^[ \t]*(?:[-*][ \t]*)?(?:RFC[ \t]*)?v(\d+(?:\.\d+)?)[ \t]*:[ \t]*(?:https?:\/\/|<)/gim,
    new RegExp(`\\bsince (?:the )?${rfc}(?:v|version )(\\d+(?:\\.\\d+)?)\\b`, 'gi'),
  ];
  for (const re of patterns) for (const m of own.matchAll(re)) out.add(Number(m[1]));
  // What a version changed: "Changes in v4", "Changes for v4", "v4 updates:", "v4 changes:", "V4:"
  // heading its list ("v4: drop the cap ..."), but not "v4: <link>" (a link to v4, above).
  const within = [
    new RegExp(`\\b(?:changes|changed|changelog|updates?)\\s+(?:in|for)\\s+(?:the\\s+)?${rfc}(?:version\\s+)?v(\\d+)\\b`, 'gi'),
    /^[ \t]*(?:[-*][ \t]*)?(?:RFC[ \t]*)?v(\d+)[ \t]+(?:updates?|changes|changelog)[ \t]*:/gim,
    /^[ \t]*(?:[-*][ \t]*)?(?:RFC[ \t]*)?v(\d+)[ \t]*:(?![ \t]*(?:https?:\/\/|<))/gim,
  ];
  for (const re of within) for (const m of own.matchAll(re)) if (Number(m[1]) > 1) out.add(Number(m[1]) - 1);
  // The RFC itself, unnumbered: "Changes since (the) RFC", "RFC -> v1", "Changes from RFC:".
  const unnumbered = [
    /\b(?:changes|changed|changelog|updates?|differences?)\s+(?:since|from|in|vs\.?|versus|compared (?:to|with)|relative to)\s+(?:the\s+)?(?:previous\s+)?RFC\b(?![ \t-]*(?:PATCH[ \t]*)?v?\d)/gi,
    /\bsince (?:the )?RFC\b(?![ \t-]*(?:PATCH[ \t]*)?v?\d)/gi,
    /^[ \t]*[-*]?[ \t]*RFC[ \t]*(?:->|→|=>|\.\.)[ \t]*v?\d+(?:\.\d+)?[ \t]*:?/gim,
  ];
  if (unnumbered.some((re) => re.test(own))) out.add(0);
  return [...out].filter((n) => Number.isFinite(n) && n >= 0 && n < 100).sort((a, b) => a - b);
}

/** A reply sent without "Re:" (the cover letter's subject kept as it was): it names a parent, has
 *  no diff and no diffstat, and gives a review trailer of its sender's own. b4 reads such mail as
 *  a follow-up too ("A follow-up missing a Re: but containing a trailer with no patch diff"). */
function answersWithTrailers(m: MineInput, diff: boolean, diffstat: boolean): boolean {
  if (!m.isReply || diff || diffstat) return false;
  return followupTrailers(m.body, m.from).some((t) => t.email !== '' && t.name !== 'Signed-off-by' && trailerMatchesSender(t, m.from));
}

/** The patch facts of one message. */
export function minePatch(m: MineInput): PatchMeta {
  const tags = parseSubject(m.subject);
  const diffPresent = hasDiff(m.body);
  const diffstat = hasDiffstat(m.body);
  const pull = parsePullRequest(m.body);
  let kind: PatchKind;
  if (pull && !tags.reply) kind = 'pull';
  else if (NOTICE.test(m.subject)) kind = 'notice';
  else if (tags.reply || tags.forward || answersWithTrailers(m, diffPresent, diffstat)) kind = 'reply';
  else if (tags.index === 0 && tags.total !== null) kind = 'cover';
  else if (diffPresent) kind = 'patch';
  else if (tags.patch && diffstat) kind = 'cover';
  else if (m.isReply) kind = 'reply';
  else kind = 'other';

  const asPosting = kind === 'patch' || kind === 'cover';
  const links = messageLinks(m.body);
  // The word checks skip whole-body scans for what most mail lacks.
  const one = (word: string, re: RegExp): string | null => (m.body.includes(word) ? (re.exec(m.body)?.[1] ?? null) : null);
  return {
    rules: MINE_RULES,
    kind,
    tags,
    hasDiff: diffPresent,
    hasDiffstat: diffstat,
    diff: kind === 'patch' ? parseDiff(m.body) : null,
    baseCommit: one('base-commit:', /^base-commit:[ \t]*([0-9a-f]{7,64})[ \t]*$/m),
    changeId: one('change-id:', /^change-id:[ \t]*(\S+)[ \t]*$/m),
    prerequisites: m.body.includes('prerequisite-') ? [...m.body.matchAll(/^prerequisite-(?:patch|message)-id:[ \t]*(\S+)[ \t]*$/gm)].map((x) => normalizeMessageId(x[1]!)).filter((id) => id !== '') : [],
    trailers: asPosting ? patchTrailers(m.body) : followupTrailers(m.body, m.from),
    links: links.all,
    versionLinks: asPosting ? links.versioned : [],
    changelogFrom: asPosting ? changelogVersions(m.body) : [],
    pullRequest: pull,
  };
}

/** Mine a normalized message. */
export function mineMessage(m: Message): PatchMeta {
  return minePatch({ subject: m.subject, body: joinParts(m).body, from: m.from, isReply: m.references.length > 0 });
}
