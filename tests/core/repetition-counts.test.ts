// A line's repetition count is found by its key's hash, checked against the keys themselves: two
// different keys that share a hash are not repeats of each other, and lines whose keys are equal
// (white space and case aside, in any script) are.
import { describe, expect, it } from "vitest";
import { DENSE_INDEX, DENSE_SIZE, extractFeatures } from "../../src/core/features.ts";
import { fnv1a } from "../../src/core/hash.ts";
import { WHOLE_SEED } from "../../src/core/lexical.ts";

const repeats = (lines: string[]) => {
  const f = extractFeatures(lines, 15);
  return lines.map((_, i) => Math.round(Math.expm1(f.denseFlat[i * DENSE_SIZE + DENSE_INDEX.repeat_log])) + 1);
};

describe("repetition counts", () => {
  it("keep apart two keys that share a hash", () => {
    // Found by a birthday search over random 9-letter words.
    const [a, b] = ["cnatudafi", "mtixgrgzo"];
    expect(fnv1a(a, WHOLE_SEED)).toBe(fnv1a(b, WHOLE_SEED));
    expect(repeats([a, b, a, "other line"])).toEqual([2, 1, 2, 1]);
    expect(repeats([a, a, b, "  CNATUDAFI "])).toEqual([3, 3, 1, 3]);
  });
  it("count lines equal but for white space and case, ASCII or not", () => {
    expect(repeats(["Share this", "share  THIS", "Share\tthis ", "Share that"])).toEqual([3, 3, 3, 1]);
    expect(repeats(["Ärger über Öl", "ärger\u00a0ÜBER öl", "ÄRGER ÜBER ÖL", "Ärger über Öl!"])).toEqual([3, 3, 3, 1]);
    // Σ lower-cases by context (final ς): compared as strings, as lineKey makes them.
    expect(repeats(["ΟΔΟΣ", "οδος", "οδος", "ΟΔΟΣ ΟΔΟΣ"])).toEqual([3, 3, 3, 1]);
  });
});
