// Which threads must be grouped into postings again, together, when some threads changed: postings
// are grouped within a thread, except mail sent without threading, which group-postings.ts gathers
// across threads by sender within UNTHREADED_WINDOW_MS. So the scope is the changed threads, the
// threads of every patch or cover letter at a thread root sent by the same sender within that
// window of one in the scope (as it was or as it is: chains of them), and the threads of every
// posting stored for a thread in the scope, until nothing more joins. Grouping the scope's
// messages gives exactly the postings that grouping every message would give for them.
//
// The roots kept in the store must include, before any scope is taken, those of every changed
// thread as it is now (keepRoots), besides those kept as they were: then the scopes of two changed
// threads are the same or disjoint, and changed threads can be grouped scope by scope. Reads
// through `GroupingReader`; decides nothing else. Pure.
import type { LocatedRootRow, SeriesRootRow } from '../store/store-rows.ts';
import type { SeriesMessage } from '../types.ts';
import { UNTHREADED_WINDOW_MS } from './group-postings.ts';
import { reachFrom } from './reach-from.ts';

/** Kinds of thread roots that postings gather across threads (a superset of what group-postings.ts
 *  gathers: its drafts sent without threading are made of patches and numbered cover letters). */
export const UNTHREADED_KINDS: readonly string[] = ['patch', 'cover'];

/** What the scope is found from (the store's series tables). */
export interface GroupingReader {
  /** The messages of these threads with their patch facts. */
  threadMessages(threadIds: readonly string[]): SeriesMessage[];
  /** Kept thread roots by message key, with their threads now. */
  roots(keys: readonly string[]): LocatedRootRow[];
  /** Kept thread roots of a sender dated from `from` to `to`. */
  rootsNear(sender: string, from: number, to: number): LocatedRootRow[];
  /** Stored postings with a message in these threads. */
  postingsInThreads(threadIds: readonly string[]): string[];
  /** The threads of these stored postings' messages. */
  memberThreads(postingIds: readonly string[]): string[];
}

/** Threads to group together, with their messages and the postings stored for them. */
export interface GroupingScope {
  /** Every thread of the scope. */
  threads: string[];
  /** Their messages. */
  messages: SeriesMessage[];
  /** Postings stored for them (to be replaced by what grouping `messages` gives). */
  postings: string[];
}

/** The sender of a message as group-postings.ts compares senders. */
export function senderOf(from: { email: string }): string {
  return from.email.toLowerCase();
}

/** The dated thread roots among `messages` that mail sent without threading may join, as kept. */
export function unthreadedRoots(messages: readonly SeriesMessage[]): SeriesRootRow[] {
  return messages.filter((m) => m.parent === null && m.date !== null && UNTHREADED_KINDS.includes(m.meta.kind)).map((m) => rootRow(m.key, m.from.email, m.date!));
}

/** A root as kept. */
export function rootRow(key: string, email: string, date: number): SeriesRootRow {
  return { key, sender: senderOf({ email }), date };
}

/** The grouping scope of the threads `seeds`; threads in `exclude` (already grouped in a scope of
 *  their own) are never part of it. */
export function groupingScope(seeds: Iterable<string>, reader: GroupingReader, exclude: ReadonlySet<string> = new Set()): GroupingScope {
  const postings = new Set<string>();
  const messages: SeriesMessage[] = [];
  const threads = reachFrom(seeds, exclude, (frontier, join) => {
    const loaded = reader.threadMessages(frontier);
    messages.push(...loaded);
    // Roots as they are now and as they were kept before: chains of both.
    const roots: SeriesRootRow[] = [...unthreadedRoots(loaded), ...reader.roots(loaded.map((m) => m.key))];
    const asked = new Set<string>();
    for (const r of roots) {
      if (asked.has(`${r.sender}\0${r.date}`)) continue;
      asked.add(`${r.sender}\0${r.date}`);
      for (const near of reader.rootsNear(r.sender, r.date - UNTHREADED_WINDOW_MS, r.date + UNTHREADED_WINDOW_MS)) join(near.threadId);
    }
    const stored = reader.postingsInThreads(frontier).filter((p) => !postings.has(p));
    for (const p of stored) postings.add(p);
    if (stored.length) for (const t of reader.memberThreads(stored)) join(t);
  });
  return { threads: [...threads], messages, postings: [...postings] };
}
