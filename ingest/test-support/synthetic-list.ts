// Test and benchmark helper: a synthetic mailing list for the series stage, as messages with their
// patch facts, stored through the store port without raw mail (so `reindex` would empty it).
// Authors post lineages (a few authors most of them, as on real lists: thousands of postings
// each at a million messages) of postings revised over weeks: cover letters and patches, the same
// or a changed title, patches unchanged or changed, RFCs, RESENDs, b4 change-ids, links to the
// previous version, a revision sent in reply to the previous one, patches sent without threading;
// replies (some to replies) with review trailers. Messages come in date order, from a seeded
// generator, so the next n messages of a list are a realistic increment: new revisions of active
// lineages, reviews of recent postings. Bodies are a line each. `nextRevision` continues a stored
// posting's lineage, for increments of any store.
import { threadPending } from '../derive/derive-threads.ts';
import type { MessageRecord, Store } from '../store/store-port.ts';
import type { FoundTrailer, PatchMeta, Posting, SubjectTags } from '../types.ts';

const DAY = 86_400_000;
const START = Date.UTC(2021, 0, 4);
const SUBSYSTEMS = ['mm', 'net', 'fs', 'drm', 'cxl', 'nvdimm', 'dax', 'x86', 'arm64', 'block', 'scsi', 'usb', 'iommu', 'kvm', 'sched', 'bpf', 'xfs', 'ext4', 'btrfs', 'pci'];
const WORDS =
  'add remove fix refactor convert drop introduce support handle avoid clean rework split merge move rename enable disable allow prevent check validate track count free alloc map unmap lock unlock flush sync init probe reset suspend resume page folio pte pmd pud refcount devmap pgmap zone memory device driver region decoder port bridge switch queue request buffer cache table entry range offset size limit timeout error warning leak race deadlock overflow underflow'.split(
    ' ',
  );

/** A deterministic pseudo-random source (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One message to store. */
export interface Synthetic {
  date: number;
  record: MessageRecord;
  meta: PatchMeta;
}

/** Messages waiting for their date, a binary heap by date. */
class ByDate {
  private readonly items: Synthetic[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Synthetic | undefined {
    return this.items[0];
  }
  push(x: Synthetic): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p]!.date <= a[i]!.date) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): Synthetic {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.date < a[m]!.date) m = l;
        if (r < a.length && a[r]!.date < a[m]!.date) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

interface Author {
  name: string;
  email: string;
  b4: boolean;
  subsystem: string;
}

