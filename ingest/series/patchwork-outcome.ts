// What Patchwork's states say about a lineage, beside what its mail says (lineage-outcome.ts):
// the states of a revision's patches summarised ("18 of 20 accepted, 2 changes requested"), and
// where they put the lineage. Precedence, first that applies: applied (a maintainer said so on
// the list) > accepted (Patchwork has every tracked patch of the latest revision accepted) >
// nacked (a NAK on the latest revision stands) > changes-requested (any of its patches) > rejected
// (all of them) > superseded (all of them: a later revision this archive may lack) > open. A
// maintainer's decision in Patchwork outranks a reviewer's NAK; what the list says was applied
// outranks Patchwork, which may lag. Patches Patchwork does not track count for nothing. Pure.
import type { LineageState, PatchworkSummary } from '../types.ts';
import { DEFAULT_STATES, patchworkState } from '../patchwork/patchwork-state.ts';

/** States from most to least decisive: a patch several projects track takes the first it has
 *  (accepted in one project, superseded in another: accepted). */
const DECISIVE = ['accepted', 'changes-requested', 'rejected', 'not-applicable', 'awaiting-upstream', 'deferred', 'under-review', 'new', 'rfc', 'superseded'];

/** The most decisive of a patch's states (a server's own states after the default ones). */
export function decisiveState(states: readonly string[]): string | null {
  if (states.length === 0) return null;
  const rank = (s: string): number => {
    const i = DECISIVE.indexOf(s);
    return i < 0 ? DECISIVE.length : i;
  };
  return [...states].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))[0]!;
}

/** How a state is counted in a summary: Patchwork's name in lower case ("changes requested"). */
const said = (slug: string): string => patchworkState(slug).name.toLowerCase();

/** The summary of a revision whose patches have these states (null: not tracked); null when
 *  Patchwork tracks none of them. */
export function summarizePatchwork(states: ReadonlyArray<string | null>): PatchworkSummary | null {
  const tracked = states.filter((s): s is string => s !== null);
  if (tracked.length === 0) return null;
  const counts: Record<string, number> = {};
  for (const s of tracked) counts[s] = (counts[s] ?? 0) + 1;
  const kinds = Object.keys(counts);
  const order = (s: string): number => {
    const i = DEFAULT_STATES.findIndex((d) => d.slug === s);
    return i < 0 ? DEFAULT_STATES.length : i;
  };
  // The first state is the one most patches are in (accepted first on a tie); the rest follow
  // in Patchwork's order.
  const lead = [...kinds].sort((a, b) => counts[b]! - counts[a]! || (a === 'accepted' ? -1 : b === 'accepted' ? 1 : order(a) - order(b)))[0]!;
  const rest = kinds.filter((k) => k !== lead).sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1));
  const untracked = states.length - tracked.length;
  const text = [`${counts[lead]} of ${states.length} ${said(lead)}`, ...rest.map((k) => `${counts[k]} ${said(k)}`), ...(untracked ? [`${untracked} not in Patchwork`] : [])].join(', ');
  return { total: states.length, tracked: tracked.length, states: counts, state: kinds.length === 1 ? lead : 'mixed', text };
}

/** The lineage's state once Patchwork's word on its latest revision is heard (see the top). */
export function withPatchwork(state: LineageState, latest: PatchworkSummary | null): LineageState {
  if (state === 'applied' || !latest) return state;
  if (latest.state === 'accepted') return 'accepted';
  if (state === 'nacked') return state;
  if (latest.states['changes-requested']) return 'changes-requested';
  if (latest.state === 'rejected') return 'rejected';
  if (latest.state === 'superseded') return 'superseded';
  return state;
}
