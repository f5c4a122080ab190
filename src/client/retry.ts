// When to retry and how long to wait: 429 and 5xx answers and network failures, with exponential
// backoff and jitter, and the server's Retry-After when it gives one.

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** The first backoff; it doubles each retry. */
  backoffMs: number;
  /** No wait is longer than this, Retry-After included. */
  maxDelayMs: number;
}

// 4 retries from 250 ms: about 4 s of backoff in all (0.25+0.5+1+2), enough to ride out a
// restart or a burst over a rate limit without stalling a pipeline for long.
// 60 s: the longest Retry-After a pipeline should sit through; longer is better handled by the caller.
export const DEFAULT_RETRY: RetryPolicy = { retries: 4, backoffMs: 250, maxDelayMs: 60_000 };

export const isRetryable = (status: number) => status === 429 || status >= 500;

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait before retry number `attempt` (0-based): Retry-After if given, else backoff with jitter. */
export function delayMs(policy: RetryPolicy, attempt: number, retryAfter?: number, random = Math.random): number {
  const backoff = policy.backoffMs * 2 ** attempt * (0.5 + random() / 2);
  return Math.min(policy.maxDelayMs, retryAfter ?? backoff);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
