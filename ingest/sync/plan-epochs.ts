// Decides, per epoch of a list, what git has to do: clone an epoch not mirrored yet, fetch one
// whose manifest fingerprint differs from the mirror's, leave one whose fingerprint matches (no
// git at all: that is what makes a no-op sync cheap), skip one whose newest mail predates the
// since-date, deepen a shallow mirror when the since-date moved back. Without a manifest it falls
// back to fetching every mirrored epoch and probing for the next one. Pure.
import type { RemoteEpoch } from './parse-manifest.ts';
import { sinceSeconds } from './sync-config.ts';

/** An epoch already mirrored in the sync cache. */
export interface LocalEpoch {
  n: number;
  /** SHA-1 of the mirror's `git show-ref` (comparable with the manifest's fingerprint). */
  fingerprint: string;
  /** The since-date the mirror was cut at, when it is shallow. */
  shallowSince: string | null;
}

/** What to do with one epoch. */
export type EpochStep =
  | {
      kind: 'clone';
      n: number;
      /** Clone only commits since this day (git --shallow-since), or everything. */
      shallowSince: string | null;
      /** The epoch may not exist (no manifest to say so): a 404 ends the probing, not the sync. */
      probe: boolean;
    }
  | {
      kind: 'fetch';
      n: number;
      /** Deepen a shallow mirror to this since-date first (null: to the whole history). */
      deepen?: { since: string | null };
    }
  | { kind: 'unchanged'; n: number }
  | { kind: 'skip'; n: number; reason: string };

/**
 * The steps for a list, in epoch order. `remote` is the manifest's epochs, or null when there is
 * no usable manifest; `since` the list's since-date (YYYY-MM-DD) or null for everything.
 */
export function planEpochs(remote: RemoteEpoch[] | null, local: LocalEpoch[], since: string | null): EpochStep[] {
  const localByN = new Map(local.map((l) => [l.n, l]));
  const deepen = (l: LocalEpoch): { since: string | null } | undefined =>
    l.shallowSince !== null && (since === null || since < l.shallowSince) ? { since } : undefined;

  if (remote === null) {
    const steps: EpochStep[] = [...local]
      .sort((a, b) => a.n - b.n)
      .map((l) => {
        const d = deepen(l);
        return d ? { kind: 'fetch', n: l.n, deepen: d } : { kind: 'fetch', n: l.n };
      });
    const next = local.length ? Math.max(...local.map((l) => l.n)) + 1 : 0;
    steps.push({ kind: 'clone', n: next, shallowSince: since, probe: true });
    return steps;
  }

  const remoteByN = new Map(remote.map((r) => [r.n, r]));
  const ns = [...new Set([...remoteByN.keys(), ...localByN.keys()])].sort((a, b) => a - b);
  const sinceS = since === null ? null : sinceSeconds(since);
  return ns.map((n): EpochStep => {
    const r = remoteByN.get(n);
    const l = localByN.get(n);
    if (l) {
      const d = deepen(l);
      if (d) return { kind: 'fetch', n, deepen: d };
      // An epoch the server no longer lists keeps its mirror; there is nothing to fetch.
      if (!r || (r.fingerprint !== null && r.fingerprint === l.fingerprint)) return { kind: 'unchanged', n };
      return { kind: 'fetch', n };
    }
    const rr = r!;
    if (sinceS !== null && rr.modified !== null && rr.modified < sinceS) {
      return { kind: 'skip', n, reason: `its newest mail (${new Date(rr.modified * 1000).toISOString().slice(0, 10)}) predates ${since}` };
    }
    return { kind: 'clone', n, shallowSince: since, probe: false };
  });
}
