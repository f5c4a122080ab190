// The fast engine's region scorer (issue 4): a learned Readability. A logistic regression over the
// block's HTML features that do not depend on a region (the text model's two probabilities, tag,
// heading, link density, landmarks, hashed class/id tokens) gives each block P(body); the region is
// the element that maximises the words x (P(body) - REGION_CENTER) of its blocks
// (src/core/region.ts). Class names like "comment", "sidebar", "related" and link-heavy blocks then
// pull an element's score down where the text model alone reads their prose as body.
// Trained out of fold by site with the HTML pass (src/train/html-train.ts), stored in the fast
// engine's model file.
import { HTML_FEATURES, HTML_INDEX, type HtmlFeatureName, type HtmlFeatures } from "./html-features.ts";
import { decodeBase64, dot, hashedScore, ModelError, sigmoid, type HashedWeights } from "./model.ts";

// The HTML features that describe a region (Readability's or this one's): left out, since the
// region is what this scorer is for. The <article> landmark (`in_article`) is left out too: the
// scorer that read it scored lower held out (fast engine 0.9554 article F1 against 0.9585
// without it, on the 2026-11-23 text model; `npm run train:html -- --engine fast --no-write`).
const REGION_DEPENDENT: ReadonlySet<HtmlFeatureName> = new Set([
  "article_p2_logit", "article_p2_missing", "in_region", "in_article", "readability_ok", "article_word_share",
  "prev_in_article", "next_in_article", "window_in_article",
]);

export const REGION_FEATURES = HTML_FEATURES.filter((n) => !REGION_DEPENDENT.has(n));
const AT = Int32Array.from(REGION_FEATURES, (n) => HTML_INDEX[n]);

export interface RegionScorer {
  dense: Float32Array;
  hashed: Float32Array;
}

/** The region scorer's dense rows, from the HTML features of the blocks (hashed tokens as they are): for training. */
export function regionRows(f: HtmlFeatures): Float32Array[] {
  return f.dense.map((v) => {
    const row = new Float32Array(AT.length);
    for (let k = 0; k < AT.length; k++) row[k] = v[AT[k]];
    return row;
  });
}

/** P(body) of each block by the region scorer, read straight from the blocks' HTML features (the dot over regionRows' columns, in their order). */
export function regionProbabilities(scorer: RegionScorer, f: HtmlFeatures): Float64Array {
  const out = new Float64Array(f.dense.length);
  for (let i = 0; i < out.length; i++) {
    const v = f.dense[i];
    let z = 0;
    for (let k = 0; k < AT.length; k++) z += scorer.dense[k] * v[AT[k]];
    out[i] = sigmoid(z + hashedScore(scorer.hashed, f.hashed[i]));
  }
  return out;
}

/** Checks and loads the stored scorer (`hashBits` is its model file's). */
export function loadRegionScorer(w: HashedWeights, hashBits: number): RegionScorer {
  if (w.features.length !== REGION_FEATURES.length || w.features.some((n, i) => n !== REGION_FEATURES[i])) {
    throw new ModelError("HTML model region features do not match this code's; retrain with npm run train:html -- --engine fast");
  }
  const bytes = decodeBase64(w.hashed.int8);
  if (bytes.length !== 1 << hashBits) throw new ModelError("HTML model region hashed table has the wrong size");
  const int8 = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return { dense: Float32Array.from(w.weights), hashed: Float32Array.from(int8, (x) => x * w.hashed.scale) };
}
