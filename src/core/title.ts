// Title and metadata. The title is the most title-like line just before the body, scored by a
// small learned model (trained on the corpus' page titles); the lines between the title and the
// first body line that are not body are the article's metadata: byline, date, dek, source.
// Besides the line's shape and place, the model reads what a headline shares with its article:
// the share of its words the body's opening uses, and the share the page's URL path spells.
import { DENSE_INDEX as D, DENSE_SIZE, type DocFeatures } from "./features.ts";
import { fnv1a } from "./hash.ts";
import { dot, sigmoid, type Model } from "./model.ts";
import { tokenize } from "./tokenize.ts";

export const TITLE_FEATURES = [
  "bias", "log_words", "words_0_2", "words_3_5", "words_6_10", "words_11_20", "words_21_up",
  "ends_terminal", "ends_colon", "title_case_ratio", "stop_ratio", "all_caps", "has_separator",
  "has_date_like", "has_url", "repeats", "p_body",
  "dist_1", "dist_2_3", "dist_4_8", "dist_gt_8", "first_candidate", "no_body",
  "body_overlap", "body_overlap_half", "url_known", "url_overlap", "url_overlap_half",
  "body_overlap_3w", "body_overlap_4w", "url_overlap_3w", "body_overlap_half_4w",
] as const;

// How far above the first body line the title is looked for. Titles sit within a few lines of
// the body, with a byline, date, dek, image credit or share row in between. Held out by site, in
// a prototype of this model (articles, page_text, P(title) > 0.3), 12 lines found 0.470 of the
// titles, 20 lines 0.479, 30 lines 0.489, at the same precision (0.835-0.845); 20 takes most of
// that for fewer candidates.
export const TITLE_WINDOW = 20;
// P(title) the best candidate needs to be returned as the title. Held out by site (each page's
// fold model; `npm run eval` prints the chosen one's figures), articles, share of returned titles
// that are the page's (P) and of the inputs holding it that get it (R): 0.3 maximises F0.5
// (precision weighs more: a wrong title misleads, a missing one is only absent) on both text
// inputs: page_text P 0.858 R 0.513, loose_text 0.782 / 0.457; at 0.2 0.809 / 0.562 and
// 0.751 / 0.501; at 0.5 (the calibrated midpoint, used before) 0.895 / 0.376 and 0.829 / 0.377.
const TITLE_MIN = 0.3;
// Metadata lines are short: a dek is one sentence, a byline or date a few words. Set by hand,
// not tuned: 45 words holds a long one-sentence dek.
const META_MAX_WORDS = 45;
// body_overlap reads the body's first this many words: a headline's words come back in the
// article's opening. Set by hand, not tuned: a few paragraphs, and a bound on the work.
const TITLE_BODY_WORDS = 2000;
// A candidate "mostly" overlaps when at least this share of its words do (the *_half features).
const OVERLAP_HALF = 0.5;
// The overlaps again on lines of at least 3 and 4 words only (*_3w, *_4w): a menu line's one or
// two words come back in almost any body. In the prototype, held out by site, articles, at
// P(title) > 0.3, they lifted page_text from P 0.839 R 0.475 to 0.868 / 0.499 and loose_text from
// 0.755 / 0.427 to 0.768 / 0.449.
const OVERLAP_WORDS_3 = 3, OVERLAP_WORDS_4 = 4;

/** What a title candidate is compared with: the body's opening words and the URL path's, as word hashes. */
export interface TitleEvidence {
  /** stamp[h & mask] === gen: word hash h is in the body's opening. */
  stamp: Uint32Array;
  gen: number;
  mask: number;
  /** Word hashes (masked) of the URL's path; empty when no URL is known. */
  url: Set<number>;
}

let STAMP = new Uint32Array(0), GEN = 0;

/** The URL path's words, hashed as the document's words are (FNV-1a of the lower-cased word). */
export function urlWords(url: string | undefined, mask: number): Set<number> {
  const out = new Set<number>();
  if (!url) return out;
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  for (const w of tokenize(path).words) out.add(fnv1a(w) & mask);
  return out;
}

/**
 * The evidence for the document's title candidates: the words of its first TITLE_BODY_WORDS body
 * words (lexical buckets: word j of line i is bucketFlat[bucketStart[i] + 2j], lexical.ts) and its URL's.
 * The body's words are stamped into a shared array: valid until the next call.
 */
