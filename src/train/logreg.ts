// Logistic regression trained by AdaGrad SGD over dense rows plus (optionally) hashed sparse
// buckets, deterministic for a given seed. Small, dependency-free and fast enough to retrain
// per cross-validation fold: about a second per 100k lines and epoch on this machine.

export interface LogRegData {
  dense: Float32Array[];
  hashed?: Uint32Array[];
  y: Uint8Array;
  /** Per-example weights (default 1). */
  w?: Float32Array;
}

export interface LogRegParams {
  epochs: number;
  /** AdaGrad base learning rate. */
  lr: number;
  /** L2 penalty on dense weights (not the bias) and on hashed weights. */
  l2Dense: number;
  l2Hashed: number;
  hashBits?: number;
  seed: number;
}

export interface LogRegWeights {
  dense: Float64Array;
  hashed: Float64Array;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(n: number, rand: () => number): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = idx[i]; idx[i] = idx[j]; idx[j] = t;
  }
  return idx;
}

const sig = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function trainLogReg(data: LogRegData, p: LogRegParams): LogRegWeights {
  const n = data.y.length;
  const d = n ? data.dense[0].length : 0;
  const H = data.hashed && p.hashBits ? 1 << p.hashBits : 0;
  const wd = new Float64Array(d), gd = new Float64Array(d).fill(1e-8);
  const wh = new Float64Array(H), gh = new Float64Array(H).fill(1e-8);
  const rand = mulberry32(p.seed);
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    const order = shuffled(n, rand);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const x = data.dense[i];
      const b = H ? data.hashed![i] : undefined;
      const scale = b && b.length ? 1 / Math.sqrt(b.length) : 0;
      let z = 0;
      for (let j = 0; j < d; j++) z += wd[j] * x[j];
      if (b) for (let j = 0; j < b.length; j++) z += wh[b[j]] * scale;
      const g = (sig(z) - data.y[i]) * (data.w ? data.w[i] : 1);
      for (let j = 0; j < d; j++) {
        if (x[j] === 0 && j !== 0) continue;
        const grad = g * x[j] + (j === 0 ? 0 : p.l2Dense * wd[j]);
        gd[j] += grad * grad;
        wd[j] -= (p.lr * grad) / Math.sqrt(gd[j]);
      }
      if (b) {
        for (let j = 0; j < b.length; j++) {
          const h = b[j];
          const grad = g * scale + p.l2Hashed * wh[h];
          gh[h] += grad * grad;
          wh[h] -= (p.lr * grad) / Math.sqrt(gh[h]);
        }
      }
    }
  }
  return { dense: wd, hashed: wh };
}

// Quantisation clips |w| at this quantile: about one weight in 10,000 (3 of 2^15 hashed ones), so
// a few outliers do not coarsen the int8 step for all the rest. Set by hand, not tuned.
const QUANT_CLIP_QUANTILE = 0.9999;

/** Symmetric int8 quantisation: values beyond the 99.99th percentile of |w| are clipped. */
export function quantizeInt8(w: Float64Array): { scale: number; bytes: Uint8Array } {
  const abs = Array.from(w, Math.abs).sort((a, b) => a - b);
  const cap = abs.length ? abs[Math.min(abs.length - 1, Math.floor(abs.length * QUANT_CLIP_QUANTILE))] || 1e-6 : 1e-6;
  const scale = cap / 127;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(w[i] / scale)));
  return { scale, bytes: new Uint8Array(q.buffer) };
}
