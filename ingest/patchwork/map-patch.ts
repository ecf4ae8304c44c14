// One patch of Patchwork's API (a list item of /api/1.3/patches/ or the detail /patches/N/) to a
// PatchworkPatch: Message-ID, state (slug and name), archived, delegate, commit ref, series,
// submitter, the combined check state, and where it was read. Checks come from their own
// endpoint (map-check.ts) and are added by the caller. Pure; it reads no content or diff: the
// mail itself comes from the list archive.
import type { Diagnostic, PatchworkPatch } from '../types.ts';
import { mapOrigin, type ReadContext } from './map-origin.ts';
import { mapSeriesRefs } from './map-series-ref.ts';
import { PatchworkFields } from './patchwork-fields.ts';
import { patchworkState } from './patchwork-state.ts';

/** A patch, or null (with a problem) when it has no usable id, Message-ID or state. */
export function mapPatch(json: unknown, ctx: ReadContext, problems: Diagnostic[]): PatchworkPatch | null {
  const f = PatchworkFields.of(json, 'patch', ctx.url, problems);
  if (!f) return null;
  const id = f.id('id');
  if (id >= 0) f.what = `patch ${id}`;
  const messageId = f.messageId('msgid');
  const state = f.requiredString('state');
  if (f.unusable) return null;
  return {
    kind: 'patch',
    messageId,
    name: f.string('name'),
    date: f.date('date'),
    state: patchworkState(state),
    archived: f.boolean('archived', false),
    delegate: f.user('delegate'),
    commitRef: f.optionalString('commit_ref'),
    pullUrl: f.optionalString('pull_url'),
    hash: f.optionalString('hash'),
    checkState: f.string('check') || 'pending',
    checks: null,
    series: mapSeriesRefs(f, ctx.url, problems),
    submitter: f.person('submitter'),
    // list_archive_url arrived with API 1.2
    listArchiveUrl: f.optionalString('list_archive_url'),
    origin: mapOrigin(f, id, ctx),
  };
}
