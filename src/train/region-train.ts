// Training the fast engine's region scorer (src/core/region-model.ts): a logistic regression over
// the region-free HTML features of every block of the article pages, labelled body or not by
// alignment to the gold, out of fold by site (fold k's pages get the scorer that never saw their site, as the
// HTML pass that stacks on the region they choose will see at serving) and once on all pages.
import { blockFeatures } from "../core/clean-html.ts";
import { loadRegionScorer, REGION_FEATURES, regionRows, type RegionScorer } from "../core/region-model.ts";
import { encodeBase64, type HashedWeights, type Model } from "../core/model.ts";
import type { HtmlTrainPage } from "./html-train.ts";
import { quantizeInt8, trainLogReg, type LogRegParams, type LogRegWeights } from "./logreg.ts";

interface RegionRows {
  fold: number;
  dense: Float32Array[];
  hashed: Uint32Array[];
  y: Uint8Array;
  nWords: Int32Array;
}

// The block pass's settings (src/train/html-train.ts, BLOCK_PARAMS); a 10x stronger L2 on the
// hashed tokens moved the held-out region-alone F1 by under 0.001.
export const REGION_PARAMS: LogRegParams = { epochs: 8, lr: 0.1, l2Dense: 1e-6, l2Hashed: 1e-5, seed: 20261125 };

/**
 * The scorer's training rows of each article page (the text model of the page's fold, no region).
 * Articles only: the region matters on them, and trained on every page kind (whose blocks are
 * mostly boilerplate) the scorer's held-out region-alone F1 was 0.933 at its best center, on
 * articles 0.938 (held out by site on the corpus).
 */
export function regionTrainRows(pages: HtmlTrainPage[], textModelFor: (fold: number) => Model, hashBits: number): RegionRows[] {
  return pages.filter((page) => page.pageType === "article").map((page) => {
    const { f, nWords } = blockFeatures({ ...page.input, region: undefined }, textModelFor(page.fold), hashBits);
    return { fold: page.fold, dense: regionRows(f), hashed: f.hashed, y: page.y, nWords };
  });
}

function fit(rows: RegionRows[], params: LogRegParams): LogRegWeights {
  return trainLogReg({ dense: rows.flatMap((r) => r.dense), hashed: rows.flatMap((r) => r.hashed), y: Uint8Array.from(rows.flatMap((r) => Array.from(r.y))) }, params);
}

/** The scorer of each fold (trained on the other folds' pages) and the one on all pages. */
export function trainRegionScorers(rows: RegionRows[], folds: number, hashBits: number, params = REGION_PARAMS) {
  params = { ...params, hashBits };
  return { folds: Array.from({ length: folds }, (_, k) => fit(rows.filter((r) => r.fold !== k), params)), all: fit(rows, params) };
}

/** The scorer as the model file stores it (hashed weights as int8). */
export function regionFileOf(w: LogRegWeights): HashedWeights {
  const q = quantizeInt8(w.hashed);
  return { features: [...REGION_FEATURES], weights: Array.from(w.dense, (x) => Math.round(x * 1e5) / 1e5), hashed: { scale: q.scale, int8: encodeBase64(q.bytes) } };
}

/** The scorer as serving loads it from the file, so training chooses the regions serving will. */
export const regionScorerOf = (w: LogRegWeights, hashBits: number): RegionScorer => loadRegionScorer(regionFileOf(w), hashBits);
