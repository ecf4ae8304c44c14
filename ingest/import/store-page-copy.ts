// Storing a message when a copy recovered from an archive page is involved: a page copy and the
// mail it was made from are one message, never an imposter, whatever the order. The original mail
// replaces a page copy's content (and a page copy that lost less replaces one that lost more,
// archive/prefer-copy.ts); the loser is kept as another raw copy, so nothing is lost. A page
// without a usable Message-ID (hypermail 2.4 cuts them, hypermail makes some up) is stored under a
// placeholder until the matcher (archive/match-page.ts) finds its message by what is left of the
// ID, the subject, the author and the date; then the placeholder becomes an alias of the real ID,
// and replies on the same archive that named it name the real message. Decides; the store only
// persists.
import { resetThread } from './reset-thread.ts';
import { matchPage } from '../archive/match-page.ts';
import { pageFacts } from '../archive/page-facts.ts';
import { preferCopy } from '../archive/prefer-copy.ts';
import type { MessageFacts, Store, VariantRow } from '../store/store-port.ts';
import type { Diagnostic, MatchCandidate, Message, PageMatch, PatchMeta, Recovered } from '../types.ts';
import { messageRecord } from './message-record.ts';
import type { StoreResult } from './store-message.ts';

const DAY_MS = 24 * 3600_000;

/** How far apart a page's date and a stored message's may be for the message to be a candidate,
 *  by how precise the page's date is: wider than the matcher's tolerance (match-page.ts), so a
 *  near miss is compared (and makes a match ambiguous) rather than left out. A page without a
 *  date is never matched. */
const WINDOW_MS: Record<Recovered['datePrecision'], number> = { second: DAY_MS, minute: DAY_MS, day: 2 * DAY_MS, none: 0 };
const WIDEST_WINDOW_MS = Math.max(...Object.values(WINDOW_MS));

/** A Message-ID a reader can look up: mail's, or a page's that the page gave whole. */
const usableId = (r: Recovered | null): boolean => r === null || r.messageId === 'complete';

/**
 * Store `m` when a page copy is on either side: `m` is a page copy, or the one stored message
 * with its Message-ID is. Null when neither is (the usual rules apply), or when `m` is a page
 * copy of nothing stored (it is then stored as a message of its own).
 */
export function storePageCopy(store: Store, rawId: number, m: Message, meta: PatchMeta): StoreResult | null {
  const page = m.recovered;
  if (page && !usableId(page)) {
    const to = store.mail.aliasesOf([m.messageId]).get(m.messageId);
    const target = to === undefined ? undefined : primaryVariant(store.mail.variantsOf(to), to);
    if (target) return keepAsCopy(store, rawId, m, target, `matched to <${to}> before`);
  }
  const existing = store.mail.variantsOf(m.messageId);
  if (existing.length === 0) {
    if (!page || usableId(page)) return null;
    const found = findStored(store, m);
    if (!found) return null;
    const r = keepAsCopy(store, rawId, m, found.row, `matched to <${found.match.messageId}> (${evidenceText(found.match)})`);
    redirect(store, m.messageId, found.match.messageId);
    return { ...r, changed: true };
  }
  // A Message-ID has either one page copy as its message, or only mail (this keeps it so).
  const pageRow = existing.length === 1 && existing[0]!.recovered !== null ? existing[0]! : null;
  if (!page && !pageRow) return null;
  const target = pageRow ?? primaryVariant(existing, m.messageId)!;
  if (!preferCopy(m, target)) return keepAsCopy(store, rawId, m, target, '');
  resetThread(store, target.key);
  store.mail.replaceMessage(target.id, messageRecord(m, target.key), meta);
  store.mail.addCopy(rawId, target.id);
  const what = page ? `a page copy that lost less (${page.source})` : 'the original mail';
  const note = superseded(m, `${what} replaced the copy recovered from ${target.recovered?.source || 'a page'}; the page copy is kept as another copy`);
  const diagnostics = [...m.diagnostics, note];
  store.mail.addDiagnostics(rawId, target.key, diagnostics);
  return { outcome: 'duplicate', message: target.id, diagnostics, changed: true };
}

/**
 * `m` is new to the store and carries a usable Message-ID: the stored page copies without one
 * that the matcher finds to be `m` are superseded by it. The first becomes `m` in place; any other
 * is folded into it. Null when none is.
 */
