// View models of what Patchwork says, for the lineage and thread pages: a patch's state as a badge
// (with its delegate, archived flag, checks and commit), a revision's or cover letter's summary
// ("20 of 20 accepted"), the lineage's. Pure: read models in, plain data out. State names and
// slugs come from a Patchwork server (a server may define its own); pages render them as text,
// and class names keep only letters, digits and hyphens.
import type { LineageState, LineageStatus, PatchworkStatus, PatchworkSummary, SeriesRevision } from '../../ingest/read-models.ts';

/** How a state is drawn: the badge classes of site.css (ok green, nak red, old grey, rfc). */
const TONE: Readonly<Record<string, string>> = {
  accepted: 'ok',
  'changes-requested': 'nak',
  rejected: 'nak',
  superseded: 'old',
  'not-applicable': 'old',
  rfc: 'rfc',
};

/** How a combined check state is drawn. */
const CHECK_TONE: Readonly<Record<string, string>> = { success: 'ok', warning: 'warn', fail: 'nak' };

/** Characters of a commit id shown. */
export const COMMIT_CHARS = 12;

const safeClass = (s: string): string => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-');

/** A patch's Patchwork state on a page. */
export interface PatchworkBadgeView {
  /** The state as Patchwork names it ("Changes Requested"). */
  label: string;
  /** "badge pw pw-<slug> <tone>". */
  className: string;
  /** The tooltip: project, state, since when, archived. */
  title: string;
  /** The patch on the Patchwork server, null when unknown. */
  href: string | null;
  delegate: string | null;
  archived: boolean;
  /** "2 success, 1 warning", with the combined state's class and each check in the tooltip. */
  checks: { text: string; className: string; title: string } | null;
  /** The commit the maintainer recorded: its first COMMIT_CHARS characters, and its page. */
  commit: { text: string; title: string; href: string | null } | null;
  /** Other projects tracking it: "linux-mm: superseded", '' when none. */
  elsewhere: string;
}

export function patchworkBadge(s: PatchworkStatus | null | undefined): PatchworkBadgeView | null {
  if (!s) return null;
  const tone = TONE[s.state] ?? '';
  return {
    label: s.stateName,
    className: ['badge', 'pw', `pw-${safeClass(s.state)}`, tone].filter(Boolean).join(' '),
    title: `Patchwork (${s.project}): ${s.stateName} since ${s.since.slice(0, 10)}${s.archived ? ', archived' : ''}`,
    href: s.url,
    delegate: s.delegate,
    archived: s.archived,
    checks: s.checks && {
      text: Object.entries(s.checks.counts)
        .map(([state, n]) => `${n} ${state}`)
        .join(', '),
      className: ['checks', CHECK_TONE[s.checks.state] ?? ''].filter(Boolean).join(' '),
      title: s.checks.list.map((c) => `${c.context}: ${c.state}${c.description ? ` (${c.description})` : ''}`).join('\n'),
    },
    commit: s.commitRef ? { text: s.commitRef.slice(0, COMMIT_CHARS), title: s.commitRef, href: s.commitUrl } : null,
    elsewhere: s.elsewhere.map((e) => `${e.project}: ${e.state}`).join(', '),
  };
}

/** A lineage state that comes from Patchwork (LineageState: accepted, changes-requested,
 *  rejected, superseded) as a timeline says it: "accepted in Patchwork", with its badge tone;
 *  null for the others (applied, nacked, open come from the list). */
export function patchworkLineageState(state: LineageState): { text: string; tone: string } | null {
  if (state !== 'accepted' && state !== 'changes-requested' && state !== 'rejected' && state !== 'superseded') return null;
  return { text: `${state.replace('-', ' ')} in Patchwork`, tone: TONE[state] ?? '' };
}

/** A summary of several patches on a page. */
export interface PatchworkSummaryView {
  /** "20 of 20 accepted". */
  text: string;
  /** "pw-summary <tone>": the tone of the state they all share, none when mixed. */
  className: string;
}

