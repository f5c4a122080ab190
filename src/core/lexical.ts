// Lexical features: every word, every adjacent word pair, the first and last word (they carry
// "Read more", "Photo:", "Share", "Advertisement"), and short lines whole, each hashed to a bucket.
// The buckets of a whole document go into one array (each line gets a view of its part), each
// word is hashed once, and the "^word", "word$" and "=line" keys are hashed by continuing the hash
// rather than by building those strings: FNV-1a of a + b is FNV-1a of b seeded with that of a.
import { fnv1a } from "./hash.ts";
import { int32Scratch, uint32Scratch } from "./scratch.ts";
import type { DocWords, WordSeeds } from "./words.ts";

// Whole-line lexical features are made for lines up to this many words: boilerplate phrases
// ("Read more", "Advertisement", "Share this article") are short and recur verbatim.
export const WHOLE_LINE_MAX_WORDS = 6;

const PAIR_SALT = 0x9e3779b9;
const FIRST_SEED = fnv1a("^");
/** The seed of the whole-line key's hash ("=" + key): features.ts hashes each line's key with it. */
export const WHOLE_SEED = fnv1a("=");

/** The seeds docWords hashes each word again from (first word of a line, word pair), and the key's. */
export const WORD_SEEDS: WordSeeds = { first: FIRST_SEED, pair: PAIR_SALT, key: WHOLE_SEED };

// The buckets on clean's text path (`reuse`: extractFeatures).
const POOL = uint32Scratch(), LINE_AT = int32Scratch();

/**
 * Buckets of each line, in one pass over the document's words (made by docWords with
 * WORD_SEEDS); `keyHash[i]` is the fnv1a of "=" + line i's repetition key (its whole-line feature).
 * With `reuse` the arrays are scratches (scratch.ts), valid until the next call with it.
 */
export function lexicalBuckets(words: DocWords, keyHash: Uint32Array, mask: number, reuse = false): { flat: Uint32Array; start: Int32Array } {
  const { hash, chained, lineStart } = words;
  const n = keyHash.length;
  // Room for every bucket a line can have: its words, their pairs, the first, the last and the whole line.
  const room = hash.length * 2 + n * 3;
  const pool = reuse ? POOL.any(room) : new Uint32Array(room);
  const lineAt = reuse ? LINE_AT.any(n + 1) : new Int32Array(n + 1);
  lineAt[0] = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const a = lineStart[i], b = lineStart[i + 1];
    for (let w = a; w < b; w++) {
      pool[k++] = hash[w] & mask;
      // The pair (w, w + 1): fnv1a of word w + 1 seeded with hash[w] ^ PAIR_SALT.
      if (w + 1 < b) pool[k++] = chained[w + 1] & mask;
    }
    if (b > a) {
      // "^" + the first word, "$" after the last.
      pool[k++] = chained[a] & mask;
      pool[k++] = fnv1a("$", hash[b - 1]) & mask;
    }
    if (b - a <= WHOLE_LINE_MAX_WORDS) pool[k++] = keyHash[i] & mask;
    lineAt[i + 1] = k;
  }
  return { flat: pool.subarray(0, k), start: lineAt };
}
