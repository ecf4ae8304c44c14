// Questions about the discussion, answered from store rows: the statements and verdicts of a
// message or thread (docs/cli.md `patchlore statements`), a citation of a message or of one
// fragment of it (`patchlore cite`), what a thread cites and what cites it, and the status of a
// series lineage.
import { lineageMergeOf } from '../commits/commits-queries.ts';
import type { LineageStatus, StatementOut, ThreadLink, VerdictOut } from '../read-models.ts';
import type { StatementRow, Store } from '../store/store-port.ts';
import { parseArchiveUrl } from '../lore/parse-archive-url.ts';
import { normalizeForMatch } from './attribute-quotes.ts';
import { ownExcerptOf } from './excerpt.ts';
import type { Citation } from '../types.ts';
import { segmentMessage } from './segment-message.ts';
import { splitSentences } from './sentences.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A stored statement as it is printed. */
export function statementOut(r: StatementRow): StatementOut {
  return {
    messageId: r.messageId,
    subject: r.subject,
    author: r.author || r.email,
    email: r.email,
    date: iso(r.date),
    text: r.text,
    kind: r.kind,
    answers: r.answersText === null ? null : { author: r.answersName || r.answersEmail || '', email: r.answersEmail ?? '', text: r.answersText, messageId: r.answersKey },
    confidence: r.confidence,
    why: r.why,
  };
}

/** A statement whose quoted point is only a link to a message (a "see <url>" quoted back), with
 *  that message named when it is stored: pages show its subject and author, not the bare URL. */
export function withLinkedAnswer(store: Store, s: StatementOut): StatementOut {
  const text = s.answers?.text.trim() ?? '';
  if (!s.answers || !/^<?https?:\/\/\S+>?$/.test(text)) return s;
  const url = parseArchiveUrl(text.replace(/^<|>$/g, ''));
  if (url.kind !== 'message') return s;
  const at = store.mail.locate(url.messageId);
  const m = at ? store.mail.messageByKey(at.id) : undefined;
  if (!m) return s;
  return { ...s, answers: { ...s.answers, refers: { messageId: m.key, subject: m.subject, author: m.fromName || m.fromEmail } } };
}

/** Statements of the message `mid` (or of its whole thread, in date order); null when the
 *  message is not in the store. */
export function statementsOf(store: Store, mid: string, opts: { thread?: boolean } = {}): StatementOut[] | null {
  const at = store.mail.locate(mid);
  if (!at) return null;
  const rows = opts.thread ? store.discussion.statementsOfThread(at.threadId, 'date') : store.discussion.statementsOfMessage(at.id);
  return rows.map((r) => withLinkedAnswer(store, statementOut(r)));
}

/** Verdicts of the message `mid` (or of its whole thread). */
export function verdictsOf(store: Store, mid: string, opts: { thread?: boolean } = {}): VerdictOut[] | null {
  const at = store.mail.locate(mid);
  if (!at) return null;
  const rows = opts.thread ? store.discussion.verdictsOfThread(at.threadId) : store.discussion.verdictsOfMessage(at.id);
  return rows.map((r) => ({ ...r, date: iso(r.date) }));
}

/** Why a citation could not be made. */
export class CiteError extends Error {}

/** What a statement answers, as a citation shows it. */
function answersOf(s: StatementRow): Citation['answers'] {
  return s.answersText ? { author: s.answersName || s.answersEmail || 'someone', text: s.answersText } : null;
}

/**
 * A citation of the message `mid`: with `quote`, exactly that fragment of its own text (a
 * fragment the message only quotes is cited from the message that wrote it, by its author);
 * without, its first statement, or the start of its own text.
 */
