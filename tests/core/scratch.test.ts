// Reused temporaries (scratch.ts) must never leak one document into the next: a page cleaned
// after a longer one, or after a different one, gives what it gives in a fresh state.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clean } from "../../src/core/clean.ts";
import { float64Scratch, int32Scratch, keptScratchBytes, SCRATCH_BUDGET_BYTES } from "../../src/core/scratch.ts";
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

  it("reuses its array for a smaller or equal request, and keeps all scratches within the budget", () => {
    const s = int32Scratch();
    const a = s.any(5000);
    expect(s.any(4000).buffer).toBe(a.buffer);
    expect(s.any(5000).buffer).toBe(a.buffer);
    // A request the budget has no room for gets a fresh array, and what is kept does not grow.
    const before = keptScratchBytes();
    const huge = float64Scratch().any((SCRATCH_BUDGET_BYTES >> 3) + 1);
    expect(huge.length).toBe((SCRATCH_BUDGET_BYTES >> 3) + 1);
    expect(keptScratchBytes()).toBe(before);
    expect(s.any(5000).buffer).toBe(a.buffer);
  });

  it("grows a table it handed out with the table's values first, and says what it holds", () => {
    const s = int32Scratch();
    const a = s.any(100);
    for (let i = 0; i < 100; i++) a[i] = i * 3;
    const b = s.grown(a, 1000);
    expect(b.length).toBe(1000);
    expect(Array.from(b.subarray(0, 100))).toEqual(Array.from({ length: 100 }, (_, i) => i * 3));
    expect(s.size).toBeGreaterThanOrEqual(1000);
    // Within what it holds: the same memory, the values kept.
    const c = s.grown(s.any(10), 500);
    expect(c.buffer).toBe(b.buffer);
    expect(Array.from(c.subarray(0, 10))).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
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
  it("keeps at most the budget after a document larger than it allows", () => {
    const model = defaultModel();
    const line = "A sentence of ordinary prose that runs on for a while, as article text does.\n";
    const doc = line.repeat(Math.ceil((SCRATCH_BUDGET_BYTES / 8) / line.length));
    const first = texts.map((t) => JSON.stringify(clean(t, { explain: true }, model)));
    const before = keptScratchBytes();
    const r = clean(doc, {}, model);
    expect(r.stats.lines).toBeGreaterThan(30000);
    expect(keptScratchBytes()).toBeGreaterThan(before);
    expect(keptScratchBytes()).toBeLessThanOrEqual(SCRATCH_BUDGET_BYTES);
    // What the samples give after it is what they gave before it.
    expect(texts.map((t) => JSON.stringify(clean(t, { explain: true }, model)))).toEqual(first);
  });
});
