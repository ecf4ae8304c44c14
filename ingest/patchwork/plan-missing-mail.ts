// Which mbox downloads bring the mail Patchwork knows of and patchlore lacks: per series one
// series mbox (/series/N/mbox/: all its patches in one request, Patchwork answers it without a
// redirect), a patch outside any series by its own mbox, a cover letter by its own (a series mbox
// holds patches only: series_to_mbox in patchwork/views/utils.py). Pure.
import type { PatchworkMailRef } from '../types.ts';

/** One download and the messages it should bring. */
export interface MboxDownload {
  of: 'series' | 'patch' | 'cover';
  /** Series, patch or cover id. */
  id: number;
  /** The wanted messages it should hold. */
  messageIds: string[];
  /** When it fails or lacks some: the downloads to try for those instead (patch mboxes). */
  fallback: MboxDownload[];
}

/** The downloads for `wanted`, in order of first appearance; each message once. */
export function planMissingMail(wanted: readonly PatchworkMailRef[]): MboxDownload[] {
  const out: MboxDownload[] = [];
  const bySeries = new Map<number, MboxDownload>();
  const seen = new Set<string>();
  for (const w of wanted) {
    if (seen.has(w.messageId)) continue;
    seen.add(w.messageId);
    const own: MboxDownload = { of: w.kind, id: w.id, messageIds: [w.messageId], fallback: [] };
    if (w.kind === 'patch' && w.seriesId !== null) {
      let d = bySeries.get(w.seriesId);
      if (!d) {
        d = { of: 'series', id: w.seriesId, messageIds: [], fallback: [] };
        bySeries.set(w.seriesId, d);
        out.push(d);
      }
      d.messageIds.push(w.messageId);
      d.fallback.push(own);
    } else out.push(own);
  }
  return out;
}
