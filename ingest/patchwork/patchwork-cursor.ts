// The cursor of a (server, project) after a run: the newest event taken into account, the ids
// of events within the overlap before it (the next run asks from a little earlier and skips
// these), and the work left undone. Events are read oldest first, so the events a run read are
// always all those up to the last one it read: advancing over them never skips one. Pure.
import type { PatchworkCursor, PatchworkEvent, PatchworkWork } from '../types.ts';
import { parsePatchworkDate } from './patchwork-fields.ts';
import { EVENT_OVERLAP_MS } from './plan-patchwork-sync.ts';

/** Events of `events` the cursor has not taken into account yet, oldest first. */
export function freshEvents(events: readonly PatchworkEvent[], cursor: PatchworkCursor | null): PatchworkEvent[] {
  const seen = new Set(cursor?.eventIds ?? []);
  const out = new Map<number, PatchworkEvent>();
  for (const e of events) if (!seen.has(e.id)) out.set(e.id, e);
  return [...out.values()].sort((a, b) => (a.dateMs ?? 0) - (b.dateMs ?? 0) || a.id - b.id);
}

/** The cursor after reading `events` on top of `base` (eventDate and eventIds as before), with
 *  `owed` left to do; `overlapMs` as the sync's (default EVENT_OVERLAP_MS). */
export function nextCursor(base: PatchworkCursor, events: readonly PatchworkEvent[], owed: PatchworkWork, overlapMs = EVENT_OVERLAP_MS): PatchworkCursor {
  // The newest event: by date (string order is date order for Patchwork's fixed format, but
  // compare as times where they parse), ties by id.
  type Known = { id: number; date: string; ms: number | null };
  const known: Known[] = base.eventIds.map((id) => ({ id, date: base.eventDate ?? '', ms: null }));
  for (const e of events) known.push({ id: e.id, date: e.date, ms: e.dateMs });
  let newest: string | null = base.eventDate;
  let newestMs = newest === null ? null : parsePatchworkDate(newest);
  for (const e of events) {
    const later = newest === null || (e.dateMs !== null && newestMs !== null ? e.dateMs > newestMs : e.date > newest);
    if (later) {
      newest = e.date;
      newestMs = e.dateMs;
    }
  }
  let ids: number[];
  if (newest === null) ids = [];
  else if (newestMs === null) ids = known.filter((k) => k.date === newest).map((k) => k.id);
  else {
    const from = newestMs - overlapMs;
    // Ids carried from the base cursor are dated within the overlap of its eventDate; keep them
    // while that date is within the overlap of the new one.
    const baseMs = base.eventDate === null ? null : parsePatchworkDate(base.eventDate);
    ids = known.filter((k) => (k.ms ?? (k.date === base.eventDate ? baseMs : null) ?? -Infinity) >= from).map((k) => k.id);
  }
  return { ...base, eventDate: newest, eventIds: [...new Set(ids)].sort((a, b) => a - b), owed };
}
