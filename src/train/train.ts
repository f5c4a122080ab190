// Training: pass 1 (line model) -> out-of-fold pass-1 probabilities -> pass 2 (context model)
// -> decision thresholds -> title model -> confidence model, all with folds grouped by site so
// that every figure used to fit a later stage comes from sites the earlier stage never saw.
import { CONFIDENCE_FEATURES, confidenceFeatures } from "../core/confidence.ts";
import { TEXT_CONTEXT_FEATURES, TEXT_CONTEXT_SIZE, contextFeatures, type Markers } from "../core/context.ts";
import { DENSE_FEATURES, extractFeatures, type DocFeatures } from "../core/features.ts";
import { fnv1a } from "../core/hash.ts";
import { dot, encodeBase64, sigmoid, type HashedWeights, type Model, type ModelFile } from "../core/model.ts";
import { keptTexts } from "../core/repeats.ts";
import { keptLines } from "../core/clean.ts";
import { forEachCandidate, TITLE_FEATURES, titleCandidates, titleEvidence, titleFeatures } from "../core/title.ts";
import type { Forest } from "../core/trees.ts";
import { compileForest, forestScore } from "../core/trees.ts";
import { trainGbdt, type GbdtParams } from "./gbdt.ts";
import { loadModelFile } from "../core/schema.ts";
import type { TrainDoc } from "./dataset.ts";
import { quantizeInt8, trainLogReg, type LogRegParams, type LogRegWeights } from "./logreg.ts";
import { scoreText, type Scores } from "./metrics.ts";

// 2^15 hashed buckets: 32 KiB as int8, small in the Worker bundle; 2^16 and 2^17 gained under
// 0.002 F1 in cross-validation on the corpus.
export const HASH_BITS = 15;
// Folds for out-of-fold probabilities; grouped by site.
export const FOLDS = 5;
export const SEED = 20261123;

// AdaGrad settings, chosen by cross-validated F1 on the corpus over lr in {0.05, 0.1, 0.2},
// epochs in {3, 5, 8} and L2 in {1e-6, 1e-5, 1e-4}: larger values changed F1 by < 0.002.
const LINE_PARAMS: LogRegParams = { epochs: 5, lr: 0.1, l2Dense: 1e-6, l2Hashed: 1e-5, hashBits: HASH_BITS, seed: SEED };
// The start/end marker models: the line model's settings with fewer epochs (3) to keep the
// training run short; not tuned further.
const MARKER_PARAMS: LogRegParams = { ...LINE_PARAMS, epochs: 3, seed: SEED + 3 };
// A marker's target: the line is one of this many lines just before the first body line (start)
// or just after the last one (end); 3 covers a heading plus a share row or a byline and date.
// On the 500-page ablation (scripts/ablate.ts) 3 beat 1 and 6 on both inputs. The end target
// widened to every short line (1-6 words) after the body as well ("More from ...", "Latest
// News" further down), measured on the full corpus (held out by site, articles, loose_text /
// page_text F1 against 0.9583 / 0.9320, curve top 0.9457): anywhere after it 0.9560 / 0.9304
// (top 0.9438), within 30 lines 0.9565 / 0.9288 (0.9446). Not kept.
const MARKER_SPAN = 3;
// Second pass: boosted trees. 100 trees of depth 5 (64 bins per feature): on a 500-page
// site-grouped cross-validation they beat the logistic second pass by 0.004 F1 on page_text with
// the same inputs, and by 0.010 with the start/end markers. Each tree sees 30% of the rows: on the
// full corpus that matched half the rows (article F1 within 0.001) at two thirds of the time
// (~30 s per fold here). Larger forests, measured later on the full corpus (`npm run train --
// --trees N --depth D`, held out by site, articles, balanced threshold; loose_text / page_text
// F1): 100 x 5 (kept) 0.9583 / 0.9320 at t = 0.40; 200 x 5 0.9582 / 0.9294 at t = 0.35; 100 x 6
// 0.9575 / 0.9318 at t = 0.40. Neither gains, and both cost more time per line.
const CONTEXT_PARAMS: GbdtParams = { trees: 100, depth: 5, lr: 0.1, bins: 64, minHess: 1, l2: 1, rowSample: 0.3, seed: SEED + 1 };
/** The second-pass forest's size, when not CONTEXT_PARAMS' (`npm run train -- --trees N --depth D`). */
export interface ForestSize { trees?: number; depth?: number }
// The small dense models (title candidates, page confidence: 39 and 14 features, a row per
// candidate or page): many passes over few rows, firmer L2 than the line model. Set by hand in the
// first trainer, not tuned.
const SMALL_PARAMS: LogRegParams = { epochs: 30, lr: 0.1, l2Dense: 1e-4, l2Hashed: 0, seed: SEED + 2 };
// Thresholds are searched on this grid of final P(body).
// A two-threshold (hysteresis) decision was measured on the out-of-fold P of the corpus and not
// kept: lines at P >= hi, and lines at P >= lo joined to them through such lines. It traces the
// same F1/recall curve as one threshold (articles F1, recall): HTML fast lo 0.45 / hi 0.55 0.9609
// (0.9869) against one threshold of 0.5 0.9611 (0.9864); loose_text 0.35 / 0.45 0.9583 (0.9845)
// against 0.40 0.9585 (0.9841); page_text 0.45 / 0.6 0.9375 (0.9680) against 0.55 0.9370
// (0.9652). The second pass's neighbour features already do that joining.
const THRESHOLD_GRID = Array.from({ length: 19 }, (_, i) => 0.05 * (i + 1));
// "balanced" is the lowest threshold whose out-of-fold article F1 is within this of the best:
// F1 is flat near its top (0.40 to 0.55 differ by under 0.003 on the corpus) while recall falls
// by 0.02 over that range, and losing body text is what users mind most.
const BALANCED_F1_SLACK = 0.003;
// The "recall" preference keeps lines down to the highest threshold whose out-of-fold article
// recall is at least this; losing body text is the complaint users raise most.
const RECALL_TARGET = 0.99;
// The "precision" threshold maximises F-beta with beta 0.5 (precision weighs twice recall), the
// usual precision-leaning F; F_BETA_SQ = 0.25 exactly, so 1 + F_BETA_SQ is 1.25 exactly.
const F_BETA = 0.5;
const F_BETA_SQ = F_BETA * F_BETA;
// Target of the confidence model: the page's body token F1 reaches this (DESIGN.md §3).
export const GOOD_F1 = 0.9;

