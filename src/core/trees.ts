// Gradient-boosted regression trees: the stored form and the scorer (the trainer is
// src/train/gbdt.ts). A forest is a sum of trees over a named dense vector; its sum is a logit.
// Stored as plain JSON arrays so the Node server and the Worker load the same bytes.

/**
 * One tree. Internal node k tests `x[f[k]] <= t[k]` and goes to child l[k] (true) or r[k]
 * (false); a child c >= 0 is another internal node, c < 0 the leaf v[~c]. A tree with no
 * internal node is the single leaf v[0].
 */
export interface Tree {
  f: number[];
  t: number[];
  l: number[];
  r: number[];
  v: number[];
}

export interface Forest {
  features: string[];
  /** Starting logit (the training base rate). */
  base: number;
  trees: Tree[];
}

/**
 * A forest laid out for branch-free scoring: every tree padded to the forest's depth D as a
 * perfect binary tree in heap order (node k's children are 2k+1 and 2k+2), so scoring is D
 * steps of "go left or right" arithmetic per tree, with no data-dependent branch for the CPU to
 * mispredict (the pointer-chasing walk spent most of its time on those). A leaf above depth D
 * becomes a subtree of dummy tests whose leaves all hold its value, so the choice at a dummy
 * node never matters; leaf values are summed in tree order as before, so scores are bit-identical.
 */
export interface CompiledForest {
  base: number;
  trees: number;
  depth: number;
  /** Per tree, 2^depth - 1 internal nodes: feature index and threshold (go left when x[f] <= t). */
  f: Int32Array;
  t: Float64Array;
  /**
   * The thresholds as the largest float32 at or below each: for a float32 x, x <= t exactly when
   * x <= t32, so rows of float32 are scored the same from a table half the size (forestScoreRows).
   */
  t32: Float32Array;
  /** Per tree, 2^depth leaf values. */
  v: Float64Array;
}

export function compileForest(forest: Forest): CompiledForest {
  const depthOf = (tree: Tree, c: number): number => (c < 0 ? 0 : 1 + Math.max(depthOf(tree, tree.l[c]), depthOf(tree, tree.r[c])));
  // At least one level, so a forest of single leaves still has a test (a dummy) per tree.
  const depth = Math.max(1, ...forest.trees.map((tree) => (tree.f.length ? depthOf(tree, 0) : 0)));
  const nodes = (1 << depth) - 1, leaves = 1 << depth, T = forest.trees.length;
  const out: CompiledForest = { base: forest.base, trees: T, depth, f: new Int32Array(T * nodes), t: new Float64Array(T * nodes), t32: new Float32Array(T * nodes), v: new Float64Array(T * leaves) };
  forest.trees.forEach((tree, k) => {
    // c: the stored tree's node (>= 0) or ~leaf; slot: its place in the perfect tree.
    const fill = (c: number, slot: number, level: number) => {
      if (level === depth) { out.v[k * leaves + slot - nodes] = tree.v[~c]; return; }
      const real = c >= 0;
      out.f[k * nodes + slot] = real ? tree.f[c] : 0;
      out.t[k * nodes + slot] = real ? tree.t[c] : Infinity;
      fill(real ? tree.l[c] : c, 2 * slot + 1, level + 1);
      fill(real ? tree.r[c] : c, 2 * slot + 2, level + 1);
    };
    fill(tree.f.length ? 0 : ~0, 0, 0);
  });
  out.t32.set(Array.from(out.t, float32AtOrBelow));
  return out;
}

const F32 = new Float32Array(1), F32_BITS = new Int32Array(F32.buffer);
/** The largest float32 <= t (t itself when it is one; NaN stays NaN). */
export function float32AtOrBelow(t: number): number {
  const r = Math.fround(t);
  if (!(r > t)) return r;
  // One step down from r: toward zero for a positive r, away from it for a negative one, and
  // below zero, the negative float32 nearest it.
  F32[0] = r;
  if (r > 0) F32_BITS[0]--;
  else if (r < 0) F32_BITS[0]++;
  else F32_BITS[0] = 0x80000001 | 0;
  return F32[0];
}

/**
 * The forest's logit for the feature vector x[at .. at + features). Each step is
 * `c = 2c + 1 + (x[f] <= t ? 0 : 1)`, written so V8 computes it without a branch; the first
 * levels are unrolled behind tests on the depth, which are the same for every tree (predicted).
 */
