// One pass over a (trimmed) line's code units that collects what the dense features count and
// which of the feature regexes could match at all. A regex then runs only on a line where it can
// match: each gate below is a necessary condition of its regex, so the feature value is exactly
// the regex's (scripts/check-identical.ts and tests/core/line-scan.test.ts check it).
import { ALNUM, astralClass, codePairAt, DIGIT, LOWER, lowerUnit, SPACE, unitClass, UPPER } from "./charclass.ts";
import { codesOf } from "./codes.ts";
import { FNV_OFFSET } from "./hash.ts";

const SENTENCE_END = 1; // [.!?。！？؟।] followed by white space or the end: a sentence ends
const SEPARATOR = 2; // [|•·»›/–-] between white space
const SEPARATOR_EDGE = 4; // [|•·»›] first or last
const QUOTE = 8; // ["“”«»„]
const TERMINAL = 16; // [.!?。！？؟।…"”’»)\]] last: the line ends like a sentence
const END_ARROW = 32; // [|›»→>] last: a breadcrumb or "more" link
const DATE_SEP1 = 64; // [./\-年月]: between the first two numbers of a date (DATE_RE)
const DATE_SEP2 = 128; // [./\-月日]: after the second

const MARKS = new Map<number, number>();
const mark = (chars: string, bit: number) => { for (const ch of chars) MARKS.set(ch.charCodeAt(0), (MARKS.get(ch.charCodeAt(0)) ?? 0) | bit); };
mark(".!?。！？؟।", SENTENCE_END);
mark("|•·»›/–-", SEPARATOR);
mark("|•·»›", SEPARATOR_EDGE);
mark("\"“”«»„", QUOTE);
mark(".!?。！？؟।…\"”’»)]", TERMINAL);
mark("|›»→>", END_ARROW);
mark("./-年月", DATE_SEP1);
mark("./-月日", DATE_SEP2);
// Marks are ASCII or BMP punctuation: a flat table makes the per-character test one load.
const MARK_TABLE = new Uint8Array(0x10000);
for (const [c, bits] of MARKS) MARK_TABLE[c] = bits;

export interface LineScan {
  /** ASCII digits, ASCII punctuation (commas included), commas, code units that lower-case. */
  digits: number;
  punct: number;
  commas: number;
  upper: number;
  sentences: number;
  quote: boolean;
  separator: boolean;
  copyright: boolean;
  /** Holds "(". */
  paren: boolean;
  /** Could hold a decimal digit of any script (DIGIT class, or a surrogate: astral digits). */
  mayDigit: boolean;
  colon: boolean;
  at: boolean;
  /** Holds "://", or a dot after a "w" or before a letter that starts a top-level domain. */
  mayUrl: boolean;
  /** Holds white space other than single spaces: its repetition key needs runs collapsed. */
  collapse: boolean;
}

const isAsciiPunct = (ch: number) => (ch >= 33 && ch <= 47) || (ch >= 58 && ch <= 64) || (ch >= 91 && ch <= 96) || (ch >= 123 && ch <= 126);
// First letters of the top-level domains URL_RE knows (com org net io co uk de fr), lower case.
const TLD_INITIAL = new Set([..."cdfinou"].map((c) => c.charCodeAt(0)));
const isSpace = (c: number) => (unitClass(c) & SPACE) !== 0;

export const emptyScan = (): LineScan => ({
  digits: 0, punct: 0, commas: 0, upper: 0, sentences: 0,
  quote: false, separator: false, copyright: false, paren: false, mayDigit: false, colon: false, at: false, mayUrl: false, collapse: false,
});

/** scanCodes of a (trimmed) string. */
export function scanLine(text: string): LineScan {
  return scanCodes(codesOf(text), 0, text.length, emptyScan());
}

// A neighbour of the line codes[s, e): outside it reads as -1, which is no class and no mark.
// (Functions here are top-level rather than closures in the per-line functions: the TypeScript
// loader names every closure it creates with a call, once per line if made per line.)
const near = (codes: Uint16Array, s: number, e: number, k: number) => (k >= s && k < e ? codes[k] : -1);

