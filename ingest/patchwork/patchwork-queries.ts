// Questions about Patchwork's word on stored mail, answered from the store's Patchwork records:
// what it says of each patch (state, delegate, archived, checks, commit), of each revision of a
// lineage ("18 of 20 accepted"), and of the patches and cover letters of a thread. Shapes rows
// into read models (ingest/read-models.ts) for `series` and the pages; decides nothing new: the
// summaries are patchwork-outcome.ts's.
import type { PatchworkStatus, PatchworkSummary, SeriesRevision } from '../read-models.ts';
import { decisiveState, summarizePatchwork } from '../series/patchwork-outcome.ts';
import type { PatchworkPatchRow, Store } from '../store/store-port.ts';

/** A stored record as the pages and `series --json` show it. */
function statusOf(row: PatchworkPatchRow, others: readonly PatchworkPatchRow[]): PatchworkStatus {
  const p = row.patch;
  const checks = p.checks?.length
    ? {
        state: p.checkState,
        counts: p.checks.reduce<Record<string, number>>((n, c) => ({ ...n, [c.state]: (n[c.state] ?? 0) + 1 }), {}),
        list: p.checks.map((c) => ({ context: c.context, state: c.state, description: c.description, url: c.url })),
      }
    : null;
  return {
    state: p.state.slug,
    stateName: p.state.name,
    delegate: p.delegate ? p.delegate.name || p.delegate.username : null,
    archived: p.archived,
    checks,
    commitRef: p.commitRef,
    commitUrl: p.commitRef && row.commitUrlFormat.includes('{}') ? row.commitUrlFormat.replace('{}', encodeURIComponent(p.commitRef)) : null,
    url: p.origin.webUrl,
    server: p.origin.server,
    project: row.project,
    since: new Date(row.stateSince).toISOString(),
    elsewhere: others.filter((o) => o !== row).map((o) => ({ server: o.patch.origin.server, project: o.project, state: o.patch.state.slug, url: o.patch.origin.webUrl })),
  };
}

/** What Patchwork says of each of these patches (by Message-ID), for those it tracks. */
export function patchworkOfPatches(store: Store, messageIds: readonly string[]): Map<string, PatchworkStatus> {
  const byMessage = new Map<string, PatchworkPatchRow[]>();
  for (const r of store.patchwork.patchesOf(messageIds)) byMessage.set(r.patch.messageId, [...(byMessage.get(r.patch.messageId) ?? []), r]);
  const out = new Map<string, PatchworkStatus>();
  for (const [mid, rows] of byMessage) {
    const lead = decisiveState(rows.map((r) => r.patch.state.slug));
    out.set(mid, statusOf(rows.find((r) => r.patch.state.slug === lead)!, rows));
  }
  return out;
}

/** Each revision's patches with what Patchwork says of them, and each revision's summary (null
 *  when Patchwork tracks none of its patches). */
export function revisionsWithPatchwork(store: Store, revisions: SeriesRevision[]): SeriesRevision[] {
  const known = patchworkOfPatches(
    store,
    revisions.flatMap((r) => r.patches.map((p) => p.messageId)),
  );
  return revisions.map((r) => {
    const patches = r.patches.map((p) => ({ ...p, patchwork: known.get(p.messageId) ?? null }));
    return { ...r, patches, patchwork: summarizePatchwork(patches.map((p) => p.patchwork?.state ?? null)) };
  });
}

/** The summary of the revision `posting` among `revisions` (revisionsWithPatchwork's), null when none. */
export function revisionPatchwork(revisions: readonly SeriesRevision[], posting: string): PatchworkSummary | null {
  return revisions.find((r) => r.postingId === posting)?.patchwork ?? null;
}

/** Every posting Patchwork tracks a patch of, with the summary of its patches (series tables). */
export function postingsPatchwork(store: Store): Map<string, PatchworkSummary> {
  const members = new Map<string, string[]>();
  for (const p of store.series.patchPostings()) members.set(p.posting, [...(members.get(p.posting) ?? []), p.key]);
  const known = patchworkOfPatches(store, [...members.values()].flat());
  const out = new Map<string, PatchworkSummary>();
  for (const [posting, keys] of members) {
    const summary = summarizePatchwork(keys.map((k) => known.get(k)?.state ?? null));
    if (summary) out.set(posting, summary);
  }
  return out;
}

/** What Patchwork says of a thread's messages: each patch's record, and for each cover letter of a
 *  posting the thread starts, the summary of its patches. */
export function threadPatchwork(store: Store, threadId: string, keys: readonly string[]): { patches: Map<string, PatchworkStatus>; covers: Map<string, PatchworkSummary> } {
  const patches = patchworkOfPatches(store, keys);
  const covers = new Map<string, PatchworkSummary>();
  for (const posting of store.series.postingsInThread(threadId)) {
    const cover = store.series.neighbours(posting).find((n) => n.postingId === posting)?.coverKey;
    if (!cover) continue;
    const members = store.series.patches(posting).map((p) => p.key);
    const known = patchworkOfPatches(store, members.filter((k) => !patches.has(k)));
    const summary = summarizePatchwork(members.map((k) => (patches.get(k) ?? known.get(k))?.state ?? null));
    if (summary) covers.set(cover, summary);
  }
  return { patches, covers };
}
