// Read-only questions about the discussion: the statements and verdicts of a message or thread
// (docs/cli.md `patchlore statements`), a citation of a message or of one fragment of it
// (`patchlore cite`), what a thread cites and what cites it, and the status of a series lineage.
import { segmentMessage } from '../discussion/segment-message.ts';
import { normalizeForMatch } from '../discussion/attribute-quotes.ts';
import { ownExcerptOf } from '../discussion/excerpt.ts';
import { splitSentences } from '../discussion/sentences.ts';
import type { Citation } from '../discussion/format-citation.ts';
import { locate } from './queries-fs.ts';
import type { Store } from './store-fs.ts';

/** A statement as `patchlore statements --json` prints it. */
export interface StatementOut {
  messageId: string;
  subject: string;
  author: string;
  email: string;
  date: string | null;
  text: string;
  kind: string;
  answers: { author: string; email: string; text: string; messageId: string | null } | null;
  confidence: number;
  why: string;
}

interface VerdictOut {
  messageId: string;
  author: string;
  email: string;
  date: string | null;
  kind: string;
  text: string;
  /** The patch or cover letter it is about. */
  target: string | null;
  confidence: number;
  why: string;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The columns of a statement row, as every reader selects them. */
export interface StatementFields {
  text: string;
  kind: string;
  answersText: string | null;
  answersName: string | null;
  answersEmail: string | null;
  answersKey: string | null;
  confidence: number;
  why: string;
}

export interface StatementRow extends StatementFields {
  messageId: string;
  subject: string;
  author: string;
  email: string;
  date: number | null;
}

export const STATEMENT_COLUMNS = `m.key AS messageId, m.subject, m.from_name AS author, m.from_email AS email, m.date, s.text, s.kind, s.answers_text AS answersText,
  s.answers_name AS answersName, s.answers_email AS answersEmail, s.answers_key AS answersKey, s.confidence, s.why`;

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

/** Statements of the message `mid` (or of its whole thread), in thread order; null when the
 *  message is not in the store. */
export function statementsOf(store: Store, mid: string, opts: { thread?: boolean } = {}): StatementOut[] | null {
  const at = locate(store, mid);
  if (!at) return null;
  const rows = opts.thread
    ? store.db
        .prepare(`SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN messages m ON m.id = s.message JOIN nodes n ON n.id = m.key WHERE m.thread_id = ? ORDER BY n.ord, s.span_from`)
        .all(at.threadId)
    : store.db.prepare(`SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN messages m ON m.id = s.message WHERE m.key = ? ORDER BY s.span_from`).all(at.id);
  return (rows as StatementRow[]).map(statementOut);
}

/** Verdicts of the message `mid` (or of its whole thread). */
export function verdictsOf(store: Store, mid: string, opts: { thread?: boolean } = {}): VerdictOut[] | null {
  const at = locate(store, mid);
  if (!at) return null;
  const cols = `m.key AS messageId, v.by_name AS author, v.by_email AS email, m.date, v.kind, v.text, v.target_key AS target, v.confidence, v.why`;
  const rows = opts.thread
    ? store.db.prepare(`SELECT ${cols} FROM verdicts v JOIN messages m ON m.id = v.message JOIN nodes n ON n.id = m.key WHERE m.thread_id = ? ORDER BY n.ord, v.span_from`).all(at.threadId)
    : store.db.prepare(`SELECT ${cols} FROM verdicts v JOIN messages m ON m.id = v.message WHERE m.key = ? ORDER BY v.span_from`).all(at.id);
  return (rows as Array<Omit<VerdictOut, 'date'> & { date: number | null }>).map((r) => ({ ...r, date: iso(r.date) }));
}

/** Why a citation could not be made. */
export class CiteError extends Error {}

/**
 * A citation of the message `mid`: with `quote`, exactly that fragment of its own text (a
 * fragment the message only quotes is cited from the message that wrote it, by its author);
 * without, its first statement, or the start of its own text.
 */
export function citationOf(store: Store, mid: string, quote?: string): Citation {
  const at = locate(store, mid);
  const row = at
    ? (store.db.prepare('SELECT id, key, from_name AS author, from_email AS email, date, subject, body FROM messages WHERE key = ?').get(at.id) as
        | { id: number; key: string; author: string; email: string; date: number | null; subject: string; body: string }
        | undefined)
    : undefined;
  if (!row) throw new CiteError(`<${mid}> is not in the store (a message not in the archive cannot be cited)`);
  const base = { messageId: row.key, author: row.author || row.email, email: row.email, date: iso(row.date), subject: row.subject };
  if (quote !== undefined) {
    const blocks = segmentMessage(row.body).blocks;
    const want = normalizeForMatch(quote);
    if (!want) throw new CiteError('--quote is empty: give a fragment of the message, e.g. --quote "pte_special is applicable"');
    const own = blocks.filter((b) => b.depth === 0 && (b.kind === 'text' || b.kind === 'trailers'));
    const hit = own.find((b) => normalizeForMatch(b.text).includes(want));
    if (hit) {
      const statement = store.db
        .prepare('SELECT text, answers_text AS answersText, answers_name AS answersName, answers_email AS answersEmail FROM statements WHERE message = ? ORDER BY span_from')
        .all(row.id) as Array<{ text: string; answersText: string | null; answersName: string | null; answersEmail: string | null }>;
      const s = statement.find((x) => normalizeForMatch(x.text).includes(want));
      // Not a statement: the whole sentence holding the fragment (or the fragment, when it runs
      // over sentences).
      const sentence = s ? null : splitSentences(hit.text).find((x) => normalizeForMatch(x.text).includes(want));
      return {
        ...base,
        text: s ? s.text : (sentence?.text ?? quote.trim().replace(/\s+/g, ' ')),
        answers: s?.answersText ? { author: s.answersName || s.answersEmail || 'someone', text: s.answersText } : null,
      };
    }
    // Quoted, not written, here: cite who wrote it.
    const blockIndex = blocks.findIndex((b) => b.kind === 'quote' && normalizeForMatch(b.text).includes(want));
    if (blockIndex >= 0) {
      const src = store.db.prepare('SELECT source_key AS key, author_name AS name, author_email AS email FROM quote_sources WHERE message = ? AND block = ?').get(row.id, blockIndex) as
        | { key: string | null; name: string; email: string }
        | undefined;
      if (src?.key && src.key !== row.key) return citationOf(store, src.key, quote);
      const who = src?.name || src?.email || 'someone else';
      throw new CiteError(`"${quote}" is quoted in <${row.key}>, not written there: it comes from ${who}, whose message is not in the store`);
    }
    throw new CiteError(`"${quote}" is not in <${row.key}> (looked in its own text and its quotes, ignoring spacing)`);
  }
  const first = store.db.prepare('SELECT text, answers_text AS answersText, answers_name AS answersName, answers_email AS answersEmail FROM statements WHERE message = ? ORDER BY confidence DESC, span_from LIMIT 1').get(row.id) as
    | { text: string; answersText: string | null; answersName: string | null; answersEmail: string | null }
    | undefined;
  if (first) return { ...base, text: first.text, answers: first.answersText ? { author: first.answersName || first.answersEmail || 'someone', text: first.answersText } : null };
  return { ...base, text: ownExcerptOf(segmentMessage(row.body).blocks), answers: null };
}

/** A cross-thread link, resolved: local when the target is in the store. */
export interface ThreadLink {
  /** The citing message. */
  from: string;
  fromAuthor: string;
  /** The cited Message-ID. */
  target: string;
  /** The thread holding the target and its key there, when it is in the store. */
  targetThread: string | null;
  targetKey: string | null;
  targetSubject: string | null;
  /** The thread of the citing message. */
  fromThread: string;
  fromSubject: string;
}

/** What the thread's messages cite outside the thread, and what cites its messages from other
 *  threads. */
export function threadLinks(store: Store, threadId: string): { cites: ThreadLink[]; citedBy: ThreadLink[] } {
  const cites = store.db
    .prepare(
      `SELECT m.key AS "from", m.from_name AS fromAuthor, l.target, t.thread_id AS targetThread, t.key AS targetKey, t.subject AS targetSubject,
              m.thread_id AS fromThread, m.subject AS fromSubject
       FROM message_links l JOIN messages m ON m.id = l.message
       LEFT JOIN messages t ON t.key = (SELECT key FROM messages WHERE message_id = l.target ORDER BY imposter LIMIT 1)
       WHERE m.thread_id = ? AND (t.thread_id IS NULL OR t.thread_id != m.thread_id)
       ORDER BY m.date, l.target`,
    )
    .all(threadId) as ThreadLink[];
  const citedBy = store.db
    .prepare(
      `SELECT m.key AS "from", m.from_name AS fromAuthor, l.target, t.thread_id AS targetThread, t.key AS targetKey, t.subject AS targetSubject,
              m.thread_id AS fromThread, m.subject AS fromSubject
       FROM messages t JOIN message_links l ON l.target = t.message_id JOIN messages m ON m.id = l.message
       WHERE t.thread_id = ? AND m.thread_id != t.thread_id
       ORDER BY m.date, m.key`,
    )
    .all(threadId) as ThreadLink[];
  return { cites, citedBy };
}

/** Where a lineage stands. */
export interface LineageStatus {
  latestPosting: string;
  /** A maintainer's "applied"/"queued" on some revision: which, by whom, where it was said. */
  applied: { posting: string; by: string; messageId: string; text: string; date: string | null } | null;
  /** NAKs on the latest revision (none later withdrawn by an ack of the same person). */
  naks: Array<{ by: string; messageId: string; text: string }>;
  /** Earlier postings a later one replaced. */
  superseded: string[];
}

type Statement = ReturnType<Store['db']['prepare']>;
/** lineageStatus's statements, prepared once per database (topic pages and the site ask for
 *  every lineage). */
const lineageStatements = new WeakMap<Store['db'], { postings: Statement; verdicts: Statement }>();

export function lineageStatus(store: Store, family: string): LineageStatus | null {
  let q = lineageStatements.get(store.db);
  if (!q) {
    q = {
      postings: store.db.prepare('SELECT p.id FROM revisions r JOIN postings p ON p.id = r.posting WHERE r.family = ? ORDER BY p.date, p.id'),
      // The verdicts on every posting's cover letter and patches: by posting in date order, then
      // by the message they are on, then as said.
      verdicts: store.db.prepare(
        `WITH fam AS (SELECT p.id, p.date, p.cover_key FROM revisions r JOIN postings p ON p.id = r.posting WHERE r.family = ?),
         members AS (SELECT id AS posting, cover_key AS key FROM fam WHERE cover_key IS NOT NULL
                     UNION SELECT pp.posting, pp.key FROM posting_patches pp JOIN fam ON fam.id = pp.posting)
         SELECT f.id AS posting, v.kind, v.by_name AS name, v.by_email AS email, v.text, m.key AS messageId, m.date
         FROM members mb JOIN fam f ON f.id = mb.posting JOIN verdicts v ON v.target_key = mb.key JOIN messages m ON m.id = v.message
         ORDER BY f.date, f.id, mb.key, m.date, v.id`,
      ),
    };
    lineageStatements.set(store.db, q);
  }
  const postings = q.postings.all(family) as Array<{ id: string }>;
  if (postings.length === 0) return null;
  const latest = postings[postings.length - 1]!.id;
  const verdicts = q.verdicts.all(family) as Array<{ posting: string; kind: string; name: string; email: string; text: string; messageId: string; date: number | null }>;
  // One pass: the first "applied" of the latest posting that has one (rows come by posting, in
  // date order), and the latest posting's verdicts.
  let applied = null as LineageStatus['applied'];
  const onLatest: typeof verdicts = [];
  for (const v of verdicts) {
    if (v.kind === 'applied' && applied?.posting !== v.posting) applied = { posting: v.posting, by: v.name || v.email, messageId: v.messageId, text: v.text, date: iso(v.date) };
    if (v.posting === latest) onLatest.push(v);
  }
  const acked = new Set(onLatest.filter((v) => v.kind === 'acked' || v.kind === 'reviewed').map((v) => v.email.toLowerCase()));
  const seen = new Set<string>();
  const naks = onLatest
    .filter((v) => v.kind === 'nacked' && !acked.has(v.email.toLowerCase()))
    .filter((v) => !seen.has(v.messageId) && !!seen.add(v.messageId))
    .map((v) => ({ by: v.name || v.email, messageId: v.messageId, text: v.text }));
  return { latestPosting: latest, applied, naks, superseded: postings.slice(0, -1).map((p) => p.id) };
}
