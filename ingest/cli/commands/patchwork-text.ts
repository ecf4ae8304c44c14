// What Patchwork says, in `patchlore series` text: a patch's state with its delegate, checks and
// commit, and a revision's summary. Pure.
import type { PatchworkStatus, PatchworkSummary } from '../../read-models.ts';

/** "[Accepted; delegate Dan Williams; checks 2 success, 1 warning; commit 0123456789ab]", '' when
 *  Patchwork does not track the patch. */
export function patchworkNote(s: PatchworkStatus | null | undefined): string {
  if (!s) return '';
  const parts = [s.stateName + (s.archived ? ' (archived)' : '')];
  if (s.delegate) parts.push(`delegate ${s.delegate}`);
  if (s.checks) parts.push(`checks ${Object.entries(s.checks.counts).map(([state, n]) => `${n} ${state}`).join(', ')}`);
  if (s.commitRef) parts.push(`commit ${s.commitRef.slice(0, 12)}`);
  return `[${parts.join('; ')}]`;
}

/** "Patchwork: 18 of 20 accepted, 2 new", '' when Patchwork tracks none of the patches. */
export function patchworkLine(s: PatchworkSummary | null | undefined): string {
  return s ? `Patchwork: ${s.text}` : '';
}