export function supersedePageCopies(store: Store, rawId: number, m: Message, meta: PatchMeta): StoreResult | null {
  if (m.date === null || !usableId(m.recovered)) return null;
  const pages = store.mail.pageCopiesNear(m.date - WIDEST_WINDOW_MS, m.date + WIDEST_WINDOW_MS).filter((p) => !usableId(p.recovered));
  if (pages.length === 0) return null;
  const mine: MatchCandidate = { messageId: m.messageId, subject: m.subject, from: m.from, date: m.date };
  const matched: Array<{ page: MessageFacts; match: PageMatch }> = [];
  for (const p of pages) {
    // Compared with every stored message it could be, not only with m: a page as like another
    // stored message as m stays unmatched.
    const match = matchPage(pageFacts({ ...p, recovered: p.recovered! }), [...candidatesNear(store, p.date!, p.recovered!), mine]);
    if (match.kind === 'match' && match.messageId === m.messageId) matched.push({ page: p, match });
  }
  if (matched.length === 0) return null;
  const into = matched[0]!.page.id;
  for (const { page } of matched) resetThread(store, page.key);
  store.mail.replaceMessage(into, messageRecord(m, m.messageId), meta);
  for (const { page } of matched.slice(1)) store.mail.mergeMessage(page.id, into);
  store.mail.addCopy(rawId, into);
  const what = m.recovered ? `a page copy with the whole Message-ID (${m.recovered.source})` : 'the original mail';
  const notes = matched.map(({ page, match }) =>
    superseded(m, `${what} replaced the copy recovered from ${page.recovered!.source} (stored as <${page.key}>), matched by ${evidenceText(match)}; the page copy is kept as another copy`),
  );
  for (const { page } of matched) redirect(store, page.key, m.messageId);
  const diagnostics = [...m.diagnostics, ...notes];
  store.mail.addDiagnostics(rawId, m.messageId, diagnostics);
  return { outcome: 'duplicate', message: into, diagnostics, changed: true };
}

/** A page copy's references with each placeholder the matcher has resolved replaced by the real
 *  ID, so it threads under the real message. Mail is returned as it is. */
export function throughAliases(store: Store, m: Message): Message {
  if (!m.recovered || m.references.length === 0) return m;
  const aliases = store.mail.aliasesOf(m.references);
  if (aliases.size === 0) return m;
  const references = [...new Set(m.references.map((r) => aliases.get(r) ?? r))].filter((r) => r !== m.messageId);
  return { ...m, references, inReplyTo: aliases.get(m.inReplyTo) ?? m.inReplyTo };
}

/** The variant keyed by the plain Message-ID, else the first. */
function primaryVariant(variants: readonly VariantRow[], messageId: string): VariantRow | undefined {
  return variants.find((v) => v.key === messageId) ?? variants[0];
}

/** Record `m`'s raw copy as another copy of `target`, saying so. */
function keepAsCopy(store: Store, rawId: number, m: Message, target: { id: number; key: string }, how: string): StoreResult {
  store.mail.addCopy(rawId, target.id);
  const from = m.recovered ? `the page ${m.recovered.source}` : 'mail';
  const d: Diagnostic = {
    code: 'store/recovered-copy',
    message: `a copy recovered from ${from}${how ? `, ${how}` : ''}: kept as another copy of the stored message`,
    messageId: m.messageId,
  };
  store.mail.addDiagnostics(rawId, target.key, [d]);
  return { outcome: 'duplicate', message: target.id, diagnostics: [d], changed: false };
}

function superseded(m: Message, message: string): Diagnostic {
  return { code: 'store/superseded', message, messageId: m.messageId };
}

/** The stored messages with a usable ID dated near `date` (imposters aside), as candidates. */
function candidatesNear(store: Store, date: number, page: Recovered): MatchCandidate[] {
  const w = WINDOW_MS[page.datePrecision];
  return store.mail
    .messagesNear(date - w, date + w)
    .filter((c) => usableId(c.recovered) && c.key === c.messageId)
    .map((c) => ({ messageId: c.messageId, subject: c.subject, from: c.from, date: c.date }));
}

/** The stored message page copy `m` (without a usable ID) is a copy of, by the matcher. */
function findStored(store: Store, m: Message): { row: VariantRow; match: Extract<PageMatch, { kind: 'match' }> } | null {
  if (m.date === null || !m.recovered) return null;
  const match = matchPage(pageFacts({ ...m, recovered: m.recovered }), candidatesNear(store, m.date, m.recovered));
  if (match.kind !== 'match') return null;
  const row = primaryVariant(store.mail.variantsOf(match.messageId), match.messageId);
  return row ? { row, match } : null;
}

/** The evidence of a match, short: "message-id agrees, subject agrees, ... (confidence 0.99)". */
function evidenceText(match: PageMatch): string {
  if (match.kind !== 'match') return match.reason;
  return `${match.evidence.map((e) => `${e.field} ${e.verdict}`).join(', ')} (confidence ${match.confidence})`;
}

/** `from` (a page copy's placeholder) is `to`: say so for pages still to come, and have the
 *  stored messages naming it name `to`. */
function redirect(store: Store, from: string, to: string): void {
  store.mail.addAlias(from, to);
  resetThread(store, from);
  for (const r of store.mail.mayReference(from)) {
    if (!r.references.includes(from)) continue;
    const references = [...new Set(r.references.map((x) => (x === from ? to : x)))].filter((x) => x !== r.key);
    store.mail.setReferences(r.id, references, r.inReplyTo === from ? to : r.inReplyTo);
  }
}
