// Reads git's progress lines (`git clone --progress` on stderr, redrawn with carriage returns),
// e.g. "Receiving objects:  44% (3953/8984), 5.00 MiB | 4.90 MiB/s", into numbers a progress bar
// can show. Pure; lines it does not know are ignored.

/** What one progress line says. */
export interface GitProgress {
  /** The phase, e.g. "Receiving objects", "remote: Counting objects", "Resolving deltas". */
  phase: string;
  done: number;
  total: number;
  /** Bytes received so far, when the line says (only "Receiving objects" lines do). */
  bytes: number | null;
  /** The transfer rate git shows, as written ("4.90 MiB/s"), or ''. */
  rate: string;
}

const UNITS: Record<string, number> = { bytes: 1, byte: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };

/** The progress in one line of git's stderr, or null when the line is not a progress line. */
export function parseGitProgress(line: string): GitProgress | null {
  const m = /^((?:remote: )?[A-Z][a-z]+(?: [a-z]+)*):\s+\d+% \((\d+)\/(\d+)\)(?:, ([\d.]+) (bytes?|KiB|MiB|GiB|TiB))?(?: \| ([\d.]+ (?:bytes?|KiB|MiB|GiB|TiB)\/s))?/.exec(line.trim());
  if (!m) return null;
  const bytes = m[4] !== undefined && m[5] !== undefined ? Math.round(Number(m[4]) * (UNITS[m[5]] ?? 1)) : null;
  return { phase: m[1]!, done: Number(m[2]), total: Number(m[3]), bytes, rate: m[6] ?? '' };
}
