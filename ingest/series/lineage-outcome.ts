// Where a series lineage stands, from everything patchlore knows about it: whether a maintainer
// said on the list that a revision was applied (and which, by whom), NAKs outstanding on the
// latest revision, and the one state every page, table and command shows. Later sources (the
// Patchwork states of its patches, the commits it became) join here. Pure.
import { authorDay } from '../message/parse-date.ts';
import type { LineageMergeRow, LineageVerdictRow } from '../store/store-rows.ts';
import type { LineageOutcome, LineageState } from '../types.ts';
import { mergedState } from './merged-state.ts';
import { summarizePatchwork, withPatchwork } from './patchwork-outcome.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** What the outcome is computed from. */
export interface OutcomeInput {
  family: string;
  /** The lineage's postings, oldest first. */
  postings: readonly string[];
  /** Verdicts on its postings' cover letters and patches, by posting date, then member, then as
   *  said (store.discussion.lineageVerdicts). */
  verdicts: readonly LineageVerdictRow[];
  /** Whether it landed in a repository read (store.commits.lineageMerge); null when unknown. */
  merge?: LineageMergeRow | null;
  /** The Patchwork state of each patch of the latest posting (decisiveState), null for one
   *  Patchwork does not track; absent or empty without Patchwork records. */
  patchwork?: ReadonlyArray<string | null>;
}

export function lineageOutcome(input: OutcomeInput): LineageOutcome {
  const latest = input.postings[input.postings.length - 1]!;
  // One pass: the first "applied" of the latest posting that has one (rows come by posting, in
  // date order), and the latest posting's verdicts.
  let applied = null as LineageOutcome['applied'];
  const onLatest: LineageVerdictRow[] = [];
  for (const v of input.verdicts) {
    if (v.kind === 'applied' && applied?.posting !== v.posting) applied = { posting: v.posting, by: v.name || v.email, messageId: v.messageId, text: v.text, date: iso(v.date), day: authorDay(v.dateHeader, v.date) };
    if (v.posting === latest) onLatest.push(v);
  }
  const acked = new Set(onLatest.filter((v) => v.kind === 'acked' || v.kind === 'reviewed').map((v) => v.email.toLowerCase()));
  const seen = new Set<string>();
  const naks = onLatest
    .filter((v) => v.kind === 'nacked' && !acked.has(v.email.toLowerCase()))
    .filter((v) => !seen.has(v.messageId) && !!seen.add(v.messageId))
    .map((v) => ({ by: v.name || v.email, messageId: v.messageId, text: v.text }));
  const state = mergedState(input.merge, applied?.posting ?? null, input.postings) ?? withPatchwork(stateOf(applied, naks), summarizePatchwork(input.patchwork ?? []));
  return { family: input.family, latestPosting: latest, state, applied, naks };
}

/** The one state shown for a lineage, first that holds: merged or partially merged when commits
 *  of a repository read say so (merged-state.ts: not partially merged when a later revision was
 *  said to be applied); applied when a maintainer said so; nacked while a NAK on the latest
 *  revision stands; else open. */
function stateOf(applied: LineageOutcome['applied'], naks: LineageOutcome['naks']): LineageState {
  if (applied) return 'applied';
  if (naks.length) return 'nacked';
  return 'open';
}