export interface Prepared {
  doc: TrainDoc;
  feats: DocFeatures;
  nWords: number[];
  fold: number;
}

/** The cross-validation fold of a site: every page of one site is in the same fold. */
export function foldOf(site: string, folds = FOLDS): number {
  return fnv1a(site) % folds;
}

export function prepare(docs: TrainDoc[], folds = FOLDS): Prepared[] {
  return docs.map((doc) => {
    const feats = extractFeatures(doc.segments.map((s) => s.text), HASH_BITS, undefined, undefined, doc.segments.map((s) => s.line));
    return { doc, feats, nWords: feats.info.map((x) => x.nWords), fold: foldOf(doc.site, folds) };
  });
}

interface Flat { dense: Float32Array[]; hashed: Uint32Array[]; y: Uint8Array; w: Float32Array }

// Lines weighted by (1 + words)^power, so that long lines (which carry more of the token metric)
// count more. Cross-validated on 500 pages: powers 0, 0.5 and 1 gave article F1 within 0.001 of
// each other on both inputs, so the plain per-line loss (power 0) is kept.
const WORD_WEIGHT_POWER = 0;

/** Example weights of a document's lines: (1 + words)^power, scaled to mean 1 within the document. */
function lineWeights(p: Prepared): Float64Array {
  const w = Float64Array.from(p.nWords, (n) => Math.pow(1 + n, WORD_WEIGHT_POWER));
  const mean = w.reduce((a, b) => a + b, 0) / (w.length || 1);
  for (let i = 0; i < w.length; i++) w[i] = (p.doc.weight * w[i]) / mean;
  return w;
}

function flatten(items: Prepared[], rows: (p: Prepared) => Float32Array[], target: (p: Prepared) => ArrayLike<number> = (p) => p.doc.y): Flat {
  const dense: Float32Array[] = [], hashed: Uint32Array[] = [], y: number[] = [], w: number[] = [];
  for (const p of items) {
    const r = rows(p);
    const lw = lineWeights(p);
    const t = target(p);
    for (let i = 0; i < r.length; i++) {
      dense.push(r[i]); hashed.push(p.feats.hashed[i]); y.push(t[i]); w.push(lw[i]);
    }
  }
  return { dense, hashed, y: Uint8Array.from(y), w: Float32Array.from(w) };
}

