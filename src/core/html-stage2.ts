// The fast engine's second context stage (issue 4): small boosted trees stacked on the context
// pass's output. The context pass scores each block from its neighbours' block-pass scores; this
// stage reads, per block, what the context pass concluded around it: its neighbours' final P(body),
// window means, the run of likely body it sits in, how far the nearest body is, and the P(body)
// of the other blocks under its parent and grandparent elements. A comment thread or a teaser
// rail just past the article then reads as "outside the page's main run" even where each of its
// blocks alone looks like prose.
//
// Linear in the page: prefix sums over the blocks, one pass each way, and one backward pass over
// the element table (as src/core/region.ts) for the element sums.
import type { RegionInput } from "./region.ts";

// Neighbours read one by one: ±1..3 blocks (the context pass's own window, src/core/context.ts).
const NEAR = 3;
// Window half-widths of the means: 1, 3 and 7 blocks each side (windows of 3, 7 and 15 blocks).
const WINDOWS = [1, 3, 7] as const;
// A block is "likely body" at P >= this when the stage looks for runs and distances: the P where
// the context pass's evidence is even (its threshold grid's middle).
const BODY_P = 0.5;
// Distances in blocks are capped here: beyond a screenful the distance says nothing more.
const MAX_GAP = 50;
// Value of a neighbour feature past the page's edge (P is in [0, 1]: trees split it off).
const NONE = -1;
const LOGIT_CLIP = 8;

export const STAGE2_FEATURES = [
  "p", "logit", "p_block_logit", "log_words",
  ...Array.from({ length: NEAR }, (_, k) => [`p_prev${k + 1}`, `p_next${k + 1}`]).flat(),
  ...WINDOWS.flatMap((w) => [`mean_${2 * w + 1}`, `wmean_${2 * w + 1}`, `min_${2 * w + 1}`, `max_${2 * w + 1}`]),
  "gap_before", "gap_after", "gap_words_before", "gap_words_after",
  "run_blocks", "run_words_log", "run_mass_share", "mass_before_share", "mass_after_share",
  "page_share_over", "page_words_log",
  "parent_wmean", "parent_words_log", "grand_wmean", "grand_words_log", "same_parent_prev", "same_parent_next",
] as const;
export const STAGE2_SIZE = STAGE2_FEATURES.length;
const COL = Object.fromEntries(STAGE2_FEATURES.map((n, i) => [n, i])) as Record<(typeof STAGE2_FEATURES)[number], number>;

const logit = (p: number) => Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, Math.log(p / (1 - p))));

/**
 * One row per block, row i at i * STAGE2_SIZE, in an array with room for a multiple of `group`
 * rows (trees.ts ROW_GROUP). `p` is the context pass's P(body), `pBlock` the block pass's.
 * Without an element table the element columns read as the page's.
 */
