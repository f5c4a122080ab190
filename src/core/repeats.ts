// A second copy of a passage: some pages carry their article (or a long part of it) twice, a
// desktop and a mobile version, a tab panel, a print copy. Both copies look like body to the
// classifier, line by line; only together do they show that one is a repeat. The body keeps the
// first copy; the lines of a later one are removed, each naming the line it repeats.
//
// A run is a repeat when it holds at least REPEAT_MIN_RUN long lines that each repeat, word for
// word, a line already kept; short lines inside the run (headings, "Read more") go with it when
// they repeat too. An isolated repeated paragraph (a pull quote, a refrain) is left alone. Two
// lines repeat when their lineKey (trimmed, white space collapsed, lower-cased) is the same: the
// key the `repeats` feature counts.
//
// Near copies are not matched. Measured on the fast engine's out-of-fold output of the corpus's
// 701 articles: 339 kept lines of 8+ words are like an earlier kept line (string-similarity's Dice
// >= 0.85) without being equal to it, on 105 articles, and 251 of them are body in the gold: the
// items of a list written to one pattern ("Trip Details: A 7-day journey featuring 9 meals ...").
import { lineKey } from "./line-scan.ts";

// Long enough that two equal lines are not a coincidence ("Sign up for free", "Share this").
// Chosen on the corpus's out-of-fold outputs: 8 and 12 words gave the same article F1 (HTML fast
// 0.9593); matching single lines without the run rule, 5 words scored below 8 (0.9589 vs 0.9591).
const REPEAT_MIN_WORDS = 8;
// Three repeated long lines in a row make a copy. Chosen on the corpus's out-of-fold outputs
// (articles F1, HTML fast / page_text / loose_text): 3 beat 2 by 0.0003 on each and 4 by 0.0001
// on HTML; the gold repeats single paragraphs on 44 of 701 articles, rarely runs.
const REPEAT_MIN_RUN = 3;


/**
 * For each line, the index of the earlier kept line it repeats when it belongs to a repeated run
 * of kept lines, else -1. `keep` marks the lines the classifier kept; only those are compared.
 * Linear: one map lookup per kept line, and the short lines are looked at only when the long
 * ones repeat at all. `repeated(i)`, when given, says whether some other line of the document has
 * line i's key (the `repeats` feature, which counts the same keys): a line no other shares can be
 * neither a copy nor copied, so its key is not made at all (most lines of most pages). `lineNos`:
 * the segments' input lines, whose pieces of one line go together (wholeLines).
 */
export function repeatedRuns(texts: readonly string[], keep: readonly boolean[], nWords: ArrayLike<number>, repeated?: (i: number) => boolean, lineNos?: ArrayLike<number>): Int32Array {
  const n = texts.length;
  const out = new Int32Array(n).fill(-1);
  const long = (i: number) => nWords[i] >= REPEAT_MIN_WORDS;
  // Per kept line, the earlier kept line with the same words (or -1): long lines first.
  const copyOf = new Int32Array(n).fill(-1);
  const shared = repeated ?? (() => true);
  if (markCopies(texts, keep, copyOf, (i) => long(i) && shared(i)) < REPEAT_MIN_RUN) return out;
  markCopies(texts, keep, copyOf, (i) => !long(i) && shared(i));
  let i = 0;
  while (i < n) {
    if (!keep[i] || copyOf[i] < 0 || !long(i)) { i++; continue; }
    // Extend the run over kept lines that repeat, or are short; removed lines do not break it.
    let j = i, last = i, count = 0;
    for (; j < n; j++) {
      if (!keep[j] || !long(j)) continue;
      if (copyOf[j] < 0) break;
      last = j;
      count++;
    }
    if (count >= REPEAT_MIN_RUN) for (let k = i; k <= last; k++) if (keep[k] && copyOf[k] >= 0) out[k] = copyOf[k];
    i = j;
  }
  if (lineNos) wholeLines(out, keep, lineNos);
  return out;
}

/**
 * The sentences of a long line (long-lines.ts: consecutive segments with one line number) are a
 * copy of another line's only when all its kept sentences are copies: terms repeated per region,
 * each region's line with its own prices, share most of their sentences, and the gold keeps every
 * region's. A copy within the line itself (a page run into one line that holds its article twice,
 * a desktop and a mobile copy) stays a copy.
 */
function wholeLines(out: Int32Array, keep: readonly boolean[], lineNos: ArrayLike<number>): void {
  for (let i = 0; i < out.length;) {
    let j = i + 1;
    while (j < out.length && lineNos[j] === lineNos[i]) j++;
    if (j - i > 1) {
      let all = true;
      for (let k = i; k < j; k++) if (keep[k] && out[k] < 0) all = false;
      if (!all) for (let k = i; k < j; k++) if (out[k] >= 0 && lineNos[out[k]] !== lineNos[k]) out[k] = -1;
    }
    i = j;
  }
}

/** Sets copyOf for the kept lines `which` selects; returns how many repeat an earlier one. */
function markCopies(texts: readonly string[], keep: readonly boolean[], copyOf: Int32Array, which: (i: number) => boolean): number {
  const first = new Map<string, number>();
  let repeats = 0;
  for (let i = 0; i < texts.length; i++) {
    if (!keep[i] || !which(i)) continue;
    const key = lineKey(texts[i]);
    if (!key) continue;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else { copyOf[i] = seen; repeats++; }
  }
  return repeats;
}

/**
 * The texts of the lines a body keeps at threshold `t`: P(body) at least t, less the lines of a
 * repeated copy. What assemble returns, for training to score thresholds on the same body
 * (`lineNos`: the segments' input lines, as repeatedRuns takes them).
 */
export function keptTexts(texts: readonly string[], p: ArrayLike<number>, t: number, nWords: ArrayLike<number>, lineNos?: ArrayLike<number>): string[] {
  const keep = Array.from(p, (x: number) => x >= t);
  const repeats = repeatedRuns(texts, keep, nWords, undefined, lineNos);
  return texts.filter((_, i) => keep[i] && repeats[i] < 0);
}
