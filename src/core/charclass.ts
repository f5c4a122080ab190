// Character classes for the per-character loops of tokenize and features, as bit flags in a
// table over UTF-16 code units: a table look-up instead of a Unicode-property regex run per word
// or per line. Each entry is computed, once and on first use, by the very regex or string method
// the class stands for, so the table cannot drift from what those would say.

/** Letter, number or mark: a word character (`[\p{L}\p{N}\p{M}]`). */
export const WORD = 1;
/** Letter or number (`[\p{L}\p{N}]`). */
export const ALNUM = 2;
/** A script written without spaces: Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar. */
export const UNSPACED = 4;
/** A decimal digit in any script (`\p{Nd}`). */
export const DIGIT = 8;
/** Changes when lower-cased (`ch !== ch.toLowerCase()`). */
export const UPPER = 16;
/** White space as `\s` and `String.prototype.trim` see it. */
export const SPACE = 32;
/** Changes when upper-cased (`ch !== ch.toUpperCase()`). */
export const LOWER = 64;
const KNOWN = 128;

const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
const ALNUM_RE = /^[\p{L}\p{N}]$/u;
const UNSPACED_RE =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;
const DIGIT_RE = /^\p{Nd}$/u;
const SPACE_RE = /^\s$/u;

function classify(ch: string): number {
  return KNOWN |
    (WORD_RE.test(ch) ? WORD : 0) | (ALNUM_RE.test(ch) ? ALNUM : 0) | (UNSPACED_RE.test(ch) ? UNSPACED : 0) |
    (DIGIT_RE.test(ch) ? DIGIT : 0) | (ch !== ch.toLowerCase() ? UPPER : 0) | (SPACE_RE.test(ch) ? SPACE : 0) |
    (ch !== ch.toUpperCase() ? LOWER : 0);
}

// 64 KiB, filled lazily: a page touches a few dozen distinct code units outside ASCII.
const TABLE = new Uint8Array(0x10000);
// Each code unit's lower case, filled with its class: what `toLowerCase` makes of it on its own
// (0 for U+0130, whose lower case is two code units).
const LOWER_UNIT = new Uint16Array(0x10000);
const fill = (c: number) => {
  const ch = String.fromCharCode(c), low = ch.toLowerCase();
  LOWER_UNIT[c] = low.length === 1 ? low.charCodeAt(0) : 0;
  return (TABLE[c] = classify(ch));
};
for (let c = 0; c < 128; c++) fill(c);
const ASTRAL = new Map<number, number>();
// Astral code points cached at most: the emoji and CJK extension characters of real pages fit
// many times over, and a hostile input cannot grow the cache without bound.
const ASTRAL_CACHE_MAX = 4096;

/** Class of one UTF-16 code unit on its own (a lone surrogate has none of the classes). */
export function unitClass(c: number): number {
  const k = TABLE[c];
  return k !== 0 ? k : fill(c);
}

/**
 * The lower case of the code unit c on its own. Lower-casing a string maps each code unit so,
 * except for a lone or paired surrogate, "Σ" (its lower case depends on the letters around it)
 * and "İ" (two code units): `pointwiseLower` says a line has none of them.
 */
export function lowerUnit(c: number): number {
  if (TABLE[c] === 0) fill(c);
  return LOWER_UNIT[c];
}

/** Whether lower-casing the code units codes[s, e) as a string is lowerUnit of each, in place. */
export function pointwiseLower(codes: Uint16Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = codes[i];
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || c === 0x130) return false;
  }
  return true;
}

/** Class of a code point above U+FFFF (emoji, historic scripts, CJK extensions). */
export function astralClass(cp: number): number {
  let k = ASTRAL.get(cp);
  if (k === undefined) {
    k = classify(String.fromCodePoint(cp));
    if (ASTRAL.size < ASTRAL_CACHE_MAX) ASTRAL.set(cp, k);
  }
  return k;
}

/** The code point at codes[i] when codes[i], codes[i + 1] (before `end`) are a surrogate pair, else -1. */
export function codePairAt(codes: Uint16Array, i: number, end: number): number {
  const c = codes[i];
  if (c < 0xd800 || c > 0xdbff || i + 1 >= end) return -1;
  const d = codes[i + 1];
  return d >= 0xdc00 && d <= 0xdfff ? ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000 : -1;
}
