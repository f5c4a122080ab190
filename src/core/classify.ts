// classify -> smooth: the two learned passes over a document's lines.
import { TEXT_CONTEXT_SIZE, contextRows, type Markers } from "./context.ts";
import { DENSE_SIZE, type DocFeatures } from "./features.ts";
import { sigmoid, type Model } from "./model.ts";
import { forestScoreRows } from "./trees.ts";

/**
 * First pass: P(body) of each line on its own features, and how much each line reads like the
 * line just before the article or just after it (the start/end markers). Three logistic models
 * over the same features, scored in one sweep over the document's rows (each sum in the same
 * order as scoring them one by one, so the same values).
 */
export function firstPass(doc: DocFeatures, model: Model): { p1: Float64Array; markers: Markers } {
  const { denseFlat: x, bucketFlat, bucketStart } = doc;
  const n = doc.nWords.length;
  const p1 = new Float64Array(n), start = new Float64Array(n), end = new Float64Array(n);
  const { firstDense: w, firstHashed: h } = model;
  for (let i = 0; i < n; i++) {
    let z1 = 0, z2 = 0, z3 = 0;
    for (let k = 0, o = i * DENSE_SIZE; k < 3 * DENSE_SIZE; k += 3, o++) {
      // A zero value adds +0 or -0, which leaves a sum that is not -0 unchanged (and none is: it
      // starts at +0, and a sum that cancels to zero is +0), so zeros are skipped.
      const v = x[o];
      if (v !== 0) { z1 += w[k] * v; z2 += w[k + 1] * v; z3 += w[k + 2] * v; }
    }
    const a = bucketStart[i], b = bucketStart[i + 1];
    let y1 = 0, y2 = 0, y3 = 0;
    for (let k = a; k < b; k++) { const j = 3 * bucketFlat[k]; y1 += h[j]; y2 += h[j + 1]; y3 += h[j + 2]; }
    // hashedScore: the bucket sum over sqrt(count), 0 for a line with no buckets.
    const r = b > a ? Math.sqrt(b - a) : 0;
    p1[i] = sigmoid(z1 + (r ? y1 / r : 0));
    start[i] = sigmoid(z2 + (r ? y2 / r : 0));
    end[i] = sigmoid(z3 + (r ? y3 / r : 0));
  }
  return { p1, markers: { start, end } };
}

/** Second pass: P(body) of each line given its neighbours' first-pass probabilities and the markers. */
export function smoothLines(p1: Float64Array, doc: DocFeatures, model: Model, markers: Markers): Float64Array {
  const z = new Float64Array(p1.length);
  const forest = model.context;
  contextRows(p1, doc.denseFlat, doc.nWords, markers, (from, rows, count) => forestScoreRows(forest, rows, TEXT_CONTEXT_SIZE, count, z, from));
  for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]);
  return z;
}
