import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, retryDecision } from './retry-policy.ts';

const S = { retries: 3, backoffMs: 100, maxBackoffMs: 1000, maxRetryAfterMs: 5000, delayMs: 50 };

describe('retryDecision', () => {
  it('retries 429 and the 5xx of a busy server with doubling delays, then gives up', () => {
    for (const status of [429, 500, 502, 503, 504]) {
      const o = { kind: 'status' as const, status, retryAfter: null };
      expect(retryDecision(o, 0, S)).toEqual({ retry: true, delayMs: 100, reason: `HTTP ${status}` });
      expect(retryDecision(o, 1, S).delayMs).toBe(200);
      expect(retryDecision(o, 2, S).delayMs).toBe(400);
      expect(retryDecision(o, 3, S)).toEqual({ retry: false, delayMs: 0, reason: `HTTP ${status} (gave up after 3 retries)` });
    }
  });

  it('does not retry 404, other 4xx, or 5xx that mean "never"', () => {
    for (const status of [400, 401, 403, 404, 410, 501, 505]) {
      expect(retryDecision({ kind: 'status', status, retryAfter: null }, 0, S).retry, String(status)).toBe(false);
    }
  });

  it('retries connection errors, timeouts and truncated bodies', () => {
    expect(retryDecision({ kind: 'network', reason: 'connection reset' }, 0, S)).toMatchObject({ retry: true, delayMs: 100 });
    expect(retryDecision({ kind: 'truncated', reason: 'gzip ends early' }, 2, S)).toMatchObject({ retry: true, delayMs: 400 });
  });

  it('honours Retry-After, waits at least the pause, and stops when asked to wait too long', () => {
    expect(retryDecision({ kind: 'status', status: 503, retryAfter: '2' }, 0, S).delayMs).toBe(2000);
    expect(retryDecision({ kind: 'network', reason: 'x' }, 0, { ...S, backoffMs: 10 }).delayMs).toBe(50);
    const d = retryDecision({ kind: 'status', status: 503, retryAfter: '3600' }, 0, S);
    expect(d).toMatchObject({ retry: false, retryAfterTooLong: true });
    expect(d.reason).toContain('Retry-After 3600 s');
  });

  it('caps the backoff', () => {
    expect(backoffDelay(10, S)).toBe(1000);
    expect(backoffDelay(1000, S)).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
