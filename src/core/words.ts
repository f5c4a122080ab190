// The words of a document, as one table: word w is chars[start[w], start[w + 1]), lower-cased,
// hashed once (FNV-1a) for the stopword look-up and the lexical buckets. A line that lower-cases
// code unit by code unit (ASCII lines and most others: no surrogate, "Σ" or "İ") is cut into
// words straight from the document's code units where `tokenize` cuts it, each unit lower-cased
// as it is copied and hashed in the same step: no string per line or per word. Its ASCII units
// (nearly all, on the corpus's non-ASCII lines too) take one table load; the others the class
// table. The rest are cut by `tokenize` and lower-cased as it does (whole when that is the same,
// else word by word), and their words' code units are copied into the same table.
//
// The same pass makes the other hashes the features take of the same code units (each its own
// chain of multiplications, which the CPU runs side by side): every word hashed again from a seed
// that its predecessor sets (the lexical word-pair feature) or, first in its line, a fixed one;
// and, of a pointwise line, its repetition key (white-space runs as one space, lower-cased).
import * as charclass from "./charclass.ts";
import { lowerUnit, unitClass } from "./charclass.ts";
import type { LineCodes } from "./codes.ts";
import { FNV_OFFSET } from "./hash.ts";
import * as lineScan from "./line-scan.ts";
import { addPacked, endScan, moreAt, nonAsciiBits } from "./line-scan.ts";
import { int32Scratch, Scratch, uint32Scratch } from "./scratch.ts";
import { lowersPointwise, tokenRanges } from "./tokenize.ts";

// What the loops below read of other modules, as this module's own constants: an imported binding
// is read through its cell, with a check that it is initialised, at every use in optimised code.
const { ASCII_COUNTS, SAW_COLLAPSE, SAW_SENTENCE, SAYS_MORE, SCAN_CHUNK, STORED_SCAN } = lineScan;
const { SPACE, UNSPACED, UPPER, WORD } = charclass;

export interface DocWords {
  chars: Uint16Array;
  /** Word w is chars[start[w], start[w + 1]); there is one more entry than words. */
  start: Int32Array;
  hash: Uint32Array;
  /** Word w's FNV-1a from seeds.first (first in its line) or from hash[w - 1] ^ seeds.pair. */
  chained: Uint32Array;
  /** Line i's words are lineStart[i] .. lineStart[i + 1] - 1. */
  lineStart: Int32Array;
  /** Per line: words starting with a capital, words that are one unspaced-script character. */
  titled: Int32Array;
  unspaced: Int32Array;
  /** Per pointwise line (codes.ts), the FNV-1a from seeds.key of its repetition key (line-scan.ts lineKey); 0 for the others. */
  key: Uint32Array;
  /** Per pointwise line (codes.ts), its scanCodes as line-scan.ts readScan reads it; unset for the others. */
  scans: Int32Array;
}

/** Seeds of the hashes made beside the words' own (see DocWords). */
export interface WordSeeds { first: number; pair: number; key: number }

const FNV_PRIME = 0x01000193;

// The table's arrays and the per-line counts, reused from one document to the next (scratch.ts): a
// document's words are read by extractFeatures before the next document's are made.
const CHARS = new Scratch((n) => new Uint16Array(n)), START = int32Scratch(), HASH = uint32Scratch(), CHAINED = uint32Scratch();
const SCANS = int32Scratch(), LINE_START = int32Scratch(), TITLED = int32Scratch(), UNSPACED_COUNT = int32Scratch(), KEY = uint32Scratch();

// Per ASCII code unit, its lower case when it is one of [A-Za-z0-9], else 0: one load where a
// word's units were told apart by three range tests and lower-cased by a fourth.
const ASCII_WORD_LOW = Uint16Array.from({ length: 128 }, (_, c) => {
  const lc = c >= 65 && c <= 90 ? c | 0x20 : c;
  return (lc >= 97 && lc <= 122) || (c >= 48 && c <= 57) ? lc : 0;
});

