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

export function treeValue(tree: Tree, x: ArrayLike<number>): number {
  if (!tree.f.length) return tree.v[0];
  let k = 0;
  for (;;) {
    const c = x[tree.f[k]] <= tree.t[k] ? tree.l[k] : tree.r[k];
    if (c < 0) return tree.v[~c];
    k = c;
  }
}

/** The forest's logit for one feature vector. */
export function forestScore(forest: Forest, x: ArrayLike<number>): number {
  let z = forest.base;
  const trees = forest.trees;
  for (let i = 0; i < trees.length; i++) z += treeValue(trees[i], x);
  return z;
}
