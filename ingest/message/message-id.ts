// Message-IDs from Message-ID, In-Reply-To and References header values: brackets and folding
// whitespace stripped, junk refused, over-long IDs truncated; and a Message-ID as a person writes
// it elsewhere (an argument, a topic, a link in mail): normalizeMessageId. Pure; never throws.
// It does not decide threading: it only says which IDs a message names, in order. Reading an ID
// out of a URL is ingest/lore/parse-archive-url.ts.
import type { Diagnostic } from '../types.ts';

/** Longest Message-ID kept; longer ones are truncated (consistently, so references still match).
 *  Same limit as public-inbox (lib/PublicInbox/MID.pm MAX_MID_SIZE: Xapian's term limit). */
export const MAX_MESSAGE_ID_LENGTH = 244;

/** Most IDs read from one References header; a chain longer than this keeps its newest entries.
 *  Real threads stay far below it (the deepest nvdimm thread has 40); it bounds adversarial input. */
export const MAX_REFERENCES = 1000;

/** Answers old git-send-email users typed at the "Message-ID to be used as In-Reply-To" prompt
 *  (public-inbox lib/PublicInbox/MID.pm references(): "y" and "n"). */
const PROMPT_ANSWERS = new Set(['y', 'n', 'yes', 'no']);

/** Normalize one ID: no brackets, no whitespace (folding inside an ID is never meaningful). */
function cleanId(s: string): string {
  return s.replace(/[\s<>]+/g, '');
}

function truncate(id: string, diagnostics: Diagnostic[]): string {
  if (id.length <= MAX_MESSAGE_ID_LENGTH) return id;
  diagnostics.push({
    code: 'mid/too-long',
    message: `Message-ID of ${id.length} characters truncated to ${MAX_MESSAGE_ID_LENGTH}`,
    expected: `at most ${MAX_MESSAGE_ID_LENGTH} characters`,
    found: id.slice(0, 80) + '…',
  });
  return id.slice(0, MAX_MESSAGE_ID_LENGTH);
}

/** Every bracketed ID in a header value, in order ("<a@b> (comment) <c@d>" -> [a@b, c@d]). */
export function bracketedIds(value: string): string[] {
  const out: string[] = [];
  const re = /<([^<>]*)>/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const id = cleanId(m[1] ?? '');
    if (id) out.push(id);
  }
  return out;
}

/** The Message-ID of a message from its Message-ID header values (several headers possible). */
export function parseMessageId(values: readonly string[]): { id: string | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ids: string[] = [];
  let unbracketed: string | null = null;
  for (const v of values) {
    const found = bracketedIds(v);
    if (found.length) ids.push(...found);
    else if (unbracketed === null) {
      // "Message-ID: abc@host" (no brackets): take the first word that looks like an ID.
      const word = v.trim().split(/\s+/).find((w) => w.length > 0);
      if (word) unbracketed = cleanId(word);
    }
  }
  if (ids.length === 0 && unbracketed) {
    diagnostics.push({
      code: 'mid/unbracketed',
      message: 'Message-ID is not in angle brackets; taken as written',
      expected: '<id@host>',
      found: unbracketed.slice(0, 120),
    });
    ids.push(unbracketed);
  }
  const unique = [...new Set(ids)];
  if (unique.length > 1) {
    diagnostics.push({
      code: 'mid/multiple',
      message: `${unique.length} Message-IDs given; the first is used`,
      expected: 'one Message-ID',
      found: unique.slice(0, 3).join(' '),
    });
  }
  const first = unique[0];
  return { id: first === undefined ? null : truncate(first, diagnostics), diagnostics };
}

/** Inputs to parseReferences: raw header values and what must not count as a reference. */
export interface ReferenceHeaders {
  /** References header values. */
  references: readonly string[];
  /** In-Reply-To header values. */
  inReplyTo: readonly string[];
  /** The message's own Message-ID (a self-reference is dropped). */
  ownId: string | null;
  /** Addresses of From/To/Cc: an In-Reply-To naming one of them is junk, not an ID. */
  addresses: readonly string[];
}

