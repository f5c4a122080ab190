// The boosted-tree trainer of the second pass: it learns an interaction a linear model cannot,
// is deterministic for a seed, and its JSON form scores exactly as the trained forest.
import { describe, expect, it } from "vitest";
import { compileForest, forestScore } from "../../src/core/trees.ts";
import { trainGbdt } from "../../src/train/gbdt.ts";
import { mulberry32 } from "../../src/train/logreg.ts";

const params = { trees: 40, depth: 3, lr: 0.3, bins: 32, minHess: 1, l2: 1, rowSample: 0.8, seed: 11 };

function xorData(n: number, seed: number) {
  const rand = mulberry32(seed);
  const dense: Float32Array[] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rand(), b = rand(), noise = rand();
    dense.push(Float32Array.of(1, a, b, noise));
    y.push(+((a > 0.5) !== (b > 0.5)));
  }
  return { dense, y: Uint8Array.from(y) };
}
const names = ["bias", "a", "b", "noise"];

describe("trainGbdt", () => {
  it("learns XOR of two features (held-out accuracy above 0.95)", () => {
    const forest = compileForest(trainGbdt(xorData(4000, 1), names, params));
    const test = xorData(1000, 2);
    let right = 0;
    test.dense.forEach((x, i) => { if (+(forestScore(forest, x) > 0) === test.y[i]) right++; });
    expect(right / 1000).toBeGreaterThan(0.95);
  });

  it("is deterministic and survives a JSON round trip unchanged", () => {
    const data = xorData(2000, 3);
    const a = trainGbdt(data, names, params), b = trainGbdt(data, names, params);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const back = compileForest(JSON.parse(JSON.stringify(a))), direct = compileForest(a);
    for (const x of data.dense) expect(forestScore(back, x)).toBe(forestScore(direct, x));
  });
});
