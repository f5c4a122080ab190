// classify -> smooth: the two learned passes over a document's lines.
import { TEXT_CONTEXT_SIZE, contextRows, type Markers } from "./context.ts";
import * as features from "./features.ts";
import type { DocFeatures } from "./features.ts";
import { sigmoid, type Model } from "./model.ts";
import { forestScoreRows } from "./trees.ts";

// The dense vector's size as this module's own constant: in optimised code an imported binding is
// read through its cell, with a check that it is initialised, at every use in firstPass' loop.
const { DENSE_SIZE } = features;

/**
 * First pass: P(body) of each line on its own features, and how much each line reads like the
 * line just before the article or just after it (the start/end markers). Three logistic models
 * over the same features, scored in one sweep over the document's rows (each sum in the same
 * order as scoring them one by one, so the same values).
 */
export function firstPass(doc: DocFeatures, model: Model): { p1: Float64Array; markers: Markers } {
  const { denseFlat: x } = doc;
  const n = doc.nWords.length;
  const p1 = new Float64Array(n), start = new Float64Array(n), end = new Float64Array(n);
  const w = model.firstDense;
  // Two lines at a time: each sum is a chain of additions that must keep its order (so the same
  // values), each waiting on the one before; two lines' six chains side by side keep the CPU busy
  // while they wait. Every value is added, zeros too: a zero adds +0 or -0, which leaves a sum that
  // is not -0 unchanged (and none is: it starts at +0, and a sum that cancels to zero is +0), and a
  // branch to skip it was mispredicted about as often as not.
  // An odd last line is summed beside itself (its second sums dropped) rather than in a loop of its
  // own: that loop ran only on documents of an odd number of lines, and optimised code compiled
  // while it had not run yet deoptimised there on every such document.
  for (let i = 0; i < n; i += 2) {
    const next = i + 1 < n ? DENSE_SIZE : 0;
    let a1 = 0, a2 = 0, a3 = 0, b1 = 0, b2 = 0, b3 = 0;
    for (let k = 0, o = i * DENSE_SIZE; k < 3 * DENSE_SIZE; k += 3, o++) {
      const u = x[o], v = x[o + next], w1 = w[k], w2 = w[k + 1], w3 = w[k + 2];
      a1 += w1 * u; a2 += w2 * u; a3 += w3 * u;
      b1 += w1 * v; b2 += w2 * v; b3 += w3 * v;
    }
    // The dense sums go to finishLine through the arrays it writes: passed as arguments to a call
    // not inlined, each was a heap number (three a line, 0.7 MB a round of the bench's 1.5 MB document).
    p1[i] = a1; start[i] = a2; end[i] = a3;
    finishLine(doc, model, i, p1, start, end);
    if (next) { p1[i + 1] = b1; start[i + 1] = b2; end[i + 1] = b3; finishLine(doc, model, i + 1, p1, start, end); }
  }
  return { p1, markers: { start, end } };
}

/** Line i's three probabilities from its dense sums (what p1[i], start[i] and end[i] hold) and its hashed buckets. */
function finishLine(doc: DocFeatures, model: Model, i: number, p1: Float64Array, start: Float64Array, end: Float64Array): void {
  const { bucketFlat, bucketStart } = doc, h = model.firstHashed;
  const a = bucketStart[i], b = bucketStart[i + 1];
  let y1 = 0, y2 = 0, y3 = 0;
  for (let k = a; k < b; k++) { const j = 3 * bucketFlat[k]; y1 += h[j]; y2 += h[j + 1]; y3 += h[j + 2]; }
  // hashedScore: the bucket sum over sqrt(count), 0 for a line with no buckets.
  const r = b > a ? Math.sqrt(b - a) : 0;
  p1[i] = sigmoid(p1[i] + (r ? y1 / r : 0));
  start[i] = sigmoid(start[i] + (r ? y2 / r : 0));
  end[i] = sigmoid(end[i] + (r ? y3 / r : 0));
}

/** Second pass: P(body) of each line given its neighbours' first-pass probabilities and the markers. */
export function smoothLines(p1: Float64Array, doc: DocFeatures, model: Model, markers: Markers): Float64Array {
  const z = new Float64Array(p1.length);
  const forest = model.context;
  contextRows(p1, doc.denseFlat, doc.nWords, markers, (from, rows, count) => forestScoreRows(forest, rows, TEXT_CONTEXT_SIZE, count, z, from));
  for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]);
  return z;
}