export function titleEvidence(doc: DocFeatures, isBody: ArrayLike<boolean>, url: string | undefined, hashBits: number): TitleEvidence {
  const size = 1 << hashBits, mask = size - 1;
  if (STAMP.length !== size) { STAMP = new Uint32Array(size); GEN = 0; }
  if (GEN === 0xffffffff) { STAMP.fill(0); GEN = 0; }
  const gen = ++GEN;
  let left = TITLE_BODY_WORDS;
  for (let i = 0; i < isBody.length && left > 0; i++) {
    if (!isBody[i]) continue;
    const at = doc.bucketStart[i], nw = Math.min(doc.nWords[i], left);
    for (let j = 0; j < nw; j++) STAMP[doc.bucketFlat[at + 2 * j]] = gen;
    left -= nw;
  }
  return { stamp: STAMP, gen, mask, url: urlWords(url, mask) };
}

/** Line i's title features (training: a fresh row). */
export function titleFeatures(doc: DocFeatures, i: number, ev: TitleEvidence, pBody: number, dist: number, firstCandidate: boolean, noBody: boolean): Float32Array {
  return writeTitleFeatures(new Float32Array(TITLE_FEATURES.length), doc, i, ev, pBody, dist, firstCandidate, noBody);
}

// The row findTitleAndMeta scores each candidate from, reused (a fresh typed array per candidate,
// up to TITLE_WINDOW a document, was a tenth of the fixed cost of cleaning a one-line text).
const ROW = new Float32Array(TITLE_FEATURES.length);

/** titleFeatures written into `v` (every value set). */
function writeTitleFeatures(v: Float32Array, doc: DocFeatures, i: number, ev: TitleEvidence, pBody: number, dist: number, firstCandidate: boolean, noBody: boolean): Float32Array {
  const dense = doc.denseFlat.subarray(i * DENSE_SIZE, (i + 1) * DENSE_SIZE);
  const words = Math.expm1(dense[D.log_words]);
  v[0] = 1; v[1] = dense[D.log_words];
  v[2] = dense[D.words_0_2]; v[3] = dense[D.words_3_5]; v[4] = dense[D.words_6_10];
  v[5] = dense[D.words_11_20]; v[6] = +(words > 20);
  v[7] = dense[D.ends_terminal]; v[8] = dense[D.ends_colon]; v[9] = dense[D.title_case_ratio];
  v[10] = dense[D.stop_ratio]; v[11] = dense[D.all_caps]; v[12] = dense[D.has_separator];
  v[13] = dense[D.has_date_like]; v[14] = dense[D.has_url]; v[15] = dense[D.repeats]; v[16] = pBody;
  v[17] = +(dist === 1); v[18] = +(dist >= 2 && dist <= 3); v[19] = +(dist >= 4 && dist <= 8); v[20] = +(dist > 8);
  v[21] = +firstCandidate; v[22] = +noBody;
  let inBody = 0, inUrl = 0;
  const at = doc.bucketStart[i], nw = doc.nWords[i];
  for (let j = 0; j < nw; j++) {
    const b = doc.bucketFlat[at + 2 * j];
    if (ev.stamp[b] === ev.gen) inBody++;
    if (ev.url.has(b)) inUrl++;
  }
  const body = nw ? inBody / nw : 0, url = nw ? inUrl / nw : 0;
  v[23] = body; v[24] = +(body >= OVERLAP_HALF);
  v[25] = +(ev.url.size > 0); v[26] = url; v[27] = +(url >= OVERLAP_HALF);
  v[28] = nw >= OVERLAP_WORDS_3 ? body : 0; v[29] = nw >= OVERLAP_WORDS_4 ? body : 0;
  v[30] = nw >= OVERLAP_WORDS_3 ? url : 0; v[31] = +(nw >= OVERLAP_WORDS_4 && body >= OVERLAP_HALF);
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

/** The title among the lines above the body (`isBody`: kept lines), and the metadata below it. */
export function findTitleAndMeta(doc: DocFeatures, pBody: Float64Array, isBody: boolean[], url: string | undefined, model: Model): TitleMeta {
  const { from, to, noBody } = titleWindow(isBody);
  const nWords = doc.nWords;
  let best = -1, bestP = TITLE_MIN;
  if (to <= from) return { title: -1, meta: [] };
  const ev = titleEvidence(doc, isBody, url, model.hashBits);
  for (let i = from; i < to; i++) {
    if (isBody[i]) continue;
    const dist = noBody ? i + 1 : to - i;
    const p = sigmoid(dot(model.title, writeTitleFeatures(ROW, doc, i, ev, pBody[i], dist, i === from, noBody)));
    if (p > bestP) { bestP = p; best = i; }
  }
  const meta: number[] = [];
  if (best >= 0 && !noBody) {
    for (let i = best + 1; i < to; i++) if (!isBody[i] && nWords[i] > 0 && nWords[i] <= META_MAX_WORDS) meta.push(i);
  }
  return { title: best, meta };
}
