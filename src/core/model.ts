// The trained model: its file format, loading (once, at start-up) and the linear scorers.
// The file is JSON so the Node server and the Worker bundle load the same bytes.

/** Logistic-regression weights over a named dense vector. */
export interface DenseWeights {
  features: string[];
  weights: number[];
}

export interface ModelFile {
  format: 1;
  version: string;
  created: string;
  trainingDataHash: string;
  hashBits: number;
  /** First pass: per-line dense features + hashed lexical buckets (int8, base64, times `scale`). */
  line: DenseWeights & { hashed: { scale: number; int8: string } };
  /** Second pass: the neighbours' first-pass probabilities and a few of the line's own features. */
  context: DenseWeights;
  /** Title line, among the lines just before the body. */
  title: DenseWeights;
  /** Page-level confidence: P(body token F1 >= 0.9), Platt-calibrated out of fold. */
  confidence: DenseWeights;
  /** Decision thresholds on the final P(body), per preference. */
  thresholds: { balanced: number; precision: number; recall: number };
  metrics?: Record<string, unknown>;
}

export interface Model {
  file: ModelFile;
  version: string;
  hashBits: number;
  lineDense: Float32Array;
  lineHashed: Float32Array;
  context: Float32Array;
  title: Float32Array;
  confidence: Float32Array;
}

export class ModelError extends Error {}

export function loadModel(file: ModelFile, expect: { dense: readonly string[]; context: readonly string[]; title: readonly string[]; confidence: readonly string[] }): Model {
  if (!file || file.format !== 1) throw new ModelError("unsupported model file format");
  checkNames("line", file.line.features, expect.dense);
  checkNames("context", file.context.features, expect.context);
  checkNames("title", file.title.features, expect.title);
  checkNames("confidence", file.confidence.features, expect.confidence);
  const bytes = decodeBase64(file.line.hashed.int8);
  if (bytes.length !== 1 << file.hashBits) throw new ModelError("hashed weight table has the wrong size");
  const lineHashed = new Float32Array(bytes.length);
  const int8 = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < int8.length; i++) lineHashed[i] = int8[i] * file.line.hashed.scale;
  return {
    file,
    version: file.version,
    hashBits: file.hashBits,
    lineDense: Float32Array.from(file.line.weights),
    lineHashed,
    context: Float32Array.from(file.context.weights),
    title: Float32Array.from(file.title.weights),
    confidence: Float32Array.from(file.confidence.weights),
  };
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