/** Start marker target: the line is among the MARKER_SPAN lines just before the first body line. */
function startTarget(p: Prepared): Uint8Array {
  const first = p.doc.y.indexOf(1);
  return Uint8Array.from(p.doc.y, (_, i) => +(first >= 0 && i < first && i >= first - MARKER_SPAN));
}

/** End marker target: the line is among the MARKER_SPAN lines just after the last body line. */
function endTarget(p: Prepared): Uint8Array {
  const last = p.doc.y.lastIndexOf(1);
  return Uint8Array.from(p.doc.y, (_, i) => +(last >= 0 && i > last && i <= last + MARKER_SPAN));
}

interface FirstPass { line: LogRegWeights; start: LogRegWeights; end: LogRegWeights }

function firstPassModels(items: Prepared[]): FirstPass {
  const dense = (p: Prepared) => p.feats.dense;
  return {
    line: trainLogReg(flatten(items, dense), LINE_PARAMS),
    start: trainLogReg(flatten(items, dense, startTarget), MARKER_PARAMS),
    end: trainLogReg(flatten(items, dense, endTarget), MARKER_PARAMS),
  };
}

function predictLine(wd: Float64Array, wh: Float64Array, p: Prepared): Float64Array {
  const out = new Float64Array(p.feats.dense.length);
  for (let i = 0; i < out.length; i++) {
    const b = p.feats.hashed[i];
    let z = 0;
    const x = p.feats.dense[i];
    for (let j = 0; j < x.length; j++) z += wd[j] * x[j];
    let h = 0;
    for (let j = 0; j < b.length; j++) h += wh[b[j]];
    out[i] = sigmoid(z + (b.length ? h / Math.sqrt(b.length) : 0));
  }
  return out;
}

function predictForest(f: Forest, rows: Float32Array[]): Float64Array {
  const c = compileForest(f);
  return Float64Array.from(rows, (x) => sigmoid(forestScore(c, x)));
}

export interface OutOfFold {
  p1: Map<Prepared, Float64Array>;
  p2: Map<Prepared, Float64Array>;
  /** Second-pass rows from out-of-fold first-pass outputs: what the final context model learns from. */
  ctx: Map<Prepared, Float32Array[]>;
  firstW: FirstPass[];
  contextW: Forest[];
}

/**
 * Out-of-fold pass-1 (line and markers) and pass-2 probabilities for every prepared document.
 * `rowsOf` turns a document and its first-pass outputs into second-pass rows (ablations zero parts of them).
 */
export function outOfFold(items: Prepared[], folds: number, log: (s: string) => void, rowsOf = ctxRows, size: ForestSize = {}): OutOfFold {
  const first = firstPassOutOfFold(items, folds, log);
  return { ...first, ...secondPassOutOfFold(items, folds, log, first, rowsOf, forestParams(size)) };
}

interface FirstPassOutOfFold {
  p1: Map<Prepared, Float64Array>;
  markers: Map<Prepared, Markers>;
  firstW: FirstPass[];
}

/** Out-of-fold pass-1 outputs (line and markers) for every prepared document. */
function firstPassOutOfFold(items: Prepared[], folds: number, log: (s: string) => void): FirstPassOutOfFold {
  const p1 = new Map<Prepared, Float64Array>();
  const markers = new Map<Prepared, Markers>();
  const firstW: FirstPass[] = [];
  for (let k = 0; k < folds; k++) {
    const t = Date.now();
    const w = firstPassModels(items.filter((p) => p.fold !== k));
    firstW.push(w);
    for (const p of items) {
      if (p.fold !== k) continue;
      p1.set(p, predictLine(w.line.dense, w.line.hashed, p));
      markers.set(p, { start: predictLine(w.start.dense, w.start.hashed, p), end: predictLine(w.end.dense, w.end.hashed, p) });
    }
    log(`  pass 1, fold ${k + 1}/${folds}: ${Date.now() - t} ms`);
  }
  return { p1, markers, firstW };
}