// ASCII code units, the most of any line, are counted without a branch: each adds its packed
// counts (ASCII_COUNTS: digits, punctuation, commas and capitals, 7 bits each) to one sum that is
// unpacked every SCAN_CHUNK units, before a field can overflow; only the few units that say more
// (ASCII_MORE: the marks, ":", "@", "(", tab to return) take a branch. A branch per unit on its
// kind was mispredicted at nearly every word boundary. (docWords scans ASCII lines in its own pass
// over their units with these same tables and moreAt.)
export const SCAN_CHUNK = 127;
export const ASCII_COUNTS = new Int32Array(128), ASCII_MORE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const digit = c >= 48 && c <= 57, punct = isAsciiPunct(c), capital = c >= 65 && c <= 90;
  ASCII_COUNTS[c] = (digit ? 1 : 0) | (punct ? 1 << 7 : 0) | (c === 44 ? 1 << 14 : 0) | (capital ? 1 << 21 : 0);
  ASCII_MORE[c] = MARK_TABLE[c] !== 0 || c === 58 || c === 64 || c === 46 || c === 40 || (c >= 9 && c <= 13) ? 1 : 0;
}

// A scan's booleans as bits (moreAt's answer, and a stored scan's flags); SAW_SENTENCE is a
// sentence end at the unit moreAt looked at (counted, not kept).
export const SAW_SENTENCE = 1;
const SAW_QUOTE = 2, SAW_SEPARATOR = 4, SAW_COPYRIGHT = 8, SAW_PAREN = 16, SAW_DIGIT = 32, SAW_COLON = 64, SAW_AT = 128, SAW_URL = 256;
export const SAW_COLLAPSE = 512;

/** The code units moreAt can say something of (1): the marks, ":", "@", "." and "(". */
export const SAYS_MORE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) SAYS_MORE[c] = MARK_TABLE[c] !== 0 || c === 58 || c === 64 || c === 46 || c === 40 ? 1 : 0;

/** Whether a non-ASCII unit ch of class k (unitClass) can be (part of) a decimal digit: a BMP digit, or a surrogate (astral digits). */
const mayBeNonAsciiDigit = (ch: number, k: number) => (k & DIGIT) !== 0 || (ch >= 0xd800 && ch <= 0xdfff);

/** What a non-ASCII unit ch of class k (unitClass) says beyond the counts and moreAt: white space, a digit (astral ones included), "©" or "℗". */
export const nonAsciiBits = (ch: number, k: number) =>
  (k & SPACE ? SAW_COLLAPSE : 0) | (mayBeNonAsciiDigit(ch, k) ? SAW_DIGIT : 0) | (ch === 0xa9 || ch === 0x2117 ? SAW_COPYRIGHT : 0);

/** What the unit ch = codes[i] of the line codes[s, e) says beyond the counts: a mark, ":", "@", "." or "(". */
export function moreAt(codes: Uint16Array, s: number, e: number, i: number, ch: number): number {
  let bits = 0;
  const m = MARK_TABLE[ch];
  if (m !== 0) {
    if (m & SENTENCE_END && (i + 1 === e || isSpace(codes[i + 1]))) bits |= SAW_SENTENCE;
    if (m & QUOTE) bits |= SAW_QUOTE;
    if (m & SEPARATOR && i > s && i + 1 < e && isSpace(codes[i - 1]) && isSpace(codes[i + 1])) bits |= SAW_SEPARATOR;
  }
  if (ch === 58) {
    bits |= SAW_COLON;
    if (near(codes, s, e, i + 1) === 47 && near(codes, s, e, i + 2) === 47) bits |= SAW_URL;
  } else if (ch === 64) bits |= SAW_AT;
  else if (ch === 46) {
    if ((near(codes, s, e, i - 1) | 0x20) === 119 || TLD_INITIAL.has(near(codes, s, e, i + 1) | 0x20)) bits |= SAW_URL;
  } else if (ch === 40) {
    bits |= SAW_PAREN;
    if ((near(codes, s, e, i + 1) | 0x20) === 99 && near(codes, s, e, i + 2) === 41) bits |= SAW_COPYRIGHT;
  }
  return bits;
}

/** The bits a whole line adds at its end: any digit, a separator first or last. */
export const lineEndBits = (codes: Uint16Array, s: number, e: number, digits: number) =>
  (digits > 0 ? SAW_DIGIT : 0) | (e > s && (MARK_TABLE[codes[s]] & SEPARATOR_EDGE || MARK_TABLE[codes[e - 1]] & SEPARATOR_EDGE) ? SAW_SEPARATOR : 0);

