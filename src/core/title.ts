// Title and metadata. The title is the most title-like line just before the body, scored by a
// small learned model (trained on the corpus' page titles); the lines between the title and the
// first body line that are not body are the article's metadata: byline, date, dek, source.
import { DENSE_INDEX as D, DENSE_SIZE } from "./features.ts";
import { dot, sigmoid, type Model } from "./model.ts";

export const TITLE_FEATURES = [
  "bias", "log_words", "words_0_2", "words_3_5", "words_6_10", "words_11_20", "words_21_up",
  "ends_terminal", "ends_colon", "title_case_ratio", "stop_ratio", "all_caps", "has_separator",
  "has_date_like", "has_url", "repeats", "p_body",
  "dist_1", "dist_2_3", "dist_4_8", "dist_gt_8", "first_candidate", "no_body",
] as const;

// How far above the first body line the title is looked for. Titles sit within a few lines of
// the body; 12 also covers a byline, date, dek and image credit in between.
export const TITLE_WINDOW = 12;
// P(title) a candidate needs to be returned as the title (midpoint of a calibrated output).
const TITLE_MIN = 0.5;
// Metadata lines are short: a dek is one sentence, a byline or date a few words. Set by hand,
// not tuned: 45 words holds a long one-sentence dek.
const META_MAX_WORDS = 45;

export function titleFeatures(dense: Float32Array, pBody: number, dist: number, firstCandidate: boolean, noBody: boolean): Float32Array {
  return writeTitleFeatures(new Float32Array(TITLE_FEATURES.length), dense, pBody, dist, firstCandidate, noBody);
}

// The row findTitleAndMeta scores each candidate from, reused (a fresh typed array per candidate,
// up to TITLE_WINDOW a document, was a tenth of the fixed cost of cleaning a one-line text).
const ROW = new Float32Array(TITLE_FEATURES.length);

/** titleFeatures written into `v` (every value set). */
function writeTitleFeatures(v: Float32Array, dense: Float32Array, pBody: number, dist: number, firstCandidate: boolean, noBody: boolean): Float32Array {
  const words = Math.expm1(dense[D.log_words]);
  v[0] = 1; v[1] = dense[D.log_words];
  v[2] = dense[D.words_0_2]; v[3] = dense[D.words_3_5]; v[4] = dense[D.words_6_10];
  v[5] = dense[D.words_11_20]; v[6] = +(words > 20);
  v[7] = dense[D.ends_terminal]; v[8] = dense[D.ends_colon]; v[9] = dense[D.title_case_ratio];
  v[10] = dense[D.stop_ratio]; v[11] = dense[D.all_caps]; v[12] = dense[D.has_separator];
  v[13] = dense[D.has_date_like]; v[14] = dense[D.has_url]; v[15] = dense[D.repeats]; v[16] = pBody;
  v[17] = +(dist === 1); v[18] = +(dist >= 2 && dist <= 3); v[19] = +(dist >= 4 && dist <= 8); v[20] = +(dist > 8);
  v[21] = +firstCandidate; v[22] = +noBody;
  return v;
}

/** Candidate window [from, to) of lines above the first body line. */
export function titleWindow(isBody: ArrayLike<boolean>): { from: number; to: number; noBody: boolean } {
  let first = -1;
  for (let i = 0; i < isBody.length; i++) if (isBody[i]) { first = i; break; }
  if (first < 0) return { from: 0, to: Math.min(isBody.length, TITLE_WINDOW), noBody: true };
  return { from: Math.max(0, first - TITLE_WINDOW), to: first, noBody: false };
}

export interface TitleMeta {
  title: number; // line index or -1
  meta: number[];
}

/** `denseFlat` holds every line's dense vector, line i at i * DENSE_SIZE (DocFeatures.denseFlat). */
export function findTitleAndMeta(denseFlat: Float32Array, pBody: Float64Array, isBody: boolean[], nWords: ArrayLike<number>, model: Model): TitleMeta {
  const { from, to, noBody } = titleWindow(isBody);
  let best = -1, bestP = TITLE_MIN;
  for (let i = from; i < to; i++) {
    if (isBody[i]) continue;
    const dist = noBody ? i + 1 : to - i;
    const p = sigmoid(dot(model.title, writeTitleFeatures(ROW, denseFlat.subarray(i * DENSE_SIZE, (i + 1) * DENSE_SIZE), pBody[i], dist, i === from, noBody)));
    if (p > bestP) { bestP = p; best = i; }
  }
  const meta: number[] = [];
  if (best >= 0 && !noBody) {
    for (let i = best + 1; i < to; i++) if (!isBody[i] && nWords[i] > 0 && nWords[i] <= META_MAX_WORDS) meta.push(i);
  }
  return { title: best, meta };
}
