// Documents longer than any the model learned from are read in parts. The context pass learned
// where articles end from the corpus, whose longest input reads as ~10,500 words of likely body; on
// a 30,000-word article its P(body) fell with the position in the text (0.69 at a sixth, 0.03 past
// half: the share of the body above a line, the line's relative position and the sum of end-marker
// P above it, read far outside what it was trained on), and the last two thirds were removed. Such
// a document is read in parts of about the size of the corpus's longer articles, each analysed as a
// document of its own (features, both passes) with some lines of context on either side, whose
// verdicts are dropped. Re-scoring only the context pass in parts, with the line's position read
// in its part, kept less than before (60 of 614 body lines): the first pass and the document-wide
// features count too.

// A document is read in parts when its likely-body words (first pass P > 0.5) exceed this: above
// every corpus input (the most, over page_text and loose_text, is 10,493), so no corpus page is
// read differently.
export const LONG_BODY_WORDS = 12_000;
// A part holds about this many likely-body words: the corpus's longer articles (its 99th
// percentile is 7,061 for loose_text and 7,761 for page_text). Set by hand, not tuned.
const PART_BODY_WORDS = 6_000;
// Lines of context read on each side of a part, then dropped: past the context pass's widest
// window (15 lines each way) and its marker distance cap (50 lines). Set by hand.
const PART_MARGIN_LINES = 60;

// First-pass P above which a line counts as likely body (context.ts's LIKELY_BODY).
const LIKELY_BODY = 0.5;

/** [from, to) of each part's own lines, or null when the document is not long (LONG_BODY_WORDS). */
export function longParts(p1: ArrayLike<number>, nWords: ArrayLike<number>): [number, number][] | null {
  let total = 0;
  for (let i = 0; i < p1.length; i++) if (p1[i] > LIKELY_BODY) total += nWords[i];
  if (total <= LONG_BODY_WORDS) return null;
  // As many parts as the words need, each cut once it holds its share of them.
  const count = Math.ceil(total / PART_BODY_WORDS), share = total / count;
  const parts: [number, number][] = [];
  let from = 0, words = 0;
  for (let i = 0; i < p1.length; i++) {
    if (p1[i] > LIKELY_BODY) words += nWords[i];
    if (words >= share && i + 1 < p1.length && parts.length < count - 1) {
      parts.push([from, i + 1]);
      from = i + 1;
      words = 0;
    }
  }
  parts.push([from, p1.length]);
  // Words held by one line cannot be split at a line: such a document is read whole.
  return parts.length > 1 ? parts : null;
}

/** What a part's analysis gives each of its lines. */
export interface PartReading {
  p1: Float64Array;
  p2: Float64Array;
  start: Float64Array;
  end: Float64Array;
}

/**
 * Every line's probabilities from its part: `read(from, to)` analyses lines [from, to) as a
 * document, and each part is read with PART_MARGIN_LINES of context on either side.
 */
export function readInParts(n: number, parts: [number, number][], read: (from: number, to: number) => PartReading): PartReading {
  const out: PartReading = { p1: new Float64Array(n), p2: new Float64Array(n), start: new Float64Array(n), end: new Float64Array(n) };
  for (const [from, to] of parts) {
    const a = Math.max(0, from - PART_MARGIN_LINES), b = Math.min(n, to + PART_MARGIN_LINES);
    const r = read(a, b);
    for (const key of ["p1", "p2", "start", "end"] as const) out[key].set(r[key].subarray(from - a, to - a), from);
  }
  return out;
}