/** The synthetic list of about `messagesPerDay` messages a day: an endless stream, in date order. */
export function* syntheticList(opts: { seed?: number; messagesPerDay?: number } = {}): Generator<Synthetic> {
  const rnd = random(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const perDay = opts.messagesPerDay ?? 600;
  // About 8 messages a posting, 1.9 postings a lineage.
  const lineageGap = DAY / (perDay / 15);
  const authors: Author[] = [];
  const authorOf = (): Author => {
    // Skewed: the first authors post most lineages; new authors keep arriving.
    const i = Math.floor(Math.min(authors.length + 1, 50 + authors.length / 8) * rnd() ** 3);
    if (i >= authors.length) {
      const n = authors.length;
      authors.push({ name: `Dev ${n} Hacker`, email: `dev${n}@kernel.example`, b4: rnd() < 0.25, subsystem: pick(SUBSYSTEMS) });
    }
    return authors[Math.min(i, authors.length - 1)]!;
  };
  const title = (a: Author): string => `${rnd() < 0.8 ? a.subsystem : pick(SUBSYSTEMS)}: ${Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => pick(WORDS)).join(' ')}`;
  const heap = new ByDate();
  let lineage = 0;
  let nextStart = START;
  let serial = 0;
  for (;;) {
    while (heap.size === 0 || heap.peek()!.date >= nextStart) {
      for (const m of lineageMessages(lineage++, nextStart, authorOf(), title, rnd, pick, authors, () => serial++)) heap.push(m);
      nextStart += lineageGap * (0.5 + rnd());
    }
    yield heap.pop();
  }
}

function tagsOf(p: { title: string; version: number; rfc: boolean; resend: boolean; index: number | null; total: number | null; reply: boolean }): SubjectTags {
  return {
    reply: p.reply,
    forward: false,
    patch: true,
    rfc: p.rfc,
    resend: p.resend,
    bundle: false,
    kind: '',
    version: p.version > 1 ? String(p.version) : null,
    index: p.index,
    total: p.total,
    prefixes: [],
    title: p.title,
  };
}

function subjectOf(t: SubjectTags): string {
  const words = [t.rfc ? 'RFC' : '', t.resend ? 'RESEND' : '', 'PATCH', t.version ? `v${t.version}` : '', t.index !== null && t.total !== null ? `${t.index}/${t.total}` : '']
    .filter((w) => w)
    .join(' ');
  return `${t.reply ? 'Re: ' : ''}[${words}] ${t.title}`;
}

function meta(kind: PatchMeta['kind'], tags: SubjectTags, extra: Partial<PatchMeta> = {}): PatchMeta {
  return {
    kind,
    tags,
    hasDiff: kind === 'patch',
    hasDiffstat: kind === 'patch' || kind === 'cover',
    diff: null,
    baseCommit: null,
    changeId: null,
    prerequisites: [],
    trailers: [],
    links: [],
    versionLinks: [],
    changelogFrom: [],
    pullRequest: null,
    ...extra,
  };
}

function record(id: string, from: Author, date: number, subject: string, inReplyTo: string | null, references: string[]): MessageRecord {
  const author = `${from.name} <${from.email}>`;
  const body = `${subject}\n`;
  return {
    key: id,
    messageId: id,
    contentHash: id,
    syntheticId: false,
    author,
    subject,
    from: { name: from.name, email: from.email },
    to: [],
    cc: [],
    date,
    dateSource: 'date',
    dateHeader: new Date(date).toUTCString(),
    inReplyTo: inReplyTo ?? '',
    references,
    listIds: [],
    body,
    parts: [{ kind: 'text', filename: '', contentType: 'text/plain', start: 0, end: body.length }],
    fields: { s: subject, f: author, t: '', c: '', m: id, n: '', nq: body, q: '', dfn: '', dfa: '', dfb: '', dfhh: '', dfctx: '' },
    recovered: null,
    rebuiltBy: null,
  };
}

/** Every message of one lineage: its postings and their replies. */
function lineageMessages(
  n: number,
  start: number,
  author: Author,
  title: (a: Author) => string,
  rnd: () => number,
  pick: <T>(xs: readonly T[]) => T,
  authors: readonly Author[],
  serial: () => number,
): Synthetic[] {
  const out: Synthetic[] = [];
  const versions = rnd() < 0.5 ? 1 : 2 + Math.floor(rnd() * 5);
  let name = title(author);
  let patches = Array.from({ length: rnd() < 0.4 ? 1 : 2 + Math.floor(rnd() * 10) }, (_, i) => ({ title: `${name.split(':')[0]}: ${pick(WORDS)} ${pick(WORDS)} ${i}`, fp: `${n}.${i}.0` }));
  const changeId = author.b4 ? `2021-lineage-${n}` : null;
  const rfcFirst = rnd() < 0.1;
  let date = start;
  let previousCover: string | null = null;
  const trailer = (who: Author, name: string): FoundTrailer => ({ name, value: `${who.name} <${who.email}>`, person: who.name, email: who.email });
  for (let v = 1; v <= versions; v++) {
    if (v > 1) {
      date += (3 + rnd() * 20) * DAY;
      if (rnd() < 0.1) name = `${name.split(' ').slice(0, 3).join(' ')} ${pick(WORDS)} ${pick(WORDS)}`;
      patches = patches.map((p, i) => (rnd() < 0.5 ? { ...p, fp: `${n}.${i}.${v}` } : p));
      if (rnd() < 0.2) patches.push({ title: `${name.split(':')[0]}: ${pick(WORDS)} ${pick(WORDS)} ${patches.length}`, fp: `${n}.${patches.length}.${v}` });
    }
    const sends = rnd() < 0.05 ? 2 : 1;
    for (let s = 0; s < sends; s++) {
      const resend = s > 0;
      const at = date + s * 3 * DAY;
      const rfc = rfcFirst && v === 1;
      const total = patches.length > 1 ? patches.length : null;
      const unthreaded = total !== null && rnd() < 0.03;
      const base = `l${n}.v${v}${resend ? 'r' : ''}.${serial()}@synthetic.example`;
      const cover = total !== null && !unthreaded ? base : null;
      const members: string[] = [];
      const inReplyTo = v > 1 && previousCover && rnd() < 0.1 ? previousCover : null;
      if (cover) {
        const tags = tagsOf({ title: name, version: v, rfc, resend, index: 0, total, reply: false });
        const links = previousCover && rnd() < 0.3 ? [previousCover] : [];
        const m = meta('cover', tags, { changeId, links, versionLinks: links, changelogFrom: v > 1 && rnd() < 0.6 ? [v - 1] : [] });
        out.push({ date: at, record: record(cover, author, at, subjectOf(tags), inReplyTo, inReplyTo ? [inReplyTo] : []), meta: m });
        members.push(cover);
      }
      patches.forEach((p, i) => {
        const id = total === null ? base : `${base}.${i + 1}`;
        const tags = tagsOf({ title: total === null ? name : p.title, version: v, rfc, resend, index: total === null ? null : i + 1, total, reply: false });
        const parent = unthreaded || total === null ? (total === null ? inReplyTo : null) : cover;
        const m = meta('patch', tags, {
          diff: { files: [{ path: `${name.split(':')[0]}/f${i}.c`, oldPath: null, status: 'modified', insertions: 1, deletions: 0, binary: false }], insertions: 1, deletions: 0, hunks: [], fingerprint: p.fp },
          changeId: total === null ? changeId : null,
          trailers: [trailer(author, 'Signed-off-by')],
        });
        const t = at + (i + 1) * 1000;
        out.push({ date: t, record: record(id, author, t, subjectOf(tags), parent, parent ? [parent] : []), meta: m });
        members.push(id);
      });
      // Replies: reviews of members, some answered.
      const replies = Math.floor(rnd() * 7);
      const thread: Array<{ id: string; refs: string[]; subject: string }> = members.map((id) => ({ id, refs: [], subject: name }));
      for (let r = 0; r < replies; r++) {
        const to = rnd() < 0.3 && thread.length > members.length ? thread[members.length + Math.floor(rnd() * (thread.length - members.length))]! : thread[Math.floor(rnd() * members.length)]!;
        const who = rnd() < 0.3 ? author : authors[Math.floor(rnd() * authors.length)]!;
        const id = `${base}.re${r}`;
        const refs = [...to.refs, to.id];
        const reviewed = who !== author && rnd() < 0.4;
        const tags = tagsOf({ title: to.subject, version: v, rfc, resend, index: null, total: null, reply: true });
        const t = at + (1 + rnd() * 10) * DAY * (r + 1) * 0.3;
        out.push({ date: t, record: record(id, who, t, subjectOf(tags), to.id, refs), meta: meta('reply', tags, { hasDiff: false, hasDiffstat: false, trailers: reviewed ? [trailer(who, rnd() < 0.7 ? 'Reviewed-by' : 'Acked-by')] : [] }) });
        thread.push({ id, refs, subject: to.subject });
      }
      previousCover = cover ?? `${base}${total === null ? '' : '.1'}`;
    }
  }
  return out;
}

/** Store the next `count` messages of `list` (threading them as the import does, a batch at a
 *  time). Returns how many were stored. */
export function storeSynthetic(store: Store, list: Iterator<Synthetic>, count: number, batch = 5000): number {
  let stored = 0;
  while (stored < count) {
    const n = Math.min(batch, count - stored);
    const messages: Synthetic[] = [];
    for (let i = 0; i < n; i++) messages.push(list.next().value as Synthetic);
    storeMessages(store, messages);
    stored += n;
  }
  return stored;
}

/** Store messages as one import batch, then thread them. */
export function storeMessages(store: Store, messages: readonly Synthetic[]): void {
  store.transaction(() => {
    for (const m of messages) {
      const id = store.mail.insertMessage(m.record);
      store.mail.addPatchMeta(id, m.meta);
    }
    store.derived.bumpGeneration();
  });
  threadPending(store);
}

/** The next revision of a stored posting, sent at `at` by its author (its cover letter, when it
 *  has one, says what changed; every other patch is changed), with a review of the posting's
 *  first patch and of the new one's: new mail continuing a lineage and its old thread. `tag`
 *  makes the Message-IDs unique. Nothing for a posting without patches. */
export function nextRevision(p: Posting, at: number, tag: string): Synthetic[] {
  // A cover letter without patches (its patches replied elsewhere) has nothing to revise.
  if (p.patches.length === 0) return [];
  const author: Author = { name: p.author.name, email: p.author.email, b4: p.changeId !== null, subsystem: '' };
  const reviewer: Author = { name: 'Rita Reviewer', email: 'rita@reviewers.example', b4: false, subsystem: '' };
  const v = Math.trunc(Number(p.version ?? '1')) + 1;
  const total = p.patches.length > 1 ? p.patches.length : null;
  const base = `next.${tag}@synthetic.example`;
  const out: Synthetic[] = [];
  const cover = total !== null ? base : null;
  if (cover) {
    const tags = tagsOf({ title: p.title, version: v, rfc: false, resend: false, index: 0, total, reply: false });
    out.push({ date: at, record: record(cover, author, at, subjectOf(tags), null, []), meta: meta('cover', tags, { changeId: p.changeId, changelogFrom: [v - 1] }) });
  }
  p.patches.forEach((x, i) => {
    const id = total === null ? base : `${base}.${i + 1}`;
    const tags = tagsOf({ title: total === null ? p.title : x.title, version: v, rfc: false, resend: false, index: total === null ? null : i + 1, total, reply: false });
    const fingerprint = i % 2 === 0 ? x.fingerprint : `${x.fingerprint}.${tag}`;
    const t = at + (i + 1) * 1000;
    out.push({
      date: t,
      record: record(id, author, t, subjectOf(tags), cover, cover ? [cover] : []),
      meta: meta('patch', tags, {
        diff: { files: [{ path: 'f.c', oldPath: null, status: 'modified', insertions: 1, deletions: 0, binary: false }], insertions: 1, deletions: 0, hunks: [], fingerprint },
        changeId: total === null ? p.changeId : null,
        trailers: [{ name: 'Signed-off-by', value: `${author.name} <${author.email}>`, person: author.name, email: author.email }],
      }),
    });
  });
  const review = (id: string, to: string, refs: string[], title: string, t: number): Synthetic => {
    const tags = tagsOf({ title, version: v, rfc: false, resend: false, index: null, total: null, reply: true });
    const trailers = [{ name: 'Reviewed-by', value: `${reviewer.name} <${reviewer.email}>`, person: reviewer.name, email: reviewer.email }];
    return { date: t, record: record(id, reviewer, t, subjectOf(tags), to, [...refs, to]), meta: meta('reply', tags, { hasDiff: false, hasDiffstat: false, trailers }) };
  };
  const old = p.patches[0];
  if (old) out.push(review(`${base}.review-old`, old.key, p.coverKey ? [p.coverKey] : [], old.title, at + DAY));
  const first = out.find((m) => m.meta.kind === 'patch')!;
  out.push(review(`${base}.review`, first.record.key, cover ? [cover] : [], first.meta.tags.title, at + DAY));
  return out;
}
