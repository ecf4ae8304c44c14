// Which stored message a page message is, when the page lacks a usable Message-ID (hypermail 2.4
// cuts them down to "local_at_xxxxx", hypermail makes one up for a duplicate, Patchwork shows
// none for comments): compare what is left of the ID, the subject, the author and the date with
// each candidate, and take the best one only when the evidence is strong and no other candidate
// comes close. Every decision comes with its evidence. Pure.
// It does not choose the candidates (the store's messages near the page's date, or a thread).
import type { MatchCandidate, MatchEvidence, PageFacts, PageMatch } from '../types.ts';

/** What each field adds when it agrees and takes away when it differs. An exact date (to the
 *  second) and what survives of a Message-ID are nearly unique on their own; a subject or an
 *  author is shared by many messages of a thread, so they only confirm. */
const WEIGHT = { 'message-id': 0.55, subject: 0.3, author: 0.2, date: 0.45 } as const;

/** Least score taken as a match: two of the strong fields, or subject and author and a date. */
export const MATCH_THRESHOLD = 0.7;

/** A candidate within this much of the best one makes the match ambiguous. */
export const AMBIGUITY_MARGIN = 0.15;

/** How far apart a page's date and a message's may be and still agree, by the page's precision
 *  (public-inbox thread pages show minutes: the page's minute starts at or before the date). */
const TOLERANCE_MS = { second: 1_000, minute: 60_000, day: 24 * 3600_000 } as const;

const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

function localPart(id: string): string {
  const at = id.lastIndexOf('@');
  return at < 0 ? id : id.slice(0, at);
}

function compareId(page: PageFacts, c: MatchCandidate): MatchEvidence {
  const p = page.messageId;
  if (p.state === 'complete') {
    return { field: 'message-id', verdict: p.id === c.messageId ? 'agrees' : 'differs', detail: `page ${p.id}, stored ${c.messageId}` };
  }
  if (p.state !== 'truncated' || !p.id) return { field: 'message-id', verdict: 'unknown', detail: `page gives ${p.state === 'made-up' ? `a made-up ID (${p.written})` : 'no ID'}` };
  // What is left: "local@xxxxx" (the domain hidden) or "local" (cut at the "@").
  const left = p.id.includes('@') ? localPart(p.id) : p.id;
  const agrees = localPart(c.messageId) === left;
  return { field: 'message-id', verdict: agrees ? 'agrees' : 'differs', detail: `page ${p.written} (${left}@...), stored ${c.messageId}` };
}

function compareSubject(page: PageFacts, c: MatchCandidate): MatchEvidence {
  if (!page.subject) return { field: 'subject', verdict: 'unknown', detail: 'page shows no subject' };
  return { field: 'subject', verdict: norm(page.subject) === norm(c.subject) ? 'agrees' : 'differs', detail: `page "${page.subject}", stored "${c.subject}"` };
}

function compareAuthor(page: PageFacts, c: MatchCandidate): MatchEvidence {
  const { name, email } = page.from;
  if (!name && !email) return { field: 'author', verdict: 'unknown', detail: 'page shows no author' };
  const sameName = name !== '' && c.from.name !== '' && norm(name) === norm(c.from.name);
  // A hidden domain leaves the local part to compare.
  const hidden = /@(?:x+|\[hidden\])$/i.test(email);
  const sameAddress = email !== '' && c.from.email !== '' && (hidden ? localPart(email).toLowerCase() === localPart(c.from.email).toLowerCase() : email.toLowerCase() === c.from.email.toLowerCase());
  const detail = `page ${[name, email && `<${email}>`].filter(Boolean).join(' ')}, stored ${[c.from.name, c.from.email && `<${c.from.email}>`].filter(Boolean).join(' ')}`;
  return { field: 'author', verdict: sameName || sameAddress ? 'agrees' : 'differs', detail };
}

function compareDate(page: PageFacts, c: MatchCandidate): MatchEvidence {
  const d = page.date;
  if (d.ms === null || d.precision === 'none') return { field: 'date', verdict: 'unknown', detail: 'page shows no readable date' };
  if (c.date === null) return { field: 'date', verdict: 'unknown', detail: 'stored message has no date' };
  const delta = c.date - d.ms;
  const tol = TOLERANCE_MS[d.precision];
  const agrees = d.precision === 'second' ? Math.abs(delta) <= tol : delta >= 0 && delta < tol;
  const when = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  return { field: 'date', verdict: agrees ? 'agrees' : 'differs', detail: `page ${d.written || when(d.ms)} (${d.precision}), stored ${when(c.date)}` };
}

function score(evidence: readonly MatchEvidence[]): number {
  let s = 0;
  for (const e of evidence) {
    if (e.verdict === 'agrees') s += WEIGHT[e.field];
    else if (e.verdict === 'differs') s -= WEIGHT[e.field];
  }
  return Math.max(0, Math.min(0.99, Math.round(s * 100) / 100));
}

/** The candidate the page message is a copy of, with the evidence; or why there is none. */
export function matchPage(page: PageFacts, candidates: readonly MatchCandidate[]): PageMatch {
  const seen = new Set<string>();
  const scored: Array<{ messageId: string; confidence: number; evidence: MatchEvidence[] }> = [];
  for (const c of candidates) {
    if (seen.has(c.messageId)) continue;
    seen.add(c.messageId);
    const evidence = [compareId(page, c), compareSubject(page, c), compareAuthor(page, c), compareDate(page, c)];
    // What is left of the page's ID is a fact: a candidate it contradicts is not the message.
    if (evidence[0]!.verdict === 'differs') continue;
    scored.push({ messageId: c.messageId, confidence: score(evidence), evidence });
  }
  if (scored.length === 0) return { kind: 'none', reason: 'no-candidates', best: null };
  scored.sort((a, b) => b.confidence - a.confidence || (a.messageId < b.messageId ? -1 : 1));
  const [best, next] = scored;
  if (best!.confidence < MATCH_THRESHOLD) return { kind: 'none', reason: 'too-weak', best: best! };
  if (next && next.confidence > best!.confidence - AMBIGUITY_MARGIN) return { kind: 'none', reason: 'ambiguous', best: best! };
  return { kind: 'match', ...best! };
}
