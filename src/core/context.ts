// Second pass ("smooth"): body text comes in runs and boilerplate in blocks, so each line is
// re-scored from its neighbours' first-pass probabilities (window means, the nearest likely body,
// where it sits relative to the likely body span) plus a few of its own features. The weights are
// learned on out-of-fold first-pass probabilities, i.e. context relabelling learned from data
// rather than jusText's hand-set rules. Two more first-pass models mark where the article starts
// and ends (a "Comments", "Related", "Share" or "About the author" line just after the body, a
// kicker or byline just before it: learned from the line's words, in any language the data has),
// and every line sees the strongest end marker above it and start marker below it: prose after a
// clear end of the article is comments or teasers, not body. Last come the line's own dense
// features (those not already in the row): the first pass is linear in them, the trees can combine
// them with the context (a short unpunctuated line between prose lines, a page's share of prose).
import * as features from "./features.ts";
import { float64Scratch, int32Scratch } from "./scratch.ts";

// What the row loop reads of features.ts, as this module's own constants: in optimised code an
// imported binding is read through its cell, with a check that it is initialised, at every use.
const { DENSE_FEATURES, DENSE_INDEX: D, DENSE_SIZE, log1pCount } = features;

/** The context every line's row starts with (the HTML pass reads these too). */
export const CONTEXT_FEATURES = [
  "bias", "p1", "logit_p1",
  "p1_lt_10", "p1_10_30", "p1_30_50", "p1_50_70", "p1_70_90", "p1_gt_90",
  "prev_p1", "next_p1", "min_prev_next", "max_prev_next",
  "mean_w1", "mean_w3", "mean_w7", "mean_w15",
  "max_prev3", "max_next3",
  "before_span", "after_span", "in_span", "log_dist_body", "dist_body_1", "dist_body_2_3",
  "dist_body_4_10", "dist_body_gt_10",
  "doc_body_share", "doc_body_words_share",
  "p1_x_mean_w3", "p1_x_min_prev_next",
  "log_words", "prose_like", "ends_terminal", "in_list_run", "title_case_ratio",
  "words_0_2", "words_3_5", "stop_ratio", "repeats", "is_edge",
  "log_gap_before", "log_gap_after", "body_words_before", "stamp_prev", "stamp_w3",
  "p1_x_gap_before", "p1_x_gap_after", "p1_x_words_before", "p1_x_stamp",
  "end_here", "end_prev", "end_next", "end_max_above", "end_max_above_w", "end_sum_above",
  "log_lines_since_end_max", "body_words_after_end_max", "start_here", "start_max_below",
] as const;
export const CONTEXT_SIZE = CONTEXT_FEATURES.length;
// The line's own dense features that the row above does not already hold (and not the constant bias).
const IN_ROW: ReadonlySet<string> = new Set(["bias", ...CONTEXT_FEATURES]);
const OWN_DENSE = DENSE_FEATURES.flatMap((name, j) => (IN_ROW.has(name) ? [] : [{ name: `own_${name}`, j }]));
/** The text second pass's row: the context, then the line's own dense features. */
export const TEXT_CONTEXT_FEATURES: readonly string[] = [...CONTEXT_FEATURES, ...OWN_DENSE.map((x) => x.name)];
export const TEXT_CONTEXT_SIZE = TEXT_CONTEXT_FEATURES.length;
// Their places in the dense vector as runs of consecutive ones (the row loop copies run by run:
// a look-up of each one's place cost as much as the copy): run r is dense[OWN_RUNS[2r], OWN_RUNS[2r + 1]).
const OWN_RUNS = Int32Array.from(OWN_DENSE.flatMap((x, k) => {
  const first = k === 0 || OWN_DENSE[k - 1].j !== x.j - 1, last = k === OWN_DENSE.length - 1 || OWN_DENSE[k + 1].j !== x.j + 1;
  return [...(first ? [x.j] : []), ...(last ? [x.j + 1] : [])];
}));

// A first-pass probability above this counts as "likely body" when locating the body span and
// measuring distances; 0.5 is the natural midpoint of a calibrated logistic output.
const LIKELY_BODY = 0.5;

// p is clamped to [LOGIT_P_CLAMP, 1 - LOGIT_P_CLAMP] before its logit (|logit| <= 9.2), so a
// saturated first pass gives a finite feature. Set by hand, not tuned.
const LOGIT_P_CLAMP = 1e-4;
const clampLogit = (p: number) => {
  const q = Math.min(1 - LOGIT_P_CLAMP, Math.max(LOGIT_P_CLAMP, p));
  return Math.log(q / (1 - q));
};

