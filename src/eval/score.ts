// Bag-of-tokens scoring of a predicted body against the gold body (DESIGN.md §4).
//
// Gives exactly the numbers of the reference scorer ../shared/corpus/score.mjs in its default
// mode: tokens are lower-cased runs of Unicode letters and digits ([\p{L}\p{N}]+), counted with
// repeats; tp = sum over tokens of min(gold count, pred count), fp = |pred| - tp, fn = |gold| - tp.
// Edge cases as in scrapinghub's article-extraction-benchmark:
//   fp == fn == 0 (including both empty) -> P = R = 1
//   tp == fp == 0 (empty prediction)      -> P = 0
//   tp == fn == 0 (empty gold)            -> R = 0
//   F1 = 2PR / (P + R), 0 when P + R == 0.
// "macro" is the plain mean over documents of the per-document P, R and F1.
// tests/eval/score.test.ts checks this file against score.mjs.

const TOKEN = /[\p{L}\p{N}]+/gu;

export interface DocScore {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

export interface MacroScore {
  p: number;
  r: number;
  f1: number;
  n: number;
}

/** Lower-cased Unicode letter/digit runs, in order, with repeats (lower-case first, then match). */
export function tokenize(text: string | null | undefined): string[] {
  return (text || "").toLowerCase().match(TOKEN) ?? [];
}

function countTokens(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Per-document token precision, recall and F1 of `pred` against `gold`. */
export function scoreDoc(gold: string | null | undefined, pred: string | null | undefined): DocScore {
  const g = countTokens(tokenize(gold));
  const p = countTokens(tokenize(pred));
  let tp = 0;
  let nG = 0;
  let nP = 0;
  for (const [tok, c] of g) {
    nG += c;
    const q = p.get(tok);
    if (q) tp += Math.min(c, q);
  }
  for (const c of p.values()) nP += c;
  const fp = nP - tp;
  const fn = nG - tp;
  const P = fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
  const R = fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
  const F1 = P + R > 0 ? (2 * P * R) / (P + R) : 0;
  return { tp, fp, fn, p: P, r: R, f1: F1 };
}

/**
 * Mean over documents of the per-document P, R and F1 (score.mjs "macro"). Every document
 * counts, an empty prediction included. With no documents the means are NaN, as in score.mjs.
 */
export function macro(per: readonly { p: number; r: number; f1: number }[]): MacroScore {
  const n = per.length;
  let p = 0;
  let r = 0;
  let f1 = 0;
  // Sum left to right, as score.mjs does, so the floating-point result is identical.
  for (const d of per) {
    p += d.p;
    r += d.r;
    f1 += d.f1;
  }
  return n ? { p: p / n, r: r / n, f1: f1 / n, n } : { p: NaN, r: NaN, f1: NaN, n: 0 };
}
