// classify -> smooth: the two learned passes over a document's lines.
import { CONTEXT_SIZE, contextMatrix, type Markers } from "./context.ts";
import { DENSE_SIZE, type DocFeatures } from "./features.ts";
import { dot, hashedScore, sigmoid, type Model } from "./model.ts";
import { forestScore } from "./trees.ts";

function linearProbs(doc: DocFeatures, dense: Float32Array, hashed: Float32Array): Float64Array {
  const { denseFlat, bucketFlat, bucketStart } = doc;
  const n = doc.nWords.length;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    p[i] = sigmoid(dot(dense, denseFlat, i * DENSE_SIZE) + hashedScore(hashed, bucketFlat, bucketStart[i], bucketStart[i + 1]));
  }
  return p;
}

/** First pass: P(body) of each line on its own features. */
export function classifyLines(doc: DocFeatures, model: Model): Float64Array {
  return linearProbs(doc, model.lineDense, model.lineHashed);
}

/** First pass too: how much each line reads like the line just before the article or just after it. */
export function markLines(doc: DocFeatures, model: Model): Markers {
  return { start: linearProbs(doc, model.startDense, model.startHashed), end: linearProbs(doc, model.endDense, model.endHashed) };
}

/** Second pass: P(body) of each line given its neighbours' first-pass probabilities and the markers. */
export function smoothLines(p1: Float64Array, doc: DocFeatures, model: Model, markers: Markers): Float64Array {
  const ctx = contextMatrix(p1, doc.denseFlat, doc.nWords, markers);
  const p = new Float64Array(p1.length);
  for (let i = 0; i < p.length; i++) p[i] = sigmoid(forestScore(model.context, ctx, i * CONTEXT_SIZE));
  return p;
}
