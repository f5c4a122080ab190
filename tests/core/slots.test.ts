// slots.ts: per-line arrays made by setting the length, past V8's inline limit for new Array(n).
import { describe, expect, it } from "vitest";
import { slots } from "../../src/core/slots.ts";

describe("slots", () => {
  it("is an array of n holes, written by index, at sizes below and past 16,376", () => {
    for (const n of [0, 1, 100, 16376, 16377, 40000]) {
      const a = slots<number>(n);
      expect(Array.isArray(a)).toBe(true);
      expect(a.length).toBe(n);
      // Holes, not undefined values.
      expect(Object.keys(a).length).toBe(0);
      for (let i = 0; i < n; i += 3) a[i] = i;
      expect(a.length).toBe(n);
      expect(a.filter((x) => x !== undefined).length).toBe(Math.ceil(n / 3));
      if (n) expect(a[n - 1]).toBe((n - 1) % 3 === 0 ? n - 1 : undefined);
    }
  });
});
