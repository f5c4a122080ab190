// Optional rate limiting on /v1/*, per API key (per client address when no keys are set):
// an in-memory token bucket under Node, the Workers Rate Limiting binding at the edge.
// Over the limit: 429 with Retry-After.
import type { Context, MiddlewareHandler } from "hono";
import { errorResponse } from "./errors.ts";

export interface RateLimiter {
  /** Takes one request from `key`'s allowance; when there is none, how long until there is. */
  take(key: string): Promise<{ ok: true } | { ok: false; retryAfterS: number }>;
}

/** The shape of a Workers Rate Limiting binding (`[[ratelimits]]` in wrangler.toml). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

// Buckets kept at most; beyond it the least recently used is dropped (a full bucket again), so
// many distinct client addresses cannot grow memory without bound.
const MAX_BUCKETS = 10_000;

/** Bursts of up to `perMinute` requests, refilled at `perMinute` per minute. */
export function tokenBucketLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: perMinute, at: t };
      buckets.delete(key); // re-inserted below: Map order is then least recently used first
      b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * perMs);
      b.at = t;
      const ok = b.tokens >= 1;
      if (ok) b.tokens -= 1;
      buckets.set(key, b);
      if (buckets.size > MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
      return ok ? { ok } : { ok, retryAfterS: Math.ceil((1 - b.tokens) / perMs / 1000) };
    },
  };
}

// The binding does not say when the window resets; its period is 10 or 60 s, so 60 is an
// upper bound a client can safely wait.
const BINDING_RETRY_AFTER_S = 60;

export function bindingLimiter(binding: RateLimitBinding): RateLimiter {
  return {
    async take(key) {
      const { success } = await binding.limit({ key });
      return success ? { ok: true } : { ok: false, retryAfterS: BINDING_RETRY_AFTER_S };
    },
  };
}

export function rateLimit(limiter: RateLimiter, clientAddress?: (c: Context) => string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const key = c.get("apiKeyId") ?? `addr-${clientAddress?.(c) ?? "unknown"}`;
    const r = await limiter.take(key);
    if (!r.ok) {
      c.header("Retry-After", String(r.retryAfterS));
      return errorResponse(c, 429, "rate_limited", `too many requests: retry after ${r.retryAfterS} s`);
    }
    await next();
  };
}
