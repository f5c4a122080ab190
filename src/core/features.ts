// Per-line features, one module for training and serving (DESIGN.md §1):
//   shallow text  - length, words, stopword density, punctuation, capitals, digits, sentence shape
//   position      - relative index, distance to the densest prose run
//   list runs     - runs of short unpunctuated lines (headline lists, menus)
//   repetition    - the line occurs more than once in the document
//   lexical       - hashed words, word pairs, first/last word and short whole lines
// Dense values are returned in a Float32Array laid out as DENSE_FEATURES; lexical ones as hashed
// bucket indexes, so a model is a dense weight vector plus a hashed weight table.
import { lineCodes, type LineCodes } from "./codes.ts";
import { fnv1a } from "./hash.ts";
import { detectLanguage, languageIndex, stopwordEntries, stopwordsOf } from "./language.ts";
import { lexicalBuckets, WHOLE_SEED, WORD_SEEDS } from "./lexical.ts";
import {
  collapsesAt, emptyScan, hasDateAt, hasTimeAt, endsAlnumAt, endsArrowAt, endsColonAt, endsEllipsisAt, endsTerminalAt, lineKey, mayBulletAt, readScan, sameKeyAt, scanCodes,
  startsDigitAt, startsLowerAt,
} from "./line-scan.ts";
import { float64Scratch, int32Scratch, Scratch, uint32Scratch } from "./scratch.ts";
import { slots } from "./slots.ts";
import { docWords } from "./words.ts";

export const DENSE_FEATURES = [
  "bias",
  "log_chars", "log_words",
  "words_0_2", "words_3_5", "words_6_10", "words_11_20", "words_21_40", "words_41_up",
  "stop_ratio", "stop_0", "stop_lt_15", "stop_15_30", "stop_30_up",
  "ends_terminal", "ends_colon", "ends_alnum", "ends_ellipsis", "ends_pipe_or_arrow",
  "sentences", "commas_per_word",
  "title_case_ratio", "all_caps", "starts_lower", "starts_bullet", "starts_digit",
  "digit_ratio", "punct_ratio", "has_url", "has_email_or_handle", "has_copyright",
  "has_separator", "has_quote", "has_paren", "has_date_like", "has_time_like",
  "unspaced_ratio",
  "rel_pos", "pos_first_5pct", "pos_last_5pct", "is_first", "is_last",
  "in_main_run", "before_main_run", "after_main_run", "dist_run_1_2", "dist_run_3_6",
  "dist_run_7_15", "dist_run_16_up", "main_run_share",
  "list_run_log", "in_list_run", "prose_like",
  "prev_prose", "next_prose", "prev_log_words", "next_log_words",
  "prev_terminal", "next_terminal",
  "repeats", "repeat_log",
  "doc_log_lines", "doc_prose_share",
  "doc_blank_share", "blank_apart", "blank_none", "blank_run_log",
] as const;

