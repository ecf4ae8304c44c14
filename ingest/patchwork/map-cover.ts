// One cover letter of Patchwork's API (/api/1.3/covers/ item or detail) to a PatchworkCover.
// Pure; covers have no state in Patchwork, only their series.
import type { Diagnostic, PatchworkCover } from '../types.ts';
import { mapOrigin, type ReadContext } from './map-origin.ts';
import { mapSeriesRefs } from './map-series-ref.ts';
import { PatchworkFields } from './patchwork-fields.ts';

/** A cover letter, or null (with a problem) when it has no usable id or Message-ID. */
export function mapCover(json: unknown, ctx: ReadContext, problems: Diagnostic[]): PatchworkCover | null {
  const f = PatchworkFields.of(json, 'cover', ctx.url, problems);
  if (!f) return null;
  const id = f.id('id');
  if (id >= 0) f.what = `cover ${id}`;
  const messageId = f.messageId('msgid');
  if (f.unusable) return null;
  return {
    kind: 'cover',
    messageId,
    name: f.string('name'),
    date: f.date('date'),
    series: mapSeriesRefs(f, ctx.url, problems),
    submitter: f.person('submitter'),
    listArchiveUrl: f.optionalString('list_archive_url'),
    origin: mapOrigin(f, id, ctx),
  };
}
