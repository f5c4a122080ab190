// Language detection by stopword overlap, over the maintained multi-language lists of
// stopwords-iso (58 languages). The detected language's list gives each line its stopword density,
// the strongest single sign of running prose in any language (jusText's insight).
//
// Every word of a page is looked up once, by the FNV-1a hash the lexical features compute anyway,
// in an open-addressing table of typed arrays: a Map keyed by fresh strings spent most of its time
// hashing them and missing the cache on its 18,000 entries.
import stopwordsIso from "stopwords-iso/stopwords-iso.json" with { type: "json" };
import { fnv1a } from "./hash.ts";
import { int32Scratch } from "./scratch.ts";

const LISTS = stopwordsIso as Record<string, string[]>;
export const LANGUAGES: readonly string[] = Object.keys(LISTS).sort();

/** Stopword entries: the word (lower-cased) and the indexes (into LANGUAGES) of its lists. */
const WORDS: string[] = [];
const LANGS: number[][] = [];
{
  const index = new Map<string, number>();
  LANGUAGES.forEach((lang, i) => {
    for (const w of LISTS[lang]) {
      const key = w.toLowerCase();
      const e = index.get(key);
      if (e === undefined) { index.set(key, WORDS.length); WORDS.push(key); LANGS.push([i]); }
      else if (LANGS[e][LANGS[e].length - 1] !== i) LANGS[e].push(i);
    }
  });
}

// The table: a power of two at least twice the entries, so probes stay short.
let bits = 1;
while (1 << bits < WORDS.length * 2) bits++;
const MASK = (1 << bits) - 1;
const SLOT_HASH = new Uint32Array(1 << bits);
const SLOT_ENTRY = new Int32Array(1 << bits).fill(-1);
WORDS.forEach((w, e) => {
  const h = fnv1a(w);
  let s = h & MASK;
  while (SLOT_ENTRY[s] >= 0) s = (s + 1) & MASK;
  SLOT_HASH[s] = h;
  SLOT_ENTRY[s] = e;
});

// A bitmap over the hashes' top FILTER_BITS bits, set for every entry's: most words of a page are
// not stopwords, and this 16 KiB (which stays in the CPU's first-level cache) rules out nearly
// all of them without a probe of the 512 KiB table. 2^17 bits for 18,000 entries: ~13 % are set.
const FILTER_BITS = 17;
const FILTER = new Int32Array(1 << (FILTER_BITS - 5));
for (const w of WORDS) { const f = fnv1a(w) >>> (32 - FILTER_BITS); FILTER[f >>> 5] |= 1 << (f & 31); }

// The entries' words as code units, one after another: entry e is WORD_CODES[WORD_AT[e], WORD_AT[e + 1]).
const WORD_AT = new Int32Array(WORDS.length + 1);
WORDS.forEach((w, e) => { WORD_AT[e + 1] = WORD_AT[e] + w.length; });
const WORD_CODES = new Uint16Array(WORD_AT[WORDS.length]);
WORDS.forEach((w, e) => { for (let k = 0; k < w.length; k++) WORD_CODES[WORD_AT[e] + k] = w.charCodeAt(k); });

/**
 * The stopword entry of the word chars[from, to) (lower-cased; `hash` its fnv1a), or -1 when no
 * list holds it.
 */
export function stopwordEntry(chars: Uint16Array, from: number, to: number, hash: number): number {
  const f = hash >>> (32 - FILTER_BITS);
  if ((FILTER[f >>> 5] & (1 << (f & 31))) === 0) return -1;
  return probe(chars, from, to, hash);
}

/**
 * stopwordEntry of every word w = chars[start[w], start[w + 1]) with hash[w], into out[w]. The
 * filter is read for all of them first without a branch (whether a word passes it is as good as
 * random, and mispredicted branches were most of the look-up's time), the table probed only for
 * the words that pass (`candidates`: room for out.length).
 */
export function stopwordEntries(chars: Uint16Array, start: Int32Array, hash: Uint32Array, out: Int32Array, candidates: Int32Array): void {
  const n = out.length;
  let m = 0;
  for (let w = 0; w < n; w++) {
    const f = hash[w] >>> (32 - FILTER_BITS);
    out[w] = -1;
    candidates[m] = w;
    m += (FILTER[f >>> 5] >>> (f & 31)) & 1;
  }
  for (let q = 0; q < m; q++) {
    const w = candidates[q];
    out[w] = probe(chars, start[w], start[w + 1], hash[w]);
  }
}

/** The entry of a word that passed the filter (stopwordEntry past it). */
function probe(chars: Uint16Array, from: number, to: number, hash: number): number {
  for (let s = hash & MASK; ; s = (s + 1) & MASK) {
    const e = SLOT_ENTRY[s];
    if (e < 0) return -1;
    if (SLOT_HASH[s] === hash && WORD_AT[e + 1] - WORD_AT[e] === to - from && sameCodes(chars, from, WORD_AT[e], to - from)) return e;
  }
}

function sameCodes(chars: Uint16Array, from: number, at: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (chars[from + k] !== WORD_CODES[at + k]) return false;
  return true;
}

// The languages of each entry flattened for the detection loop: entry e's are
// LANG_IDS[LANG_AT[e], LANG_AT[e + 1]), each counting 1 / (their number) = LANG_WEIGHT[e].
const LANG_AT = new Int32Array(WORDS.length + 1);
LANGS.forEach((l, e) => { LANG_AT[e + 1] = LANG_AT[e] + l.length; });
const LANG_IDS = Int32Array.from(LANGS.flat());
const LANG_WEIGHT = Float64Array.from(LANGS, (l) => 1 / l.length);

