// classify -> smooth: the two learned passes over a document's lines.
import { contextFeatures } from "./context.ts";
import type { DocFeatures } from "./features.ts";
import { dot, hashedScore, sigmoid, type Model } from "./model.ts";

/** First pass: P(body) of each line on its own features. */
export function classifyLines(doc: DocFeatures, model: Model): Float64Array {
  const n = doc.dense.length;
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    p[i] = sigmoid(dot(model.lineDense, doc.dense[i]) + hashedScore(model.lineHashed, doc.hashed[i]));
  }
  return p;
}

/** Second pass: P(body) of each line given its neighbours' first-pass probabilities. */
export function smoothLines(p1: Float64Array, doc: DocFeatures, model: Model): Float64Array {
  const ctx = contextFeatures(p1, doc.dense, doc.info.map((x) => x.nWords));
  const p = new Float64Array(p1.length);
  for (let i = 0; i < p.length; i++) p[i] = sigmoid(dot(model.context, ctx[i]));
  return p;
}
