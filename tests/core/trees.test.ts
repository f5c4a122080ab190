// The compiled forest (trees padded to perfect binary trees, scored without branches) gives
// exactly the logit of walking the stored trees node by node, for any shape of tree: lopsided,
// single leaves, deeper than the unrolled levels, and feature values that are NaN or infinite.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileForest, float32AtOrBelow, forestScore, forestScoreRows, type Forest, type Tree } from "../../src/core/trees.ts";
import { mulberry32 } from "../../src/train/logreg.ts";

/** The stored form's meaning, read directly: go left when x[f] <= t. */
function walk(forest: Forest, x: ArrayLike<number>): number {
  let z = forest.base;
  for (const tree of forest.trees) {
    let c = tree.f.length ? 0 : ~0;
    while (c >= 0) c = x[tree.f[c]] <= tree.t[c] ? tree.l[c] : tree.r[c];
    z += tree.v[~c];
  }
  return z;
}

/** A random tree of at most `depth` levels, each node a leaf with probability `leafP`. */
function randomTree(rand: () => number, features: number, depth: number, leafP: number): Tree {
  const tree: Tree = { f: [], t: [], l: [], r: [], v: [] };
  const grow = (level: number): number => {
    if (level === depth || (level > 0 && rand() < leafP)) { tree.v.push(rand() * 2 - 1); return ~(tree.v.length - 1); }
    const k = tree.f.length;
    tree.f.push(Math.floor(rand() * features)); tree.t.push(Math.round(rand() * 8) / 8); tree.l.push(0); tree.r.push(0);
    tree.l[k] = grow(level + 1);
    tree.r[k] = grow(level + 1);
    return k;
  };
  if (rand() < 0.1) tree.v.push(rand()); else grow(0);
  return tree;
}

describe("compileForest / forestScore", () => {
  for (const depth of [1, 3, 5, 6, 9]) {
    it(`scores as the node walk, bit for bit (trees up to depth ${depth})`, () => {
      const rand = mulberry32(depth);
      const features = 7;
      const forest: Forest = { features: [], base: 0.25, trees: Array.from({ length: 30 }, () => randomTree(rand, features, depth, 0.3)) };
      const compiled = compileForest(forest);
      const specials = [NaN, Infinity, -Infinity, 0, 0.5, 1];
      // Rows side by side in one array, as the second pass lays them out.
      const rows = 200;
      const flat = new Float32Array(rows * features);
      for (let i = 0; i < flat.length; i++) flat[i] = rand() < 0.1 ? specials[Math.floor(rand() * specials.length)] : Math.round(rand() * 10) / 8;
      // Rows scored side by side, from an offset and with a count that is not a multiple of the lanes.
      const side = new Float64Array(rows + 3);
      forestScoreRows(compiled, flat, features, rows - 1, side, 3);
      for (let i = 0; i < rows; i++) {
        const x = flat.subarray(i * features, (i + 1) * features);
        const want = walk(forest, x);
        expect(forestScore(compiled, x)).toBe(want);
        expect(forestScore(compiled, flat, i * features)).toBe(want);
        if (i < rows - 1) expect(side[3 + i]).toBe(want);
      }
    });
  }

  it("scores a forest with no trees as its base", () => {
    expect(forestScore(compileForest({ features: [], base: -0.5, trees: [] }), [1])).toBe(-0.5);
    const out = new Float64Array(5);
    forestScoreRows(compileForest({ features: [], base: -0.5, trees: [] }), new Float32Array(5), 1, 5, out, 0);
    expect([...out]).toEqual([-0.5, -0.5, -0.5, -0.5, -0.5]);
  });
});

describe("float32AtOrBelow", () => {
  it("is the largest float32 at or below t, so a float32 x is <= t exactly when it is <= it", () => {
    const near = (t: number) => { const r = Math.fround(t), a = new Float32Array([r]), b = new Int32Array(a.buffer); const out = [r]; for (const d of [-1, 1]) { b[0] += d; out.push(a[0]); b[0] -= d; } return out; };
    const check = (t: number) => {
      const u = float32AtOrBelow(t);
      expect(Math.fround(u)).toBe(u);
      if (Number.isNaN(t)) { expect(u).toBeNaN(); return; }
      expect(u <= t).toBe(true);
      for (const x of [...near(t), 0, -0, Infinity, -Infinity]) expect(x <= u).toBe(x <= t);
    };
    for (const t of [0, -0, 1, -1, 0.1, -0.1, 1e-46, -1e-46, 1e300, -1e300, Infinity, -Infinity, NaN, 3.4028235677973366e38, 1.401298464324817e-45]) check(t);
    fc.assert(fc.property(fc.double(), (t) => check(t)), { numRuns: 20000 });
  });

  it("leaves forestScoreRows bit for bit the node walk with thresholds that are not float32", () => {
    const rand = mulberry32(11);
    const features = 5;
    const trees = Array.from({ length: 40 }, () => randomTree(rand, features, 5, 0.2));
    for (const tree of trees) tree.t = tree.t.map(() => rand() * 2 - 0.5);
    const forest: Forest = { features: [], base: 0, trees };
    const compiled = compileForest(forest);
    const rows = 64;
    const flat = new Float32Array(rows * features);
    // Each value the float32 just below, at or above some threshold.
    const ts = trees.flatMap((tr) => tr.t);
    for (let i = 0; i < flat.length; i++) { const t = ts[Math.floor(rand() * ts.length)]; flat[i] = t; if (rand() < 0.3) flat[i] = float32AtOrBelow(t); }
    const out = new Float64Array(rows);
    forestScoreRows(compiled, flat, features, rows, out, 0);
    for (let i = 0; i < rows; i++) expect(out[i]).toBe(walk(forest, flat.subarray(i * features, (i + 1) * features)));
  });
});
