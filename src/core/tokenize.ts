// Word tokens of a line, in any script. Scripts written without spaces (Chinese, Japanese, Thai,
// Lao, Khmer, Myanmar) have no word boundaries a regex can see, so each of their characters is a
// token of its own: stopword lists for those languages are mostly single characters, and the
// lexical features hash character pairs, which is how such text is usually indexed.
//
// One pass over the code units with the class table of charclass.ts. It gives exactly what
// matching /[\p{L}\p{N}\p{M}]+/gu and splitting each match around its unspaced-script characters
// gives (scripts/check-identical.ts compares them on the corpus), at a fraction of the cost.
import { astralClass, codePairAt, UNSPACED, unitClass, UPPER, WORD } from "./charclass.ts";
import { codesOf } from "./codes.ts";

export interface Tokens {
  /** Lower-cased word tokens (characters, for unspaced scripts). */
  words: string[];
  /** How many of the words are single unspaced-script characters of the BMP. */
  unspaced: number;
  /** How many of the words start with a code unit that changes when lower-cased. */
  titled: number;
}

export function tokenize(text: string): Tokens {
  // Lower-casing an ASCII line maps each character on its own, so the line is lower-cased once
  // and words are cut from it. Elsewhere a word is lower-cased on its own, as its case mapping
  // can depend on its neighbours (Greek final sigma) or change its length (İ).
  let ascii = true;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) { ascii = false; break; }
  const lower = ascii ? text.toLowerCase() : null;
  const words: string[] = [];
  const counts = tokenRanges(codesOf(text), 0, text.length, (from, to) => { words.push(lower !== null ? lower.slice(from, to) : text.slice(from, to).toLowerCase()); });
  return { words, ...counts };
}

/**
 * The words of the text codes[s, n) as ranges [from, to) of it, in order, given to `word`;
 * returns how many are single unspaced-script characters of the BMP and how many start with a
 * capital. (The words of `tokenize` are these ranges, lower-cased.)
 */
export function tokenRanges(codes: Uint16Array, s: number, n: number, word: (from: number, to: number) => void): { unspaced: number; titled: number } {
  let unspaced = 0, titled = 0;
  let start = -1; // start of the current run of spaced word characters
  for (let i = s; i < n; ) {
    const c = codes[i];
    const cp = c < 0xd800 ? -1 : codePairAt(codes, i, n);
    const k = cp < 0 ? unitClass(c) : astralClass(cp);
    const width = cp < 0 ? 1 : 2;
    if (!(k & WORD)) {
      if (start >= 0) { titled += cut(codes, start, i, word); start = -1; }
    } else if (k & UNSPACED) {
      if (start >= 0) { titled += cut(codes, start, i, word); start = -1; }
      titled += cut(codes, i, i + width, word);
      if (width === 1) unspaced++;
    } else if (start < 0) start = i;
    i += width;
  }
  if (start >= 0) titled += cut(codes, start, n, word);
  return { unspaced, titled };
}

/**
 * Whether lower-casing `text` whole maps each code point on its own, so that a word's lower case
 * is the same range of the whole line's: no "Σ" (its lower case depends on the letters around
 * it, across word boundaries) and no "İ" (its lower case is two code units long).
 */
export const lowersPointwise = (text: string) => !text.includes("\u03a3") && !text.includes("\u0130");

/** Gives the word [from, to) to `word`; 1 if it starts with a capital, else 0. */
function cut(codes: Uint16Array, from: number, to: number, word: (from: number, to: number) => void): number {
  word(from, to);
  return unitClass(codes[from]) & UPPER ? 1 : 0;
}
