// The series a patch or cover letter names ("series": [{"id", "name", "version", ...}]). Pure.
import type { Diagnostic, PatchworkSeriesRef } from '../types.ts';
import { PatchworkFields } from './patchwork-fields.ts';

/** The series refs of a record's "series" field; a malformed entry is left out with a problem. */
export function mapSeriesRefs(f: PatchworkFields, url: string, problems: Diagnostic[]): PatchworkSeriesRef[] {
  const out: PatchworkSeriesRef[] = [];
  for (const [i, item] of f.array('series').entries()) {
    const s = PatchworkFields.of(item, `${f.what}, series entry ${i + 1}`, url, problems);
    if (!s) continue;
    const id = s.id('id');
    if (s.unusable) continue;
    out.push({ id, version: s.int('version', 1), name: s.string('name') });
  }
  return out;
}
