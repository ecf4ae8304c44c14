// Reads what commit linking needs from the store: every patch of every posting (its lineage and
// version, sender, date, body and diff files) made into PostedPatch records, and the cover
// letters. The one place the commits stage touches the store; it writes nothing.
import type { Store } from '../store/store-fs.ts';
import type { PostedCover, PostedPatch } from '../types.ts';
import { postedPatch } from './posted-patch.ts';

/** What linking reads of a store. */
export interface CommitInputs {
  patches: PostedPatch[];
  covers: PostedCover[];
}

interface PatchRow {
  key: string;
  posting: string;
  idx: number;
  total: number;
  title: string;
  fromName: string;
  fromEmail: string;
  date: number | null;
  body: string;
  meta: string | null;
  family: string | null;
  version: number | null;
}

/** Every posted patch and cover letter of the store. A posting in several lineages (a bundle)
 *  counts in the one it starts, else the first by id, as `patchlore series` shows it. */
export function readCommitInputs(store: Store): CommitInputs {
  const rows = store.db
    .prepare(
      `SELECT pp.key, pp.posting, pp.idx, pp.total, pp.title, m.from_name AS fromName, m.from_email AS fromEmail, m.date, m.body,
              pm.meta, r.family, r.version
       FROM posting_patches pp
       JOIN messages m ON m.key = pp.key
       LEFT JOIN patch_meta pm ON pm.message = m.id
       LEFT JOIN revisions r ON r.posting = pp.posting
         AND r.family = (SELECT family FROM revisions WHERE posting = pp.posting ORDER BY family = posting DESC, family LIMIT 1)
       ORDER BY pp.posting, pp.idx, pp.key`,
    )
    .iterate() as IterableIterator<PatchRow>;
  const patches: PostedPatch[] = [];
  for (const r of rows) {
    patches.push(
      postedPatch({
        messageId: r.key,
        postingId: r.posting,
        family: r.family ?? r.posting,
        version: r.version ?? 1,
        index: r.idx,
        total: r.total,
        title: r.title,
        from: { name: r.fromName, email: r.fromEmail },
        date: r.date,
        body: r.body,
        files: diffFiles(r.meta),
      }),
    );
  }
  const covers = store.db.prepare('SELECT cover_key AS messageId, id AS postingId FROM postings WHERE cover_key IS NOT NULL ORDER BY id').all() as PostedCover[];
  return { patches, covers };
}

/** Paths of a stored PatchMeta's diff, both sides of renames. */
function diffFiles(meta: string | null): string[] {
  if (!meta) return [];
  const m = JSON.parse(meta) as { diff?: { files?: Array<{ path: string; oldPath: string | null }> } | null };
  return (m.diff?.files ?? []).flatMap((f) => (f.oldPath ? [f.oldPath, f.path] : [f.path]));
}
