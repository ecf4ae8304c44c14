// What to read again after a run of Patchwork events, and in which requests. An event names a
// patch, a cover letter or a series; a maintainer deciding on a series makes one event per patch
// (state, delegate), so patches that look like siblings (same subject tags and count, ids close
// together) are read with one request for their series' patch list once the first of them has
// told which series it is; a lone patch is read by its Message-ID (API 1.2 and later: a list
// item, without content and diff) or by id. Pure: the sync (sync-patchwork-fs.ts) asks for the
// next step, does it, and settles what it read.
import type { Diagnostic, PatchworkEvent, PatchworkWork } from '../types.ts';
import { noWork } from './plan-patchwork-sync.ts';

/** Events that change what patchlore keeps of a patch: its state, delegate, relations, series,
 *  or its existence. */
const PATCH_EVENTS = new Set(['patch-created', 'patch-completed', 'patch-state-changed', 'patch-delegated', 'patch-relation-changed']);
/** Events about mail patchlore reads from the list itself: nothing to read from Patchwork. */
const MAIL_EVENTS = new Set(['patch-comment-created', 'cover-comment-created']);
/** Reading a first patch and then its series' patch list costs two requests: worth it from
 *  three siblings on (two would cost the same read one by one). */
export const SERIES_READ_MIN_PATCHES = 3;

/** The work events name, skipping what predates `since` (YYYY-MM-DD). */
export function workFromEvents(events: readonly PatchworkEvent[], since: string | null, url: string): { work: PatchworkWork; problems: Diagnostic[]; skippedBeforeSince: number } {
  const work = noWork();
  const sinceMs = since ? Date.parse(`${since}T00:00:00Z`) : null;
  const unknown = new Map<string, number>();
  let skippedBeforeSince = 0;
  const early = (date: number | null): boolean => sinceMs !== null && date !== null && date < sinceMs;
  for (const e of events) {
    if (MAIL_EVENTS.has(e.category)) continue;
    if (PATCH_EVENTS.has(e.category) || e.category === 'check-created') {
      if (!e.patch) continue;
      if (early(e.patch.date)) {
        skippedBeforeSince++;
        continue;
      }
      addPatch(work, e.patch);
      if (e.category === 'check-created') addId(work.checks, e.patch.id);
      // A patch completed with its series names the series too.
      if (e.series) addId(work.series, e.series.id);
    } else if (e.category === 'cover-created') {
      if (!e.cover) continue;
      if (early(e.cover.date)) {
        skippedBeforeSince++;
        continue;
      }
      if (!work.covers.some((c) => c.id === e.cover!.id)) work.covers.push({ id: e.cover.id, messageId: e.cover.messageId });
    } else if (e.category === 'series-created' || e.category === 'series-completed') {
      if (!e.series) continue;
      if (early(e.series.date)) {
        skippedBeforeSince++;
        continue;
      }
      addId(work.series, e.series.id);
    } else unknown.set(e.category, (unknown.get(e.category) ?? 0) + 1);
  }
  const problems: Diagnostic[] = unknown.size
    ? [
        {
          code: 'patchwork/unknown-event',
          message: `skipped events of categories patchlore does not know: ${[...unknown].map(([c, n]) => `${c} (${n})`).join(', ')}`,
          source: url,
          hint: 'a newer Patchwork may log more kinds of change; the patches they concern are read at the next full read',
          severity: 'warning',
        },
      ]
    : [];
  return { work, problems, skippedBeforeSince };
}

function addId(list: number[], id: number): void {
  if (!list.includes(id)) list.push(id);
}

function addPatch(work: PatchworkWork, p: { id: number; messageId: string; name: string }): void {
  if (!work.patches.some((x) => x.id === p.id)) work.patches.push({ id: p.id, messageId: p.messageId, name: p.name });
}

/** `a` and `b` together, each item once, `a`'s first. */
export function mergeWork(a: PatchworkWork, b: PatchworkWork): PatchworkWork {
  const out: PatchworkWork = { patches: [...a.patches], checks: [...a.checks], covers: [...a.covers], series: [...a.series] };
  for (const p of b.patches) addPatch(out, p);
  for (const c of b.checks) addId(out.checks, c);
  for (const c of b.covers) if (!out.covers.some((x) => x.id === c.id)) out.covers.push(c);
  for (const s of b.series) addId(out.series, s);
  return out;
}

/** Whether there is nothing left to do. */
export function workDone(w: PatchworkWork): boolean {
  return !w.patches.length && !w.checks.length && !w.covers.length && !w.series.length;
}

/** What was done (or found gone): removed from the work. */
export interface Settled {
  patches?: Iterable<number>;
  checks?: Iterable<number>;
  covers?: Iterable<number>;
  series?: Iterable<number>;
}

export function settleWork(w: PatchworkWork, s: Settled): PatchworkWork {
  const drop = (it: Iterable<number> | undefined) => new Set(it ?? []);
  const [p, c, v, r] = [drop(s.patches), drop(s.checks), drop(s.covers), drop(s.series)];
  return {
    patches: w.patches.filter((x) => !p.has(x.id)),
    checks: w.checks.filter((x) => !c.has(x)),
    covers: w.covers.filter((x) => !v.has(x.id)),
    series: w.series.filter((x) => !r.has(x)),
  };
}

/** The next read. */
export type Reread =
  /** A series (its detail, then its patch list). */
  | { kind: 'series'; id: number }
  /** One patch; with `thenSeries`, afterwards the patch list of its series (siblings named). */
  | { kind: 'patch'; id: number; messageId: string; thenSeries: boolean }
  | { kind: 'cover'; id: number; messageId: string }
  /** The checks of a patch (read after the patches). */
  | { kind: 'checks'; patchId: number };

/** "[v9,03/20] title" -> "v9,*\/20": patches of one series share it. null without "k/N". */
function siblingKey(name: string): { key: string; total: number } | null {
  const m = /^\[([^\]]*)\]/.exec(name.trim());
  if (!m) return null;
  const parts = m[1]!.split(',').map((x) => x.trim());
  const k = parts.findIndex((x) => /^\d+\/\d+$/.test(x));
  if (k < 0) return null;
  const total = Number(parts[k]!.split('/')[1]);
  return { key: [...parts.slice(0, k), `*/${total}`, ...parts.slice(k + 1)].join(','), total };
}

/** Patches of `work` that look like siblings of `first` (same tags and count, ids within the
 *  count of each other): `first` included. */
export function siblings(work: PatchworkWork, first: { id: number; name: string }): number[] {
  const sk = siblingKey(first.name);
  if (!sk) return [first.id];
  return work.patches.filter((p) => p.id === first.id || (Math.abs(p.id - first.id) < sk.total && siblingKey(p.name)?.key === sk.key)).map((p) => p.id);
}

/** The next step of `work`: series first (they bring their patches), then patches (a group of
 *  siblings through its series), cover letters, and last the checks of patches already read. */
export function nextReread(work: PatchworkWork): Reread | null {
  if (work.series.length) return { kind: 'series', id: work.series[0]! };
  if (work.patches.length) {
    const sorted = [...work.patches].sort((a, b) => a.id - b.id);
    const first = sorted[0]!;
    return { kind: 'patch', id: first.id, messageId: first.messageId, thenSeries: siblings(work, first).length >= SERIES_READ_MIN_PATCHES };
  }
  if (work.covers.length) return { kind: 'cover', ...work.covers[0]! };
  if (work.checks.length) return { kind: 'checks', patchId: work.checks[0]! };
  return null;
}
