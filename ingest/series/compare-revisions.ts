// What changed between two revisions of a series: patches added, dropped, changed (same title,
// different fingerprint: the diff changed) or unchanged, and the changelog the cover letter gives.
// Pure.

export interface ComparedPatch {
  title: string;
  /** The patch in the newer revision, '' when dropped. */
  key: string;
  /** The patch in the older revision, '' when added. */
  previousKey: string;
  status: 'added' | 'dropped' | 'changed' | 'unchanged';
  /** For a changed patch: the range-diff of its two postings (interdiff.ts). */
  interdiff?: string;
}

interface PatchLike {
  key: string;
  title: string;
  fingerprint: string;
}

const norm = (t: string): string => t.toLowerCase().replace(/\s+/g, ' ').trim();

/** Whether the next revision of a lineage is compared against this one: not a partial reroll
 *  ("v5.1", or a fragment re-posting at most half of a series' patches without its cover letter),
 *  not a RESEND. Those are compared against the full revision before them, and so is the one after
 *  them. A fragment holding most of its patches is a revision whose cover letter (or a patch) the
 *  archive lacks. */
export function isBaseRevision(r: { versionTag: string | null; resend: boolean; fragment: boolean; total: number | null }, patches: number): boolean {
  const partial = (r.versionTag !== null && !Number.isInteger(Number(r.versionTag))) || (r.fragment && patches * 2 <= (r.total ?? 0));
  return !partial && !r.resend;
}

/** Match patches by fingerprint first (a retitled but identical patch is unchanged), then title. */
export function comparePatches(previous: readonly PatchLike[], next: readonly PatchLike[]): ComparedPatch[] {
  const out: ComparedPatch[] = [];
  const left = new Set(previous.map((_, i) => i));
  for (const p of next) {
    let match = previous.findIndex((q, i) => left.has(i) && q.fingerprint !== '' && q.fingerprint === p.fingerprint);
    let status: ComparedPatch['status'] = 'unchanged';
    if (match < 0) {
      match = previous.findIndex((q, i) => left.has(i) && norm(q.title) === norm(p.title));
      status = 'changed';
    }
    if (match < 0) {
      out.push({ title: p.title, key: p.key, previousKey: '', status: 'added' });
      continue;
    }
    left.delete(match);
    out.push({ title: p.title, key: p.key, previousKey: previous[match]!.key, status });
  }
  for (const i of [...left].sort((a, b) => a - b)) out.push({ title: previous[i]!.title, key: '', previousKey: previous[i]!.key, status: 'dropped' });
  return out;
}

const HEADING = /^\s*(?:#+\s*)?(?:changes|changelog|change log|main updates|updates|differences|revision history|history)\b|^\s*(?:[-*]\s*)?v\d+(?:\.\d+)?\s*(?:->|→|=>|to|\.\.|:)/i;

/** The changelog part of a cover letter or patch ("Changes since v3:" and the lines under it),
 *  '' when there is none. At most 80 lines. */
export function extractChangelog(body: string): string {
  const lines = body.replace(/\r/g, '').split('\n');
  const start = lines.findIndex((l) => HEADING.test(l) && !/^\s*>/.test(l));
  if (start < 0) return '';
  const out: string[] = [];
  let blank = 0;
  for (let i = start; i < lines.length && out.length < 80; i++) {
    const l = lines[i]!;
    if (l === '-- ' || /^diff --git /.test(l) || /^\S.* \(\d+\):$/.test(l)) break; // signature, diff, shortlog
    if (l.trim() === '') {
      blank++;
      if (blank >= 2) break;
      out.push(l);
      continue;
    }
    // After a blank line, a paragraph that is neither a list item, an indented line nor another
    // version heading is the cover letter's prose again.
    if (blank > 0 && !/^\s|^[-*•]|^v\d/i.test(l) && !HEADING.test(l)) break;
    blank = 0;
    out.push(l);
  }
  return out.join('\n').trim();
}
