// Gradient-boosted trees for binary log-loss, histogram-based (LightGBM-style binning, XGBoost's
// second-order gain and leaf values), deterministic for a given seed. Small and dependency-free:
// features are cut into at most `bins` quantile bins once, each tree grows depth-first to
// `depth`, with the smaller child's histogram built and the larger one's got by subtraction.
// The result is the JSON forest of src/core/trees.ts.
import type { Forest, Tree } from "../core/trees.ts";
import { mulberry32 } from "./logreg.ts";

export interface GbdtData {
  dense: Float32Array[];
  y: Uint8Array;
  /** Per-example weights (default 1). */
  w?: Float32Array;
}

export interface GbdtParams {
  trees: number;
  depth: number;
  /** Shrinkage applied to every leaf value. */
  lr: number;
  /** At most this many bins per feature (<= 256). */
  bins: number;
  /** A child needs at least this much hessian (weighted p(1-p)). */
  minHess: number;
  /** L2 penalty on leaf values. */
  l2: number;
  /** Share of rows each tree is grown on. */
  rowSample: number;
  seed: number;
}

// Rows sampled to place the bin cuts: quantiles of 50k values are exact enough for 64 bins.
const CUT_SAMPLE = 50_000;

/** Cut points per feature: bin(x) = number of cuts below x, so `bin <= b` iff `x <= cuts[b]`. */
function cutPoints(dense: Float32Array[], f: number, bins: number): number[] {
  const n = dense.length;
  const step = Math.max(1, Math.floor(n / CUT_SAMPLE));
  const vals: number[] = [];
  for (let i = 0; i < n; i += step) vals.push(dense[i][f]);
  vals.sort((a, b) => a - b);
  const distinct: number[] = [];
  for (const v of vals) if (!distinct.length || v !== distinct[distinct.length - 1]) distinct.push(v);
  let edges = distinct;
  if (distinct.length > bins) {
    // Quantile edges over the sampled values, deduplicated.
    edges = [];
    for (let b = 1; b <= bins; b++) {
      const v = vals[Math.min(vals.length - 1, Math.floor((b * vals.length) / bins) - 1)];
      if (!edges.length || v !== edges[edges.length - 1]) edges.push(v);
    }
  }
  const cuts: number[] = [];
  for (let k = 0; k + 1 < edges.length; k++) cuts.push(between(edges[k], edges[k + 1]));
  return cuts;
}

/** The shortest decimal t with a <= t < b (so it survives JSON and rounds no value across). */
function between(a: number, b: number): number {
  for (let digits = 1; digits <= 17; digits++) {
    const t = Number(((a + b) / 2).toPrecision(digits));
    if (t >= a && t < b) return t;
  }
  return a;
}