export function forestScore(forest: CompiledForest, x: ArrayLike<number>, at = 0): number {
  const { f, t, v, depth, trees } = forest;
  const nodes = (1 << depth) - 1, leaves = nodes + 1;
  let z = forest.base;
  for (let k = 0, b = 0, lv = 0; k < trees; k++, b += nodes, lv += leaves) {
    let c = 2 - +(x[at + f[b]] <= t[b]);
    if (depth > 1) c = 2 * c + 2 - +(x[at + f[b + c]] <= t[b + c]);
    if (depth > 2) c = 2 * c + 2 - +(x[at + f[b + c]] <= t[b + c]);
    if (depth > 3) c = 2 * c + 2 - +(x[at + f[b + c]] <= t[b + c]);
    if (depth > 4) c = 2 * c + 2 - +(x[at + f[b + c]] <= t[b + c]);
    if (depth > 5) c = 2 * c + 2 - +(x[at + f[b + c]] <= t[b + c]);
    if (depth > 6) c = deeper(forest, x, at, b, c);
    z += v[lv + c - nodes];
  }
  return z;
}

/** Levels past the sixth (the trainer grows depth 5), in a loop of their own. */
function deeper(forest: CompiledForest, x: ArrayLike<number>, at: number, b: number, c: number): number {
  const { f, t } = forest;
  for (let d = 6; d < forest.depth; d++) c = 2 * c + 2 - +(x[at + f[b + c]] <= t[b + c]);
  return c;
}

// Rows scored side by side: each tree's walk is a chain of dependent loads (node, feature value,
// next node), and one row's chain leaves the CPU idle waiting on memory. Eight rows walk each tree
// together, eight independent chains in one loop body, so their loads overlap (per row, 4 lanes
// took 0.62x the time of one and 8 lanes 0.53x, on the shipped forest: .tmp microbenchmark). The
// float32 thresholds and the root's test read once per tree took it from 1,065 to 945 ns a row,
// and the next four levels written out to 770 (the same microbenchmark: 26,385 rows of 100
// corpus pages, best of 40 rounds of CPU time).
const LANES = 8;
/** Rows scored together: `rows` with room for a multiple of this many lets the last rows be too. */
export const ROW_GROUP = LANES;
// A last, partial group of rows is scored in lanes when it has at least this many rows, else one by
// one: a group costs the same whatever its rows (5.5 us on the shipped forest), a row alone 1.7-1.8 us
// (.tmp microbenchmark: 3 rows were 5.25 us one by one, 2 rows 3.6 us).
const LANE_TAIL_MIN = 3;
// A last, partial group's scores before the ones wanted are copied out.
const TAIL = new Float64Array(LANES);

/**
 * forestScore of `count` rows laid side by side in `rows` (row r at r * width), into
 * out[outAt + r]; the same values as scoring them one by one (each row's leaves summed in tree
 * order).
 */