export function patchworkSummary(s: PatchworkSummary | null | undefined): PatchworkSummaryView | null {
  if (!s) return null;
  return { text: s.text, className: ['pw-summary', TONE[s.state] ?? ''].filter(Boolean).join(' ') };
}

/** The badge a series table shows for a posting Patchwork tracks: its summary, toned (class
 *  names after "badge"); null for one it does not track. */
export function seriesPatchworkBadge(s: PatchworkSummary | undefined): PatchworkSummaryView | null {
  return s ? { text: `Patchwork: ${s.text}`, className: ['pw', TONE[s.state] ?? ''].filter(Boolean).join(' ') } : null;
}

/** What a thread page shows of Patchwork at one message: a patch's badge, or a cover letter's
 *  summary of its patches; and, when the stored copy is Patchwork's rebuild rather than the mail
 *  as sent, a note saying so. */
export interface PatchworkMessageView {
  badge: PatchworkBadgeView | null;
  summary: PatchworkSummaryView | null;
  /** The note on a rebuilt copy, null for mail as sent. */
  rebuilt: string | null;
}

/** The note on a message whose stored copy a server rebuilt (Message.rebuiltBy). */
export const REBUILT_NOTE: Readonly<Record<string, string>> = {
  patchwork:
    "This is Patchwork's copy (its stored text, with the trailers it collected from replies, re-encoded), not the mail as sent: the list archive lacked it. Importing the archive's copy replaces it.",
};

/** Per message key, what its entry on a thread page shows (keys with nothing to show are absent). */
export function threadPatchworkViews(data: { patches: ReadonlyMap<string, PatchworkStatus>; covers: ReadonlyMap<string, PatchworkSummary>; rebuilt: ReadonlyMap<string, string> }): Map<string, PatchworkMessageView> {
  const out = new Map<string, PatchworkMessageView>();
  const at = (key: string): PatchworkMessageView => {
    let v = out.get(key);
    if (!v) out.set(key, (v = { badge: null, summary: null, rebuilt: null }));
    return v;
  };
  for (const [key, s] of data.covers) at(key).summary = patchworkSummary(s);
  for (const [key, s] of data.patches) at(key).badge = patchworkBadge(s);
  for (const [key, by] of data.rebuilt) at(key).rebuilt = REBUILT_NOTE[by] ?? `This copy was rebuilt by ${by}, not the mail as sent.`;
  return out;
}

/** What a lineage page shows of Patchwork: in its status box the summary of the latest revision
 *  (and where it is on the page), and per revision (in page order) its summary and each patch's
 *  badge (in patch order). */
export interface LineagePatchworkView {
  latest: (PatchworkSummaryView & { revision: { label: string; anchor: string } | null }) | null;
  revisions: Array<{ summary: PatchworkSummaryView | null; patches: Array<PatchworkBadgeView | null> }>;
  /** Whether Patchwork tracks any patch of the lineage (the pages show its column then). */
  tracked: boolean;
}

export function lineagePatchworkView(
  lineage: { revisions: ReadonlyArray<Pick<SeriesRevision, 'postingId' | 'patchwork' | 'patches'>> },
  status: LineageStatus | null,
  view: { revisions: ReadonlyArray<{ label: string; anchor: string }> },
): LineagePatchworkView {
  const i = status ? lineage.revisions.findIndex((r) => r.postingId === status.latestPosting) : -1;
  const summary = i >= 0 ? patchworkSummary(lineage.revisions[i]!.patchwork) : null;
  const at = view.revisions[i];
  return {
    latest: summary && { ...summary, revision: at ? { label: at.label, anchor: at.anchor } : null },
    revisions: lineage.revisions.map((r) => ({ summary: patchworkSummary(r.patchwork), patches: r.patches.map((p) => patchworkBadge(p.patchwork)) })),
    tracked: lineage.revisions.some((r) => r.patchwork),
  };
}
