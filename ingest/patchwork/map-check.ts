// One check of a patch (GET /api/1.3/patches/N/checks/) to a PatchworkCheck, and the checks that
// count: Patchwork shows, per reporter and context, only the newest (Patch.checks in
// patchwork/models.py). Pure.
import type { Diagnostic, PatchworkCheck } from '../types.ts';
import { PatchworkFields } from './patchwork-fields.ts';

/** A check, or null (with a problem) when it cannot be read. */
export function mapCheck(json: unknown, url: string, problems: Diagnostic[]): PatchworkCheck | null {
  const f = PatchworkFields.of(json, 'check', url, problems);
  if (!f) return null;
  const context = f.requiredString('context');
  const state = f.requiredString('state');
  if (f.unusable) return null;
  return {
    context,
    state,
    url: f.optionalString('target_url'),
    description: f.string('description', false),
    date: f.date('date'),
    user: f.user('user')?.username ?? '',
  };
}

/** The newest check per (reporter, context), ordered by context then reporter: what Patchwork's
 *  patch page and its combined check state count. Older results of the same context by the
 *  same reporter are history, replaced as they are on Patchwork. */
export function currentChecks(checks: readonly PatchworkCheck[]): PatchworkCheck[] {
  const newest = new Map<string, PatchworkCheck>();
  for (const c of checks) {
    const key = `${c.user}\0${c.context}`;
    const had = newest.get(key);
    // Same date or no date: the later one in the server's order (by id) wins, as on Patchwork.
    if (!had || (c.date ?? -Infinity) >= (had.date ?? -Infinity)) newest.set(key, c);
  }
  return [...newest.values()].sort((a, b) => (a.context < b.context ? -1 : a.context > b.context ? 1 : a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
}