/** Out-of-fold pass-2 probabilities, from the out-of-fold pass-1 outputs. */
function secondPassOutOfFold(items: Prepared[], folds: number, log: (s: string) => void, first: Pick<FirstPassOutOfFold, "p1" | "markers">, rowsOf = ctxRows, params = CONTEXT_PARAMS) {
  const ctx = new Map<Prepared, Float32Array[]>();
  for (const p of items) ctx.set(p, rowsOf(p, first.p1.get(p)!, first.markers.get(p)!));
  const p2 = new Map<Prepared, Float64Array>();
  const contextW: Forest[] = [];
  for (let k = 0; k < folds; k++) {
    const t = Date.now();
    const f = contextModel(items.filter((p) => p.fold !== k), ctx, params);
    contextW.push(f);
    for (const p of items) if (p.fold === k) p2.set(p, predictForest(f, ctx.get(p)!));
    log(`  pass 2, fold ${k + 1}/${folds}: ${Date.now() - t} ms`);
  }
  return { p2, ctx, contextW };
}

export function ctxRows(p: Prepared, p1: Float64Array, markers: Markers): Float32Array[] {
  return contextFeatures(p1, p.feats.dense, p.nWords, markers, TEXT_CONTEXT_SIZE);
}

function contextModel(items: Prepared[], ctx: Map<Prepared, Float32Array[]>, params = CONTEXT_PARAMS): Forest {
  const f = flatten(items, (p) => ctx.get(p)!);
  return trainGbdt({ dense: f.dense, y: f.y, w: f.w }, TEXT_CONTEXT_FEATURES, params);
}

/** CONTEXT_PARAMS with the forest's size overridden where given. */
const forestParams = (size: ForestSize): GbdtParams => ({ ...CONTEXT_PARAMS, trees: size.trees ?? CONTEXT_PARAMS.trees, depth: size.depth ?? CONTEXT_PARAMS.depth });

/**
 * Exact token scores of keeping the lines with p >= t, less a repeated copy (as the product does:
 * src/core/repeats.ts). A page run into one line (dataset.ts oneLineDoc) is one input line.
 */
export function scoreAt(p: Prepared, probs: Float64Array, t: number): Scores {
  const lineNos = p.doc.kind === "one_line" ? new Int32Array(p.nWords.length) : undefined;
  return scoreText(p.doc.gold, keptTexts(p.doc.segments.map((s) => s.text), probs, t, p.nWords, lineNos).join("\n"));
}

function chooseThresholds(items: Prepared[], p2: Map<Prepared, Float64Array>) {
  const articles = items.filter((p) => p.doc.pageType === "article");
  const rows = THRESHOLD_GRID.map((t) => {
    let f = 0, r = 0, pr = 0;
    for (const p of articles) { const s = scoreAt(p, p2.get(p)!, t); f += s.f1; r += s.r; pr += s.p; }
    const n = articles.length || 1;
    const P = pr / n, R = r / n;
    return { t, f1: f / n, r: R, p: P, f05: ((1 + F_BETA_SQ) * P * R) / (F_BETA_SQ * P + R || 1) };
  });
  const best = (key: "f1" | "f05") => rows.reduce((a, b) => (b[key] > a[key] ? b : a)).t;
  const recallOk = rows.filter((x) => x.r >= RECALL_TARGET);
  const topF1 = Math.max(...rows.map((x) => x.f1));
  const balanced = rows.find((x) => x.f1 >= topF1 - BALANCED_F1_SLACK)!.t;
  return {
    thresholds: {
      balanced,
      precision: Math.max(balanced, best("f05")),
      recall: Math.min(balanced, recallOk.length ? recallOk[recallOk.length - 1].t : THRESHOLD_GRID[0]),
    },
    grid: rows,
  };
}

/**
 * The title model's rows: the candidates serving scores (above the body kept at threshold `t`, out
 * of fold, and the body's first lines). Labelled 1: the page-title line nearest above the body,
 * else the first of the body's candidate lines that is the page's title.
 */
function titleData(items: Prepared[], p2: Map<Prepared, Float64Array>, t: number): Flat {
  const dense: Float32Array[] = [], y: number[] = [];
  for (const p of items) {
    const probs = p2.get(p)!;
    const { keep: isBody } = keptLines(p.doc.segments.map((s) => s.text), p.feats, probs, t);
    const c = titleCandidates(isBody);
    let title = -1;
    for (const i of p.doc.titles) if (i >= c.from && i < c.to && !isBody[i]) title = i;
    if (title < 0) title = c.kept.find((i) => p.doc.titles.includes(i)) ?? -1;
    // A page with a URL is seen twice, with it and without it: every corpus page has one, so a
    // model trained on them as they are leant on the URL's words, and text posted without a URL
    // (the API's commonest call) got a title on 4 % of the articles whose input holds it (held out
    // by site: page_text 25 of 657, loose_text 17 of 361), against 57-59 % with the URL.
    for (const url of p.doc.url ? [p.doc.url, undefined] : [undefined]) {
      const ev = titleEvidence(p.feats, isBody, url, HASH_BITS, c);
      forEachCandidate(c, isBody, (i) => {
        dense.push(titleFeatures(p.feats, i, c, ev, probs[i]));
        y.push(i === title ? 1 : 0);
      });
      if (!ev.urlKnown) break; // a URL whose path has no words reads as none already
    }
  }
  return { dense, hashed: [], y: Uint8Array.from(y), w: new Float32Array(y.length).fill(1) };
}