export function stage2Matrix(p: ArrayLike<number>, pBlock: ArrayLike<number>, nWords: ArrayLike<number>, region: RegionInput | undefined, group = 1): Float32Array {
  const n = p.length, W = STAGE2_SIZE;
  const out = new Float32Array(Math.ceil(n / group) * group * W);
  // Prefix sums: P, words x P, words.
  const sp = new Float64Array(n + 1), swp = new Float64Array(n + 1), sw = new Float64Array(n + 1);
  let over = 0;
  for (let i = 0; i < n; i++) {
    sp[i + 1] = sp[i] + p[i];
    swp[i + 1] = swp[i] + nWords[i] * p[i];
    sw[i + 1] = sw[i] + nWords[i];
    if (p[i] >= BODY_P) over++;
  }
  const mass = swp[n] || 1;
  const pageShare = n ? over / n : 0, pageWords = Math.log1p(sw[n]);
  // Runs of likely body: each block's run start/end (exclusive) when it is in one.
  const runStart = new Int32Array(n), runEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) runStart[i] = p[i] >= BODY_P ? (i > 0 && p[i - 1] >= BODY_P ? runStart[i - 1] : i) : -1;
  for (let i = n - 1; i >= 0; i--) runEnd[i] = p[i] >= BODY_P ? (i + 1 < n && p[i + 1] >= BODY_P ? runEnd[i + 1] : i + 1) : -1;
  // Nearest likely-body block before / after (-1: none).
  let last = -1;
  for (let i = 0, at = 0; i < n; i++, at += W) {
    const v = out.subarray(at, at + W);
    v[COL.p] = p[i];
    v[COL.logit] = logit(p[i]);
    v[COL.p_block_logit] = logit(pBlock[i]);
    v[COL.log_words] = Math.log1p(nWords[i]);
    for (let k = 1; k <= NEAR; k++) {
      v[COL.p_prev1 + 2 * (k - 1)] = i - k >= 0 ? p[i - k] : NONE;
      v[COL.p_next1 + 2 * (k - 1)] = i + k < n ? p[i + k] : NONE;
    }
    WINDOWS.forEach((w, k) => {
      const lo = Math.max(0, i - w), hi = Math.min(n, i + w + 1);
      const c = COL.mean_3 + 4 * k;
      v[c] = (sp[hi] - sp[lo]) / (hi - lo);
      const ww = sw[hi] - sw[lo];
      v[c + 1] = ww > 0 ? (swp[hi] - swp[lo]) / ww : v[c];
      let mn = 1, mx = 0;
      for (let j = lo; j < hi; j++) { if (p[j] < mn) mn = p[j]; if (p[j] > mx) mx = p[j]; }
      v[c + 2] = mn;
      v[c + 3] = mx;
    });
    v[COL.gap_before] = last < 0 ? MAX_GAP : Math.min(MAX_GAP, i - last);
    v[COL.gap_words_before] = last < 0 ? Math.log1p(sw[i]) : Math.log1p(sw[i] - sw[last + 1]);
    if (p[i] >= BODY_P) last = i;
    if (runStart[i] >= 0) {
      const a = runStart[i], b = runEnd[i];
      v[COL.run_blocks] = b - a;
      v[COL.run_words_log] = Math.log1p(sw[b] - sw[a]);
      v[COL.run_mass_share] = (swp[b] - swp[a]) / mass;
    }
    v[COL.mass_before_share] = swp[i] / mass;
    v[COL.mass_after_share] = (swp[n] - swp[i + 1]) / mass;
    v[COL.page_share_over] = pageShare;
    v[COL.page_words_log] = pageWords;
  }
  let next = -1;
  for (let i = n - 1, at = (n - 1) * W; i >= 0; i--, at -= W) {
    out[at + COL.gap_after] = next < 0 ? MAX_GAP : Math.min(MAX_GAP, next - i);
    out[at + COL.gap_words_after] = next < 0 ? Math.log1p(sw[n] - sw[i + 1]) : Math.log1p(sw[next] - sw[i + 1]);
    if (p[i] >= BODY_P) next = i;
  }
  elementColumns(out, p, nWords, region, swp[n], sw[n]);
  return out;
}

/** Word-weighted mean P of the other blocks under each block's parent and grandparent element, and their words. */
function elementColumns(out: Float32Array, p: ArrayLike<number>, nWords: ArrayLike<number>, region: RegionInput | undefined, pageWp: number, pageW: number): void {
  const n = p.length, W = STAGE2_SIZE;
  const put = (at: number, wp: number, w: number, col: number, colWords: number) => {
    out[at + col] = w > 0 ? wp / w : NONE;
    out[at + colWords] = Math.log1p(w);
  };
  if (!region) {
    for (let i = 0, at = 0; i < n; i++, at += W) {
      const wp = pageWp - nWords[i] * p[i], w = pageW - nWords[i];
      put(at, wp, w, COL.parent_wmean, COL.parent_words_log);
      put(at, wp, w, COL.grand_wmean, COL.grand_words_log);
    }
    return;
  }
  const { parent, blockEl } = region;
  const m = parent.length;
  const ewp = new Float64Array(m), ew = new Float64Array(m);
  for (let b = 0; b < n; b++) if (blockEl[b] >= 0) { ewp[blockEl[b]] += nWords[b] * p[b]; ew[blockEl[b]] += nWords[b]; }
  for (let e = m - 1; e >= 0; e--) if (parent[e] >= 0) { ewp[parent[e]] += ewp[e]; ew[parent[e]] += ew[e]; }
  const up = (e: number) => (e >= 0 ? parent[e] : -1);
  for (let i = 0, at = 0; i < n; i++, at += W) {
    const own = nWords[i] * p[i];
    const e1 = up(blockEl[i]), e2 = up(e1);
    if (e1 >= 0) put(at, ewp[e1] - own, ew[e1] - nWords[i], COL.parent_wmean, COL.parent_words_log);
    else put(at, pageWp - own, pageW - nWords[i], COL.parent_wmean, COL.parent_words_log);
    if (e2 >= 0) put(at, ewp[e2] - own, ew[e2] - nWords[i], COL.grand_wmean, COL.grand_words_log);
    else put(at, pageWp - own, pageW - nWords[i], COL.grand_wmean, COL.grand_words_log);
    out[at + COL.same_parent_prev] = +(i > 0 && e1 >= 0 && up(blockEl[i - 1]) === e1);
    out[at + COL.same_parent_next] = +(i + 1 < n && e1 >= 0 && up(blockEl[i + 1]) === e1);
  }
}
