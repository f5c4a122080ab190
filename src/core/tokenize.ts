// Word tokens of a line, in any script. Scripts written without spaces (Chinese, Japanese, Thai,
// Lao, Khmer, Myanmar) have no word boundaries a regex can see, so each of their characters is a
// token of its own: stopword lists for those languages are mostly single characters, and the
// lexical features hash character pairs, which is how such text is usually indexed.

const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;
const UNSPACED_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const UNSPACED_SPLIT_RE =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}])/u;

export interface Tokens {
  /** Lower-cased word tokens (characters, for unspaced scripts). */
  words: string[];
  /** How many of the words came from an unspaced script. */
  unspaced: number;
  /** Original-case first character of each word, to measure capitalisation cheaply. */
  initials: string[];
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const initials: string[] = [];
  let unspaced = 0;
  const matches = text.match(WORD_RE);
  // Most lines have no unspaced script at all: test the line once rather than every word.
  const anyUnspaced = matches !== null && UNSPACED_RE.test(text);
  if (matches) {
    for (const m of matches) {
      if (!anyUnspaced || !UNSPACED_RE.test(m)) {
        words.push(m.toLowerCase());
        initials.push(m[0]);
        continue;
      }
      // Mixed runs like "iPhone用" keep their spaced part whole and split the rest per character.
      for (const part of m.split(UNSPACED_SPLIT_RE)) {
        if (!part) continue;
        words.push(part.toLowerCase());
        initials.push(part[0]);
        if (part.length === 1 && UNSPACED_RE.test(part)) unspaced++;
      }
    }
  }
  return { words, unspaced, initials };
}
