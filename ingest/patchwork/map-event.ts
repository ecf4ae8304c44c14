// One entry of Patchwork's event log (/api/1.3/events/) to a PatchworkEvent: its id, category,
// date exactly as the server wrote it (handed back as the next `since`), and the patch, cover
// letter or series it names. Pure; what an event means for a sync is plan-rereads.ts's business.
import type { Diagnostic, PatchworkEvent } from '../types.ts';
import { PatchworkFields } from './patchwork-fields.ts';

/** An event, or null (with a problem) when it has no usable id, category or date. */
export function mapEvent(json: unknown, url: string, problems: Diagnostic[]): PatchworkEvent | null {
  const f = PatchworkFields.of(json, 'event', url, problems);
  if (!f) return null;
  const id = f.id('id');
  if (id >= 0) f.what = `event ${id}`;
  const category = f.requiredString('category');
  const date = f.requiredString('date');
  if (f.unusable) return null;
  const dateMs = f.date('date');
  // actor arrived with API 1.2; null for mail arriving.
  const actor = f.has('actor') ? (f.user('actor')?.username ?? null) : null;
  const p = f.object('payload', 'payload');
  if (!p) {
    problems.push({ code: 'patchwork/bad-shape', message: `event ${id} (${category}) has no payload: it names no patch, cover letter or series`, source: url, hint: 'the rest was read', severity: 'warning', expected: 'an object', found: 'nothing' });
    return { id, category, date, dateMs, actor, patch: null, cover: null, series: null, previousState: null, currentState: null };
  }
  const patchF = p.object('patch', 'patch');
  const coverF = p.object('cover', 'cover');
  const seriesF = p.object('series', 'series');
  let patch: PatchworkEvent['patch'] = null;
  if (patchF) {
    const pid = patchF.id('id');
    const mid = patchF.messageId('msgid');
    if (!patchF.unusable) patch = { id: pid, messageId: mid, name: patchF.string('name'), date: patchF.date('date') };
  }
  let cover: PatchworkEvent['cover'] = null;
  if (coverF) {
    const cid = coverF.id('id');
    const mid = coverF.messageId('msgid');
    if (!coverF.unusable) cover = { id: cid, messageId: mid, date: coverF.date('date') };
  }
  let series: PatchworkEvent['series'] = null;
  if (seriesF) {
    const sid = seriesF.id('id');
    if (!seriesF.unusable) series = { id: sid, date: seriesF.date('date') };
  }
  const slug = (name: string): string | null => {
    const v = p.raw(name);
    return typeof v === 'string' ? v : null;
  };
  return {
    id,
    category,
    date,
    dateMs,
    actor,
    patch,
    cover,
    series,
    previousState: slug('previous_state'),
    currentState: slug('current_state'),
  };
}