function binOf(cuts: number[], x: number): number {
  let lo = 0, hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= cuts[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface Built {
  /** Node in the tree being written: >= 0 internal, < 0 leaf (~index). */
  ref: number;
}

export function trainGbdt(data: GbdtData, names: readonly string[], p: GbdtParams): Forest {
  const n = data.y.length;
  const d = names.length;
  const cuts = Array.from({ length: d }, (_, f) => cutPoints(data.dense, f, p.bins));
  const nb = p.bins;
  // Row-major bin codes: one row's features are adjacent, as histograms read them.
  const codes = new Uint8Array(n * d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) codes[i * d + f] = binOf(cuts[f], data.dense[i][f]);

  const w = data.w ?? new Float32Array(n).fill(1);
  let pos = 0, all = 0;
  for (let i = 0; i < n; i++) { pos += w[i] * data.y[i]; all += w[i]; }
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, pos / (all || 1)));
  const base = Math.log(rate / (1 - rate));
  const score = new Float64Array(n).fill(base);
  const g = new Float64Array(n), h = new Float64Array(n);
  const rand = mulberry32(p.seed);
  const trees: Tree[] = [];
  const histSize = d * nb * 2;

  for (let t = 0; t < p.trees; t++) {
    for (let i = 0; i < n; i++) {
      const q = 1 / (1 + Math.exp(-score[i]));
      g[i] = w[i] * (q - data.y[i]);
      h[i] = w[i] * q * (1 - q);
    }
    const picked: number[] = [];
    for (let i = 0; i < n; i++) if (rand() < p.rowSample) picked.push(i);
    const tree: Tree = { f: [], t: [], l: [], r: [], v: [] };
    // Split decisions in bin terms, to route the training rows without re-binning.
    const splitBin: number[] = [];

    const histogram = (rows: Uint32Array): Float64Array => {
      const hist = new Float64Array(histSize);
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k], gi = g[i], hi = h[i], off = i * d;
        for (let f = 0; f < d; f++) {
          const j = (f * nb + codes[off + f]) * 2;
          hist[j] += gi; hist[j + 1] += hi;
        }
      }
      return hist;
    };

    const leaf = (G: number, H: number): Built => {
      tree.v.push(round6((-G / (H + p.l2)) * p.lr));
      return { ref: ~(tree.v.length - 1) };
    };

    const grow = (rows: Uint32Array, hist: Float64Array, depth: number): Built => {
      let G = 0, H = 0;
      for (let b = 0; b < nb; b++) { G += hist[b * 2]; H += hist[b * 2 + 1]; }
      if (depth >= p.depth || H < 2 * p.minHess) return leaf(G, H);
      const parentGain = (G * G) / (H + p.l2);
      let bestGain = 1e-9, bestF = -1, bestB = -1;
      for (let f = 0; f < d; f++) {
        let gl = 0, hl = 0;
        const last = cuts[f].length; // bins 0..last are in use
        for (let b = 0; b < last; b++) {
          const j = (f * nb + b) * 2;
          gl += hist[j]; hl += hist[j + 1];
          if (hl < p.minHess) continue;
          const hr = H - hl;
          if (hr < p.minHess) break;
          const gr = G - gl;
          const gain = (gl * gl) / (hl + p.l2) + (gr * gr) / (hr + p.l2) - parentGain;
          if (gain > bestGain) { bestGain = gain; bestF = f; bestB = b; }
        }
      }
      if (bestF < 0) return leaf(G, H);
      let nl = 0;
      for (let k = 0; k < rows.length; k++) if (codes[rows[k] * d + bestF] <= bestB) nl++;
      const left = new Uint32Array(nl), right = new Uint32Array(rows.length - nl);
      for (let k = 0, a = 0, c = 0; k < rows.length; k++) {
        const i = rows[k];
        if (codes[i * d + bestF] <= bestB) left[a++] = i; else right[c++] = i;
      }
      const node = tree.f.length;
      tree.f.push(bestF); tree.t.push(cuts[bestF][bestB]); tree.l.push(0); tree.r.push(0);
      splitBin.push(bestB);
      const small = left.length <= right.length ? left : right;
      const smallHist = histogram(small);
      const bigHist = hist; // reused in place: the parent's histogram is not needed any more
      for (let j = 0; j < histSize; j++) bigHist[j] -= smallHist[j];
      const leftHist = small === left ? smallHist : bigHist;
      const rightHist = small === left ? bigHist : smallHist;
      tree.l[node] = grow(left, leftHist, depth + 1).ref;
      tree.r[node] = grow(right, rightHist, depth + 1).ref;
      return { ref: node };
    };

    const rows = Uint32Array.from(picked);
    grow(rows, histogram(rows), 0);
    // Update every row's score (sampled or not) by routing its bin codes down the new tree.
    for (let i = 0; i < n; i++) {
      if (!tree.f.length) { score[i] += tree.v[0]; continue; }
      let k = 0;
      for (;;) {
        const c = codes[i * d + tree.f[k]] <= splitBin[k] ? tree.l[k] : tree.r[k];
        if (c < 0) { score[i] += tree.v[~c]; break; }
        k = c;
      }
    }
    trees.push(tree);
  }
  return { features: [...names], base: round6(base), trees };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