export function citationOf(store: Store, mid: string, quote?: string): Citation {
  const at = store.mail.locate(mid);
  const row = at ? store.mail.messageByKey(at.id) : undefined;
  if (!row) throw new CiteError(`<${mid}> is not in the store (a message not in the archive cannot be cited)`);
  const base = { messageId: row.key, author: row.fromName || row.fromEmail, email: row.fromEmail, date: iso(row.date), dateHeader: row.dateHeader, subject: row.subject };
  const statements = store.discussion.statementsByRowId(row.id);
  if (quote !== undefined) {
    const blocks = segmentMessage(row.body).blocks;
    const want = normalizeForMatch(quote);
    if (!want) throw new CiteError('--quote is empty: give a fragment of the message, e.g. --quote "pte_special is applicable"');
    const own = blocks.filter((b) => b.depth === 0 && (b.kind === 'text' || b.kind === 'trailers'));
    const hit = own.find((b) => normalizeForMatch(b.text).includes(want));
    if (hit) {
      const s = statements.find((x) => normalizeForMatch(x.text).includes(want));
      // Not a statement: the whole sentence holding the fragment (or the fragment, when it runs
      // over sentences).
      const sentence = s ? null : splitSentences(hit.text).find((x) => normalizeForMatch(x.text).includes(want));
      return { ...base, text: s ? s.text : (sentence?.text ?? quote.trim().replace(/\s+/g, ' ')), answers: s ? answersOf(s) : null };
    }
    // Quoted, not written, here: cite who wrote it.
    const blockIndex = blocks.findIndex((b) => b.kind === 'quote' && normalizeForMatch(b.text).includes(want));
    if (blockIndex >= 0) {
      const src = store.discussion.quoteSource(row.id, blockIndex);
      if (src?.sourceKey && src.sourceKey !== row.key) return citationOf(store, src.sourceKey, quote);
      const who = src?.authorName || src?.authorEmail || 'someone else';
      throw new CiteError(`"${quote}" is quoted in <${row.key}>, not written there: it comes from ${who}, whose message is not in the store`);
    }
    throw new CiteError(`"${quote}" is not in <${row.key}> (looked in its own text and its quotes, ignoring spacing)`);
  }
  // The most confident statement, the earliest of equals (rows come in text order).
  const first = statements.reduce<StatementRow | undefined>((best, s) => (best === undefined || s.confidence > best.confidence ? s : best), undefined);
  if (first) return { ...base, text: first.text, answers: answersOf(first) };
  return { ...base, text: ownExcerptOf(segmentMessage(row.body).blocks), answers: null };
}

/** What the thread's messages cite outside the thread, and what cites its messages from other
 *  threads. */
export function threadLinks(store: Store, threadId: string): { cites: ThreadLink[]; citedBy: ThreadLink[] } {
  return store.discussion.threadLinks(threadId);
}

/** What the threads of a lineage cite, and what cites them, leaving out links between its own
 *  threads (revisions pointing at each other). */
export function lineageLinks(store: Store, family: string): { cites: ThreadLink[]; citedBy: ThreadLink[] } {
  const threads = store.series.threadsOf(family);
  const own = new Set(threads);
  const cites: ThreadLink[] = [];
  const citedBy: ThreadLink[] = [];
  for (const t of threads) {
    const l = store.discussion.threadLinks(t);
    cites.push(...l.cites.filter((x) => !x.targetThread || !own.has(x.targetThread)));
    citedBy.push(...l.citedBy.filter((x) => !own.has(x.fromThread)));
  }
  return { cites, citedBy };
}

/** Where a lineage stands (the outcome derivation's record, the postings a later one replaced,
 *  what it became in the repositories read); null for an unknown lineage. */
export function lineageStatus(store: Store, family: string): LineageStatus | null {
  const o = store.series.outcome(family);
  if (!o) return null;
  const postings = store.series.revisions(family).map((r) => r.id);
  const { family: _f, ...rest } = o;
  return {
    ...rest,
    superseded: postings.filter((p) => p !== o.latestPosting),
    merged: lineageMergeOf(store, family),
  };
}