// Detection reads at most this many words: a few thousand settle the language of any page and
// keep the cost constant on huge inputs.
const MAX_DETECT_WORDS = 4000;
// Fewer stopword hits than this for the best language and we do not claim one ("und"). Set by
// hand, not tuned: one or two hits can be a name or a borrowed word.
const MIN_HITS = 3;

// `hint` (a page's <html lang>) is taken unless the text's stopwords say otherwise: the best
// language has MIN_HITS or more and the hint's hits are below this share of them. Templates
// declare the site's language on pages in another (an English article under lang="fr" read with
// French stopwords lost 0.2 F1 in the audit's trials), while between close languages (Spanish and
// Portuguese, Norwegian and Danish) the hint stays the better judge. Set by hand, not tuned.
const HINT_MIN_SHARE = 0.5;

/**
 * The language of a document from its words' stopword entries (in document order);
 * `hint` (e.g. <html lang>) wins when known and the words do not contradict it (HINT_MIN_SHARE).
 */
export function detectLanguage(entries: Int32Array, hint?: string): string {
  const primary = hint ? hint.toLowerCase().split(/[-_]/)[0] : "";
  const hinted = primary && LISTS[primary] ? primary : "";
  const n = Math.min(entries.length, MAX_DETECT_WORDS);
  // Each language's hits are the weights of its stopwords among the first n words, summed in
  // document order. Which language has the most is found in two steps that give the same answer
  // with a fraction of the additions. First every language's sum to within rounding, from how
  // often each entry occurs (an addition per entry present and language, not per word and
  // language). Sums of a few thousand positive terms in any order are within 1e-12 of each other
  // relatively, so a language more than NEAR_BEST below the best of these cannot be the best of
  // the exact sums, nor reach MIN_HITS when the best does not come near it. Then the exact sums,
  // in document order as always, of the few languages left (one, most often), of which the first
  // with the most hits is the one trying them all picks.
  // (Without a branch per word: whether a word is a stopword, and of which language, is as good
  // as random, and the mispredicted branches were most of the time. Counts are kept at e + 1, so
  // no entry, -1, counts at 0 and is never listed.)
  const count = ENTRY_COUNT, seen = SEEN.any(n + 1);
  let distinct = 0;
  for (let j = 0; j < n; j++) {
    const x = entries[j] + 1, c = count[x];
    count[x] = c + 1;
    seen[distinct] = x;
    distinct += +(c === 0) & +(x !== 0);
  }
  count[0] = 0;
  const near = NEAR_SUMS;
  near.fill(0);
  for (let q = 0; q < distinct; q++) {
    const x = seen[q], e = x - 1, w = count[x] * LANG_WEIGHT[e];
    count[x] = 0;
    for (let k = LANG_AT[e]; k < LANG_AT[e + 1]; k++) near[LANG_IDS[k]] += w;
  }
  let top = 0;
  for (let i = 0; i < near.length; i++) if (near[i] > top) top = near[i];
  if (hinted && (top < MIN_HITS || near[languageIndex(hinted)] >= HINT_MIN_SHARE * top)) return hinted;
  const margin = NEAR_BEST * (1 + top);
  if (top < MIN_HITS - margin) return "und";
  let best = -1, bestHits = 0;
  for (let i = 0; i < near.length; i++) {
    if (near[i] < top - margin) continue;
    // A language's hits exactly as adding every word's weight to each of its languages sums them:
    // a word not among its stopwords adds +0, which leaves the sum (never -0) as it is.
    const member = stopwordsOf(i);
    let hits = 0;
    for (let j = 0; j < n; j++) { const x = entries[j] + 1; hits += member[x] * WEIGHT_AT[x]; }
    if (best < 0 || hits > bestHits) { best = i; bestHits = hits; }
  }
  return bestHits >= MIN_HITS ? LANGUAGES[best] : "und";
}

// How far below the best near sum a language is still summed exactly (relative to 1 + that sum):
// far above the 1e-12 by which sums of up to MAX_DETECT_WORDS positive terms (4,000 x 2^-53 each
// way) can differ in the order they are added, far below any real difference between languages.
const NEAR_BEST = 1e-9;
// Occurrences per entry (zero between calls: each is reset as it is read), the entries present,
// and the near sums per language.
const ENTRY_COUNT = new Int32Array(WORDS.length + 1);
// LANG_WEIGHT at e + 1 (0 at 0, where no entry goes).
const WEIGHT_AT = Float64Array.from({ length: WORDS.length + 1 }, (_, x) => (x ? LANG_WEIGHT[x - 1] : 0));
const SEEN = int32Scratch();
const NEAR_SUMS = new Float64Array(LANGUAGES.length);

/** The index of `lang` in LANGUAGES, -1 when it has no stopword list. */
export const languageIndex = (lang: string) => LANGUAGES.indexOf(lang);

// Per language (made on first use), 1 for each entry that is one of its stopwords.
const MEMBERS = new Map<number, Uint8Array>();

/**
 * For language `index`: at e + 1, 1 when stopword entry e's word is one of its stopwords; at 0
 * (where "no entry", -1, goes), 0. So a line's stopwords are a sum without a test per word.
 */
export function stopwordsOf(index: number): Uint8Array {
  let m = MEMBERS.get(index);
  if (!m) {
    m = new Uint8Array(WORDS.length + 1);
    LANGS.forEach((langs, e) => { if (langs.includes(index)) m![e + 1] = 1; });
    MEMBERS.set(index, m);
  }
  return m;
}
