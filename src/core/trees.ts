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

/** A forest laid out in flat typed arrays for scoring: one node table, leaves as ~index. */
export interface CompiledForest {
  base: number;
  /** Per tree: its root node, or ~leaf for a single-leaf tree. */
  roots: Int32Array;
  f: Int32Array;
  t: Float64Array;
  l: Int32Array;
  r: Int32Array;
  v: Float64Array;
}

export function compileForest(forest: Forest): CompiledForest {
  let nodes = 0, leaves = 0;
  for (const tree of forest.trees) { nodes += tree.f.length; leaves += tree.v.length; }
  const out: CompiledForest = {
    base: forest.base, roots: new Int32Array(forest.trees.length),
    f: new Int32Array(nodes), t: new Float64Array(nodes), l: new Int32Array(nodes), r: new Int32Array(nodes), v: new Float64Array(leaves),
  };
  let n0 = 0, v0 = 0;
  forest.trees.forEach((tree, k) => {
    const child = (c: number) => (c >= 0 ? n0 + c : ~(v0 + ~c));
    out.roots[k] = tree.f.length ? n0 : ~v0;
    for (let i = 0; i < tree.f.length; i++) {
      out.f[n0 + i] = tree.f[i]; out.t[n0 + i] = tree.t[i];
      out.l[n0 + i] = child(tree.l[i]); out.r[n0 + i] = child(tree.r[i]);
    }
    out.v.set(tree.v, v0);
    n0 += tree.f.length; v0 += tree.v.length;
  });
  return out;
}

/** The forest's logit for one feature vector. */
export function forestScore(forest: CompiledForest, x: ArrayLike<number>): number {
  const { roots, f, t, l, r, v } = forest;
  let z = forest.base;
  for (let k = 0; k < roots.length; k++) {
    let c = roots[k];
    while (c >= 0) c = x[f[c]] <= t[c] ? l[c] : r[c];
    z += v[~c];
  }
  return z;
}
