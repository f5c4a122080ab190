// Lexical features: every word, every adjacent word pair, the first and last word (they carry
// "Read more", "Photo:", "Share", "Advertisement"), and short lines whole, each hashed to a bucket.
// The buckets of a whole document go into one array (each line gets a view of its part), each
// word is hashed once, and the "^word", "word$" and "=line" keys are hashed by continuing the hash
// rather than by building those strings: FNV-1a of a + b is FNV-1a of b seeded with that of a.
import { fnv1a } from "./hash.ts";

// Whole-line lexical features are made for lines up to this many words: boilerplate phrases
// ("Read more", "Advertisement", "Share this article") are short and recur verbatim.
export const WHOLE_LINE_MAX_WORDS = 6;

const PAIR_SALT = 0x9e3779b9;
const FIRST_SEED = fnv1a("^");
const WHOLE_SEED = fnv1a("=");

/**
 * Buckets of each line, in one pass: `words[i]` are line i's tokens, `wordHash` the fnv1a of every
 * token of the document in order, `keys[i]` line i's repetition key.
 */
export function lexicalBuckets(words: string[][], wordHash: Uint32Array, keys: string[], mask: number): Uint32Array[] {
  let size = 0;
  for (const w of words) size += w.length * 2 + 3;
  const pool = new Uint32Array(size);
  const out: Uint32Array[] = new Array(words.length);
  let k = 0, w = 0;
  for (let i = 0; i < words.length; i++) {
    const ws = words[i];
    const nw = ws.length;
    const from = k;
    for (let j = 0; j < nw; j++, w++) {
      pool[k++] = wordHash[w] & mask;
      if (j + 1 < nw) pool[k++] = fnv1a(ws[j + 1], wordHash[w] ^ PAIR_SALT) & mask;
    }
    if (nw) {
      pool[k++] = fnv1a(ws[0], FIRST_SEED) & mask;
      pool[k++] = fnv1a("$", wordHash[w - 1]) & mask;
    }
    if (nw <= WHOLE_LINE_MAX_WORDS) pool[k++] = fnv1a(keys[i], WHOLE_SEED) & mask;
    out[i] = pool.subarray(from, k);
  }
  return out;
}
