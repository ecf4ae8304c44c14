// When to try a request again and how long to wait first: connection errors, timeouts, bodies
// cut short, 429 and the 5xx answers that mean "not now" are retried with exponential backoff
// (Retry-After honoured, as a busy lore answers 503 with one); 404 and the other 4xx, and 5xx
// that mean "never" (501, 505), are not. Pure: the HTTP client and the git mirror apply it.
import type { HttpSettings } from './sync-types.ts';

/** How one attempt ended, as far as retrying is concerned. */
export type AttemptOutcome =
  | { kind: 'status'; status: number; retryAfter: string | null }
  | { kind: 'network'; reason: string }
  | { kind: 'truncated'; reason: string };

/** Whether to try again, after how long, and why. */
export interface RetryDecision {
  retry: boolean;
  /** Wait before the next attempt, in ms (0 when not retrying). */
  delayMs: number;
  /** Why: for logs and for the final problem when not retrying. */
  reason: string;
  /** Set when the server asked for a longer break than patchlore waits. */
  retryAfterTooLong?: boolean;
}

/** Statuses worth another try: 429 Too Many Requests, and the 5xx a busy or restarting server
 *  answers (500 for a transient failure, 502/504 from a proxy, 503 "too busy"). */
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

/** A Retry-After value (delay-seconds or an HTTP-date, RFC 9110 10.2.3) in ms from `now`; null
 *  when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}

/** The delay before retry number `retry` (0 for the first): backoffMs doubled per retry, capped. */
export function backoffDelay(retry: number, s: Pick<HttpSettings, 'backoffMs' | 'maxBackoffMs'>): number {
  return Math.min(s.maxBackoffMs, s.backoffMs * 2 ** Math.min(retry, 30));
}

/**
 * Decide about retry number `retriesSoFar` after an attempt ended with `outcome`. The delay is
 * never shorter than the pause between requests, the backoff, or the server's Retry-After.
 */
export function retryDecision(
  outcome: AttemptOutcome,
  retriesSoFar: number,
  s: Pick<HttpSettings, 'retries' | 'backoffMs' | 'maxBackoffMs' | 'maxRetryAfterMs' | 'delayMs'>,
  now: number = Date.now(),
): RetryDecision {
  let reason: string;
  let retryAfterMs: number | null = null;
  if (outcome.kind === 'status') {
    reason = `HTTP ${outcome.status}`;
    if (!isRetryableStatus(outcome.status)) return { retry: false, delayMs: 0, reason };
    retryAfterMs = parseRetryAfter(outcome.retryAfter, now);
    if (retryAfterMs !== null && retryAfterMs > s.maxRetryAfterMs) {
      return {
        retry: false,
        delayMs: 0,
        reason: `HTTP ${outcome.status} with Retry-After ${Math.ceil(retryAfterMs / 1000)} s, longer than the ${Math.round(s.maxRetryAfterMs / 1000)} s patchlore waits`,
        retryAfterTooLong: true,
      };
    }
  } else reason = outcome.reason;
  if (retriesSoFar >= s.retries) return { retry: false, delayMs: 0, reason: `${reason} (gave up after ${s.retries} ${s.retries === 1 ? 'retry' : 'retries'})` };
  const delayMs = Math.max(s.delayMs, backoffDelay(retriesSoFar, s), retryAfterMs ?? 0);
  return { retry: true, delayMs, reason };
}