export function forestScoreRows(forest: CompiledForest, rows: Float32Array, width: number, count: number, out: Float64Array, outAt: number): void {
  // rows are float32, so the float32 thresholds decide the same (CompiledForest.t32).
  const { f, t32: t, v, depth, trees, base } = forest;
  const nodes = (1 << depth) - 1, leaves = nodes + 1;
  let r = 0;
  // The last rows too when they are LANE_TAIL_MIN or more and `rows` holds room for a whole group
  // past them (contextRows' block does): the lanes past `count` read whatever is there, and their
  // scores are not written.
  for (; r + LANES <= count || (r + LANE_TAIL_MIN <= count && (r + LANES) * width <= rows.length); r += LANES) {
    const a0 = r * width, a1 = a0 + width, a2 = a1 + width, a3 = a2 + width, a4 = a3 + width, a5 = a4 + width, a6 = a5 + width, a7 = a6 + width;
    let z0 = base, z1 = base, z2 = base, z3 = base, z4 = base, z5 = base, z6 = base, z7 = base;
    for (let k = 0, b = 0, lv = -nodes; k < trees; k++, b += nodes, lv += leaves) {
      // The root is the same node for every row: its test read once.
      const fr = f[b], tr = t[b];
      let c0 = 2 - +(rows[a0 + fr] <= tr), c1 = 2 - +(rows[a1 + fr] <= tr), c2 = 2 - +(rows[a2 + fr] <= tr), c3 = 2 - +(rows[a3 + fr] <= tr);
      let c4 = 2 - +(rows[a4 + fr] <= tr), c5 = 2 - +(rows[a5 + fr] <= tr), c6 = 2 - +(rows[a6 + fr] <= tr), c7 = 2 - +(rows[a7 + fr] <= tr);
      // The next four levels written out (the trainer grows depth 5, so no loop runs at all: a loop
      // of four took 20 % longer), any deeper in a loop.
      if (depth >= 5) {
        c0 = 2 * c0 + 2 - +(rows[a0 + f[b + c0]] <= t[b + c0]); c1 = 2 * c1 + 2 - +(rows[a1 + f[b + c1]] <= t[b + c1]); c2 = 2 * c2 + 2 - +(rows[a2 + f[b + c2]] <= t[b + c2]); c3 = 2 * c3 + 2 - +(rows[a3 + f[b + c3]] <= t[b + c3]);
        c4 = 2 * c4 + 2 - +(rows[a4 + f[b + c4]] <= t[b + c4]); c5 = 2 * c5 + 2 - +(rows[a5 + f[b + c5]] <= t[b + c5]); c6 = 2 * c6 + 2 - +(rows[a6 + f[b + c6]] <= t[b + c6]); c7 = 2 * c7 + 2 - +(rows[a7 + f[b + c7]] <= t[b + c7]);
        c0 = 2 * c0 + 2 - +(rows[a0 + f[b + c0]] <= t[b + c0]); c1 = 2 * c1 + 2 - +(rows[a1 + f[b + c1]] <= t[b + c1]); c2 = 2 * c2 + 2 - +(rows[a2 + f[b + c2]] <= t[b + c2]); c3 = 2 * c3 + 2 - +(rows[a3 + f[b + c3]] <= t[b + c3]);
        c4 = 2 * c4 + 2 - +(rows[a4 + f[b + c4]] <= t[b + c4]); c5 = 2 * c5 + 2 - +(rows[a5 + f[b + c5]] <= t[b + c5]); c6 = 2 * c6 + 2 - +(rows[a6 + f[b + c6]] <= t[b + c6]); c7 = 2 * c7 + 2 - +(rows[a7 + f[b + c7]] <= t[b + c7]);
        c0 = 2 * c0 + 2 - +(rows[a0 + f[b + c0]] <= t[b + c0]); c1 = 2 * c1 + 2 - +(rows[a1 + f[b + c1]] <= t[b + c1]); c2 = 2 * c2 + 2 - +(rows[a2 + f[b + c2]] <= t[b + c2]); c3 = 2 * c3 + 2 - +(rows[a3 + f[b + c3]] <= t[b + c3]);
        c4 = 2 * c4 + 2 - +(rows[a4 + f[b + c4]] <= t[b + c4]); c5 = 2 * c5 + 2 - +(rows[a5 + f[b + c5]] <= t[b + c5]); c6 = 2 * c6 + 2 - +(rows[a6 + f[b + c6]] <= t[b + c6]); c7 = 2 * c7 + 2 - +(rows[a7 + f[b + c7]] <= t[b + c7]);
        c0 = 2 * c0 + 2 - +(rows[a0 + f[b + c0]] <= t[b + c0]); c1 = 2 * c1 + 2 - +(rows[a1 + f[b + c1]] <= t[b + c1]); c2 = 2 * c2 + 2 - +(rows[a2 + f[b + c2]] <= t[b + c2]); c3 = 2 * c3 + 2 - +(rows[a3 + f[b + c3]] <= t[b + c3]);
        c4 = 2 * c4 + 2 - +(rows[a4 + f[b + c4]] <= t[b + c4]); c5 = 2 * c5 + 2 - +(rows[a5 + f[b + c5]] <= t[b + c5]); c6 = 2 * c6 + 2 - +(rows[a6 + f[b + c6]] <= t[b + c6]); c7 = 2 * c7 + 2 - +(rows[a7 + f[b + c7]] <= t[b + c7]);
      }
      for (let d = depth >= 5 ? 5 : 1; d < depth; d++) {
        c0 = 2 * c0 + 2 - +(rows[a0 + f[b + c0]] <= t[b + c0]); c1 = 2 * c1 + 2 - +(rows[a1 + f[b + c1]] <= t[b + c1]); c2 = 2 * c2 + 2 - +(rows[a2 + f[b + c2]] <= t[b + c2]); c3 = 2 * c3 + 2 - +(rows[a3 + f[b + c3]] <= t[b + c3]);
        c4 = 2 * c4 + 2 - +(rows[a4 + f[b + c4]] <= t[b + c4]); c5 = 2 * c5 + 2 - +(rows[a5 + f[b + c5]] <= t[b + c5]); c6 = 2 * c6 + 2 - +(rows[a6 + f[b + c6]] <= t[b + c6]); c7 = 2 * c7 + 2 - +(rows[a7 + f[b + c7]] <= t[b + c7]);
      }
      z0 += v[lv + c0]; z1 += v[lv + c1]; z2 += v[lv + c2]; z3 += v[lv + c3];
      z4 += v[lv + c4]; z5 += v[lv + c5]; z6 += v[lv + c6]; z7 += v[lv + c7];
    }
    const o = outAt + r;
    if (r + LANES <= count) {
      out[o] = z0; out[o + 1] = z1; out[o + 2] = z2; out[o + 3] = z3; out[o + 4] = z4; out[o + 5] = z5; out[o + 6] = z6; out[o + 7] = z7;
    } else {
      TAIL[0] = z0; TAIL[1] = z1; TAIL[2] = z2; TAIL[3] = z3; TAIL[4] = z4; TAIL[5] = z5; TAIL[6] = z6; TAIL[7] = z7;
      for (let k = 0; k < count - r; k++) out[o + k] = TAIL[k];
    }
  }
  for (; r < count; r++) out[outAt + r] = forestScore(forest, rows, r * width);
}