// Measured and not kept (`npm run train`, held out by site, articles, balanced threshold,
// loose_text / page_text F1, against 0.9583 / 0.9320; curve top 0.9457 over both):
// - topic: the share of a line's content words (not stopwords) that other lines of the densest
//   prose run use, and bins of it: 0.9575 / 0.9327, top 0.9459.
// - sentence words before and after a line (terminal lines of 10+ words), log and "none":
//   0.9573 / 0.9306, top 0.9452; held out by sample, 47 of 90 boilerplate lines left against 53.
// - the boilerplate cues categorize.ts explains removals with (newsletter, donation, share, credit
//   and the rest), one-hot on each line's first cue: 0.9578 / 0.9333, top 0.9464: +0.0004 over
//   both inputs, below the seed-to-seed spread html-train.ts measured, for a cue scan of every
//   line (the lexical buckets already hold the cue words).
// - for the seeds' trailing headline lists (prose-like by words and stopwords, so the densest run
//   takes them in; on the corpus, unpunctuated lines of 4-25 words after that run and after the
//   last prose line are gold body 7 % of the time in loose_text, 1 % in page_text):
//   - only terminal lines (or 25+ words) count as prose for the densest run: 0.9567 / 0.9327,
//     top 0.9454; samples 53 left.
//   - list runs of lines up to 20 words instead of LIST_MAX_WORDS: 0.9574 / 0.9312, top 0.9457;
//     samples 49 left. Both changes: 0.9572 / 0.9346, top 0.9464; 47 left.
//   - after_last_sentence (no terminal line of 10+ words below): 0.9575 / 0.9328, top 0.9461; 47
//     left. At a second trainer seed (20261125) 0.9574 / 0.9307 with 51 left, against that seed's
//     own 0.9576 / 0.9330 (top 0.9465) with 44 left: the seed alone moves the samples by 9 lines.
// Blank lines (the last four features): many scrapers leave a blank line around each paragraph
// and heading and none between the items of a list or the lines of a card (src/eval/rendered.ts;
// the samples: 32 of their 39 body lines stand between blank lines, 43 of their 90 boilerplate
// lines have none on either side). What a blank line says depends on whether the input has them
// at all, so each is read only in an input that has a blank line at this share of the places
// between its lines or more; below, the four are 0, as in a scraper's text of one line per block
// (the corpus's page_text and loose_text, HTML mode's blocks). Set by hand, not tuned: a quarter
// holds an input whose paragraphs are set apart even when its menus and lists are most of its lines.
// Learned from the corpus's pages as a rendering scraper gives them (src/eval/rendered.ts, a third
// training view). Measured held out by site (`npm run eval`, articles): the rendered text 0.9364,
// and 0.9345 with its blank lines taken out (same model); page_text 0.9327 -> 0.9350, loose_text
// 0.9584 -> 0.9584; the samples, each cleaned by the fold model that never saw it, 46 of 90
// boilerplate lines left instead of 53, and none of the 39 body lines removed instead of 1.
const BLANK_SHARE_MIN = 0.25;
export type DenseName = (typeof DENSE_FEATURES)[number];
export const DENSE_INDEX: Record<DenseName, number> = Object.fromEntries(
  DENSE_FEATURES.map((n, i) => [n, i]),
) as Record<DenseName, number>;
export const DENSE_SIZE = DENSE_FEATURES.length;

// A line is "prose-like" when it has at least this many words and this stopword density:
// jusText's defaults for a medium/long paragraph (its length_low is 70 chars ~ 10 words, its
// stopwords_low 0.30), loosened a little because scraped lines are paragraphs already.
const PROSE_MIN_WORDS = 10;
const PROSE_MIN_STOP = 0.2;
// A line at most this long with no terminal punctuation counts toward a list run (headline
// lists, menus). 12 words covers the headline lengths seen in the seeds and corpus.
const LIST_MAX_WORDS = 12;
// A run of at least this many such lines is a list (in_list_run; categorize's list reasons). Set
// by hand, not tuned: two short lines in a row are often a heading and a byline, three a menu.
export const LIST_RUN_MIN = 3;
// The densest prose run: a line that is not prose-like costs the run its words up to
// PROSE_GAP_MAX_WORDS plus PROSE_GAP_COST. Set by hand, not tuned: a subhead or credit between
// paragraphs costs less than a prose line (>= PROSE_MIN_WORDS) adds; a rail of link lines adds up.
const PROSE_GAP_MAX_WORDS = 8;
const PROSE_GAP_COST = 2;
// repeat_log counts a line's other copies up to this many, list_run_log a list run's lines. Above
// it, on the corpus, are 8 pages' "Reply", "}", "Book Now", a product grid's field names (all
// boilerplate) and one listing's "Winner" / "Honoree" (488 copies, body); list runs of 101-200,
// 201-500 and 501+ lines are body 11 %, 21 % and 6 % of the time, on 149, 49 and 20 pages. Read
// without a bound, the context pass learned from those few pages what the longest runs are, and
// kept "Read more" / "Share this article" sent 200 times or more (half its lines at 1,000 copies
// with repeats capped alone, all of them uncapped). Set by hand at the corpus's bin edge (lines
// repeated 51-100 times: body 8 %; list runs of 51-100 lines: 9 %).
const REPEAT_LOG_CAP = 100;
const LIST_RUN_LOG_CAP = 100;
// all_caps: more than this share of a line's letters upper case, on a line longer than
// ALL_CAPS_SHORT_CHARS (shorter ones are acronyms and initials). Set by hand, not tuned.
const ALL_CAPS_MIN_SHARE = 0.6;
const ALL_CAPS_SHORT_CHARS = 3;
// No regex here has two adjacent unbounded runs over the same characters, so none can backtrack
// quadratically on a long line (tests/core/regex-safety.test.ts times the worst cases). Each runs
// only on lines where scanCodes found what it needs to match (line-scan.ts); the simpler ones
// (terminal, ellipsis, copyright, separator, quote, sentence ends, a first digit) are that scan
// itself, and dates and times are matched by hand (hasDateAt, hasTimeAt: the regexes they replace
// are their specification in tests/core/line-scan.test.ts).
const URL_RE = /https?:\/\/|www\.|[\p{L}\p{N}]\.(com|org|net|io|co|uk|de|fr)\b/iu;
const EMAIL_HANDLE_RE = /[^\s@]@[^\s@.]+\.[^\s@]|(^|\s)@\w/u;
const BULLET_RE = /^\s*([-*•·▪►▶→✓✔☐○●◦]|\d{1,2}[.)]\s)/u;

