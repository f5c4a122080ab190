// Training the HTML pass (issue 4): a logistic regression over the HTML features of each block
// (src/core/html-features.ts) stacked on the text model's probabilities, then its thresholds and
// its confidence calibration, all out of fold by site so that every later stage is fitted on
// outputs for sites the earlier stage never saw.
//
// The text-model probabilities it learns from are themselves out of fold: page k's blocks are
// scored by the text fold model that never saw page k's site, so the HTML pass learns how much to
// trust the text model on a site it does not know, which is what serving is.
import { blockFeatures, type HtmlBlocksInput } from "../core/clean-html.ts";
import { CONFIDENCE_FEATURES, confidenceFeatures } from "../core/confidence.ts";
import { CONTEXT_FEATURES, contextFeatures, type Markers } from "../core/context.ts";
import type { HtmlFeatures } from "../core/html-features.ts";
import { HTML_FEATURES } from "../core/html-features.ts";
import type { HtmlModelFile } from "../core/html-model.ts";
import { dot, encodeBase64, hashedScore, sigmoid, type Model } from "../core/model.ts";
import { scoreDoc } from "../eval/score.ts";
import { quantizeInt8, trainLogReg, type LogRegParams } from "./logreg.ts";
import { auroc, brier, ece } from "./metrics.ts";

// 2^12 buckets for class/id tokens: 4 KiB as int8. The corpus's pages carry ~20k distinct
// tokens, most seen on one site only; 2^14 gained under 0.001 F1 in cross-validation.
export const HTML_HASH_BITS = 12;
const SEED = 20261124;
// AdaGrad settings as the text model's (src/train/train.ts), which were tuned on the same kind of
// data; 8 epochs because the HTML pass sees ~1/2 as many examples per page kind.
const BLOCK_PARAMS: LogRegParams = { epochs: 8, lr: 0.1, l2Dense: 1e-6, l2Hashed: 1e-5, hashBits: HTML_HASH_BITS, seed: SEED };
const CONTEXT_PARAMS: LogRegParams = { epochs: 5, lr: 0.1, l2Dense: 1e-6, l2Hashed: 0, seed: SEED + 2 };
const SMALL_PARAMS: LogRegParams = { epochs: 30, lr: 0.1, l2Dense: 1e-4, l2Hashed: 0, seed: SEED + 1 };
const THRESHOLD_GRID = Array.from({ length: 19 }, (_, i) => 0.05 * (i + 1));
// As for the text model: "balanced" is the lowest threshold within this of the best article F1,
// "recall" the highest whose article recall reaches RECALL_TARGET.
const BALANCED_F1_SLACK = 0.003;
const RECALL_TARGET = 0.99;
const GOOD_F1 = 0.9;

export interface HtmlTrainPage {
  id: string;
  fold: number;
  pageType: string;
  gold: string;
  input: Pick<HtmlBlocksInput, "blocks" | "readability" | "page" | "region">;
  /** 1 where the block is body by alignment to the gold. */
  y: Uint8Array;
}

interface Prepared {
  page: HtmlTrainPage;
  f: HtmlFeatures;
  p1: Float64Array;
  p2: Float64Array;
  nWords: number[];
  languageKnown: boolean;
  dense: Float32Array[];
  markers: Markers;
}

export function prepareHtml(pages: HtmlTrainPage[], textModelFor: (fold: number) => Model): Prepared[] {
  return pages.map((page) => {
    const { a, f, nWords, markers } = blockFeatures(page.input, textModelFor(page.fold), HTML_HASH_BITS);
    return { page, f, p1: a.p1, p2: a.p2, nWords, languageKnown: a.doc.language !== "und", dense: a.doc.dense, markers };
  });
}

function flat(items: Prepared[]) {
  const dense: Float32Array[] = [], hashed: Uint32Array[] = [], y: number[] = [];
  for (const it of items) {
    for (let i = 0; i < it.f.dense.length; i++) { dense.push(it.f.dense[i]); hashed.push(it.f.hashed[i]); y.push(it.page.y[i]); }
  }
  return { dense, hashed, y: Uint8Array.from(y) };
}

function predict(w: { dense: Float64Array; hashed: Float64Array }, it: Prepared): Float64Array {
  const wd = Float32Array.from(w.dense), wh = Float32Array.from(w.hashed);
  return Float64Array.from(it.f.dense, (x, i) => sigmoid(dot(wd, x) + hashedScore(wh, it.f.hashed[i])));
}

const keptText = (it: Prepared, p: Float64Array, t: number) => it.page.input.blocks.filter((_, i) => p[i] >= t).map((b) => b.text).join("\n");

function chooseThresholds(items: Prepared[], p: Map<Prepared, Float64Array>) {
  const articles = items.filter((it) => it.page.pageType === "article");
  const rows = THRESHOLD_GRID.map((t) => {
    let f = 0, r = 0;
    for (const it of articles) { const s = scoreDoc(it.page.gold, keptText(it, p.get(it)!, t)); f += s.f1; r += s.r; }
    return { t, f1: f / (articles.length || 1), r: r / (articles.length || 1) };
  });
  const top = Math.max(...rows.map((x) => x.f1));
  const balanced = rows.find((x) => x.f1 >= top - BALANCED_F1_SLACK)!.t;
  const bestF1 = rows.reduce((a, b) => (b.f1 > a.f1 ? b : a)).t;
  const recallOk = rows.filter((x) => x.r >= RECALL_TARGET);
  return {
    balanced,
    precision: Math.max(balanced, bestF1),
    recall: Math.min(balanced, recallOk.length ? recallOk[recallOk.length - 1].t : THRESHOLD_GRID[0]),
  };
}

