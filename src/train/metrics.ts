// Quality figures shared by training and evaluation: token scores (the eval scorer) and the
// calibration measures of the confidence (DESIGN.md §3).
import { scoreDoc, type DocScore } from "../eval/score.ts";

export type Scores = DocScore;
export const scoreText = scoreDoc;

// Ten equal-width bins, the usual choice for expected calibration error.
export const ECE_BINS = 10;

/** Expected calibration error: bin-weighted |mean predicted - observed rate|. */
export function ece(prob: ArrayLike<number>, y: ArrayLike<number>, bins = ECE_BINS): number {
  const n = prob.length;
  if (!n) return NaN;
  const sp = new Float64Array(bins), sy = new Float64Array(bins), c = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const b = Math.min(bins - 1, Math.floor(prob[i] * bins));
    sp[b] += prob[i]; sy[b] += y[i]; c[b]++;
  }
  let e = 0;
  for (let b = 0; b < bins; b++) if (c[b]) e += (c[b] / n) * Math.abs(sp[b] / c[b] - sy[b] / c[b]);
  return e;
}

export function brier(prob: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < prob.length; i++) s += (prob[i] - y[i]) ** 2;
  return prob.length ? s / prob.length : NaN;
}

/** Area under the ROC curve (rank statistic, ties counted half). */
export function auroc(prob: ArrayLike<number>, y: ArrayLike<number>): number {
  const idx = Array.from({ length: prob.length }, (_, i) => i).sort((a, b) => prob[a] - prob[b]);
  let rankSum = 0, pos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && prob[idx[j + 1]] === prob[idx[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (y[idx[k]]) { rankSum += rank; pos++; }
    i = j + 1;
  }
  const neg = idx.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
}

export function calibration(prob: ArrayLike<number>, y: ArrayLike<number>) {
  return { ece: ece(prob, y), brier: brier(prob, y), auroc: auroc(prob, y), n: prob.length };
}