export interface LineInfo {
  nWords: number;
  stopRatio: number;
  terminal: boolean;
  prose: boolean;
}

export interface DocFeatures {
  language: string;
  /** dense[i] is line i's dense vector (DENSE_SIZE values): a view of denseFlat. */
  dense: Float32Array[];
  /** hashed[i] is line i's lexical bucket indexes (may repeat): a view of bucketFlat. */
  hashed: Uint32Array[];
  info: LineInfo[];
  /** Every line's dense vector in one array, line i at i * DENSE_SIZE. */
  denseFlat: Float32Array;
  /** Every line's buckets in one array, line i's at bucketStart[i] .. bucketStart[i + 1] - 1. */
  bucketFlat: Uint32Array;
  bucketStart: Int32Array;
  /** Words per line (info[i].nWords). */
  nWords: Int32Array;
}

/**
 * The features of a document. The inference path reads the flat arrays; the per-line views and
 * LineInfo objects (what training and HTML mode read) are made on first use, as on a long input
 * tens of thousands of small objects that live as long as the document were most of the work of
 * the garbage collector.
 */
class Features implements DocFeatures {
  #dense?: Float32Array[];
  #hashed?: Uint32Array[];
  #info?: LineInfo[];
  constructor(
    readonly language: string,
    readonly denseFlat: Float32Array,
    readonly bucketFlat: Uint32Array,
    readonly bucketStart: Int32Array,
    readonly nWords: Int32Array,
    private readonly stopRatio: Float64Array,
    private readonly terminal: Uint8Array,
    private readonly prose: Uint8Array,
  ) {}
  get dense(): Float32Array[] {
    return (this.#dense ??= Array.from(this.nWords, (_, i) => this.denseFlat.subarray(i * DENSE_SIZE, (i + 1) * DENSE_SIZE)));
  }
  get hashed(): Uint32Array[] {
    return (this.#hashed ??= Array.from(this.nWords, (_, i) => this.bucketFlat.subarray(this.bucketStart[i], this.bucketStart[i + 1])));
  }
  get info(): LineInfo[] {
    return (this.#info ??= Array.from(this.nWords, (nWords, i) => ({ nWords, stopRatio: this.stopRatio[i], terminal: this.terminal[i] === 1, prose: this.prose[i] === 1 })));
  }
}

const bin = (b: boolean) => (b ? 1 : 0);
// log1p of the small counts the features take it of (characters, words, sentences, run lengths),
// looked up: the same values as Math.log1p, which is a call into the runtime seven times a line.
// Counts below this are looked up (every count of words, sentences and runs on the corpus's lines,
// and the characters of all but the longest lines); larger ones call Math.log1p.
const LOG1P_TABLE_SIZE = 4096;
const LOG1P_TABLE = Float64Array.from({ length: LOG1P_TABLE_SIZE }, (_, k) => Math.log1p(k));
/** Math.log1p(k) of a count k (a non-negative integer), looked up when small. */
export const log1pCount = (k: number) => (k < LOG1P_TABLE_SIZE ? LOG1P_TABLE[k] : Math.log1p(k));
const log1p = log1pCount;
/**
 * out[at] = log1pCount(k), written rather than returned: extractFeatures' line loop calls more than
 * V8 inlines into it, and a double returned by a call that is not inlined is a fresh heap number
 * (some 1 MB a round of the bench's 1.5 MB scaling document). log1pCount(0) is 0.
 */
const putLog1p = (out: Float32Array, at: number, k: number): void => {
  out[at] = k < LOG1P_TABLE_SIZE ? LOG1P_TABLE[k] : Math.log1p(k);
};

// Temporaries of extractFeatures and repeatCounts, reused from one document to the next (scratch.ts).
const ENTRY = int32Scratch(), CANDIDATES = int32Scratch(), LIST_RUN = int32Scratch(), KEY_HASH = uint32Scratch(), BLANK_RUN = int32Scratch();
// What blankRun is in an input whose blank lines are not read (never indexed then).
const NO_BLANK_RUN = new Int32Array(0);
const SLOTS = int32Scratch(), GROUP = int32Scratch(), COUNT = int32Scratch(), REPS = int32Scratch();
// What extractFeatures returns on clean's text path (see extractFeatures), each written whole.
const DENSE_POOL = new Scratch((n) => new Float32Array(n)), N_WORDS = int32Scratch(), STOP_RATIO = float64Scratch();
const TERMINAL = new Scratch((n) => new Uint8Array(n)), PROSE = new Scratch((n) => new Uint8Array(n));

/**
 * `codes`, when given, is lines' code units as segmentCodes made them (else they are made here).
 * Those are valid only until the next input is segmented, and so, made from them, are the
 * features' arrays (scratches): clean's text path is done with a document's features before it
 * segments the next, and a fresh typed array is an allocation, zeroed, for the collector to track
 * (some ten of them a call). Without `codes` (HTML mode, which analyses a page and its article at
 * once, and training) they are arrays of their own.
 * `lineNos`, when given, is each line's number in the text it was split from: a gap between two
 * lines' numbers is a blank line between them (the blank-line features). Without it there are none.
 */
export function extractFeatures(lines: string[], hashBits: number, langHint?: string, codes_?: LineCodes, lineNos?: ArrayLike<number>): DocFeatures {
  const n = lines.length;
  const doc = codes_ ?? lineCodes(lines);
  const { codes, from, to } = doc;
  // The trimmed line as a string, made only for what needs one (a regex, a non-ASCII line's words),
  // and the array that keeps them only once some line needs one.
  let texts: (string | undefined)[] | undefined;
  const text = (i: number) => ((texts ??= slots<string | undefined>(n))[i] ??= lines[i].trim());
  // Each word is hashed once: the hash finds its stopword entry and makes its lexical bucket.
  const words = docWords(doc, text, WORD_SEEDS);
  const entry = ENTRY.any(words.hash.length);
  stopwordEntries(words.chars, words.start, words.hash, entry, CANDIDATES.any(entry.length));
  const language = detectLanguage(entry, langHint);
  const stop = stopwordsOf(languageIndex(language === "und" ? "en" : language));
  const reuse = codes_ !== undefined;
  const nWordsOf = reuse ? N_WORDS.any(n) : new Int32Array(n), stopRatioOf = reuse ? STOP_RATIO.any(n) : new Float64Array(n);
  const terminalOf = reuse ? TERMINAL.any(n) : new Uint8Array(n), proseOf = reuse ? PROSE.any(n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const nWords = words.lineStart[i + 1] - words.lineStart[i];
    let s = 0;
    for (let j = words.lineStart[i]; j < words.lineStart[i + 1]; j++) s += stop[entry[j] + 1];
    const stopRatio = nWords ? s / nWords : 0;
    nWordsOf[i] = nWords;
    stopRatioOf[i] = stopRatio;
    terminalOf[i] = bin(endsTerminalAt(codes, from[i], to[i]));
    proseOf[i] = bin(nWords >= PROSE_MIN_WORDS && stopRatio >= PROSE_MIN_STOP);
  }

  // The densest prose run (Kadane): prose lines add their words, other lines cost a little, so
  // the run spans the article body with its short paragraphs but not the rails around it.
  let bestSum = 0, bestStart = 0, bestEnd = -1, sum = 0, start = 0;
  for (let i = 0; i < n; i++) {
    const gain = proseOf[i] ? nWordsOf[i] : -Math.min(nWordsOf[i], PROSE_GAP_MAX_WORDS) - PROSE_GAP_COST;
    if (sum <= 0) { sum = 0; start = i; }
    sum += gain;
    if (sum > bestSum) { bestSum = sum; bestStart = start; bestEnd = i; }
  }
  let totalWords = 0, runWords = 0, proseLines = 0;
  for (let i = 0; i < n; i++) {
    totalWords += nWordsOf[i];
    if (i >= bestStart && i <= bestEnd) runWords += nWordsOf[i];
    if (proseOf[i]) proseLines++;
  }

  // List runs: consecutive short unpunctuated lines.
  const listRun = LIST_RUN.zeroed(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && nWordsOf[j] > 0 && nWordsOf[j] <= LIST_MAX_WORDS && !terminalOf[j]) j++;
    const len = j - i;
    for (let k = i; k < j; k++) listRun[k] = len;
    i = j === i ? i + 1 : j;
  }

  // Repetition inside the document, on a whitespace- and case-normalised key (lineKey), known by
  // its hash (which is also the line's whole-line lexical feature).
  const keyHash = KEY_HASH.any(n);
  const pointwise = doc.pointwise;
  for (let i = 0; i < n; i++) {
    if (pointwise[i]) keyHash[i] = words.key[i];
    else keyHash[i] = fnv1a(collapsesAt(codes, from[i], to[i]) ? lineKey(text(i)) : text(i).toLowerCase(), WHOLE_SEED);
  }
  // Two keys are compared on the code units when both lines are pointwise, else as strings.
  const sameKey = (i: number, j: number) =>
    pointwise[i] && pointwise[j] ? sameKeyAt(codes, from[i], to[i], from[j], to[j]) : lineKey(text(i)) === lineKey(text(j));
  const reps = repeatCounts(keyHash, sameKey, (i) => lineKey(text(i)));

  // One buffer for the whole document's dense vectors, a view per line: a typed array of its own
  // per line costs an off-heap allocation each, which dominated the garbage on long inputs. Every
  // value of every line is written below, so a reused one needs no zeroing; a fresh one (zeroed,
  // a megabyte and more on a long page) was paid for at every call: loose_text 19.7 -> 20.0 MB/s.
  const pool = reuse ? DENSE_POOL.any(n * DENSE_SIZE) : new Float32Array(n * DENSE_SIZE);
  const buckets = lexicalBuckets(words, keyHash, (1 << hashBits) - 1, reuse);
  const docLogLines = log1p(n);
  const proseShare = n ? proseLines / n : 0;
  const runShare = totalWords ? runWords / totalWords : 0;
  // Blank lines: gapAt(i) is 1 when a blank line separates line i from line i - 1 (the input's
  // start and end count as blank); `blankRun` the lines of the blank-free run holding each line.
  // Only an input with line numbers has any (clean's text path, training).
  const gapAt = (i: number) => (i <= 0 || i >= n ? 1 : +(lineNos![i] - lineNos![i - 1] > 1));
  let blanks = 0;
  if (lineNos) for (let i = 1; i < n; i++) blanks += gapAt(i);
  const blankShare = n > 1 ? blanks / (n - 1) : 0;
  const readBlanks = lineNos !== undefined && blankShare >= BLANK_SHARE_MIN;
  // Written whole below when read; not made at all otherwise.
  const blankRun = readBlanks ? BLANK_RUN.any(n) : NO_BLANK_RUN;
  if (readBlanks) {
    for (let i = 0; i < n; ) {
      let j = i + 1;
      while (j < n && !gapAt(j)) j++;
      for (let k = i; k < j; k++) blankRun[k] = j - i;
      i = j;
    }
  }
  const sc = emptyScan();

  // Each 0/1 value below is written as +(comparison) (and & for two): the same 0 and 1, without a
  // branch that the CPU would mispredict from line to line.
  for (let i = 0; i < n; i++) {
    const s = from[i], e = to[i];
    const nw = nWordsOf[i], stopRatio = stopRatioOf[i];
    const o = i * DENSE_SIZE;
    const chars = e - s;
    if (pointwise[i]) readScan(words.scans, i, sc);
    else scanCodes(codes, s, e, sc);
    const { digits, punct, commas } = sc;
    const letters = Math.max(1, chars - digits - punct);

    pool[o + 0] = 1;
    putLog1p(pool, o + 1, chars);
    putLog1p(pool, o + 2, nw);
    pool[o + 3] = +(nw <= 2); pool[o + 4] = +(nw >= 3) & +(nw <= 5); pool[o + 5] = +(nw >= 6) & +(nw <= 10);
    pool[o + 6] = +(nw >= 11) & +(nw <= 20); pool[o + 7] = +(nw >= 21) & +(nw <= 40); pool[o + 8] = +(nw > 40);
    pool[o + 9] = stopRatio;
    pool[o + 10] = +(stopRatio === 0); pool[o + 11] = +(stopRatio > 0) & +(stopRatio < 0.15);
    pool[o + 12] = +(stopRatio >= 0.15) & +(stopRatio < 0.3); pool[o + 13] = +(stopRatio >= 0.3);
    pool[o + 14] = terminalOf[i];
    pool[o + 15] = bin(endsColonAt(codes, s, e));
    pool[o + 16] = bin(endsAlnumAt(codes, s, e));
    pool[o + 17] = bin(endsEllipsisAt(codes, s, e));
    pool[o + 18] = bin(endsArrowAt(codes, s, e));
    putLog1p(pool, o + 19, sc.sentences);
    pool[o + 20] = nw ? Math.min(1, commas / nw) : 0;
    pool[o + 21] = nw ? words.titled[i] / nw : 0;
    pool[o + 22] = +(sc.upper / letters > ALL_CAPS_MIN_SHARE) & +(chars > ALL_CAPS_SHORT_CHARS);
    pool[o + 23] = bin(startsLowerAt(codes, s, e));
    pool[o + 24] = bin(mayBulletAt(codes, s, e) && BULLET_RE.test(text(i)));
    pool[o + 25] = bin(startsDigitAt(codes, s, e));
    pool[o + 26] = chars ? digits / chars : 0;
    pool[o + 27] = chars ? punct / chars : 0;
    pool[o + 28] = bin(sc.mayUrl && URL_RE.test(text(i)));
    pool[o + 29] = bin(sc.at && EMAIL_HANDLE_RE.test(text(i)));
    pool[o + 30] = bin(sc.copyright);
    pool[o + 31] = bin(sc.separator);
    pool[o + 32] = bin(sc.quote);
    pool[o + 33] = bin(sc.paren);
    pool[o + 34] = bin(sc.mayDigit && hasDateAt(codes, s, e));
    pool[o + 35] = bin(sc.mayDigit && sc.colon && hasTimeAt(codes, s, e));
    pool[o + 36] = nw ? words.unspaced[i] / nw : 0;
    const rel = n > 1 ? i / (n - 1) : 0;
    pool[o + 37] = rel;
    pool[o + 38] = +(rel < 0.05); pool[o + 39] = +(rel > 0.95);
    pool[o + 40] = +(i === 0); pool[o + 41] = +(i === n - 1);
    const inRun = i >= bestStart && i <= bestEnd;
    const dist = inRun ? 0 : i < bestStart ? bestStart - i : i - bestEnd;
    pool[o + 42] = +inRun; pool[o + 43] = +(i < bestStart); pool[o + 44] = +(i > bestEnd) & +(bestEnd >= 0);
    pool[o + 45] = +(dist >= 1) & +(dist <= 2); pool[o + 46] = +(dist >= 3) & +(dist <= 6);
    pool[o + 47] = +(dist >= 7) & +(dist <= 15); pool[o + 48] = +(dist > 15);
    pool[o + 49] = runShare;
    putLog1p(pool, o + 50, Math.min(listRun[i], LIST_RUN_LOG_CAP));
    pool[o + 51] = +(listRun[i] >= LIST_RUN_MIN);
    pool[o + 52] = proseOf[i];
    pool[o + 53] = i > 0 ? proseOf[i - 1] : 0;
    pool[o + 54] = i < n - 1 ? proseOf[i + 1] : 0;
    putLog1p(pool, o + 55, i > 0 ? nWordsOf[i - 1] : 0);
    putLog1p(pool, o + 56, i < n - 1 ? nWordsOf[i + 1] : 0);
    pool[o + 57] = i > 0 ? terminalOf[i - 1] : 0;
    pool[o + 58] = i < n - 1 ? terminalOf[i + 1] : 0;
    pool[o + 59] = +(reps[i] > 1);
    putLog1p(pool, o + 60, Math.min(reps[i] - 1, REPEAT_LOG_CAP));
    pool[o + 61] = docLogLines;
    pool[o + 62] = proseShare;
    if (readBlanks) {
      const before = gapAt(i), after = gapAt(i + 1);
      pool[o + 63] = blankShare;
      pool[o + 64] = before & after;
      pool[o + 65] = +(before === 0) & +(after === 0);
      putLog1p(pool, o + 66, blankRun[i] - 1);
    } else {
      pool[o + 63] = 0; pool[o + 64] = 0; pool[o + 65] = 0; pool[o + 66] = 0;
    }
  }
  return new Features(language, pool, buckets.flat, buckets.start, nWordsOf, stopRatioOf, terminalOf, proseOf);
}

/**
 * How many lines share each line's key, counted by the keys' hashes in an open-addressing table.
 * Lines with the same hash are checked to have the same key (`same(i, j)`); if two keys ever
 * share a hash, the document is counted by the keys themselves (`key(i)` makes one).
 */
function repeatCounts(hash: Uint32Array, same: (i: number, j: number) => boolean, key: (i: number) => string): Int32Array {
  const n = hash.length;
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const mask = (1 << bits) - 1;
  // slot -> 1 + the first line with that hash (0: empty).
  const slots = SLOTS.zeroed(1 << bits);
  const group = GROUP.any(n), count = COUNT.zeroed(n), reps = REPS.any(n);
  let exact = true;
  for (let i = 0; i < n && exact; i++) {
    const h = hash[i];
    let s = h & mask;
    while (slots[s] !== 0 && hash[slots[s] - 1] !== h) s = (s + 1) & mask;
    const j = slots[s] - 1;
    if (j < 0) { slots[s] = i + 1; group[i] = i; } else if (same(i, j)) group[i] = j; else exact = false;
  }
  if (exact) {
    for (let i = 0; i < n; i++) count[group[i]]++;
    for (let i = 0; i < n; i++) reps[i] = count[group[i]];
    return reps;
  }
  const keys = Array.from(hash, (_, i) => key(i));
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (let i = 0; i < n; i++) reps[i] = counts.get(keys[i])!;
  return reps;
}