/**
 * Parent candidates, oldest first: References, then In-Reply-To IDs not already listed; the
 * In-Reply-To is always last, since it is the parent. In-Reply-To is only trusted for bracketed IDs; free text around them (Gnus'
 * "(Dan Williams's message of ...)") is ignored.
 */
export function parseReferences(h: ReferenceHeaders): {
  references: string[];
  inReplyTo: string;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const addresses = new Set(h.addresses.map((a) => a.toLowerCase()));
  const junk: string[] = [];
  const accept = (id: string): boolean => {
    const lower = id.toLowerCase();
    if (PROMPT_ANSWERS.has(lower) || addresses.has(lower)) {
      junk.push(id);
      return false;
    }
    return true;
  };

  let refIds = h.references.flatMap(bracketedIds);
  if (refIds.length > MAX_REFERENCES) refIds = refIds.slice(refIds.length - MAX_REFERENCES);
  let irtIds = h.inReplyTo.flatMap(bracketedIds);
  if (irtIds.length === 0) {
    // "In-Reply-To: y" and friends: look at bare words only to report them as junk.
    for (const v of h.inReplyTo) {
      const word = v.trim();
      if (word && !/\s/.test(word)) {
        if (accept(cleanId(word)) && word.includes('@')) irtIds = [cleanId(word)];
      }
    }
  }

  const seen = new Set<string>();
  if (h.ownId) seen.add(h.ownId);
  const references: string[] = [];
  let inReplyTo = '';
  const add = (raw: string, isIrt: boolean): void => {
    if (!accept(raw)) return;
    const id = truncate(raw, diagnostics);
    if (isIrt && !inReplyTo && id !== h.ownId) inReplyTo = id;
    if (seen.has(id)) return;
    seen.add(id);
    references.push(id);
  };
  for (const id of refIds) add(id, false);
  for (const id of irtIds) add(id, true);
  // In-Reply-To names the parent directly (RFC 5322 3.6.4); when References lists it elsewhere
  // than last (some clients reorder References), the parent is still the In-Reply-To.
  if (inReplyTo && references[references.length - 1] !== inReplyTo) {
    references.splice(references.indexOf(inReplyTo), 1);
    references.push(inReplyTo);
  }

  if (junk.length) {
    diagnostics.push({
      code: 'ref/junk',
      message: `ignored ${junk.length} reference(s) that are not Message-IDs`,
      expected: '<id@host>',
      found: junk.slice(0, 3).join(' '),
    });
  }
  return { references, inReplyTo, diagnostics };
}

/**
 * A Message-ID as a person writes it outside a header (a command-line argument, a topic's front
 * matter, a search box, a pinned link): surrounding whitespace, notmuch's `id:` / `mid:` prefix
 * and the angle brackets dropped. "<a@b>", "a@b", " id:a@b " all give "a@b". The ID itself is
 * kept as written, inner characters included; '' when nothing is left.
 */
export function normalizeMessageId(text: string): string {
  return text
    .trim()
    .replace(/^(?:id|mid):/i, '')
    .replace(/^<|>$/g, '')
    .trim();
}

/** Sentence punctuation after a link in running text ("see <a@b>." or ".../a@b,"). A
 *  Message-ID never ends in it: RFC 5322's dot-atom-text cannot end in "." and the others are
 *  specials. */
const LINK_TRAILER = /[.,;:]+$/;

/** A Message-ID cut out of running text or a link in mail: as normalizeMessageId, and sentence
 *  punctuation after it dropped ("a@b." and "<a@b>." give "a@b"). Percent-escapes are the URL
 *  reader's (unescapeMessageId). */
export function messageIdInLink(text: string): string {
  return normalizeMessageId(text.trim().replace(LINK_TRAILER, '')).replace(LINK_TRAILER, '');
}