/** Numbers per line in a stored scan (STORED_SCAN entries from 6 * line): the five counts, then the bits. */
export const STORED_SCAN = 6;

/**
 * Adds the counts in `packed` (ASCII_COUNTS summed over at most SCAN_CHUNK units) to the stored
 * scan at scans[o]: digits, punctuation, commas, upper case.
 */
export function addPacked(scans: Int32Array, o: number, packed: number): void {
  scans[o] += packed & 127; scans[o + 1] += (packed >>> 7) & 127; scans[o + 2] += (packed >>> 14) & 127; scans[o + 3] += packed >>> 21;
}

/** Completes the stored scan at scans[o] of the line codes[s, e) (its counts added): sentences and bits. */
export function endScan(scans: Int32Array, o: number, codes: Uint16Array, s: number, e: number, sentences: number, bits: number): void {
  scans[o + 4] = sentences;
  scans[o + 5] = bits | lineEndBits(codes, s, e, scans[o]);
}

/** Line i's scan stored in `scans` (as docWords stores it), written into `out`. */
export function readScan(scans: Int32Array, i: number, out: LineScan): LineScan {
  const o = i * STORED_SCAN, bits = scans[o + 5];
  out.digits = scans[o]; out.punct = scans[o + 1]; out.commas = scans[o + 2]; out.upper = scans[o + 3]; out.sentences = scans[o + 4];
  out.quote = (bits & SAW_QUOTE) !== 0; out.separator = (bits & SAW_SEPARATOR) !== 0; out.copyright = (bits & SAW_COPYRIGHT) !== 0;
  out.paren = (bits & SAW_PAREN) !== 0; out.mayDigit = (bits & SAW_DIGIT) !== 0; out.colon = (bits & SAW_COLON) !== 0;
  out.at = (bits & SAW_AT) !== 0; out.mayUrl = (bits & SAW_URL) !== 0; out.collapse = (bits & SAW_COLLAPSE) !== 0;
  return out;
}

// scanCodes' stored scan, read into its `out` at the end.
const ONE_SCAN = new Int32Array(STORED_SCAN);

/** The scan of the trimmed line codes[s, e), written into `out` (reused line after line). */
export function scanCodes(codes: Uint16Array, s: number, e: number, out: LineScan): LineScan {
  const acc = ONE_SCAN.fill(0);
  let sentences = 0, bits = 0;
  // prev32: the unit before is a space (two spaces in a row are white space to collapse).
  let prev32 = 0;
  for (let i = s; i < e; ) {
    const stop = Math.min(e, i + SCAN_CHUNK);
    let packed = 0;
    for (; i < stop; i++) {
      const ch = codes[i];
      if (ch < 128) {
        packed += ASCII_COUNTS[ch];
        const is32 = +(ch === 32);
        if (prev32 & is32) bits |= SAW_COLLAPSE;
        prev32 = is32;
        if (ASCII_MORE[ch] === 0) continue;
        if (ch <= 13) { bits |= SAW_COLLAPSE; continue; }
      } else {
        prev32 = 0;
        const k = unitClass(ch);
        if (k & UPPER) acc[3]++;
        bits |= nonAsciiBits(ch, k);
      }
      const more = moreAt(codes, s, e, i, ch);
      sentences += more & SAW_SENTENCE;
      bits |= more;
    }
    addPacked(acc, 0, packed);
  }
  endScan(acc, 0, codes, s, e, sentences, bits);
  return readScan(acc, 0, out);
}

// What the dense features ask of a trimmed line's ends, on codes[s, e); each is the regex or
// string test named beside it, with the string form kept for the tests.

/** Ends like a sentence: `[.!?。！？؟।…"”’»)\]]$`. */
export const endsTerminalAt = (codes: Uint16Array, s: number, e: number) => e > s && (MARK_TABLE[codes[e - 1]] & TERMINAL) !== 0;
export const endsTerminal = (text: string) => endsTerminalAt(codesOf(text), 0, text.length);

/** Ends with `[|›»→>]`. */
export const endsArrowAt = (codes: Uint16Array, s: number, e: number) => e > s && (MARK_TABLE[codes[e - 1]] & END_ARROW) !== 0;
export const endsArrow = (text: string) => endsArrowAt(codesOf(text), 0, text.length);

