// The trained model: its file format, loading (once, at start-up) and the linear scorers.
// The file is JSON so the Node server and the Worker bundle load the same bytes.
import { compileForest, type CompiledForest, type Forest } from "./trees.ts";

/** Logistic-regression weights over a named dense vector. */
export interface DenseWeights {
  features: string[];
  weights: number[];
}

/** Logistic regression over the dense line features plus hashed lexical buckets (int8, base64, times `scale`). */
export type HashedWeights = DenseWeights & { hashed: { scale: number; int8: string } };

export interface ModelFile {
  format: 2;
  version: string;
  created: string;
  trainingDataHash: string;
  hashBits: number;
  /** First pass: P(body) per line from its dense features and hashed lexical buckets. */
  line: HashedWeights;
  /** First pass: P(line is just before the article starts), same features. */
  start: HashedWeights;
  /** First pass: P(line is just after the article ends), same features. */
  end: HashedWeights;
  /** Second pass: boosted trees over the neighbours' first-pass probabilities, the start/end
   *  markers and a few of the line's own features. */
  context: Forest;
  /** Title line, among the lines just before the body. */
  title: DenseWeights;
  /** Page-level confidence: P(body token F1 >= 0.9), Platt-calibrated out of fold. */
  confidence: DenseWeights;
  /** For a text read as the sentences of its long lines (long-lines.ts: a page whose white space
   *  was collapsed into one line): its own context pass, thresholds and confidence, fitted on such
   *  views of the training pages over the first pass's probabilities (the first pass, the title
   *  model and everything above are the same for them). Absent from older files. */
  pieces?: { context: Forest; confidence: DenseWeights; thresholds: ModelFile["thresholds"] };
  /** Decision thresholds on the final P(body), per preference. */
  thresholds: { balanced: number; precision: number; recall: number };
  metrics?: Record<string, unknown>;
}

export interface Model {
  file: ModelFile;
  version: string;
  hashBits: number;
  /**
   * The three first-pass models (line, start, end) side by side: dense weight k of model m at
   * 3k + m, hashed weight of bucket j at 3j + m, so a line's scores read one place per feature
   * rather than three tables apart.
   */
  firstDense: Float32Array;
  firstHashed: Float32Array;
  context: CompiledForest;
  title: Float32Array;
  confidence: Float32Array;
  /** ModelFile.pieces, loaded: the model as a text read as sentences uses it (piecesView). */
  pieces?: { context: CompiledForest; confidence: Float32Array; thresholds: ModelFile["thresholds"] };
}

export class ModelError extends Error {}

export function loadModel(file: ModelFile, expect: { dense: readonly string[]; context: readonly string[]; title: readonly string[]; confidence: readonly string[] }): Model {
  if (!file || file.format !== 2) throw new ModelError("unsupported model file format; retrain with npm run train");
  for (const part of ["line", "start", "end"] as const) checkNames(part, file[part].features, expect.dense);
  checkNames("context", file.context.features, expect.context);
  checkNames("title", file.title.features, expect.title);
  checkNames("confidence", file.confidence.features, expect.confidence);
  for (const forest of file.pieces ? [file.context, file.pieces.context] : [file.context]) {
    for (const tree of forest.trees) {
      if (tree.f.some((f) => f < 0 || f >= expect.context.length)) throw new ModelError("context tree tests a feature it does not have");
    }
  }
  if (file.pieces) {
    checkNames("pieces context", file.pieces.context.features, expect.context);
    checkNames("pieces confidence", file.pieces.confidence.features, expect.confidence);
  }
  return {
    file,
    version: file.version,
    hashBits: file.hashBits,
    firstDense: interleave([Float32Array.from(file.line.weights), Float32Array.from(file.start.weights), Float32Array.from(file.end.weights)]),
    firstHashed: interleave([hashedTable(file.line, file.hashBits), hashedTable(file.start, file.hashBits), hashedTable(file.end, file.hashBits)]),
    context: compileForest(file.context),
    title: Float32Array.from(file.title.weights),
    confidence: Float32Array.from(file.confidence.weights),
    ...(file.pieces ? { pieces: { context: compileForest(file.pieces.context), confidence: Float32Array.from(file.pieces.confidence.weights), thresholds: file.pieces.thresholds } } : {}),
  };
}

/**
 * The model as it reads a text made mostly of the sentences of long lines: its pieces' context
 * pass, thresholds and confidence in place of the main ones (the same model when it has none).
 */
export function piecesView(model: Model): Model {
  const p = model.pieces;
  return p ? { ...model, context: p.context, confidence: p.confidence, file: { ...model.file, thresholds: p.thresholds } } : model;
}

/** Equal-length tables side by side: element k of table m at k * tables.length + m. */
function interleave(tables: Float32Array[]): Float32Array {
  const m = tables.length, out = new Float32Array(tables[0].length * m);
  tables.forEach((t, j) => { for (let k = 0; k < t.length; k++) out[k * m + j] = t[k]; });
  return out;
}

function hashedTable(part: HashedWeights, hashBits: number): Float32Array {
  const bytes = decodeBase64(part.hashed.int8);
  if (bytes.length !== 1 << hashBits) throw new ModelError("hashed weight table has the wrong size");
  const table = new Float32Array(bytes.length);
  const int8 = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < int8.length; i++) table[i] = int8[i] * part.hashed.scale;
  return table;
}

function checkNames(part: string, got: string[], want: readonly string[]) {
  if (got.length !== want.length || got.some((n, i) => n !== want[i])) {
    throw new ModelError(`model ${part} features do not match this code's; retrain with npm run train`);
  }
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function dot(w: Float32Array, x: ArrayLike<number>): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  return z;
}

/** Sum of hashed weights, each bucket weighted 1/sqrt(count) so long lines do not drown. */
export function hashedScore(w: Float32Array, buckets: Uint32Array): number {
  if (!buckets.length) return 0;
  let z = 0;
  for (let i = 0; i < buckets.length; i++) z += w[buckets[i]];
  return z / Math.sqrt(buckets.length);
}

export function encodeBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function decodeBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
