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