function confidenceData(items: Prepared[], p1: Map<Prepared, Float64Array>, p2: Map<Prepared, Float64Array>, t: number) {
  const dense: Float32Array[] = [], y: number[] = [], f1: number[] = [];
  for (const p of items) {
    const probs = p2.get(p)!;
    const keep = Array.from(probs, (x) => x >= t);
    dense.push(confidenceFeatures(probs, p1.get(p)!, keep, p.nWords, t, p.feats.language !== "und"));
    const s = scoreAt(p, probs, t);
    f1.push(s.f1);
    y.push(s.f1 >= GOOD_F1 ? 1 : 0);
  }
  return { flat: { dense, hashed: [], y: Uint8Array.from(y), w: new Float32Array(y.length).fill(1) } as Flat, f1 };
}

function hashedWeights(w: LogRegWeights): HashedWeights {
  const q = quantizeInt8(w.hashed);
  return { features: [...DENSE_FEATURES], weights: roundAll(w.dense), hashed: { scale: q.scale, int8: encodeBase64(q.bytes) } };
}

/** The pieces part of a model file (ModelFile.pieces), or none. */
type PiecesPart = { context: Forest; confidence: Float64Array; thresholds: ModelFile["thresholds"] };

function modelFile(
  version: string, dataHash: string, first: FirstPass, context: Forest, title: Float64Array, confidence: Float64Array,
  thresholds: ModelFile["thresholds"], pieces?: PiecesPart,
): ModelFile {
  const file: ModelFile = {
    format: 2,
    version,
    created: new Date(0).toISOString(),
    trainingDataHash: dataHash,
    hashBits: HASH_BITS,
    line: hashedWeights(first.line),
    start: hashedWeights(first.start),
    end: hashedWeights(first.end),
    context,
    title: { features: [...TITLE_FEATURES], weights: roundAll(title) },
    confidence: { features: [...CONFIDENCE_FEATURES], weights: roundAll(confidence) },
    thresholds: roundThresholds(thresholds),
  };
  if (pieces) file.pieces = { context: pieces.context, confidence: { features: [...CONFIDENCE_FEATURES], weights: roundAll(pieces.confidence) }, thresholds: roundThresholds(pieces.thresholds) };
  return file;
}

const roundThresholds = (t: ModelFile["thresholds"]) => ({ balanced: round4(t.balanced), precision: round4(t.precision), recall: round4(t.recall) });

/**
 * The pieces part (ModelFile.pieces) from documents read as the sentences of their long lines
 * (`pieces`: pages run into one line), which the first pass does not learn from: their first-pass
 * outputs by the fold models that never saw their site (firstW), a context pass of their own
 * fitted on those (out of fold by site for its thresholds and confidence, and for fold k's file),
 * its thresholds and its confidence.
 */
function piecesPart(pieces: Prepared[], firstW: FirstPass[], folds: number, log: (s: string) => void, params: GbdtParams) {
  const p1 = new Map<Prepared, Float64Array>(), markers = new Map<Prepared, Markers>();
  for (const p of pieces) {
    const w = firstW[p.fold];
    p1.set(p, predictLine(w.line.dense, w.line.hashed, p));
    markers.set(p, { start: predictLine(w.start.dense, w.start.hashed, p), end: predictLine(w.end.dense, w.end.hashed, p) });
  }
  log("  pieces (texts read as the sentences of one long line):");
  const { p2, ctx, contextW } = secondPassOutOfFold(pieces, folds, log, { p1, markers }, ctxRows, params);
  const { thresholds } = chooseThresholds(pieces, p2);
  const conf = confidenceData(pieces, p1, p2, thresholds.balanced);
  const byFold = confidenceByFold(pieces, conf.flat, folds);
  const foldParts: PiecesPart[] = contextW.map((context, k) => ({ context, confidence: byFold.weights[k], thresholds }));
  const part: PiecesPart = { context: contextModel(pieces, ctx, params), confidence: trainLogReg(conf.flat, SMALL_PARAMS).dense, thresholds };
  return { part, foldParts, p2, confidenceOof: Array.from(byFold.oof), confidenceTarget: Array.from(conf.flat.y) };
}