/** A growable table of words (code units, starts, hashes). */
class Table {
  chars: Uint16Array;
  start: Int32Array;
  hash: Uint32Array;
  chained: Uint32Array;
  words = 0;
  used = 0;
  /** The hash of the line's last word so far (when `started`). */
  prev = 0;
  started = false;
  constructor(chars: number, readonly seeds: WordSeeds) {
    this.chars = CHARS.any(Math.max(16, chars));
    this.start = START.any(Math.max(16, chars >> 1));
    this.hash = HASH.any(this.start.length);
    this.chained = CHAINED.any(this.start.length);
  }
  /** Room for `chars` more code units and `words` more words (and the closing start). */
  room(chars: number, words = 0) {
    if (this.used + chars > this.chars.length) this.chars = grow(this.chars, this.used + chars);
    const need = this.words + words + 2;
    if (need > this.start.length) {
      this.start = grow(this.start, need); this.hash = grow(this.hash, need); this.chained = grow(this.chained, need);
    }
  }
  /** The seed of the chained hash of the word about to begin. */
  chainSeed(): number {
    return this.started ? this.prev ^ this.seeds.pair : this.seeds.first | 0;
  }
  /** Ends the word begun at `from` (its code units already written); h is its hash, g its chained hash. */
  end(from: number, h: number, g: number) {
    this.start[this.words] = from;
    this.chained[this.words] = g >>> 0;
    this.hash[this.words++] = h >>> 0;
    this.prev = h | 0;
    this.started = true;
  }
}