function confidenceRows(items: Prepared[], pBlock: Map<Prepared, Float64Array>, p: Map<Prepared, Float64Array>, t: number) {
  return items.map((it) => {
    const probs = p.get(it)!;
    const keep = Array.from(probs, (x) => x >= t);
    const f1 = scoreDoc(it.page.gold, keptText(it, probs, t)).f1;
    return { x: confidenceFeatures(probs, pBlock.get(it)!, keep, it.nWords, t, it.languageKnown), y: f1 >= GOOD_F1 ? 1 : 0 };
  });
}

function contextRows(items: Prepared[], pBlock: Map<Prepared, Float64Array>) {
  const dense: Float32Array[] = [], y: number[] = [];
  for (const it of items) {
    contextFeatures(pBlock.get(it)!, it.dense, it.nWords, it.markers).forEach((x, i) => { dense.push(x); y.push(it.page.y[i]); });
  }
  return { dense, y: Uint8Array.from(y) };
}

const predictContext = (w: Float64Array, it: Prepared, pBlock: Float64Array) => {
  const wd = Float32Array.from(w);
  return Float64Array.from(contextFeatures(pBlock, it.dense, it.nWords, it.markers), (x) => sigmoid(dot(wd, x)));
};

function fileOf(version: string, textModel: string, dataHash: string, block: { dense: Float64Array; hashed: Float64Array }, context: Float64Array, confidence: Float64Array, thresholds: HtmlModelFile["thresholds"]): HtmlModelFile {
  const q = quantizeInt8(block.hashed);
  const r = (w: Float64Array) => Array.from(w, (x) => Math.round(x * 1e5) / 1e5);
  return {
    format: 1, kind: "html", version, textModel, created: new Date(0).toISOString(), trainingDataHash: dataHash, hashBits: HTML_HASH_BITS,
    block: { features: [...HTML_FEATURES], weights: r(block.dense), hashed: { scale: q.scale, int8: encodeBase64(q.bytes) } },
    context: { features: [...CONTEXT_FEATURES], weights: r(context) },
    confidence: { features: [...CONFIDENCE_FEATURES], weights: r(confidence) },
    thresholds,
  };
}

export function trainHtmlModel(items: Prepared[], folds: number, opts: { version: string; textModel: string; dataHash: string }) {
  const inFold = (k: number) => items.filter((it) => it.page.fold !== k);
  // Pass 1 (blocks) out of fold, then pass 2 (context) on those out-of-fold outputs, out of fold.
  const oofBlock = new Map<Prepared, Float64Array>();
  const blockW: ReturnType<typeof trainLogReg>[] = [];
  for (let k = 0; k < folds; k++) {
    const w = trainLogReg(flat(inFold(k)), BLOCK_PARAMS);
    blockW.push(w);
    for (const it of items) if (it.page.fold === k) oofBlock.set(it, predict(w, it));
  }
  const oof = new Map<Prepared, Float64Array>();
  const contextW: Float64Array[] = [];
  for (let k = 0; k < folds; k++) {
    const w = trainLogReg(contextRows(inFold(k), oofBlock), CONTEXT_PARAMS).dense;
    contextW.push(w);
    for (const it of items) if (it.page.fold === k) oof.set(it, predictContext(w, it, oofBlock.get(it)!));
  }
  const thresholds = chooseThresholds(items, oof);
  const conf = confidenceRows(items, oofBlock, oof, thresholds.balanced);
  const confOof = new Float64Array(items.length);
  const foldFiles: HtmlModelFile[] = [];
  for (let k = 0; k < folds; k++) {
    const idx = items.map((it, i) => (it.page.fold !== k ? i : -1)).filter((i) => i >= 0);
    const w = trainLogReg({ dense: idx.map((i) => conf[i].x), y: Uint8Array.from(idx, (i) => conf[i].y) }, SMALL_PARAMS);
    items.forEach((it, i) => { if (it.page.fold === k) confOof[i] = sigmoid(dot(Float32Array.from(w.dense), conf[i].x)); });
    foldFiles.push(fileOf(`${opts.version}-fold${k}of${folds}`, `${opts.textModel}-fold${k}of${folds}`, opts.dataHash, blockW[k], contextW[k], w.dense, thresholds));
  }
  const block = trainLogReg(flat(items), BLOCK_PARAMS);
  const context = trainLogReg(contextRows(items, oofBlock), CONTEXT_PARAMS).dense;
  const confAll = trainLogReg({ dense: conf.map((c) => c.x), y: Uint8Array.from(conf, (c) => c.y) }, SMALL_PARAMS);
  const file = fileOf(opts.version, opts.textModel, opts.dataHash, block, context, confAll.dense, thresholds);
  const y = conf.map((c) => c.y);
  file.metrics = { confidence: { ece: ece(confOof, y), brier: brier(confOof, y), auroc: auroc(confOof, y) } };
  return { file, foldFiles, oof, oofBlock, thresholds };
}

/** Article macro P/R/F1 of keeping the blocks with p >= t (for the training report). */
export function articleScores(items: Prepared[], p: (it: Prepared) => Float64Array | Uint8Array, t: number) {
  const articles = items.filter((it) => it.page.pageType === "article");
  let P = 0, R = 0, F = 0;
  for (const it of articles) {
    const probs = p(it);
    const s = scoreDoc(it.page.gold, it.page.input.blocks.filter((_, i) => probs[i] >= t).map((b) => b.text).join("\n"));
    P += s.p; R += s.r; F += s.f1;
  }
  const n = articles.length || 1;
  return { p: P / n, r: R / n, f1: F / n, n: articles.length };
}