/** The confidence model refitted without each fold's sites (fold k's file), and each page's confidence by the fit that never saw its site. */
function confidenceByFold(items: Prepared[], flat: Flat, folds: number): { weights: Float64Array[]; oof: Float64Array } {
  const oof = new Float64Array(items.length);
  const weights: Float64Array[] = [];
  for (let k = 0; k < folds; k++) {
    const at = items.map((p, i) => (p.fold !== k ? i : -1)).filter((i) => i >= 0);
    const w = trainLogReg({ dense: at.map((i) => flat.dense[i]), y: Uint8Array.from(at, (i) => flat.y[i]) }, SMALL_PARAMS).dense;
    items.forEach((p, i) => { if (p.fold === k) oof[i] = sigmoid(dot(Float32Array.from(w), flat.dense[i])); });
    weights.push(w);
  }
  return { weights, oof };
}

export interface TrainResult {
  /** Fold k's model was trained without the sites of fold k (see foldOf). */
  foldFiles: ModelFile[];
  file: ModelFile;
  model: Model;
  report: Record<string, unknown>;
}

/**
 * `pieces`: documents read as the sentences of their long lines (src/core/long-lines.ts), which fit
 * the model's pieces part (piecesPart) and nothing else: the first pass, the main context pass,
 * thresholds, title and confidence models are fitted on `items` alone, the same with them or without.
 */
export function trainModel(items: Prepared[], opts: { folds?: number; version?: string; dataHash?: string; log?: (s: string) => void; forest?: ForestSize; pieces?: Prepared[] } = {}): TrainResult {
  const folds = opts.folds ?? FOLDS;
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  const { p1, p2, ctx, firstW, contextW } = outOfFold(items, folds, log, ctxRows, opts.forest);
  log(`  out-of-fold passes: ${Date.now() - t0} ms`);
  const first = firstPassModels(items);
  const context = contextModel(items, ctx, forestParams(opts.forest ?? {}));
  const { thresholds, grid } = chooseThresholds(items, p2);
  const title = trainLogReg(titleData(items, p2, thresholds.balanced), SMALL_PARAMS);
  const conf = confidenceData(items, p1, p2, thresholds.balanced);
  const confidence = trainLogReg(conf.flat, SMALL_PARAMS);
  const pieces = opts.pieces?.length ? piecesPart(opts.pieces, firstW, folds, log, forestParams(opts.forest ?? {})) : null;
  // Held-out quality of the confidence model itself: refit per site fold, score the held-out fold.
  // Fold models: every part fitted without fold k's sites, so that `npm run eval` can clean each
  // page with a model that never saw its site. The thresholds are the global out-of-fold ones.
  const confByFold = confidenceByFold(items, conf.flat, folds);
  const foldFiles: ModelFile[] = [];
  for (let k = 0; k < folds; k++) {
    const titleK = trainLogReg(titleData(items.filter((p) => p.fold !== k), p2, thresholds.balanced), SMALL_PARAMS);
    foldFiles.push(modelFile(`${opts.version ?? "dev"}-fold${k}of${folds}`, opts.dataHash ?? "", firstW[k], contextW[k], titleK.dense, confByFold.weights[k], thresholds, pieces?.foldParts[k]));
  }
  const file = modelFile(opts.version ?? "dev", opts.dataHash ?? "", first, context, title.dense, confidence.dense, thresholds, pieces?.part);
  const model = loadModelFile(file);
  return {
    file, model, foldFiles,
    report: {
      thresholdGrid: grid, confidenceOof: Array.from(confByFold.oof), confidenceTarget: Array.from(conf.flat.y), oofF1: conf.f1, p2,
      ...(pieces ? { piecesP2: pieces.p2, piecesConfidenceOof: pieces.confidenceOof, piecesConfidenceTarget: pieces.confidenceTarget } : {}),
    },
  };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const roundAll = (w: Float64Array) => Array.from(w, (x) => Math.round(x * 1e5) / 1e5);