/** The last code point is a letter or a number (`[\p{L}\p{N}]$`). */
export function endsAlnumAt(codes: Uint16Array, s: number, e: number): boolean {
  if (e <= s) return false;
  if (e - s >= 2) {
    const cp = codePairAt(codes, e - 2, e);
    if (cp >= 0) return (astralClass(cp) & ALNUM) !== 0;
  }
  return (unitClass(codes[e - 1]) & ALNUM) !== 0;
}
export const endsAlnum = (text: string) => endsAlnumAt(codesOf(text), 0, text.length);

/** `text.endsWith(":")`. */
export const endsColonAt = (codes: Uint16Array, s: number, e: number) => e > s && codes[e - 1] === 58;
/** `text.endsWith("...") || text.endsWith("…")`. */
export const endsEllipsisAt = (codes: Uint16Array, s: number, e: number) =>
  (e - s >= 3 && codes[e - 1] === 46 && codes[e - 2] === 46 && codes[e - 3] === 46) || (e > s && codes[e - 1] === 0x2026);
/** `text[0] !== text[0].toUpperCase()`: the first code unit has an upper case. */
export const startsLowerAt = (codes: Uint16Array, s: number, e: number) => e > s && (unitClass(codes[s]) & LOWER) !== 0;
/** `/^\p{Nd}/u`: the first code point is a decimal digit. */
export function startsDigitAt(codes: Uint16Array, s: number, e: number): boolean {
  if (e <= s) return false;
  const cp = codePairAt(codes, s, e);
  return ((cp >= 0 ? astralClass(cp) : unitClass(codes[s])) & DIGIT) !== 0;
}
// The characters a bullet starts with (BULLET_RE in features.ts), and ASCII digits ("1. ", "2) ").
const BULLET_FIRST = new Set([..."-*•·▪►▶→✓✔☐○●◦0123456789"].map((c) => c.charCodeAt(0)));
/** Whether a trimmed line can match BULLET_RE at all: its first character starts a bullet. */
export const mayBulletAt = (codes: Uint16Array, s: number, e: number) => e > s && BULLET_FIRST.has(codes[s]);

// Date and time shapes, as DATE_RE and TIME_RE in features.ts match them (u flag: over code points;
// \p{Nd} is a decimal digit of any script; \b is between [A-Za-z0-9_] and anything else).
const isRegexWordUnit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Width (1 or 2 code units) of the decimal digit code point at codes[k] (k < e), else 0. */
function digitAt(codes: Uint16Array, k: number, e: number): number {
  if (k >= e) return 0;
  const cp = codePairAt(codes, k, e);
  if (cp >= 0) return astralClass(cp) & DIGIT ? 2 : 0;
  return unitClass(codes[k]) & DIGIT ? 1 : 0;
}

/** Whether the code point that ends just before k (k > s) is a decimal digit. */
function digitBefore(codes: Uint16Array, s: number, k: number): boolean {
  if (k - 2 >= s && codePairAt(codes, k - 2, k) >= 0) return digitAt(codes, k - 2, k) === 2;
  return k - 1 >= s && digitAt(codes, k - 1, k) === 1;
}

/** Whether the code unit can be (part of) a decimal digit: 0-9 in ASCII, else as nonAsciiBits says. */
const mayBeDigit = (c: number) => (c < 128 ? c >= 48 && c <= 57 : mayBeNonAsciiDigit(c, unitClass(c)));

/** digitBefore, answered at once when the unit before is ASCII (only 0-9 are digits there; no pair ends in ASCII). */
function asciiDigitBefore(codes: Uint16Array, s: number, k: number): boolean {
  const p = codes[k - 1];
  return p < 128 ? p >= 48 && p <= 57 : digitBefore(codes, s, k);
}

/**
 * DATE_RE on the trimmed line codes[s, e): "12/03/", "3.4.", "2024年3月", "18, 2025", "1999".
 * Each alternative is read as "somewhere": at least one digit before a separator needs only one.
 */