function grow<T extends Uint16Array | Int32Array | Uint32Array>(a: T, need: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The words of each trimmed line of `doc`; `text(i)` is line i trimmed (for the non-ASCII ones).
 * The arrays are valid until the next call (they are reused: scratch.ts).
 */
export function docWords(doc: LineCodes, text: (i: number) => string, seeds: WordSeeds): DocWords {
  const { codes, from, to, ascii, pointwise } = doc;
  const n = from.length;
  const t = new Table(codes.length, seeds);
  const scans = SCANS.any(n * STORED_SCAN), lineStart = LINE_START.any(n + 1), titled = TITLED.any(n), unspaced = UNSPACED_COUNT.zeroed(n), key = KEY.zeroed(n);
  lineStart[0] = 0;
  // The seeds and FNV's offset as int32 locals: read in the loops below, a number past 2^31 (or an
  // imported binding) was converted at every word.
  const keySeed = seeds.key | 0, pairSeed = seeds.pair | 0, firstSeed = seeds.first | 0, offset = FNV_OFFSET | 0;
  // A non-ASCII line's words, added to the table (one function for the document, reading the
  // line it is at from these).
  let line = "", lower: string | null = null, lineFrom = 0;
  const addWord = (a: number, b: number) => {
    const w = lower ?? line.slice(a - lineFrom, b - lineFrom).toLowerCase();
    const k0 = lower ? a - lineFrom : 0, k1 = lower ? b - lineFrom : w.length;
    t.room(k1 - k0);
    const w0 = t.used;
    let h = FNV_OFFSET | 0, g = t.chainSeed();
    for (let k = k0; k < k1; k++) {
      const c = w.charCodeAt(k);
      t.chars[t.used++] = c;
      h = Math.imul(h ^ c, FNV_PRIME);
      g = Math.imul(g ^ c, FNV_PRIME);
    }
    t.end(w0, h, g);
  };
  for (let i = 0; i < n; i++) {
    t.started = false;
    if (pointwise[i]) {
      // Runs of word units, as `tokenize` finds them. An ASCII unit (most units, on most lines) is
      // told apart and lower-cased by one table load; any other, of the BMP, is a word character,
      // an unspaced-script character (a word of its own) or a separator by the class table. Room
      // for the whole line first (at most a word per two units on an ASCII line, and one more; a
      // word per unit on another), so the loop keeps the table's counts in locals and writes each
      // word straight into its arrays.
      const b = from[i], e = to[i];
      t.room(e - b, ascii[i] ? ((e - b) >> 1) + 1 : e - b);
      const { chars, start, hash, chained } = t;
      let used = t.used, words = t.words;
      const first = words;
      // prev: the hash of the line's last word so far (the seed of the next word's chained hash).
      let w0 = -1, h = 0, g = 0, prev = 0, caps = 0, single = 0, kh = keySeed, space = false;
      // The line's scanCodes in the same pass, stored at scans[o] for line-scan.ts readScan (its
      // counts packed as there, added every SCAN_CHUNK units).
      const o = i * STORED_SCAN;
      scans[o] = 0; scans[o + 1] = 0; scans[o + 2] = 0; scans[o + 3] = 0;
      let packed = 0, chunkEnd = b + SCAN_CHUNK, sentences = 0, bits = 0;
      for (let k = b; k < e; k++) {
        const c = codes[k];
        if (k === chunkEnd) {
          addPacked(scans, o, packed);
          packed = 0; chunkEnd += SCAN_CHUNK;
        }
        // low: the unit lower-cased; cls: its class (0 for an ASCII unit that is not in a word).
        let low: number, cls = 0;
        if (c < 128) {
          packed += ASCII_COUNTS[c];
          low = ASCII_WORD_LOW[c];
          if (low !== 0) {
            if (w0 < 0) { w0 = used; h = offset; g = words > first ? prev ^ pairSeed : firstSeed; caps += +(c !== low); }
            // This unit and the ASCII word units right after it, to the chunk's end, in a loop of
            // their own (a word's units need none of the rest of the state, which then stays in
            // registers); a word that goes on past it goes on in the loop above (w0 stays set).
            const last = (e < chunkEnd ? e : chunkEnd) - 1;
            for (;;) {
              chars[used++] = low;
              h = Math.imul(h ^ low, FNV_PRIME);
              g = Math.imul(g ^ low, FNV_PRIME);
              kh = Math.imul(kh ^ low, FNV_PRIME);
              if (k === last) break;
              const d = codes[k + 1];
              if (d >= 128 || ASCII_WORD_LOW[d] === 0) break;
              k++;
              low = ASCII_WORD_LOW[d];
              packed += ASCII_COUNTS[d];
            }
            space = false;
            continue;
          }
          low = c;
          // ASCII white space as \s sees it: tab to return, and space.
          if (c === 32 || (c >= 9 && c <= 13)) cls = SPACE;
        } else {
          cls = unitClass(c); low = lowerUnit(c);
          scans[o + 3] += +((cls & UPPER) !== 0);
          bits |= nonAsciiBits(c, cls);
        }
        // The key: white space runs as one space.
        if (cls & SPACE) {
          // White space to collapse: any but a space, or a space after white space.
          if (c !== 32 || space) bits |= SAW_COLLAPSE;
          if (!space) kh = Math.imul(kh ^ 32, FNV_PRIME);
          space = true;
        } else {
          kh = Math.imul(kh ^ low, FNV_PRIME);
          space = false;
          if (SAYS_MORE[c] !== 0) {
            const more = moreAt(codes, b, e, k, c);
            sentences += more & SAW_SENTENCE;
            bits |= more;
          }
        }
        if (cls & WORD && !(cls & UNSPACED)) {
          if (w0 < 0) { w0 = used; h = offset; g = words > first ? prev ^ pairSeed : firstSeed; if (cls & UPPER) caps++; }
          chars[used++] = low;
          h = Math.imul(h ^ low, FNV_PRIME);
          g = Math.imul(g ^ low, FNV_PRIME);
          continue;
        }
        if (w0 >= 0) { start[words] = w0; chained[words] = g >>> 0; hash[words++] = h >>> 0; prev = h | 0; w0 = -1; }
        if (cls & WORD) {
          // A word of one unit (an unspaced script's).
          const seed = words > first ? prev ^ pairSeed : firstSeed;
          start[words] = used;
          chars[used++] = low;
          prev = Math.imul(offset ^ low, FNV_PRIME);
          chained[words] = Math.imul(seed ^ low, FNV_PRIME) >>> 0;
          hash[words++] = prev >>> 0;
          if (cls & UPPER) caps++;
          single++;
        }
      }
      if (w0 >= 0) { start[words] = w0; chained[words] = g >>> 0; hash[words++] = h >>> 0; }
      t.used = used; t.words = words;
      titled[i] = caps;
      unspaced[i] = single;
      key[i] = kh >>> 0;
      addPacked(scans, o, packed);
      endScan(scans, o, codes, b, e, sentences, bits);
    } else {
      line = text(i);
      // The line lower-cased once when that is the same as word by word (tokenize.ts).
      lower = lowersPointwise(line) ? line.toLowerCase() : null;
      lineFrom = from[i];
      const counts = tokenRanges(codes, lineFrom, to[i], addWord);
      titled[i] = counts.titled;
      unspaced[i] = counts.unspaced;
    }
    lineStart[i + 1] = t.words;
  }
  t.room(0);
  t.start[t.words] = t.used;
  return {
    chars: t.chars, start: t.start.subarray(0, t.words + 1), hash: t.hash.subarray(0, t.words), chained: t.chained.subarray(0, t.words),
    lineStart, titled, unspaced, key, scans,
  };
}
