// What a topic page shows, from the store: the series lineages and discussion threads its query
// finds (plus those pinned), each with its revisions and status, and the key statements made in
// them, in date order.
import { lineageStatus, statementOut, withLinkedAnswer } from '../discussion/discussion-queries.ts';
import type { StatementOut, TopicEntry } from '../read-models.ts';
import { searchMessages } from '../search/search-messages.ts';
import { titleRevision } from '../series/lineage-title.ts';
import { revisionLabel } from '../series/revision-label.ts';
import { familyOf, lineage, postingOf } from '../series/series-queries.ts';
import type { StatementRow, Store } from '../store/store-port.ts';

/** Hits looked at per topic query. */
const MAX_HITS = 5000;
/** Key statements shown per topic, at most. */
export const MAX_KEY_STATEMENTS = 120;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The lineages and threads of a topic, oldest first. Throws QueryParseError for a bad query. */
export function topicEntries(store: Store, query: string, pinned: readonly string[]): TopicEntry[] {
  const result = searchMessages(store, query, { limit: MAX_HITS, sort: 'date', collapse: 'none' });
  const hits = new Map<string, { kind: 'lineage' | 'thread'; id: string; n: number; pinned: boolean }>();
  const add = (kind: 'lineage' | 'thread', id: string, n: number, isPinned: boolean): void => {
    const key = `${kind}\0${id}`;
    const e = hits.get(key) ?? { kind, id, n: 0, pinned: false };
    e.n += n;
    e.pinned ||= isPinned;
    hits.set(key, e);
  };
  for (const h of result.hits) {
    if (h.family) add('lineage', h.family, 1, false);
    else add('thread', h.threadId, 1, false);
  }
  for (const mid of pinned) {
    const posting = postingOf(store, mid);
    const fam = posting ? familyOf(store, posting) : null;
    if (fam) add('lineage', fam, 0, true);
    else {
      const at = store.mail.locate(mid);
      if (at) add('thread', at.threadId, 0, true);
    }
  }
  const out: TopicEntry[] = [];
  for (const e of hits.values()) {
    if (e.kind === 'lineage') {
      const revs = lineage(store, e.id);
      if (revs.length === 0) continue;
      const latest = titleRevision(revs)!;
      out.push({
        kind: 'lineage',
        id: e.id,
        title: latest.title || latest.subject,
        author: revs[0]!.author.name || revs[0]!.author.email,
        first: revs[0]!.date,
        last: revs[revs.length - 1]!.date,
        revisions: revs.map((r) => ({ postingId: r.postingId, label: revisionLabel(r), date: r.date, subject: r.subject, threadId: r.threadId })),
        status: lineageStatus(store, e.id),
        hits: e.n,
        pinned: e.pinned,
        threads: [...new Set(revs.map((r) => r.threadId))],
      });
    } else {
      const t = store.threads.row(e.id);
      if (!t) continue;
      const a = store.threads.firstAuthor(e.id);
      out.push({ kind: 'thread', id: e.id, title: t.subject, author: a ? a.name || a.email : '', first: iso(t.firstDate), last: iso(t.lastDate), revisions: [], status: null, hits: e.n, pinned: e.pinned, threads: [e.id] });
    }
  }
  return out.sort((a, b) => (a.first ?? '').localeCompare(b.first ?? '') || a.id.localeCompare(b.id));
}

/** Whether a statement is worth showing on a topic timeline: a position taken with some
 *  confidence, or an agreement that answers something. */
export function isKeyStatement(s: Pick<StatementOut, 'kind' | 'confidence' | 'answers'>): boolean {
  if (s.kind === 'conclusion' || s.kind === 'objection' || s.kind === 'proposal') return s.confidence >= 0.65;
  if (s.kind === 'agreement') return s.confidence >= 0.85 && s.answers !== null && s.answers.text.length >= 40;
  return false;
}

/** Key statements made in the topic's threads, plus every statement of the pinned messages, in
 *  date order (at most MAX_KEY_STATEMENTS: the most confident, then by date). */
export function topicStatements(store: Store, threads: readonly string[], pinnedMessages: readonly string[]): StatementOut[] {
  const out = (r: StatementRow): StatementOut => withLinkedAnswer(store, statementOut(r));
  const pinned = pinnedMessages.flatMap((mid) => {
    const at = store.mail.locate(mid);
    return at ? store.discussion.statementsOfMessage(at.id).map(out) : [];
  });
  const key = [...new Set(threads)].flatMap((t) => store.discussion.statementsOfThread(t, 'date').map(out)).filter(isKeyStatement);
  const chosen = [...key].sort((a, b) => b.confidence - a.confidence || (a.date ?? '').localeCompare(b.date ?? '')).slice(0, Math.max(0, MAX_KEY_STATEMENTS - pinned.length));
  const seen = new Set<string>();
  return [...pinned, ...chosen]
    .filter((s) => {
      const id = `${s.messageId}\0${s.text}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}