export function hasDateAt(codes: Uint16Array, s: number, e: number): boolean {
  // Every alternative has a digit at q (the third) or one before q and one after it (the first
  // two), so only q from the first unit that can be part of a digit to the last can match: most
  // lines with a number hold it in a few units of a long line.
  let first = s, last = e - 1;
  while (first <= last && !mayBeDigit(codes[first])) first++;
  while (last > first && !mayBeDigit(codes[last])) last--;
  for (let q = first; q <= last; q++) {
    const c = codes[q];
    // \p{Nd}{1,4}[./\-年月]\p{Nd}{1,2}[./\-月日]
    if (MARK_TABLE[c] & DATE_SEP1 && q > s && digitBefore(codes, s, q)) {
      const w1 = digitAt(codes, q + 1, e);
      if (w1) {
        const r = q + 1 + w1;
        if (r < e && MARK_TABLE[codes[r]] & DATE_SEP2) return true;
        const w2 = digitAt(codes, r, e);
        if (w2 && r + w2 < e && MARK_TABLE[codes[r + w2]] & DATE_SEP2) return true;
      }
    }
    // \p{Nd}{1,2},? \p{Nd}{4}
    if (c === 32 && q > s && (asciiDigitBefore(codes, s, q) || (codes[q - 1] === 44 && q - 1 > s && asciiDigitBefore(codes, s, q - 1)))) {
      let k = q + 1, n = 0;
      for (let w; n < 4 && (w = digitAt(codes, k, e)); n++) k += w;
      if (n === 4) return true;
    }
    // \b(19|20)\p{Nd}{2}\b
    if ((c === 49 && codes[q + 1] === 57) || (c === 50 && codes[q + 1] === 48)) {
      if (q + 1 < e && (q === s || !isRegexWordUnit(codes[q - 1]))) {
        const w1 = digitAt(codes, q + 2, e), w2 = w1 ? digitAt(codes, q + 2 + w1, e) : 0;
        if (w2) {
          const t = q + 2 + w1 + w2;
          const lastIsWord = w2 === 1 && isRegexWordUnit(codes[t - 1]);
          if (lastIsWord !== (t < e && isRegexWordUnit(codes[t]))) return true;
        }
      }
    }
  }
  return false;
}

/** TIME_RE (`\p{Nd}{1,2}:\p{Nd}{2}`) on the trimmed line codes[s, e): "9:46", "12:30". */
export function hasTimeAt(codes: Uint16Array, s: number, e: number): boolean {
  for (let q = s + 1; q < e; q++) {
    if (codes[q] !== 58 || !digitBefore(codes, s, q)) continue;
    const w1 = digitAt(codes, q + 1, e);
    if (w1 && digitAt(codes, q + 1 + w1, e)) return true;
  }
  return false;
}

/** Holds white space other than single spaces (scanCodes' `collapse`), so lineKey has runs to collapse. */
export function collapsesAt(codes: Uint16Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    if (codes[i] === 32 ? i + 1 < e && (unitClass(codes[i + 1]) & SPACE) !== 0 : (unitClass(codes[i]) & SPACE) !== 0) return true;
  }
  return false;
}

// The repetition key (lineKey) of a trimmed line that lower-cases code unit by code unit
// (codes.ts `pointwise`), read off its code units without making it: white-space runs as one
// space, each unit lower-cased (docWords hashes it the same way). Its code units one at a time:
// `at` is where to start reading, and `nextKeyUnit` returns the next unit (or -1 at the end) and
// leaves the next position in keyAt.
let keyAt = 0;
// White space as \s sees it: in ASCII tab, line feed, vertical tab, form feed, return and space;
// elsewhere by its class.
const isKeySpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c >= 128 && (unitClass(c) & SPACE) !== 0);
function nextKeyUnit(codes: Uint16Array, at: number, e: number): number {
  if (at >= e) return -1;
  const c = codes[at];
  if (isKeySpace(c)) {
    let k = at + 1;
    while (k < e && isKeySpace(codes[k])) k++;
    keyAt = k;
    return 32;
  }
  keyAt = at + 1;
  return c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : lowerUnit(c);
}

/** Whether the trimmed pointwise lines codes[s1, e1) and codes[s2, e2) have the same repetition key. */
export function sameKeyAt(codes: Uint16Array, s1: number, e1: number, s2: number, e2: number): boolean {
  for (let a = s1, b = s2; ; ) {
    const x = nextKeyUnit(codes, a, e1);
    a = keyAt;
    const y = nextKeyUnit(codes, b, e2);
    b = keyAt;
    if (x !== y) return false;
    if (x < 0) return true;
  }
}

/**
 * The repetition key of a line: trimmed, runs of white space as one space, lower-cased. (When
 * scanLine says the trimmed line has no white space to collapse, the key is it lower-cased.)
 */
export function lineKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}
