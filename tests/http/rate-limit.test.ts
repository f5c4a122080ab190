// The in-memory token bucket on a controlled clock, and the constant-time key match.
import { describe, expect, it } from "vitest";
import { matchDigest } from "../../src/http/auth.ts";
import { tokenBucketLimiter } from "../../src/http/rate-limit.ts";

describe("token bucket", () => {
  it("allows a burst of the limit, then refills at limit per minute with an honest Retry-After", async () => {
    let t = 1_000_000;
    const rl = tokenBucketLimiter(6, () => t); // one token every 10 s
    for (let i = 0; i < 6; i++) expect(await rl.take("k")).toEqual({ ok: true });
    expect(await rl.take("k")).toEqual({ ok: false, retryAfterS: 10 });
    expect(await rl.take("other")).toEqual({ ok: true });
    t += 4_000;
    expect(await rl.take("k")).toEqual({ ok: false, retryAfterS: 6 });
    t += 6_000;
    expect(await rl.take("k")).toEqual({ ok: true });
    expect((await rl.take("k")).ok).toBe(false);
    t += 3_600_000; // a long pause refills to the burst size, not beyond
    for (let i = 0; i < 6; i++) expect((await rl.take("k")).ok).toBe(true);
    expect((await rl.take("k")).ok).toBe(false);
  });

  it("keeps a bounded number of buckets: an evicted key starts full again", async () => {
    const rl = tokenBucketLimiter(1, () => 0);
    expect((await rl.take("first")).ok).toBe(true);
    expect((await rl.take("first")).ok).toBe(false);
    for (let i = 0; i < 10_000; i++) await rl.take(`addr-${i}`);
    expect((await rl.take("first")).ok).toBe(true);
  });
});

describe("matchDigest", () => {
  const d = (...xs: number[]) => Uint8Array.from({ length: 32 }, (_, i) => xs[i] ?? 0);
  it("finds the matching key anywhere in the list, and -1 when a byte differs at any position", () => {
    const keys = [d(1), d(2), d(3, 4)];
    expect(matchDigest(keys, d(3, 4))).toBe(2);
    expect(matchDigest(keys, d(1))).toBe(0);
    for (let i = 0; i < 32; i++) {
      const x = d(3, 4);
      x[i] ^= 0x80;
      expect(matchDigest(keys, x)).toBe(-1);
    }
  });
});