/** Per-line probabilities of the start and end marker models (first pass, like p1). */
export interface Markers {
  /** P(line is one of the few lines just before the first body line). */
  start: Float64Array;
  /** P(line is one of the few lines just after the last body line). */
  end: Float64Array;
}

// "lines since the strongest end marker" is capped here: further than this it is simply far.
const SINCE_CAP = 50;
// A running sum of end-marker probabilities is capped: several markers are as clear as five.
const END_SUM_CAP = 5;
// The distance (lines) to the nearest likely body is capped here: further is simply far. Set by
// hand, not tuned; equal to SINCE_CAP but its own notion (distance to body, not to an end marker).
const DIST_BODY_CAP = 50;
// A date/time line is a stamp when it has fewer than this many words (log_words < log1p of it;
// the float32 log1p(8) rounds up, so 8 words is not a stamp). Set by hand, not tuned: a date,
// a time and a name ("December 18, 2025, 9:46 pm") fit.
const STAMP_WORDS_BELOW = 8;
const STAMP_LOG_WORDS = Math.log1p(STAMP_WORDS_BELOW);

/**
 * Line i's context vector as its own array (a view of `contextMatrix`): what training reads.
 * `width` CONTEXT_SIZE (the HTML pass's part) or TEXT_CONTEXT_SIZE (the text second pass's row).
 */
export function contextFeatures(p1: Float64Array, dense: Float32Array[], nWords: ArrayLike<number>, markers: Markers, width: number = CONTEXT_SIZE): Float32Array[] {
  const flat = new Float32Array(dense.length * DENSE_SIZE);
  dense.forEach((x, i) => flat.set(x, i * DENSE_SIZE));
  const m = contextMatrix(p1, flat, nWords, markers, width);
  return Array.from(p1, (_, i) => m.subarray(i * width, (i + 1) * width));
}

/**
 * Every line's context vector in one array, line i at i * CONTEXT_SIZE: no array per line.
 * `dense` holds the lines' dense vectors the same way (line i at i * DENSE_SIZE).
 */
export function contextMatrix(p1: Float64Array, dense: Float32Array, nWords: ArrayLike<number>, markers: Markers, width: number = CONTEXT_SIZE): Float32Array {
  const out = new Float32Array(p1.length * width);
  contextRows(p1, dense, nWords, markers, (from, rows, count) => {
    if (width === TEXT_CONTEXT_SIZE) out.set(rows.subarray(0, count * width), from * width);
    else for (let r = 0; r < count; r++) out.set(rows.subarray(r * TEXT_CONTEXT_SIZE, r * TEXT_CONTEXT_SIZE + width), (from + r) * width);
  });
  return out;
}

// Rows handed over at a time: enough for the forest to score several side by side
// (trees.ts), few enough that the block stays in the CPU's second-level cache (64 rows x ~110 floats, 28 KiB).
const ROWS_PER_BLOCK = 64;
// The block, reused by every call (a document's rows are handed over before the next call starts).
const BLOCK = new Float32Array(ROWS_PER_BLOCK * TEXT_CONTEXT_SIZE);
// The per-line sums and sweeps below, reused the same way (scratch.ts).
const PRE = float64Scratch(), DIST = int32Scratch(), GAP_BEFORE = int32Scratch(), GAP_AFTER = int32Scratch();
const WORDS_BEFORE = float64Scratch(), STAMP = float64Scratch(), PRE_STAMP = float64Scratch(), START_BELOW = float64Scratch();

/**
 * The lines' context vectors, a block of consecutive lines at a time: `each(from, rows, count)`
 * gets lines from .. from + count - 1, line from + r at rows[r * TEXT_CONTEXT_SIZE ..], in one buffer
 * that the next block reuses. The second pass scores a block as soon as it is made, so a long
 * document never holds all of them (on a 1.5 MB input they were 6 MB, read back from memory
 * instead of from cache).
 */
