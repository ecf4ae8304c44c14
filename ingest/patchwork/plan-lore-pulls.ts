// Which threads to ask the list archive (lore) for, to bring the mail Patchwork's records name and
// the store lacks: one thread per Patchwork series (its cover letter's, else its first lacking
// patch's: a series is usually one thread, and the thread brings the replies with their review
// trailers), and each message outside a series by its own thread. Lore's copy is the mail as sent;
// Patchwork's mbox, a rebuild, is the fallback for what lore lacks (sync-project-fs.ts). Pure.
import type { PatchworkMailRow } from '../store/store-rows.ts';

/** The lacking messages of one series (or one message outside any), in the order to ask for them:
 *  the cover letter first, then by date. */
export interface LoreGroup {
  /** Message-IDs, cover letter first. */
  messageIds: string[];
}

/** Group `lacking` (oldest first, as the store lists it) by series. */
export function planLorePulls(lacking: readonly PatchworkMailRow[]): LoreGroup[] {
  const groups: LoreGroup[] = [];
  const bySeries = new Map<string, LoreGroup>();
  for (const m of lacking) {
    const key = m.seriesId === null ? null : `${m.server}\0${m.seriesId}`;
    let g = key === null ? undefined : bySeries.get(key);
    if (!g) {
      g = { messageIds: [] };
      groups.push(g);
      if (key !== null) bySeries.set(key, g);
    }
    if (g.messageIds.includes(m.messageId)) continue;
    if (m.kind === 'cover') g.messageIds.unshift(m.messageId);
    else g.messageIds.push(m.messageId);
  }
  return groups;
}
