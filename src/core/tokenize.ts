// Word tokens of a line, in any script. Scripts written without spaces (Chinese, Japanese, Thai,
// Lao, Khmer, Myanmar) have no word boundaries a regex can see, so each of their characters is a
// token of its own: stopword lists for those languages are mostly single characters, and the
// lexical features hash character pairs, which is how such text is usually indexed.
//
// One pass over the code units with the class table of charclass.ts. It gives exactly what
// matching /[\p{L}\p{N}\p{M}]+/gu and splitting each match around its unspaced-script characters
// gives (scripts/check-identical.ts compares them on the corpus), at a fraction of the cost.
import { astralClass, pairAt, UNSPACED, unitClass, UPPER, WORD } from "./charclass.ts";

export interface Tokens {
  /** Lower-cased word tokens (characters, for unspaced scripts). */
  words: string[];
  /** How many of the words are single unspaced-script characters of the BMP. */
  unspaced: number;
  /** How many of the words start with a code unit that changes when lower-cased. */
  titled: number;
}

export function tokenize(text: string): Tokens {
  const n = text.length;
  // Lower-casing an ASCII line maps each character on its own, so the line is lower-cased once
  // and words are cut from it. Elsewhere a word is lower-cased on its own, as its case mapping
  // can depend on its neighbours (Greek final sigma) or change its length (İ).
  let ascii = true;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) >= 128) { ascii = false; break; }
  const lower = ascii ? text.toLowerCase() : null;
  const words: string[] = [];
  let unspaced = 0, titled = 0;
  let start = -1; // start of the current run of spaced word characters
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    const cp = c < 0xd800 ? -1 : pairAt(text, i, c);
    const k = cp < 0 ? unitClass(c) : astralClass(cp);
    const width = cp < 0 ? 1 : 2;
    if (!(k & WORD)) {
      if (start >= 0) { titled += cut(text, lower, start, i, words); start = -1; }
    } else if (k & UNSPACED) {
      if (start >= 0) { titled += cut(text, lower, start, i, words); start = -1; }
      titled += cut(text, lower, i, i + width, words);
      if (width === 1) unspaced++;
    } else if (start < 0) start = i;
    i += width;
  }
  if (start >= 0) titled += cut(text, lower, start, n, words);
  return { words, unspaced, titled };
}

/** Adds the lower-cased word [from, to) of the line; 1 if it starts with a capital, else 0. */
function cut(text: string, lower: string | null, from: number, to: number, words: string[]): number {
  words.push(lower !== null ? lower.slice(from, to) : text.slice(from, to).toLowerCase());
  return unitClass(text.charCodeAt(from)) & UPPER ? 1 : 0;
}

/**
 * The words of an ASCII line as [from, to) ranges appended to `from` and `to`: runs of letters
 * and digits, which is what `tokenize` finds on ASCII. Returns how many start with a capital.
 */
export function asciiWords(text: string, from: number[], to: number[]): number {
  let titled = 0, start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const lc = c | 0x20;
    if ((lc >= 97 && lc <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) { start = i; if (c >= 65 && c <= 90) titled++; }
    } else if (start >= 0) {
      from.push(start);
      to.push(i);
      start = -1;
    }
  }
  return titled;
}
