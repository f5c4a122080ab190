// The words of a document, as one table: word w is the lower-cased text src[w][from[w], to[w]),
// hashed once (FNV-1a) for the stopword look-up and the lexical buckets. An ASCII line (most
// lines) is lower-cased once and its words are ranges of that string: no string per word, which
// on a long input was most of what the garbage collector had to copy while the document was
// processed. Other lines go through `tokenize`, whose words are strings of their own.
import { fnv1aRange } from "./hash.ts";
import { asciiWords, tokenize } from "./tokenize.ts";

export interface DocWords {
  src: string[];
  from: number[];
  to: number[];
  hash: Uint32Array;
  /** Line i's words are lineStart[i] .. lineStart[i + 1] - 1. */
  lineStart: Int32Array;
  /** Per line: words starting with a capital, words that are one unspaced-script character. */
  titled: Int32Array;
  unspaced: Int32Array;
  /** Per line: the line lower-cased when it is ASCII, else null. */
  lower: (string | null)[];
}

const isAscii = (s: string) => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
};

/** The words of each (trimmed) line. */
export function docWords(texts: string[]): DocWords {
  const n = texts.length;
  const src: string[] = [], from: number[] = [], to: number[] = [];
  const lineStart = new Int32Array(n + 1), titled = new Int32Array(n), unspaced = new Int32Array(n);
  const lower: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = texts[i];
    if (isAscii(t)) {
      const l = (lower[i] = t.toLowerCase());
      const w0 = from.length;
      titled[i] = asciiWords(t, from, to);
      for (let w = w0; w < from.length; w++) src.push(l);
    } else {
      lower[i] = null;
      const tk = tokenize(t);
      titled[i] = tk.titled;
      unspaced[i] = tk.unspaced;
      for (const w of tk.words) { src.push(w); from.push(0); to.push(w.length); }
    }
    lineStart[i + 1] = from.length;
  }
  const hash = new Uint32Array(from.length);
  for (let w = 0; w < hash.length; w++) hash[w] = fnv1aRange(src[w], from[w], to[w]);
  return { src, from, to, hash, lineStart, titled, unspaced, lower };
}
