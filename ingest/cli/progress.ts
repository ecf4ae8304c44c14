// Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise.
// Silent for work that ends within a second.

/** Seconds between plain progress lines when stderr is not a terminal. */
const LINE_INTERVAL_MS = 5000;
/** Work shorter than this shows no progress at all. */
const QUIET_MS = 1000;
/** How often a step that reports nothing is shown as still running. */
const HEARTBEAT_MS = 1000;

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
      const eta = total === 0 ? '' : ` ETA ${frac > 0 ? fmtDuration(elapsed / frac - elapsed) : '?'}`;
      if (tty) {
        const width = 24;
        const filled = Math.round(frac * width);
        const bar = total > 0 ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%` : '';
        stream.write(`\r\x1b[K${label} ${bar} ${detail}${eta}`.replace(/ +/g, ' '));
        drawn = true;
      } else {
        const pct = total > 0 ? ` ${(frac * 100).toFixed(0)}%` : '';
        stream.write(`${label}:${pct} ${detail} (${fmtDuration(elapsed)} elapsed${eta ? `,${eta}` : ''})\n`.replace(/ +/g, ' '));
      }
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

/** Progress of work made of named steps (reading, then each derivation, ...): each step is shown
 *  as its own bar or lines, named, once it has run for a second. */
export interface Steps {
  /** Report progress in step `step` (a new name ends the previous step). */
  update(step: string, done: number, total: number, detail?: string): void;
  end(): void;
}

export function createSteps(label: string, stream: NodeJS.WriteStream = process.stderr): Steps {
  let current: { step: string; progress: Progress; last: [number, number, string | undefined] } | null = null;
  // A step that waits (on a child process, on workers) reports nothing for a while: the timer
  // shows it is still running. Steps that keep this thread busy report at their boundaries.
  const timer = setInterval(() => current?.progress.update(...current.last), HEARTBEAT_MS);
  timer.unref();
  return {
    update(step, done, total, detail) {
      if (current?.step !== step) {
        current?.progress.end();
        current = { step, progress: createProgress(`${label}: ${step}`, stream), last: [done, total, detail] };
      }
      current.last = [done, total, detail];
      current.progress.update(done, total, detail);
    },
    end() {
      clearInterval(timer);
      current?.progress.end();
      current = null;
    },
  };
}
