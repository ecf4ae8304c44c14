// Reads an inbox's grokmirror manifest (public-inbox serves it at /<list>/manifest.js.gz): a JSON
// object keyed by repository path, "/nvdimm/git/0.git", with the epoch's "fingerprint" (SHA-1 of
// `git show-ref`), "modified" (Unix time of its newest commit) and a description. It says which
// epochs exist and which changed, so a sync clones or fetches only those. Pure: never throws; an
// unreadable entry still names its epoch (as changed), so nothing is skipped because of it.
import type { Diagnostic } from '../types.ts';

/** One epoch as the server describes it. */
export interface RemoteEpoch {
  /** N of git/N.git. */
  n: number;
  /** SHA-1 of the epoch's `git show-ref` output; null when the entry did not give a valid one
   *  (the epoch is then treated as changed). */
  fingerprint: string | null;
  /** Unix time (s) of its newest commit; null when not given. */
  modified: number | null;
}

/** A problem with the manifest (the caller knows its URL and what to do instead). */
const malformed = (message: string): Diagnostic => ({ code: 'manifest/malformed', message });

/** The epochs of `list` in a manifest, in number order, and what was wrong with it. `ok` is false
 *  when the text is not a manifest at all. */
export function parseManifest(text: string, list: string): { ok: boolean; epochs: RemoteEpoch[]; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, epochs: [], problems: [malformed(`not JSON (${(err as Error).message}); starts ${JSON.stringify(text.slice(0, 60))}`)] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, epochs: [], problems: [malformed(`expected a JSON object keyed by repository path, e.g. {"/${list}/git/0.git": {"fingerprint": ...}}; found ${JSON.stringify(value)?.slice(0, 60)}`)] };
  }
  const escaped = list.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const key = new RegExp(`(?:^|/)${escaped}/git/(\\d+)\\.git/?$`);
  const byN = new Map<number, RemoteEpoch>();
  for (const [path, entry] of Object.entries(value as Record<string, unknown>)) {
    const m = key.exec(path);
    if (!m) continue;
    const n = Number(m[1]);
    if (!Number.isSafeInteger(n)) continue;
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const fp = typeof e.fingerprint === 'string' && /^[0-9a-f]{40,64}$/.test(e.fingerprint) ? e.fingerprint : null;
    const modified = typeof e.modified === 'number' && Number.isFinite(e.modified) ? Math.floor(e.modified) : null;
    if (fp === null) problems.push(malformed(`${path}: no valid "fingerprint" (expected 40 hex digits; found ${JSON.stringify(e.fingerprint)?.slice(0, 50)}); the epoch is fetched to be sure`));
    if (modified === null && e.modified !== undefined) problems.push(malformed(`${path}: "modified" is not a number (found ${JSON.stringify(e.modified)?.slice(0, 30)})`));
    byN.set(n, { n, fingerprint: fp, modified });
  }
  return { ok: true, epochs: [...byN.values()].sort((a, b) => a.n - b.n), problems };
}
