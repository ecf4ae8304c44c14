// Subject lines of patch mail: reply and forward prefixes, every bracket group before the title
// ("[RFC PATCH v3 05/10]", "[PATCHv3 1/5]", "[PATCH v5.1 10/12]", "[PATCH 1 of 3]", "[net-next
// PATCH v2 3/7]", "[Nouveau] [PATCH]"), and a "(v2)" or a bare "v2" after it ("start sorting out
// the ZONE_DEVICE refcount mess v2": a series sent without bracket tags), an "RFC:" before the
// title, and a subject pasted into the subject ("Subject: [PATCH 0/8] ..."). Words that are not
// patch syntax (subsystem trees like "net-next", project names like "ndctl", list tags) are kept
// as prefixes. Pure; never throws.
import type { SubjectTags } from '../types.ts';

/** Prefixes mail clients put before a reply or a forward, in several languages. */
const REPLY_PREFIX = /^(?:re|aw|sv|vs|antw|odp|r|res|ynt)(?:\[\d+\]|\(\d+\))?\s*:\s*/i;
const FORWARD_PREFIX = /^(?:fwd?|tr|wg|rv)\s*:\s*/i;
const PATCH_WORD = /^(?:patch(?:es|set|sets)?)(?:v(\d+(?:\.\d+)?))?$/i;
const RFC_WORD = /^rfc(?:v(\d+(?:\.\d+)?))?$/i;
const VERSION_WORD = /^v(\d+(?:\.\d+)?)$/i;
const COUNTER = /^(\d+)\/(\d+)$/;

/** Parse a subject line. */
export function parseSubject(subject: string): SubjectTags {
  const tags: SubjectTags = {
    reply: false,
    forward: false,
    patch: false,
    rfc: false,
    resend: false,
    bundle: false,
    kind: '',
    version: null,
    index: null,
    total: null,
    prefixes: [],
    title: '',
  };
  const kinds: string[] = [];
  let rest = subject.replace(/\s+/g, ' ').trim();
  const groups: string[] = [];
  // Reply/forward prefixes and bracket groups may come in any order ("[Nouveau] Re: [PATCH]").
  for (let guard = 0; guard < 64 && rest.length; guard++) {
    let m: RegExpExecArray | null;
    if ((m = REPLY_PREFIX.exec(rest))) {
      tags.reply = true;
      rest = rest.slice(m[0].length);
    } else if ((m = FORWARD_PREFIX.exec(rest))) {
      tags.forward = true;
      rest = rest.slice(m[0].length);
    } else if ((m = /^\[([^\]]*)\]\s*/.exec(rest))) {
      groups.push(m[1]!);
      rest = rest.slice(m[0].length);
    } else if (groups.length === 0 && (m = /^Subject:\s*(?=\S)/i.exec(rest))) {
      // A subject line pasted whole ("Subject: [PATCH 0/8] dax/kmem: ..."): the inner one counts.
      rest = rest.slice(m[0].length);
    } else if (groups.length === 0 && (m = /^(PATCH[^\]\[]*)\]\s*/i.exec(rest))) {
      // A group that lost its opening bracket: "PATCH v7 0/8] [PATCH v7 0/8] ..."
      groups.push(m[1]!);
      rest = rest.slice(m[0].length);
    } else break;
  }
  for (const g of groups) readGroup(g, tags, kinds);
  // "[PATCHSETS] v14 fsdax-rmap": a version right after the groups.
  if (tags.version === null && tags.patch) {
    const m = /^v(\d+(?:\.\d+)?)\b\s*/i.exec(rest);
    if (m) {
      tags.version = m[1]!;
      rest = rest.slice(m[0].length);
    }
  }
  // "title (v2)"
  const trailing = /\s*\(v(\d+(?:\.\d+)?)\)\s*$/i.exec(rest);
  if (trailing) {
    if (tags.version === null) tags.version = trailing[1]!;
    rest = rest.slice(0, trailing.index);
  }
  // "title v2" from someone who tags no version in brackets: a whole version number after a title
  // of two words or more ("decouple DAX from block devices v2"), not a release a title is about
  // ("libnvdimm for v5.16", "fixes for v6").
  const bare = tags.version === null && !kinds.length ? /(\S\s+(\S+))\s+v(\d{1,2})\s*$/i.exec(rest) : null;
  if (bare && !/^(?:for|in|to|on|since|from|against|until|before|after|into|of|at)$/i.test(bare[2]!)) {
    tags.version = bare[3]!;
    rest = rest.slice(0, bare.index + bare[1]!.length);
  }
  // "RFC: title" from someone who tags no RFC in brackets.
  const rfc = /^RFC:\s+(?=\S)/i.exec(rest);
  if (rfc) {
    tags.rfc = tags.patch = true;
    rest = rest.slice(rfc[0].length);
  }
  tags.kind = kinds.join(' ');
  tags.title = rest.trim();
  return tags;
}

function readGroup(group: string, tags: SubjectTags, kinds: string[]): void {
  // "RESEND-PATCH" and "PATCH,v2" are written too: split on spaces, commas and inner hyphens of
  // known words only, so "net-next" and "mm-unstable" stay whole.
  const words = group
    .split(/[\s,]+/)
    .flatMap((w) => (/^(resend|patch|rfc)-(patch|resend|rfc|v\d)/i.test(w) ? w.split('-') : [w]))
    .filter((w) => w.length > 0);
  let patchy = false;
  const others: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let m: RegExpExecArray | null;
    if ((m = PATCH_WORD.exec(w))) {
      tags.patch = patchy = true;
      if (/^patchsets$/i.test(w)) tags.bundle = true;
      if (m[1]) tags.version = m[1];
    } else if ((m = RFC_WORD.exec(w))) {
      tags.rfc = patchy = true;
      if (m[1]) tags.version = m[1];
    } else if (/^resend$/i.test(w)) {
      tags.resend = patchy = true;
    } else if ((m = VERSION_WORD.exec(w))) {
      tags.version = m[1]!;
      patchy = true;
    } else if ((m = COUNTER.exec(w))) {
      tags.index = Number(m[1]);
      tags.total = Number(m[2]);
      patchy = true;
    } else if (/^\d+$/.test(w) && /^of$/i.test(words[i + 1] ?? '') && /^\d+$/.test(words[i + 2] ?? '')) {
      // "[PATCH 1 of 3]" (Mercurial's patchbomb)
      tags.index = Number(w);
      tags.total = Number(words[i + 2]);
      patchy = true;
      i += 2;
    } else {
      others.push(w);
    }
  }
  // Words like "GIT PULL", "ANNOUNCE", "bug report" describe the message; tree names sit beside
  // PATCH words.
  if (patchy) tags.patch = true;
  if (!patchy && others.length && others.every((w) => w === w.toUpperCase() && /[A-Z]/.test(w))) kinds.push(others.join(' '));
  else tags.prefixes.push(...others);
}
