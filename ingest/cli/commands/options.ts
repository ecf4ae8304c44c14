// Option parsing shared by several commands.
import { UsageError, type Context } from '../main.ts';

/** A non-negative integer option, or the default. */
export function intOption(ctx: Context, name: string, fallback: number, min = 0): number {
  const v = ctx.options[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}; got "${String(v)}"`);
  return n;
}

/** --jobs N: parser threads. */
export function jobsOption(ctx: Context, fallback: number): number {
  return intOption(ctx, 'jobs', fallback, 0);
}

/** The highest TCP port. */
const MAX_PORT = 65535;

/** --port N: a TCP port (0 picks a free one). */
export function portOption(ctx: Context, fallback: number): number {
  const port = intOption(ctx, 'port', fallback);
  if (port > MAX_PORT) throw new UsageError(`--port must be at most ${MAX_PORT} (0 picks a free one); got ${port}`);
  return port;
}
