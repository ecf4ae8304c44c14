// One summary per thread for listings: its root, its subject (the first message's in display
// order), how many messages and shown ghosts it holds, its first and last dates, and per list the
// date of its newest message there. Pure: nodes and message facts in, summaries out.
import type { ThreadFact, ThreadSummary } from '../store/store-rows.ts';
import type { ThreadNode } from '../types.ts';

export function summarizeThreads(nodes: readonly ThreadNode[], facts: ReadonlyMap<string, ThreadFact>): ThreadSummary[] {
  type Acc = ThreadSummary & { subjectSet: boolean; byList: Map<string, number | null> };
  const out = new Map<string, Acc>();
  const sorted = [...nodes].sort((a, b) => (a.threadId < b.threadId ? -1 : a.threadId > b.threadId ? 1 : a.order - b.order));
  for (const n of sorted) {
    let s = out.get(n.threadId);
    if (!s) {
      s = { id: n.threadId, root: '', subject: '', author: '', messages: 0, ghosts: 0, first: null, last: null, lists: [], subjectSet: false, byList: new Map() };
      out.set(n.threadId, s);
    }
    if (n.order === 0) s.root = n.id;
    if (n.ghost) {
      if (n.shown) s.ghosts++;
      continue;
    }
    const m = facts.get(n.id);
    if (!m) throw new Error(`BUG: thread node ${n.id} is not a stored message`);
    s.messages++;
    if (!s.subjectSet) {
      s.subject = m.subject;
      s.author = m.author;
      s.subjectSet = true;
    }
    if (m.date !== null) {
      s.first = s.first === null ? m.date : Math.min(s.first, m.date);
      s.last = s.last === null ? m.date : Math.max(s.last, m.date);
    }
    for (const list of m.lists) {
      const prev = s.byList.get(list);
      s.byList.set(list, m.date === null ? (prev ?? null) : Math.max(prev ?? m.date, m.date));
    }
  }
  return [...out.values()].map(({ subjectSet: _s, byList, ...s }) => ({ ...s, lists: [...byList].map(([list, last]) => ({ list, last })) }));
}
