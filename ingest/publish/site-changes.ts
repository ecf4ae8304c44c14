// What changed in the store since the site was last built, in the terms pages read by
// (src/lib/site-reads.ts): threads whose messages, places, keys or lists changed; threads whose
// citations changed (a link from or to a changed thread); lineages whose postings changed or whose
// threads did, or all of them when the commits read or Patchwork's states changed. Reads the store through the port; decides nothing about pages (plan-build.ts does).
import { createHash } from 'node:crypto';
import type { MessageIndexRow, Store } from '../store/store-port.ts';

/** How every thread and lineage stands now. */
export interface SiteVersions {
  /** Thread id -> digest. */
  threads: Map<string, string>;
  /** Lineage (family) -> digest of its postings, and the threads holding them. */
  families: Map<string, string>;
  familyThreads: Map<string, string[]>;
}

/** What changed, by thread and lineage ids; `series`: anything about lineages at all. */
export interface SiteChanges {
  threads: Set<string>;
  citations: Set<string>;
  families: Set<string>;
  series: boolean;
}

const digest = (value: unknown): string => createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 16);

/** What pages show from outside the mail: the commits patches became (the repositories' heads as
 *  last read: links change with them, or with the mail, which changes the threads and lineages
 *  concerned) and Patchwork's states (the stamp of the records synced). */
export function outsideVersion(store: Store): [string, string] {
  return [store.derived.stamp('commits')?.external ?? '', store.patchwork.stamp()];
}

export function siteVersions(store: Store): SiteVersions {
  const threads = new Map<string, string>();
  for (const r of store.threads.versions()) threads.set(r.id, digest(r));
  const rows = new Map<string, unknown[]>();
  const familyThreads = new Map<string, string[]>();
  for (const r of store.series.postingFamilies()) {
    const { family, ...rest } = r;
    let list = rows.get(family);
    if (!list) {
      rows.set(family, (list = []));
      familyThreads.set(family, []);
    }
    list.push(rest);
    const ts = familyThreads.get(family)!;
    if (!ts.includes(r.thread)) ts.push(r.thread);
  }
  // When what came from outside the mail changed, every lineage may stand otherwise.
  const outside = outsideVersion(store);
  const families = new Map<string, string>();
  for (const [f, list] of rows) families.set(f, digest([list, outside]));
  return { threads, families, familyThreads };
}

/** The changes between the versions a site was built from and now. `added`: messages stored
 *  since (a Message-ID reused by one of them re-keys the other variants, whose threads then
 *  show other anchors). */
export function siteChanges(store: Store, before: { threads: Record<string, string>; families: Record<string, string> }, now: SiteVersions, added: readonly MessageIndexRow[]): SiteChanges {
  const threads = new Set<string>();
  for (const [id, d] of now.threads) if (before.threads[id] !== d) threads.add(id);
  for (const id of Object.keys(before.threads)) if (!now.threads.has(id)) threads.add(id);
  for (const m of added) {
    for (const v of store.mail.variantsOf(m.messageId)) {
      const t = store.threads.threadOfNode(v.key);
      if (t) threads.add(t);
    }
  }
  // Citations name the other thread (its title, its page): a changed thread changes the
  // citations of every thread it cites or is cited by.
  const citations = new Set(threads);
  for (const t of threads) {
    if (!now.threads.has(t)) continue;
    const { cites, citedBy } = store.discussion.threadLinks(t);
    for (const l of cites) if (l.targetThread) citations.add(l.targetThread);
    for (const l of citedBy) citations.add(l.fromThread);
  }
  const families = new Set<string>();
  for (const [f, d] of now.families) {
    if (before.families[f] !== d || now.familyThreads.get(f)!.some((t) => threads.has(t) || citations.has(t))) families.add(f);
  }
  for (const f of Object.keys(before.families)) if (!now.families.has(f)) families.add(f);
  return { threads, citations, families, series: families.size > 0 };
}
