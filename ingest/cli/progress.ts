// Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise.
// Silent for work that ends within a second.

/** Seconds between plain progress lines when stderr is not a terminal. */
const LINE_INTERVAL_MS = 5000;
/** Work shorter than this shows no progress at all. */
const QUIET_MS = 1000;

export interface Progress {
  /** Report `done` of `total` units (total 0 = unknown); `detail` is appended. */
  update(done: number, total: number, detail?: string): void;
  /** Clear the bar. */
  end(): void;
}

function fmtDuration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

/** A progress reporter for one piece of work. */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const start = Date.now();
  const tty = stream.isTTY === true;
  let last = 0;
  let drawn = false;
  return {
    update(done, total, detail = '') {
      const now = Date.now();
      const elapsed = (now - start) / 1000;
      if (now - start < QUIET_MS) return;
      if (!tty && now - last < LINE_INTERVAL_MS) return;
      if (tty && now - last < 100) return;
      last = now;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const eta = frac > 0 ? fmtDuration(elapsed / frac - elapsed) : '?';
      if (tty) {
        const width = 24;
        const filled = Math.round(frac * width);
        const bar = total > 0 ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%` : '';
        stream.write(`\r\x1b[K${label} ${bar} ${detail} ETA ${eta}`);
        drawn = true;
      } else {
        const pct = total > 0 ? ` ${(frac * 100).toFixed(0)}%` : '';
        stream.write(`${label}:${pct} ${detail} (${fmtDuration(elapsed)} elapsed, ETA ${eta})\n`);
      }
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
