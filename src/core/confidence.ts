// Page-level confidence: the calibrated probability that the returned body's token F1 against
// the gold body is at least 0.9 (DESIGN.md §3). A logistic model over how decided the line
// probabilities were, fitted on out-of-fold outputs by `npm run train` (Platt scaling is the
// logistic fit itself), so it is calibrated on sites the line model never saw.
import { dot, sigmoid, type Model } from "./model.ts";

export const CONFIDENCE_FEATURES = [
  "bias", "kept_mean_p", "removed_mean_p", "uncertain_word_share", "near_threshold_word_share",
  "kept_word_share", "log_kept_words", "log_body_runs", "largest_run_share", "log_lines",
  "no_body", "few_body_words", "language_known", "mean_raw_final_gap",
] as const;

// A line is "uncertain" between these probabilities; "near threshold" within NEAR of it. Set by
// hand, not tuned: the middle 60% and a band of ±0.1; the learned weights decide what they count.
const UNCERTAIN_LOW = 0.2;
const UNCERTAIN_HIGH = 0.8;
const NEAR = 0.1;
// Fewer body words than this is rarely a whole article. Set by hand, not tuned: about two short
// paragraphs.
const FEW_WORDS = 50;

/**
 * The confidence model's features of a page's decided lines. Lines with `leaveOut[i] > 0` are read
 * as if the page did not hold them: the lines a site's template cut (site-template.ts), which are
 * known boilerplate, not a doubt about the body.
 */
export function confidenceFeatures(p: Float64Array, p1: Float64Array, keep: readonly boolean[], nWords: ArrayLike<number>, threshold: number, languageKnown: boolean, leaveOut?: ArrayLike<number>): Float32Array {
  let n = 0;
  let keptW = 0, totalW = 0, uncertainW = 0, nearW = 0, keptP = 0, keptN = 0, remP = 0, remN = 0, gap = 0;
  let runs = 0, runW = 0, bestRun = 0, prevKept = false;
  for (let i = 0; i < p.length; i++) {
    if (leaveOut && leaveOut[i] > 0) continue;
    n++;
    const w = nWords[i] || 0;
    totalW += w;
    if (p[i] > UNCERTAIN_LOW && p[i] < UNCERTAIN_HIGH) uncertainW += w;
    if (Math.abs(p[i] - threshold) < NEAR) nearW += w;
    gap += Math.abs(p[i] - p1[i]);
    if (keep[i]) {
      keptW += w; keptP += p[i]; keptN++;
      if (!prevKept) { runs++; runW = 0; }
      runW += w;
      if (runW > bestRun) bestRun = runW;
    } else {
      remP += p[i]; remN++;
    }
    prevKept = keep[i];
  }
  const v = new Float32Array(CONFIDENCE_FEATURES.length);
  v[0] = 1;
  v[1] = keptN ? keptP / keptN : 0;
  v[2] = remN ? remP / remN : 0;
  v[3] = totalW ? uncertainW / totalW : 0;
  v[4] = totalW ? nearW / totalW : 0;
  v[5] = totalW ? keptW / totalW : 0;
  v[6] = Math.log1p(keptW);
  v[7] = Math.log1p(runs);
  v[8] = keptW ? bestRun / keptW : 0;
  v[9] = Math.log1p(n);
  v[10] = +(keptN === 0);
  v[11] = +(keptW < FEW_WORDS);
  v[12] = +languageKnown;
  v[13] = n ? gap / n : 0;
  return v;
}

export function confidenceOf(features: Float32Array, model: Pick<Model, "confidence">): number {
  return sigmoid(dot(model.confidence, features));
}
