// No feature regex may backtrack catastrophically: each hostile line is processed in time
// proportional to its length. The bound is generous (a linear pass over 200 KB takes a few ms);
// a quadratic regex takes seconds on these inputs.
import { describe, expect, it } from "vitest";
import { extractFeatures } from "../../src/core/features.ts";

const N = 200_000;
const HOSTILE: Record<string, string> = {
  "no spaces, many dots": "a.".repeat(N / 2),
  "many @ without a dot": "x@".repeat(N / 2),
  "one long word": "w".repeat(N),
  "digits and separators": "1/2-".repeat(N / 4),
  "separators": " | ".repeat(N / 3),
  "unspaced script": "漢字かな".repeat(N / 4),
  "dots after letters": "ab.".repeat(N / 3),
};

describe("feature regexes on hostile single lines", () => {
  for (const [name, line] of Object.entries(HOSTILE)) {
    it(name, () => {
      const t = performance.now();
      const f = extractFeatures([line, "A normal closing sentence of the page."], 15);
      const ms = performance.now() - t;
      expect(f.dense.length).toBe(2);
      expect(ms).toBeLessThan(2000);
    });
  }
});
