// One series of Patchwork's API (/api/1.3/series/ item or detail) to a PatchworkSeries: its
// version and counts, its cover letter's and patches' Message-IDs in patch order. Pure.
import type { Diagnostic, PatchworkSeries } from '../types.ts';
import { mapOrigin, type ReadContext } from './map-origin.ts';
import { PatchworkFields } from './patchwork-fields.ts';

/** A series, or null (with a problem) when it has no usable id. */
export function mapSeries(json: unknown, ctx: ReadContext, problems: Diagnostic[]): PatchworkSeries | null {
  const f = PatchworkFields.of(json, 'series', ctx.url, problems);
  if (!f) return null;
  const id = f.id('id');
  if (id >= 0) f.what = `series ${id}`;
  if (f.unusable) return null;
  const cover = f.object('cover_letter', 'cover letter');
  const coverMessageId = cover ? cover.messageId('msgid') || null : null;
  const patchMessageIds: string[] = [];
  for (const [i, p] of f.array('patches').entries()) {
    const pf = PatchworkFields.of(p, `series ${id}, patch entry ${i + 1}`, ctx.url, problems);
    const mid = pf?.messageId('msgid');
    if (mid) patchMessageIds.push(mid);
  }
  return {
    kind: 'series',
    // A series of patches without a cover letter may have no name yet.
    name: f.string('name'),
    version: f.int('version', 1),
    total: f.int('total', patchMessageIds.length),
    receivedTotal: f.int('received_total', patchMessageIds.length),
    receivedAll: f.boolean('received_all', false),
    date: f.date('date'),
    submitter: f.person('submitter'),
    coverMessageId,
    patchMessageIds,
    origin: mapOrigin(f, id, ctx),
  };
}