export function contextRows(p1: Float64Array, dense: Float32Array, nWords: ArrayLike<number>, markers: Markers, each: (from: number, rows: Float32Array, count: number) => void): void {
  const n = p1.length;
  // Prefix sums make every window mean O(1): the pass stays linear in the number of lines.
  const pre = PRE.any(n + 1);
  pre[0] = 0;
  for (let i = 0; i < n; i++) pre[i + 1] = pre[i] + p1[i];
  const windowMean = (i: number, w: number) => {
    const a = Math.max(0, i - w), b = Math.min(n - 1, i + w);
    const cnt = b - a; // excluding the line itself
    return cnt > 0 ? (pre[b + 1] - pre[a] - p1[i]) / cnt : 0;
  };
  let first = -1, last = -1, likely = 0, likelyWords = 0, totalWords = 0;
  for (let i = 0; i < n; i++) {
    totalWords += nWords[i];
    if (p1[i] > LIKELY_BODY) {
      if (first < 0) first = i;
      last = i;
      likely++;
      likelyWords += nWords[i];
    }
  }
  // Distance to the nearest likely-body line, both directions, in two linear sweeps.
  const dist = DIST.any(n).fill(1 << 20);
  for (let i = 0, d = 1 << 20; i < n; i++) { d = p1[i] > LIKELY_BODY ? 0 : d + 1; dist[i] = d; }
  for (let i = n - 1, d = 1 << 20; i >= 0; i--) { d = p1[i] > LIKELY_BODY ? 0 : d + 1; if (d < dist[i]) dist[i] = d; }

  // The longest run of unlikely lines between the first likely-body line and this one (and the
  // same from the other end): the article has short gaps, comments and related-story teasers sit
  // beyond a long block of share buttons and headings. Two linear sweeps.
  const gapBefore = GAP_BEFORE.any(n), gapAfter = GAP_AFTER.any(n);
  for (let i = 0, run = 0, best = 0, started = false; i < n; i++) {
    if (p1[i] > LIKELY_BODY) { started = true; run = 0; } else if (started) best = Math.max(best, ++run);
    gapBefore[i] = best;
  }
  for (let i = n - 1, run = 0, best = 0, started = false; i >= 0; i--) {
    if (p1[i] > LIKELY_BODY) { started = true; run = 0; } else if (started) best = Math.max(best, ++run);
    gapAfter[i] = best;
  }
  // Likely-body words before each line, as a share of all of them.
  const wordsBefore = WORDS_BEFORE.any(n);
  wordsBefore[0] = 0;
  for (let i = 1; i < n; i++) wordsBefore[i] = wordsBefore[i - 1] + (p1[i - 1] > LIKELY_BODY ? nWords[i - 1] : 0);
  // Short date/time lines ("December 18, 2025, 9:46 pm") head comments and posts in a thread.
  const stamp = STAMP.any(n);
  for (let i = 0, x = 0; i < n; i++, x += DENSE_SIZE) {
    stamp[i] = dense[x + D.words_41_up] === 0 && (dense[x + D.has_time_like] > 0 || dense[x + D.has_date_like] > 0) && dense[x + D.log_words] < STAMP_LOG_WORDS ? 1 : 0;
  }
  const preStamp = PRE_STAMP.any(n + 1);
  preStamp[0] = 0;
  for (let i = 0; i < n; i++) preStamp[i + 1] = preStamp[i] + stamp[i];

  // The strongest start marker at or below each line (one backward sweep).
  const startBelow = START_BELOW.any(n + 1);
  startBelow[n] = 0;
  for (let i = n - 1; i >= 0; i--) startBelow[i] = Math.max(startBelow[i + 1], markers.start[i]);

  const block = BLOCK;
  let blockFrom = 0;
  // Forward state for the end-marker features: the strongest marker so far, the same weighted by
  // the share of likely-body words above it, their capped sum, and likely-body words since it.
  let endMax = 0, endMaxW = 0, endSum = 0, since = SINCE_CAP, seenWords = 0, wordsSinceMax = 0;
  const bodyShare = n ? likely / n : 0;
  const wordsShare = totalWords ? likelyWords / totalWords : 0;
  for (let i = 0; i < n; i++) {
    const p = p1[i];
    const prev = i > 0 ? p1[i - 1] : 0;
    const next = i < n - 1 ? p1[i + 1] : 0;
    // The largest of the three before and after (0 past the ends), as selects rather than branches.
    const b1 = i >= 1 ? p1[i - 1] : 0, b2 = i >= 2 ? p1[i - 2] : 0, b3 = i >= 3 ? p1[i - 3] : 0;
    const a1 = i + 1 < n ? p1[i + 1] : 0, a2 = i + 2 < n ? p1[i + 2] : 0, a3 = i + 3 < n ? p1[i + 3] : 0;
    let maxPrev = b1 > 0 ? b1 : 0, maxNext = a1 > 0 ? a1 : 0;
    maxPrev = b2 > maxPrev ? b2 : maxPrev; maxPrev = b3 > maxPrev ? b3 : maxPrev;
    maxNext = a2 > maxNext ? a2 : maxNext; maxNext = a3 > maxNext ? a3 : maxNext;
    const dBody = first < 0 ? 1 << 20 : (p > LIKELY_BODY ? Math.min(dist[i - 1] ?? 1 << 20, dist[i + 1] ?? 1 << 20) + 1 : dist[i]);
    const d = Math.min(dBody, DIST_BODY_CAP);
    const m3 = windowMean(i, 3);
    const mn = Math.min(prev, next);
    const own = i * DENSE_SIZE;
    const row = block, r = (i - blockFrom) * TEXT_CONTEXT_SIZE;
    row[r + 0] = 1; row[r + 1] = p; row[r + 2] = clampLogit(p);
    row[r + 3] = +(p < 0.1); row[r + 4] = +(p >= 0.1 && p < 0.3); row[r + 5] = +(p >= 0.3 && p < 0.5);
    row[r + 6] = +(p >= 0.5 && p < 0.7); row[r + 7] = +(p >= 0.7 && p < 0.9); row[r + 8] = +(p >= 0.9);
    row[r + 9] = prev; row[r + 10] = next; row[r + 11] = mn; row[r + 12] = Math.max(prev, next);
    row[r + 13] = windowMean(i, 1); row[r + 14] = m3; row[r + 15] = windowMean(i, 7); row[r + 16] = windowMean(i, 15);
    row[r + 17] = maxPrev; row[r + 18] = maxNext;
    row[r + 19] = +(first >= 0 && i < first); row[r + 20] = +(last >= 0 && i > last); row[r + 21] = +(first >= 0 && i >= first && i <= last);
    row[r + 22] = log1pCount(d); row[r + 23] = +(d === 1); row[r + 24] = +(d >= 2 && d <= 3); row[r + 25] = +(d >= 4 && d <= 10); row[r + 26] = +(d > 10);
    row[r + 27] = bodyShare; row[r + 28] = wordsShare;
    row[r + 29] = p * m3; row[r + 30] = p * mn;
    row[r + 31] = dense[own + D.log_words]; row[r + 32] = dense[own + D.prose_like]; row[r + 33] = dense[own + D.ends_terminal];
    row[r + 34] = dense[own + D.in_list_run]; row[r + 35] = dense[own + D.title_case_ratio];
    row[r + 36] = dense[own + D.words_0_2]; row[r + 37] = dense[own + D.words_3_5]; row[r + 38] = dense[own + D.stop_ratio]; row[r + 39] = dense[own + D.repeats];
    row[r + 40] = +(i === 0 || i === n - 1);
    row[r + 41] = log1pCount(gapBefore[i]); row[r + 42] = log1pCount(gapAfter[i]);
    row[r + 43] = likelyWords ? wordsBefore[i] / likelyWords : 0;
    row[r + 44] = i > 0 ? Math.max(stamp[i - 1], i > 1 ? stamp[i - 2] : 0) : 0;
    const a = Math.max(0, i - 3), b = Math.min(n, i + 4);
    row[r + 45] = (preStamp[b] - preStamp[a] - stamp[i]) / Math.max(1, b - a - 1);
    row[r + 46] = p * row[r + 41]; row[r + 47] = p * row[r + 42]; row[r + 48] = p * row[r + 43]; row[r + 49] = p * Math.max(row[r + 44], row[r + 45]);
    const e = markers.end;
    row[r + 50] = e[i]; row[r + 51] = i > 0 ? e[i - 1] : 0; row[r + 52] = i < n - 1 ? e[i + 1] : 0;
    row[r + 53] = endMax; row[r + 54] = endMaxW; row[r + 55] = Math.min(endSum, END_SUM_CAP); row[r + 56] = log1pCount(Math.min(since, SINCE_CAP));
    row[r + 57] = likelyWords ? wordsSinceMax / likelyWords : 0;
    row[r + 58] = markers.start[i]; row[r + 59] = startBelow[i + 1];
    for (let q = 0, x = r + CONTEXT_SIZE; q < OWN_RUNS.length; q += 2) for (let j = own + OWN_RUNS[q], to = own + OWN_RUNS[q + 1]; j < to; j++) row[x++] = dense[j];
    if (i + 1 - blockFrom === ROWS_PER_BLOCK || i + 1 === n) { each(blockFrom, block, i + 1 - blockFrom); blockFrom = i + 1; }
    if (p > LIKELY_BODY) seenWords += nWords[i];
    const shareAbove = likelyWords ? Math.min(1, seenWords / likelyWords) : 0;
    if (e[i] > endMax) { endMax = e[i]; since = 0; wordsSinceMax = 0; } else since++;
    if (e[i] * shareAbove > endMaxW) endMaxW = e[i] * shareAbove;
    if (p > LIKELY_BODY && since > 0) wordsSinceMax += nWords[i];
    endSum += e[i] * shareAbove;
  }
}
