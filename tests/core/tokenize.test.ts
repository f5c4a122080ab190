// The tokenizer is a hand-written loop over a character-class table; its specification is the
// regex version it replaced (kept here as the reference). They must agree on every string:
// words, the count of unspaced-script characters and the count of capitalised words.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineCodes } from "../../src/core/codes.ts";
import { fnv1a } from "../../src/core/hash.ts";
import { WORD_SEEDS } from "../../src/core/lexical.ts";
import { lineKey } from "../../src/core/line-scan.ts";
import { tokenize } from "../../src/core/tokenize.ts";
import { docWords } from "../../src/core/words.ts";

const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;
const UNSPACED_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const UNSPACED_SPLIT_RE =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}])/u;

function reference(text: string): { words: string[]; unspaced: number; titled: number } {
  const words: string[] = [];
  let unspaced = 0, titled = 0;
  const add = (w: string) => { words.push(w.toLowerCase()); if (w[0] !== w[0].toLowerCase()) titled++; };
  for (const m of text.match(WORD_RE) ?? []) {
    if (!UNSPACED_RE.test(m)) { add(m); continue; }
    for (const part of m.split(UNSPACED_SPLIT_RE)) {
      if (!part) continue;
      add(part);
      if (part.length === 1 && UNSPACED_RE.test(part)) unspaced++;
    }
  }
  return { words, unspaced, titled };
}

// Characters where the classes are easy to get wrong: marks, digits of other scripts, unspaced
// scripts and their punctuation, symbols of unspaced scripts, surrogates (paired and lone),
// letters whose case mapping changes length, white space of every kind.
const TRICKY = [..."aZ09 \t\u00a0\u3000\u2028.,'-_éÉßİıΣσς\u0301\u0300\u0e34\u0e3f\u0e4f\u0e01漢字々〇\u2f00かカ\u30fb\u30a0ーไทยລາວខ្មែរမြန်٣٤۵१२١\uff10\uff21"];
const ASTRAL = ["😀", "👍🏽", "𝐀", "𝟘", "𠀀", "𐒠", "\ud83d", "\ude00"];

const trickyString = fc.array(fc.constantFrom(...TRICKY, ...ASTRAL), { maxLength: 40 }).map((a) => a.join(""));

describe("tokenize agrees with the regex reference", () => {
  it("on strings of tricky characters", () => {
    fc.assert(fc.property(trickyString, (s) => { expect(tokenize(s)).toEqual(reference(s)); }), { numRuns: 3000 });
  });
  it("on arbitrary UTF-16 strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => { expect(tokenize(s)).toEqual(reference(s)); }), { numRuns: 3000 });
  });
  it("on ASCII strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary-ascii", maxLength: 60 }), (s) => { expect(tokenize(s)).toEqual(reference(s)); }), { numRuns: 1000 });
  });
  it("the document's word table has the same words, counts and hashes, ASCII lines or not", () => {
    const table = (lines: string[]) => {
      const trimmed = lines.map((l) => l.trim());
      const codes = lineCodes(lines);
      const w = docWords(codes, (i) => trimmed[i], WORD_SEEDS);
      return trimmed.map((_, i) => {
        const words: string[] = [];
        for (let k = w.lineStart[i]; k < w.lineStart[i + 1]; k++) {
          const word = String.fromCharCode(...w.chars.subarray(w.start[k], w.start[k + 1]));
          expect(w.hash[k]).toBe(fnv1a(word));
          // Chained: from the first-word seed, or from the word before it.
          expect(w.chained[k]).toBe(fnv1a(word, k === w.lineStart[i] ? WORD_SEEDS.first : (w.hash[k - 1] ^ WORD_SEEDS.pair) >>> 0));
          words.push(word);
        }
        // The repetition key's hash, for lines that lower-case code unit by code unit.
        if (codes.pointwise[i]) expect(w.key[i]).toBe(fnv1a(lineKey(lines[i]), WORD_SEEDS.key));
        return { words, unspaced: w.unspaced[i], titled: w.titled[i] };
      });
    };
    const line = fc.oneof(fc.string({ unit: "binary-ascii", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }),
      fc.array(fc.constantFrom("Σ", "ΟΔΟΣ", "'", "İ", "i", "Ab", " ", "  ", "\t", "\u00a0", "\u3000", "漢字", "😀", "ß", "É", "x", "ſ"), { maxLength: 12 }).map((a) => a.join("")));
    fc.assert(fc.property(fc.array(line, { maxLength: 5 }), (lines) => {
      expect(table(lines)).toEqual(lines.map((l) => reference(l.trim())));
    }), { numRuns: 3000 });
  });
  it("the word table agrees on every BMP code unit between letters", () => {
    for (let c0 = 0; c0 < 0x10000; c0 += 4096) {
      const lines = Array.from({ length: 4096 }, (_, k) => `Ab${String.fromCharCode(c0 + k)}cD ${String.fromCharCode(c0 + k)}x`);
      const trimmed = lines.map((l) => l.trim());
      const codes = lineCodes(lines);
      const w = docWords(codes, (i) => trimmed[i], WORD_SEEDS);
      trimmed.forEach((t, i) => {
        if (codes.pointwise[i] && w.key[i] !== fnv1a(lineKey(lines[i]), WORD_SEEDS.key)) expect({ t, key: w.key[i] }).toEqual({ t, key: fnv1a(lineKey(lines[i]), WORD_SEEDS.key) });
        const words: string[] = [];
        for (let k = w.lineStart[i]; k < w.lineStart[i + 1]; k++) words.push(String.fromCharCode(...w.chars.subarray(w.start[k], w.start[k + 1])));
        const got = { words, unspaced: w.unspaced[i], titled: w.titled[i] }, want = reference(t);
        if (JSON.stringify(got) !== JSON.stringify(want)) expect({ t, got }).toEqual({ t, got: want });
      });
    }
  });
  it("on every BMP code unit between letters", () => {
    for (let c = 0; c < 0x10000; c += 1) {
      const s = `Ab${String.fromCharCode(c)}cD ${String.fromCharCode(c)}`;
      const got = tokenize(s), want = reference(s);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({ c, got }).toEqual({ c, got: want });
    }
  });
});
