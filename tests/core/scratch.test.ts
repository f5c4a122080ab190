// Reused temporaries (scratch.ts) must never leak one document into the next: a page cleaned
// after a longer one, or after a different one, gives what it gives in a fresh state.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clean } from "../../src/core/clean.ts";
import { int32Scratch } from "../../src/core/scratch.ts";
import { REPO_ROOT } from "../../src/eval/corpus.ts";
import { defaultModel } from "../../src/model/index.ts";

describe("Scratch", () => {
  it("hands out exactly n elements, zeroed when asked, after any earlier use", () => {
    const s = int32Scratch();
    const a = s.any(10);
    a.fill(7);
    expect(a.length).toBe(10);
    const b = s.zeroed(6);
    expect(Array.from(b)).toEqual([0, 0, 0, 0, 0, 0]);
    const big = s.zeroed(3 << 18);
    expect(big.length).toBe(3 << 18);
    expect(big.every((x) => x === 0)).toBe(true);
  });
});

describe("clean after other documents", () => {
  const dir = path.join(REPO_ROOT, "samples");
  const texts = fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
  it("gives each sample the same result whatever was cleaned before it", () => {
    expect(texts.length).toBeGreaterThan(1);
    const model = defaultModel();
    const first = texts.map((t) => JSON.stringify(clean(t, { explain: true }, model)));
    // A long document (every sample twice over) between, then the samples in reverse order.
    clean(texts.concat(texts).join("\n"), {}, model);
    const again = texts.slice().reverse().map((t) => JSON.stringify(clean(t, { explain: true }, model))).reverse();
    expect(again).toEqual(first);
  });
});
